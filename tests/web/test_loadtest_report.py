"""The load test's verdict on its target ratios, and the rounds it shows beside each."""

from loadtest.report import Ratio, described_rounds, markdown, median_runs, ratios
from loadtest.run import Run

FRESH = "gunicorn, no response cache"


def run(server: str, target: str, rate: float, errors: int = 0) -> Run:
    return Run(target, server, f"/{target}", rate, p50_ms=1.0, p99_ms=2.0, errors=errors)


def round_of(directory: float, search: float, letter: float = 100.0) -> list[Run]:
    """One round in turns: the fresh pages and Datasette, as loadtest/run.py measures them."""
    return [
        run(FRESH, "letter", letter),
        run(FRESH, "directory", directory),
        run(FRESH, "search page", search),
        run(FRESH, "signatory page", 300.0),
        run(FRESH, "search API", 400.0),
        run("Datasette", "table page", 50.0),
        run("Datasette", "search JSON", 100.0),
    ]


def measured_once() -> list[Run]:
    """The rows measured once: the cached pages and their ceilings."""
    pages = ("letter", "directory", "search page", "signatory page", "search API")
    rows = []
    for page in pages:
        rows += [
            run("nginx, saved copy (ceiling)", page, 1000.0),
            run("nginx cache → gunicorn", page, 900.0),
        ]
    return [
        *rows,
        run("gunicorn (Django)", "directory", 400.0),
        *[run("gunicorn (Django)", page, 400.0) for page in pages if page != "directory"],
    ]


def by_name(found: list[Ratio]) -> dict[str, Ratio]:
    return {ratio.name: ratio for ratio in found}


def test_each_row_is_its_median_round_with_every_rounds_errors():
    rounds = [round_of(200, 100), round_of(100, 300), round_of(300, 200)]
    rounds[0][1].errors = 2
    kept = {r.target: r for r in median_runs(rounds) if r.server == FRESH}
    assert kept["directory"].requests_per_second == 200
    assert kept["search page"].requests_per_second == 200
    assert kept["directory"].errors == 2


def test_the_verdict_is_the_ratio_of_the_medians_and_the_rounds_are_shown_beside_it():
    # The search page beats the directory in two rounds of three, but its median round (200)
    # is below the directory's (250): the verdict goes by the medians.
    rounds = [round_of(250, 260), round_of(300, 200), round_of(200, 210)]
    found = by_name(ratios([*measured_once(), *median_runs(rounds)], rounds))
    search = found["search page, fresh / directory, fresh"]
    assert search.value == 210 / 250
    assert not search.met
    assert search.rounds == (260 / 250, 200 / 300, 210 / 200)
    assert described_rounds(search) == "1.04, 0.67, 1.05 (median 1.04)"


def test_ratios_not_measured_in_the_same_rounds_have_no_rounds():
    rounds = [round_of(250, 260), round_of(300, 200), round_of(200, 210)]
    found = by_name(ratios([*measured_once(), *median_runs(rounds)], rounds))
    cached = found["directory / Datasette table page"]
    assert cached.rounds == ()
    assert described_rounds(cached) == "–"
    assert found["directory, fresh / Datasette table page"].rounds == (5.0, 6.0, 4.0)


def test_the_report_prints_every_ratio_with_its_rounds():
    rounds = [round_of(250, 260), round_of(300, 200), round_of(200, 210)]
    runs = [*measured_once(), *median_runs(rounds)]
    facts = dict.fromkeys(
        ("threads", "connections", "seconds", "workers", "gunicorn_threads", "database"), "x"
    )
    facts.update(
        rounds=3,
        round_seconds=5,
        signatories=283,
        machine="x86_64",
        date="today",
        wrk="wrk",
        nginx="nginx",
    )
    facts["load average before the run"] = "0 0 0"
    text = markdown(runs, ratios(runs, rounds), facts)
    assert (
        "| search page, fresh / directory, fresh | 0.84 | ≥ 1 | **no**"
        " | 1.04, 0.67, 1.05 (median 1.04) |"
    ) in text
    assert "| directory / Datasette table page | 8.00 | ≥ 4 | yes | – |" in text
