"""The table `make bench` prints: each figure beside its goal and its comparator, and whether
the goal is met. Every benchmark module reports its rows through `row` so the output is one
table a reader can scan (issue 13's goals), and `summary` lists the goals missed at the end.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(os.environ.get("BENCH_RESULTS", ".local/bench-results.jsonl"))


@dataclass
class Row:
    scenario: str
    figure: str
    goal: str
    comparator: str
    met: bool | None  # None: measured, no goal

    def line(self) -> str:
        verdict = {True: "met", False: "NOT MET", None: "-"}[self.met]
        return (
            f"{self.scenario:46} {self.figure:>26} {self.goal:>22} {verdict:>8}   {self.comparator}"
        )


def header(title: str) -> None:
    print(f"\n== {title}")
    print(f"{'scenario':46} {'figure':>26} {'goal':>22} {'verdict':>8}   comparator (same run)")


def row(
    scenario: str, figure: str, goal: str = "", comparator: str = "", met: bool | None = None
) -> Row:
    """Prints one row and appends it to the results file for the final summary."""
    r = Row(scenario, figure, goal, comparator, met)
    print(r.line(), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(asdict(r)) + "\n")
    return r


def reset() -> None:
    RESULTS.unlink(missing_ok=True)


def summary() -> int:
    """Prints every row again as one table; returns the number of goals not met."""
    rows = (
        [Row(**json.loads(line)) for line in RESULTS.read_text().splitlines()]
        if RESULTS.exists()
        else []
    )
    header(f"summary: {len(rows)} figures")
    for r in rows:
        print(r.line())
    missed = [r for r in rows if r.met is False]
    kept = len(rows) - len(missed)
    print(f"\n{kept} of {len(rows)} rows met or without a goal; {len(missed)} not met")
    for r in missed:
        print(f"  NOT MET: {r.scenario}: {r.figure} (goal {r.goal})")
    return len(missed)


def failed(module: str, code: str) -> None:
    """A module that stopped before its end: one NOT MET row, so the summary shows it."""
    row(
        f"{module}: ran to its end",
        f"exit status {code}",
        "exit status 0",
        "its output above",
        False,
    )


def main(argv: list[str]) -> int:
    """`python -m tests.benchmarks.report [reset | failed MODULE CODE]`: the summary by default.
    Exits 0 either way: the table says which goals are missed."""
    if argv[:1] == ["reset"]:
        reset()
    elif argv[:1] == ["failed"] and len(argv) == 3:
        failed(argv[1], argv[2])
    else:
        summary()
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
