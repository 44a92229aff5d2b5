"""The load test's results as a Markdown table and target ratios, kept in docs/benchmarks.md."""

import re
import statistics
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

SECTION = "## Load"
FRESH = "gunicorn, no response cache"

# (name, numerator (server, target), denominator (server, target), target)
TARGETS = [
    *[
        (
            f"{page}: nginx cache / ceiling",
            ("nginx cache → gunicorn", page),
            ("nginx, saved copy (ceiling)", page),
            0.5,
        )
        for page in ("letter", "directory", "search page", "signatory page", "search API")
    ],
    (
        "directory / Datasette table page",
        ("gunicorn (Django)", "directory"),
        ("Datasette", "table page"),
        4.0,
    ),
    (
        "search API / Datasette search JSON",
        ("gunicorn (Django)", "search API"),
        ("Datasette", "search JSON"),
        3.0,
    ),
    # Rendered fresh, every request (issue 17).
    (
        "directory, fresh / Datasette table page",
        (FRESH, "directory"),
        ("Datasette", "table page"),
        2.0,
    ),
    (
        "search API, fresh / Datasette search JSON",
        (FRESH, "search API"),
        ("Datasette", "search JSON"),
        1.5,
    ),
    *[
        (f"{page}, fresh / directory, fresh", (FRESH, page), (FRESH, "directory"), 1.0)
        for page in ("letter", "search page", "signatory page")
    ],
]


@dataclass
class Ratio:
    """A target ratio: of the two rows' rates (each its median round, when measured in rounds),
    and, when both were measured in the same rounds, each round's own ratio (`rounds`)."""

    name: str
    value: float
    target: float
    rounds: tuple[float, ...] = ()

    @property
    def met(self) -> bool:
        return self.value >= self.target


def median_runs(rounds: list[list]) -> list:
    """Of each target measured once a round, its run of median rate, with every round's errors."""
    kept = []
    for runs in zip(*rounds, strict=True):
        ranked = sorted(runs, key=lambda r: r.requests_per_second)
        kept.append(replace(ranked[len(ranked) // 2], errors=sum(r.errors for r in runs)))
    return kept


def ratios(runs, rounds: list[list] = ()) -> list[Ratio]:
    """The TARGETS' ratios of the `runs`; with the `rounds` the runs in turns came from (see
    `median_runs`), each round's own ratio too, for the targets measured in every round.

    A round's two pages ran seconds apart, under the same load from whatever else shares the
    machine; the medians of two pages may come from different rounds. The verdict stays the
    ratio of the medians; the rounds show how far it can be trusted."""
    rate = rates(runs)
    round_rates = [rates(round_runs) for round_runs in rounds]
    found = []
    for name, top, bottom, target in TARGETS:
        each_round = [r[top] / r[bottom] for r in round_rates if top in r and bottom in r]
        kept = tuple(each_round) if len(each_round) == len(round_rates) else ()
        found.append(Ratio(name, rate[top] / rate[bottom], target, kept))
    return found


def rates(runs) -> dict[tuple[str, str], float]:
    """Requests per second of each (server, target) among the runs."""
    return {(r.server, r.target): r.requests_per_second for r in runs}


def described_rounds(ratio: Ratio) -> str:
    """A ratio's rounds, in order, and their median; a dash when it was not measured in rounds."""
    if not ratio.rounds:
        return "–"
    listed = ", ".join(f"{value:.2f}" for value in ratio.rounds)
    return f"{listed} (median {statistics.median(ratio.rounds):.2f})"


def version(args: list[str]) -> str:
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=10)
    except OSError:
        return "?"
    return (result.stdout or result.stderr).strip().splitlines()[0]


def start() -> dict:
    """The machine's load and the time as the run starts (the report is written at its end)."""
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    return {
        "load average before the run": load,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def environment(started: dict, **facts) -> dict:
    facts.update(started)
    facts["wrk"] = version(["wrk", "--version"])
    facts["nginx"] = version(["nginx", "-v"])
    return facts


def markdown(runs, ratio_list: list[Ratio], facts: dict) -> str:
    lines = [
        SECTION,
        "",
        "Written by `make loadtest` (loadtest/run.py); numbers from one run, on loopback only.",
        f"Each row is one `wrk -t{facts['threads']} -c{facts['connections']}"
        f" -d{facts['seconds']}s --timeout 10s` run; an error is any socket error, timeout or"
        " unexpected status: anything but 2xx, or anything but 503 where the database is down.",
        f"gunicorn: production settings (DJANGO_DEBUG=0), {facts['workers']} workers ×"
        f" {facts['gunicorn_threads']} threads, {facts['database']}; 'no response cache' is the"
        " same app with DJANGO_RESPONSE_CACHE=0, rendering every request (the database is"
        " vacuumed and analyzed after loading, as an import leaves it); it and Datasette are measured"
        f" in turns, {facts['rounds']} rounds of {facts['round_seconds']} s, and each row is the"
        " median round (its errors those of every round). The nginx cache is"
        " deploy/nginx.conf's rules (deploy/nginx-archive.conf) on plain HTTP; the ceiling is nginx"
        " serving the same bytes saved as files. Datasette 0.65.5 serves the same"
        f" {facts['signatories']} signatories from SQLite with an FTS5 index (immutable mode, 50"
        " rows a page). Faults, last: a gunicorn whose database is unreachable (closed port), which"
        " must answer every request with the styled 503 and at once; then the app stopped, with"
        " nginx answering from its cache.",
        f"Machine: {facts['machine']}, shared with the load generator; load average before the"
        f" run {facts['load average before the run']}; {facts['date']}; {facts['wrk']};"
        f" {facts['nginx']}.",
        "",
        "| Page | Server | URL | Requests/s | p50 ms | p99 ms | Errors |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        lines.append(
            f"| {r.target} | {r.server} | `{r.url}` | {r.requests_per_second:,.0f} |"
            f" {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.errors} |"
        )
    lines += [
        "",
        "Each ratio is of the two rows above; 'Rounds' gives, where both pages were measured in"
        " the same rounds, each round's own ratio and their median, which shows the noise.",
        "",
        "| Ratio | Value | Target | Met | Rounds |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for ratio in ratio_list:
        met = "yes" if ratio.met else "**no**"
        lines.append(
            f"| {ratio.name} | {ratio.value:.2f} | ≥ {ratio.target:g} | {met}"
            f" | {described_rounds(ratio)} |"
        )
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str, heading: str = SECTION) -> None:
    """Replace the `heading` section of `path` (up to the next "## " heading), leaving the rest."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n")
