"""Database faults for the drill (loadtest/chaos.py): a paused PostgreSQL, imports that overlap.

Pausing touches only the backend processes of one database whose name says it is for the drill
(it contains "chaos"): never the cluster, never another database's connections. A backend is
stopped only while it waits for its client (state "idle"), when it holds no lock another
database could need, and every stopped one is resumed when the pause ends, whatever happens.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent


class PausedBackends:
    """Within the block, the chaos database's backends, and those that connect meanwhile, are
    stopped (SIGSTOP); on leaving, all are resumed (SIGCONT)."""

    def __init__(self, database_url: str):
        self.name = database_url.rsplit("/", 1)[1]
        if "chaos" not in self.name:
            raise ValueError(f"refusing to pause {self.name!r}: not a chaos database")
        self.admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
        self.stopped: set[int] = set()
        self.done = threading.Event()

    def __enter__(self) -> PausedBackends:
        self.monitor = psycopg.connect(self.admin_url, autocommit=True)
        atexit.register(self.resume)
        deadline = time.monotonic() + 5
        while not self.pause_idle() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.watcher = threading.Thread(target=self.keep_paused, daemon=True)
        self.watcher.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.watcher.join(timeout=5)
        self.resume()
        self.monitor.close()

    def pause_idle(self) -> int:
        rows = self.monitor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND state = 'idle'", [self.name]
        ).fetchall()
        paused = 0
        for (pid,) in rows:
            if pid not in self.stopped:
                os.kill(pid, signal.SIGSTOP)
                self.stopped.add(pid)
                paused += 1
        return paused

    def keep_paused(self) -> None:
        while not self.done.wait(0.02):
            self.pause_idle()

    def resume(self) -> None:
        for pid in list(self.stopped):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
            self.stopped.discard(pid)


def load_letter(env: dict, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "load_letter", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class ImportLoop:
    """Imports one folder, then the other, again and again, until stopped; counts them."""

    def __init__(self, env: dict, folders: list[Path]):
        self.env, self.folders = env, folders
        self.finished: list[tuple[int, str]] = []  # (exit code, last line of output)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            process = load_letter(self.env, self.folders[n % len(self.folders)])
            out, err = process.communicate(timeout=300)
            last = (err.strip() or out.strip()).splitlines()[-1:] or [""]
            self.finished.append((process.returncode, last[0]))
            n += 1

    def __enter__(self) -> ImportLoop:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=300)


def imports_at_once(env: dict, folder: Path, count: int = 2) -> list[dict]:
    """`count` imports of `folder` started together: how each ended."""
    processes = [load_letter(env, folder) for _ in range(count)]
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        lines = (err.strip() or out.strip()).splitlines()
        outcomes.append(
            {
                "exit": process.returncode,
                "traceback": "Traceback" in err,
                "last": lines[-1] if lines else "",
            }
        )
    return outcomes
