"""The benchmark's goals judge each step against the round trips it cannot avoid."""

from __future__ import annotations

from typing import Any

from benchmarks.goals import ideal_seconds, verdicts


def _life(provider: str, seconds: dict[str, float]) -> dict[str, Any]:
    return {
        "latency_ms": 100,
        "parallel": None,
        "size": 100,
        "provider": provider,
        "seconds": seconds,
        "calls": {"preview (no-op)": {}},
        "peak_rss_mib": {},
        "state": None,
        "failed": None,
    }


def _native_goals(native: dict[str, float]) -> dict[str, tuple[str, bool | None]]:
    floor = {"up (create)": 4.0, "refresh": 1.0, "destroy": 2.0}
    results = {
        "engine": [_life("floor", floor), _life("ours", floor), _life("native", native)],
        "engine_default_parallel": 8,
    }
    return {v.goal: (v.bound, v.holds) for v in verdicts(results) if "native plugin:" in v.goal}


def test_destroy_is_allowed_its_two_calls_and_shown_against_one() -> None:
    # 100 contacts at 100 ms, 8 at a time: 13 rounds (1.3 s) a round trip each; floor x 1.2
    # on top.
    goals = _native_goals({"up (create)": 6.0, "refresh": 2.5, "destroy": 4.9})
    assert goals[
        "native plugin: up (create), 100 contacts at 100 ms: within 1.2 x floor + ceil(N / 8) x RTT"
    ] == ("6.10 s", True)
    assert goals[
        "native plugin: refresh, 100 contacts at 100 ms: within 1.2 x floor + ceil(N / 8) x RTT"
    ] == ("2.50 s", True)
    assert goals[
        "native plugin: destroy, 100 contacts at 100 ms: within 1.2 x floor + 2 x ceil(N / 8) x RTT"
    ] == ("5.00 s", True)
    assert goals[
        "(for comparison) native plugin: destroy, 100 contacts at 100 ms: within "
        "1.2 x floor + ceil(N / 8) x RTT"
    ] == ("3.70 s", False)
    assert goals["native plugin: no-op preview of 100 resources makes no API call"][1] is True


def test_the_ideal_is_whole_rounds_of_round_trips() -> None:
    # 100 hooks on 8 slots need 13 rounds: the last 4 cannot start before a slot frees.
    refresh = (
        "native plugin: refresh, 100 contacts at 100 ms: within 1.2 x floor + ceil(N / 8) x RTT"
    )
    assert _native_goals({"up (create)": 6.0, "refresh": 2.51, "destroy": 4.9})[refresh] == (
        "2.50 s",
        False,
    )
    assert ideal_seconds(96, 8) == ideal_seconds(89, 8) == 1.2
    assert ideal_seconds(97, 8, trips=2) == 2.6
