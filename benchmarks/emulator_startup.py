"""Benchmark: start the emulator server, make one call, stop it; report the median.

Run: ``.venv/bin/python benchmarks/emulator_startup.py [--runs 7]``. The figure goes in
docs/emulator.md ("Speed"); no test asserts on time.
"""

from __future__ import annotations

import argparse
import statistics
import time

import boto3

from pulumi_ssm_contacts.emulator_harness.process import EmulatorServer


def one_run() -> tuple[float, float, float]:
    """Seconds to start (endpoint printed), to answer one ListContacts, and to stop."""
    began = time.perf_counter()
    server = EmulatorServer().start()
    started = time.perf_counter()
    client = boto3.client(
        "ssm-contacts",
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.list_contacts()
    called = time.perf_counter()
    code = server.stop()
    stopped = time.perf_counter()
    if code != 0:
        raise RuntimeError(f"emulator exited with {code}")
    return started - began, called - started, stopped - called


def main() -> None:
    """Run the benchmark and print one line per run and the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    totals, starts, calls, stops = [], [], [], []
    for index in range(args.runs):
        start, call, stop = one_run()
        starts.append(start)
        calls.append(call)
        stops.append(stop)
        totals.append(start + call + stop)
        print(
            f"run {index + 1}: start {start:.3f}s  call {call:.3f}s  stop {stop:.3f}s  "
            f"total {totals[-1]:.3f}s"
        )
    print(
        f"median over {args.runs} runs: total {statistics.median(totals):.3f}s "
        f"(start {statistics.median(starts):.3f}s, first call {statistics.median(calls):.3f}s, "
        f"stop {statistics.median(stops):.3f}s)"
    )


if __name__ == "__main__":
    main()
