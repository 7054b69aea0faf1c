"""``python -m benchmarks [--mode quick|full] [--only FIGURE,...] [--out docs/BENCHMARKS.md]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .export_figure import BEGIN, END
from .machine import REPO
from .modes import MODES
from .report import render
from .run import FIGURES, run, say

NOTES = Path(__file__).resolve().parent / "notes.md"
BEFORE = Path(__file__).resolve().parent / "results" / "before-quick.json"


def kept_sections(page: Path) -> str:
    """The page's sections that other commands write (the export figure, between its
    markers: ``python -m benchmarks.export_figure``), to keep when the page is rendered."""
    text = page.read_text() if page.is_file() else ""
    if BEGIN not in text or END not in text:
        return ""
    return BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--mode", choices=sorted(MODES), default="quick")
    parser.add_argument(
        "--only", default=",".join(FIGURES), help=f"comma-separated subset of {','.join(FIGURES)}"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    parser.add_argument(
        "--json", type=Path, default=None, help="also write the raw results here (JSON)"
    )
    parser.add_argument(
        "--before",
        default=str(BEFORE) if BEFORE.is_file() else "",
        help="an earlier run's JSON, compared in the goals table ('' for none)",
    )
    parser.add_argument(
        "--render", type=Path, default=None, help="render this JSON instead of running"
    )
    args = parser.parse_args()
    only = [f for f in args.only.split(",") if f]
    unknown = sorted(set(only) - set(FIGURES))
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}")
    results = json.loads(args.render.read_text()) if args.render else run(MODES[args.mode], only)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    before = json.loads(Path(args.before).read_text()) if args.before else None
    notes = NOTES.read_text() if NOTES.is_file() else ""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    kept = kept_sections(args.out)
    args.out.write_text(render(results, before, notes) + (f"\n{kept}\n" if kept else ""))
    say(f"wrote {args.out} in {results['duration_s'] / 60:.1f} minutes")


if __name__ == "__main__":
    main()
