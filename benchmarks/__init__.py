"""`make bench`: figures for docs/BENCHMARKS.md, every one measured side by side in one run.

Run ``python -m benchmarks`` (quick mode) or ``python -m benchmarks --mode full`` from the
repository root; ``--only`` picks figures. No test asserts on any timing here.
"""
