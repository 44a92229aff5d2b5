"""How long the public pages take to render fresh, in process: the median of N renders of each.

    DATABASE_URL=postgres://... python loadtest/render_times.py [N]
    DATABASE_URL=postgres://... python loadtest/render_times.py --profile URL [N]

Production settings (DEBUG off) and no response cache, as loadtest/snapshot.py sets them; each
render goes through the whole middleware stack with Django's test client. Prints the median
milliseconds (wall clock, and CPU time of this process, which other work on a busy machine
disturbs less), the queries and the bytes of each page; `--profile` prints cProfile's costliest
functions over N renders of one URL instead.
"""

import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loadtest.snapshot import HOST, setup  # noqa: E402

PAGES = [
    ("letter", "/"),
    ("directory", "/signatories/"),
    ("directory?q", "/signatories/?q=tibet"),
    ("signatory", "/signatories/{slug}/"),
    ("source", "/sources/{source}/"),
    ("discrepancies", "/discrepancies/"),
    ("search API", "/api/signatories?q=tibet"),
    ("API list", "/api/signatories"),
    ("API detail", "/api/signatories/{slug}"),
    ("CSV", "/signatories.csv"),
]


def addresses() -> list[tuple[str, str]]:
    from letters.models import SourceVersion
    from signatories.models import Signatory

    signatory = Signatory.objects.filter(entries__isnull=False).order_by("pk").first()
    source = SourceVersion.objects.with_lists().order_by("position").first()
    return [(name, url.format(slug=signatory.slug, source=source.slug)) for name, url in PAGES]


def measure(url: str, renders: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME=HOST)
    client.get(url)  # warm: imports, compiled templates, connection
    timings, cpu = [], []
    for _ in range(renders):
        start, start_cpu = time.perf_counter(), time.thread_time()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    median = statistics.median
    return median(timings) * 1000, median(cpu) * 1000, len(queries), len(response.content)


def profile(url: str, renders: int) -> None:
    from django.test import Client

    client = Client(SERVER_NAME=HOST)
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def main(argv: list[str]) -> None:
    setup()
    if argv and argv[0] == "--profile":
        profile(argv[1], int(argv[2]) if len(argv) > 2 else 50)
        return
    renders = int(argv[0]) if argv else 50
    print(f"{'page':<14} {'median ms':>9} {'CPU ms':>7} {'queries':>7} {'bytes':>8}  url")
    for name, url in addresses():
        ms, cpu, queries, size = measure(url, renders)
        print(f"{name:<14} {ms:9.2f} {cpu:7.2f} {queries:7d} {size:8d}  {url}")


if __name__ == "__main__":
    main(sys.argv[1:])
