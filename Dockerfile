# The archive's application image: gunicorn serving Django, static files by whitenoise.
# Build: docker build -t open-letter-archive .   Run: see compose.yaml and docs/deploy.md.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system archive \
    && useradd --system --gid archive --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin archive

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so that code changes reuse this layer.
COPY pyproject.toml ./
RUN pip install .

COPY . .

# RELEASE names this build's code: it is part of every ETag, so a new image never answers 304
# with pages rendered by the old one. Static files are collected (hashed and compressed) now, with
# a throwaway key and database that exist only for this step.
RUN find . -type f \( -name '*.py' -o -name '*.html' -o -name '*.css' -o -name '*.js' \
         -o -name '*.svg' -o -name '*.toml' \) -print0 \
       | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16 > RELEASE \
    && DJANGO_DEBUG=0 \
       DJANGO_SECRET_KEY=build-time-only-throwaway-key-never-used-at-run-time-0123456789 \
       DJANGO_ALLOWED_HOSTS=build.invalid \
       DATABASE_URL=sqlite:////tmp/build.sqlite3 \
       python manage.py collectstatic --noinput --verbosity 0 \
    && rm -f /tmp/build.sqlite3

USER archive

ENV DJANGO_DEBUG=0 \
    GUNICORN_BIND=0.0.0.0:8000 \
    GUNICORN_WORKERS=3 \
    GUNICORN_THREADS=2

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]

ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "config.wsgi"]
