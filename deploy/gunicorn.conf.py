"""Gunicorn settings for the archive, read from the environment (see docs/deploy.md)."""

import multiprocessing
import os
import threading
import time

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# gthread keeps connections from the proxy alive; sync would close each one.
worker_class = "gthread" if threads > 1 else "sync"
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Only the proxy in front may set X-Forwarded-* (in compose, the nginx container's network).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# nginx refuses request lines and headers over its buffers (deploy/nginx-archive.conf) with its
# own styled pages; gunicorn's limits sit above them, so that its bare 400/414/431 never show.
limit_request_line = 8190
limit_request_field_size = 8190
limit_request_fields = 32768
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# The control socket would need a writable home; the container's user has none.
control_socket_disable = True

# A request that runs longer than this ends its worker, which the master replaces. `timeout`
# above only notices a worker whose main loop is stuck: a gthread worker keeps beating while a
# request thread hangs. The app gives up on the database sooner (DJANGO_DB_REQUEST_TIMEOUT);
# this is the backstop for anything else. 0 turns it off.
request_timeout = float(os.environ.get("GUNICORN_REQUEST_TIMEOUT", "30"))
_running: dict[int, float] = {}


def pre_request(worker, req):
    _running[threading.get_ident()] = time.monotonic()


def post_request(worker, req, environ, resp):
    _running.pop(threading.get_ident(), None)


def post_worker_init(worker):
    if request_timeout <= 0:
        return

    def watch():
        while worker.alive:
            time.sleep(min(1.0, request_timeout / 4))
            oldest = min(_running.values(), default=None)
            if oldest is not None and time.monotonic() - oldest > request_timeout:
                worker.log.error(
                    "A request has run for more than %g s: stopping worker %s, which the"
                    " master replaces.",
                    request_timeout,
                    worker.pid,
                )
                os._exit(1)

    threading.Thread(target=watch, name="request-timeout", daemon=True).start()
