"""The drill's figures (loadtest/chaos.py) as the "Chaos" section of docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import time
from collections import Counter
from pathlib import Path

from loadtest import report

HEADING = "## Chaos"


def yes(met: bool) -> str:
    return "yes" if met else "**no**"


def markdown(results: dict, *, memory_target: float, answer_target: float) -> tuple[str, list]:
    missed: list[str] = []
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    lines = [
        HEADING,
        "",
        "Written by `make chaos` (loadtest/chaos.py), one run on loopback: the attacks and faults"
        " of issue 14 replayed against gunicorn with production settings (deploy/gunicorn.conf.py),"
        " behind nginx with deploy/nginx.conf where the attack goes through it.",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, shared; load average before the"
        f" drill {load}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
    ]

    m = results["memory"]
    junk_growth = m["after_junk"] - m["before"]
    distinct_growth = m["after_distinct"] - m["after_junk"]
    met = junk_growth < memory_target
    if not met:
        missed.append(f"worker memory grew {junk_growth:.1f} MB over the junk requests")
    lines += [
        "**Memory** (one gunicorn worker, PostgreSQL; resident memory from /proc):",
        "",
        "| Requests | RSS before | RSS after | Growth | Target | Met |",
        "| --- | ---: | ---: | ---: | --- | --- |",
        f"| 2,000 × `/signatories.json?junk=N` | {m['before']:.1f} MB | {m['after_junk']:.1f} MB"
        f" | {junk_growth:+.1f} MB | < {memory_target} MB | {yes(met)} |",
        f"| then 2,000 distinct `/api/signatories?page_size=…&page=…` | {m['after_junk']:.1f} MB |"
        f" {m['after_distinct']:.1f} MB | {distinct_growth:+.1f} MB | bounded by"
        " DJANGO_RESPONSE_CACHE_BYTES (16 MiB) | — |",
        "",
        f"Statuses: junk {m['junk_statuses']}, distinct {m['distinct_statuses']}. Through nginx,"
        f" 2,000 × `/signatories/?junk=N`: X-Cache-Status {m['nginx_cache']} (the app saw the"
        " misses only).",
        "",
    ]

    lines += [
        "**Login lockout** behind nginx: the attacker (127.0.0.2) sends five wrong passwords for"
        " `curator`, each claiming the curator's address in X-Forwarded-For, then the right one;"
        " then the curator logs in from 127.0.0.3.",
        "",
        "| DJANGO_TRUSTED_PROXY_COUNT | Attacker's five failures | Attacker, right password"
        " | Curator | Met |",
        "| --- | --- | --- | --- | --- |",
    ]
    for run in results["lockout"]:
        met = run["curator"] == 302 if run["proxy_count"] != "0" else True
        if not met:
            missed.append(f"the curator got {run['curator']} behind nginx")
        note = " (as before the fix)" if run["proxy_count"] == "0" else ""
        lines.append(
            f"| {run['proxy_count']}{note} | {run['failures']} | {run['attacker_with_the_password']}"
            f" | {run['curator']} | {yes(met) if run['proxy_count'] != '0' else '—'} |"
        )
    lines.append("")

    h = results["hung"]
    answers = h["answers"]
    slowest = max(seconds for _, _, seconds in answers)
    unanswered = [
        path for path, status, seconds in answers if status == 0 or seconds >= answer_target
    ]
    if unanswered:
        missed.append(f"with PostgreSQL paused, {len(unanswered)} requests took 5 s or more")
    by_path: dict[str, list] = {}
    for path, status, seconds in answers:
        by_path.setdefault(path, []).append((status, seconds))
    lines += [
        f"**PostgreSQL paused**: {h['backends_paused']} backends of the drill's database stopped"
        " (SIGSTOP; only that database's, only while idle, all resumed after), and new ones as they"
        " connected; 4 rounds of these requests from 8 clients at once, against 2 workers × 2"
        " threads (DJANGO_DB_REQUEST_TIMEOUT at its default, 2 s). Target: every request answered within"
        f" {answer_target} s.",
        "",
        "| Request | Statuses | Slowest |",
        "| --- | --- | ---: |",
    ]
    for path, found in by_path.items():
        statuses = ", ".join(f"{s} × {n}" for s, n in sorted(Counter(s for s, _ in found).items()))
        lines.append(f"| `{path}` | {statuses} | {max(t for _, t in found):.2f} s |")
    lines += [
        "",
        f"Slowest answer {slowest:.2f} s ({yes(not unanswered)}); after resuming, /healthz answered"
        f" 200 again within {h['recovery']:.1f} s.",
        "",
    ]

    s = results["sqlite"]
    statuses = Counter(status for status, _ in s["saves"])
    lost = len(s["saves"]) - s["kept"]
    outage = statuses.get(503, 0)
    met = lost == 0 and outage == 0 and set(statuses) == {302}
    if not met:
        missed.append(f"SQLite: {lost} saves lost, {outage} answered with the outage page")
    imports = Counter(code for code, _ in s["imports"])
    lines += [
        f"**SQLite: admin saves during imports** (2 workers × 2 threads): {len(s['saves'])} saves of"
        f" a source note through the admin while {len(s['imports'])} imports ran one after another"
        f" (exit codes {dict(imports)}), each adding or removing a copy of 281 entries.",
        "",
        "| Saves | Answered 302 | Outage page (503) | Lost | Slowest save | Met |",
        "| ---: | ---: | ---: | ---: | ---: | --- |",
        f"| {len(s['saves'])} | {statuses.get(302, 0)} | {outage} | {lost} |"
        f" {max(t for _, t in s['saves']):.2f} s | {yes(met)} |",
        "",
        "**Two imports at once** (exit code, last line of output):",
        "",
    ]
    for name, label in (
        ("at_once_sqlite", "SQLite"),
        ("at_once_sqlite_short_wait", "SQLite, DJANGO_DB_LOCK_TIMEOUT=0.2"),
        ("at_once_postgresql", "PostgreSQL"),
    ):
        for n, outcome in enumerate(s[name], start=1):
            if outcome["traceback"]:
                missed.append(f"{label}: import {n} ended with a traceback")
            lines.append(
                f"- {label}, import {n}: exit {outcome['exit']}, {outcome['last']!r}"
                + (" — **traceback**" if outcome["traceback"] else "")
            )
    lines.append("")
    return "\n".join(lines), missed


def write(path: Path, section: str) -> None:
    report.write_section(path, section, heading=HEADING)
