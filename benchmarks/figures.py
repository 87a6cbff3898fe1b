"""One measured figure, and how each benchmark script hands its figures to ``run.py``.

Every ``bench_*.py`` script measures one area and ends by calling ``report(figures)``: it prints
a readable line per figure and, last, one JSON line (``FIGURES_PREFIX`` + a JSON list) that
``run.py`` collects when it runs the script in a process of its own. A fresh process per area
keeps measurements honest: no warm caches, Qt state or memory carried from another area.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass

FIGURES_PREFIX = "FIGURES "


@dataclass(frozen=True)
class Figure:
    """A measurement with its unit, the goal it is held to, and what it is compared with.

    ``goal`` is a number in ``unit``; ``lower_is_better`` says which side of it meets the goal.
    ``comparison`` names the alternative measured in the same run (or a reference figure), in words.
    """

    area: str
    name: str
    value: float
    unit: str
    goal: float | None = None
    lower_is_better: bool = True
    comparison: str | None = None

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.value <= self.goal if self.lower_is_better else self.value >= self.goal

    def as_json(self) -> dict:
        return {**asdict(self), "met": self.met}


def report(figures: list[Figure]) -> None:
    """Print the figures for a person, then the JSON line ``run.py`` reads."""
    for figure in figures:
        print(format_line(figure))
    print(FIGURES_PREFIX + json.dumps([figure.as_json() for figure in figures]))
    sys.stdout.flush()


def format_value(value: float, unit: str) -> str:
    if unit in ("chars/s",):
        return f"{value:,.0f} {unit}"
    if unit == "x":
        return f"{value:.1f}x"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}" if abs(value) < 10 else f"{value:.1f} {unit}"


def format_line(figure: Figure) -> str:
    goal = ""
    if figure.goal is not None:
        sign = "<" if figure.lower_is_better else "≥"
        verdict = "met" if figure.met else "NOT met"
        goal = f"  (goal {sign} {format_value(figure.goal, figure.unit)}: {verdict})"
    comparison = f"  [{figure.comparison}]" if figure.comparison else ""
    return f"{figure.area:<12} {figure.name:<48} {format_value(figure.value, figure.unit):>16}{goal}{comparison}"
