"""How much each figure is repeated: quick (`make bench`, under 10 minutes on 2 cores) and full."""

from __future__ import annotations

from dataclasses import dataclass

from .lifecycle import Provider

FLOOR = Provider("floor", "no-op provider (floor)", "noop")
NAIVE = Provider("naive", "naive boto3 provider in `__main__`", "naive")
OURS = Provider("ours", "pulumi_ssm_contacts", "ours")
OURS_SDK_WORKERS = Provider(
    "ours-4",
    "pulumi_ssm_contacts, 4 server workers (the SDK server's)",
    "ours",
    env={"PULUMI_DYNAMIC_PROVIDER_WORKERS": "4"},
)
NATIVE = Provider("native", "pulumi_ssm_contacts.native (the native plugin)", "native")
"""The engine finds the plugin pulumi-resource-ssm-contacts in .tools/pulumi-home's plugin cache
(scripts/ensure-pulumi installs it there; cli_stack.engine_env sets that PULUMI_HOME)."""
PROVIDERS = {p.key: p for p in (FLOOR, NAIVE, OURS, OURS_SDK_WORKERS, NATIVE)}


@dataclass(frozen=True)
class Cell:
    """Lifecycles of ``sizes`` contacts at one injected latency, ``rounds`` times each."""

    latency_ms: int
    sizes: tuple[int, ...]
    providers: tuple[str, ...]
    rounds: int
    parallel: int | None = None
    """`--parallel`; None leaves the engine's default (4 per core)."""


@dataclass(frozen=True)
class Mode:
    name: str
    cells: tuple[Cell, ...]
    call_count_size: int
    """Resources per stack for the ContactChannel and ContactPlan call counts."""
    hook_iterations: tuple[tuple[int, int], ...]
    """(latency ms, lifecycles) for the in-process hook figure."""
    concurrent_reads: int
    concurrency_rounds: int
    import_runs: int
    start_runs: int
    pytest_runs: int


QUICK = Mode(
    name="quick",
    cells=(
        Cell(0, (20, 100), ("floor", "naive", "ours"), rounds=1),
        Cell(100, (20, 100), ("floor", "naive", "ours", "native"), rounds=1),
        # The goals' cell: with the round above, 3 rounds of the floor, ours and native.
        Cell(100, (100,), ("floor", "ours", "ours-4", "native"), rounds=2),
    ),
    call_count_size=5,
    hook_iterations=((0, 20), (100, 5)),
    concurrent_reads=32,
    concurrency_rounds=3,
    import_runs=9,
    start_runs=5,
    pytest_runs=7,
)

FULL = Mode(
    name="full",
    cells=(
        Cell(0, (50, 200, 500), ("floor", "naive", "ours"), rounds=3),
        Cell(100, (50, 200, 500), ("floor", "naive", "ours", "ours-4", "native"), rounds=3),
        Cell(100, (500,), ("floor", "ours", "ours-4", "native"), rounds=3, parallel=32),
    ),
    call_count_size=20,
    hook_iterations=((0, 50), (100, 10)),
    concurrent_reads=64,
    concurrency_rounds=5,
    import_runs=21,
    start_runs=9,
    pytest_runs=15,
)

TINY = Mode(
    name="tiny",
    # Our two front ends: the floor and the naive provider are the bench's own programs,
    # which `make bench` runs (the smoke test's time is better spent on ours).
    cells=(Cell(0, (1,), ("ours", "native"), rounds=1),),
    call_count_size=1,
    hook_iterations=((0, 1),),
    concurrent_reads=2,
    concurrency_rounds=1,
    import_runs=1,
    start_runs=1,
    pytest_runs=1,
)
"""The smoke test's: every figure once, at sizes that only prove the bench runs."""

MODES = {m.name: m for m in (QUICK, FULL, TINY)}
