"""Samples, medians with their spread, and ratios: how every figure is summarised."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """Repeated measurements of one thing (seconds, bytes, calls)."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: Iterable[float]) -> Sample:
        return cls(tuple(values))

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def low(self) -> float:
        return min(self.values) if self.values else float("nan")

    @property
    def high(self) -> float:
        return max(self.values) if self.values else float("nan")

    def seconds(self) -> str:
        """``1.23 (1.10-1.40)``: median and min-max, in seconds."""
        if len(self.values) == 1:
            return f"{self.median:.2f}"
        return f"{self.median:.2f} ({self.low:.2f}-{self.high:.2f})"

    def millis(self) -> str:
        """``12.3 ms (11.0-14.1)``: median and min-max, in milliseconds."""
        if len(self.values) == 1:
            return f"{self.median * 1000:.1f} ms"
        return f"{self.median * 1000:.1f} ms ({self.low * 1000:.1f}-{self.high * 1000:.1f})"


def ratio(value: float, base: float) -> str:
    """``1.23x``; a dash when the base is not a positive number."""
    if not base > 0 or value != value:
        return "n/a"
    return f"{value / base:.2f}x"


def table(header: list[str], rows: list[list[str]], right_from: int = 1) -> str:
    """A Markdown table; columns from ``right_from`` on are right-aligned."""
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
