"""`export` of N contacts with channels: its wall time and its calls, then the adoption.

``python -m benchmarks.export_figure [--size 300] [--latencies 0,100] [--adopt yaml,python]``
(``--latencies ''``: keep the last run's export cells; ``--render``: the section again)
makes N PERSONAL contacts, each with an SMS channel and a plan paging it, in a fresh emulator
(boto3, not Pulumi), then times ``python -m pulumi_ssm_contacts export`` as a user runs it
(a fresh process, start-up included) at each injected latency, counting the emulator's calls
per operation. With ``--adopt`` it then exports each language's program and runs its first
``pulumi up`` (the adoption: its write calls must be 0) and a second (no changes), at 0 ms;
the last run's adoptions of other languages are kept.

The figure's section of docs/BENCHMARKS.md (between its two markers) is replaced, or appended;
the rest of the page is left as it is, and the raw results go to benchmarks/results/export.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl

from .cli_stack import engine_env
from .emulator_process import EmulatorProcess
from .figures import table
from .machine import REPO, Machine, pulumi_bin_dir

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import ChannelTargetInfoTypeDef, PlanTypeDef

BEGIN, END = "<!-- export figure: begin -->", "<!-- export figure: end -->"
RESULTS = Path(__file__).resolve().parent / "results" / "export.json"
WRITES = ("Create", "Update", "Delete", "Untag")
REGION = "us-east-1"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_contacts(control: EmulatorControl, size: int) -> None:
    """``size`` people, each with an SMS channel and a plan paging it (16 at a time)."""
    client = control.client(REGION)

    def person(i: int) -> None:
        contact = client.create_contact(
            Alias=f"person-{i:04}", Type="PERSONAL", Plan={"Stages": []}
        )
        arn = contact["ContactArn"]
        channel = client.create_contact_channel(
            ContactId=arn,
            Name="Phone",
            Type="SMS",
            DeliveryAddress={"SimpleAddress": f"+1555{i:07}"},
            DeferActivation=True,
        )["ContactChannelArn"]
        info: ChannelTargetInfoTypeDef = {"ContactChannelId": channel, "RetryIntervalInMinutes": 1}
        plan: PlanTypeDef = {
            "Stages": [{"DurationInMinutes": 0, "Targets": [{"ChannelTargetInfo": info}]}]
        }
        client.update_contact(ContactId=arn, Plan=plan)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(person, range(size)))


def run_export(env: dict[str, str], output: Path, language: str) -> tuple[float, str]:
    """Seconds of one export, process start-up included; its stderr (progress)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pulumi_ssm_contacts", "export", "--region", REGION,
         "--language", language, "--output", str(output), "--stack-name", "bench"],
        env=env, capture_output=True, text=True, check=False, timeout=1800,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"export failed: {done.stderr}")
    return seconds, done.stderr


def _pulumi(env: dict[str, str], project: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(pulumi_bin_dir() / "pulumi"), *args, "--non-interactive", "--stack", "bench"],
        cwd=project, env=env, capture_output=True, text=True, check=False, timeout=3600,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"pulumi {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started, done.stdout


def adopt(
    control: EmulatorControl, env: dict[str, str], project: Path, language: str, size: int
) -> dict[str, Any]:
    """The exported program's first and second ``pulumi up`` (at 0 ms), with their calls."""
    if language == "python":
        settings = project / "Pulumi.yaml"
        settings.write_text(
            settings.read_text().replace("virtualenv: venv", f"virtualenv: {sys.prefix}")
        )
    env = {**env, "PATH": os.pathsep.join([str(REPO / ".tools" / "bin"), env.get("PATH", "")])}
    _pulumi(env, project, "stack", "init")
    # The bench knows each address: one `config set-all` instead of the README's line each.
    values = {f"person-{i:04}-phone-address": f"+1555{i:07}" for i in range(size)}
    quoted = {k: json.dumps(v) if language == "yaml" else v for k, v in values.items()}
    args = ["config", "set-all"]
    for key, value in quoted.items():
        args += ["--secret", f"{key}={value}"]
    _pulumi(env, project, *args)
    control.clear_calls()
    first_s, _ = _pulumi(env, project, "up", "--yes", "--skip-preview")
    first = control.counts()
    control.clear_calls()
    second_s, second_out = _pulumi(env, project, "up", "--yes")
    return {
        "language": language,
        "first_up_s": first_s,
        "first_up_calls": first,
        "first_up_writes": sum(n for op, n in first.items() if op.startswith(WRITES)),
        "second_up_s": second_s,
        "second_up_calls": control.counts(),
        "second_up_resources": _resources_block(second_out),
    }


def _resources_block(stdout: str) -> str:
    """The ``Resources:`` lines of a CLI summary (``901 unchanged``)."""
    block = stdout.rsplit("Resources:", 1)[-1].split("Duration", 1)[0]
    return " ".join(line.strip() for line in block.splitlines() if line.strip())


def measure(
    size: int, latencies: list[int], languages: list[str], previous: dict[str, Any] | None
) -> dict[str, Any]:
    """Every cell asked for; ``previous`` results keep the cells not measured again."""
    results: dict[str, Any] = {
        "size": size,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": Machine.here().markdown(),
        "exports": [],
        "adopts": [],
    }
    if previous and not latencies:
        results.update(
            {k: previous[k] for k in ("started", "exports", "load_average") if k in previous}
        )
    kept = [a for a in _adopts(previous) if a["language"] not in languages]
    with EmulatorProcess() as emulator, tempfile.TemporaryDirectory() as scratch:
        control = emulator.control
        say(f"export: making {size} contacts with a channel and a plan each")
        make_contacts(control, size)
        root = Path(scratch)
        state = root / "state"
        state.mkdir()
        env = engine_env(state, emulator.endpoint)
        for latency in latencies:
            control.clear_calls()
            control.set_faults(latency_ms=latency)
            output = root / f"export-{latency}"
            seconds, progress = run_export(env, output, "python")
            control.clear_faults()
            counts = control.counts()
            say(f"  export at {latency} ms: {seconds:.2f} s, {sum(counts.values())} calls")
            results["exports"].append(
                {"latency_ms": latency, "seconds": seconds, "calls": counts, "progress": progress}
            )
        for language in languages:  # yaml first: the native import writes no tag
            say(f"export: adopting the {language} program")
            project = root / f"adopt-{language}"
            run_export(env, project, language)
            kept.append(adopt(control, env, project, language, size))
    results["adopts"] = kept
    results["load_average"] = list(os.getloadavg())
    return results


def _adopts(results: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not results:
        return []
    found: list[dict[str, Any]] = list(results.get("adopts") or [])
    return found + ([results["adopt"]] if results.get("adopt") else [])


def section(results: dict[str, Any]) -> str:
    """The figure's Markdown section."""
    size = results["size"]
    rows = []
    for record in results["exports"]:
        calls = record["calls"]
        per_op = ", ".join(f"{op} {n}" for op, n in sorted(calls.items()))
        rows.append(
            [
                f"{record['latency_ms']} ms",
                f"{record['seconds']:.2f} s",
                str(sum(calls.values())),
                per_op,
            ]
        )
    parts = [
        BEGIN,
        f"## Export: {size} contacts with channels",
        "`python -m benchmarks.export_figure` (not part of `make bench`'s run: it replaces only "
        f"this section). {size} PERSONAL contacts, each with an SMS channel and a plan paging it, "
        "made with boto3 in a fresh emulator; `python -m pulumi_ssm_contacts export` run as a "
        "user runs it (a new process, start-up included), calls from the emulator's call log. "
        f"Run {results['started']}, one round"
        + (
            f", load average {results['load_average'][0]:.1f} when the last step ended "
            "(2 cores, shared)"
            if results.get("load_average")
            else " on a 2-core machine other runs shared (no load average recorded)"
        )
        + ".",
        table(["injected latency", "export", "calls", "per operation"], rows, right_from=1),
        "Calls: ListContacts a page per 100 contacts; per contact GetContact, "
        "ListTagsForResource and (PERSONAL) ListContactChannels; ListRotations; 8 at a time.",
    ]
    for adopted in _adopts(results):
        writes = adopted["first_up_writes"]
        host = "YAML host's" if adopted["language"] == "yaml" else "Python program's"
        parts.append(
            f"Adoption of the exported {adopted['language']} program (0 ms): first `pulumi up` "
            f"{adopted['first_up_s']:.1f} s with **{writes} create, update or delete calls** "
            f"({sum(adopted['first_up_calls'].values())} calls in all: "
            + ", ".join(f"{op} {n}" for op, n in sorted(adopted["first_up_calls"].items()))
            + f"); second `pulumi up` {adopted['second_up_s']:.1f} s, "
            f"{sum(adopted['second_up_calls'].values())} calls, "
            f"`{adopted['second_up_resources']}`. The second `up` makes no call, so its time "
            f"is the engine's, the {host} and the provider's own, for {3 * size + 1} resources."
        )
    parts.append(END)
    return "\n\n".join(parts)


def write_section(page: Path, text: str) -> None:
    """Replace the section between the markers in ``page``, or append it."""
    current = page.read_text() if page.is_file() else ""
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        page.write_text(head + text + tail)
    else:
        page.write_text(current.rstrip("\n") + "\n\n" + text + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_figure", description=__doc__)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--latencies", default="0,100")
    parser.add_argument(
        "--adopt", default="", help="comma-separated languages whose program to adopt (yaml,python)"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    parser.add_argument("--render", action="store_true", help=f"render {RESULTS} again only")
    args = parser.parse_args()
    if args.render:
        results = json.loads(RESULTS.read_text())
    else:
        latencies = [int(x) for x in args.latencies.split(",") if x]
        languages = [x for x in args.adopt.split(",") if x]
        previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else None
        results = measure(args.size, latencies, languages, previous)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    write_section(args.out, section(results))
    say(f"wrote the export section of {args.out}")


if __name__ == "__main__":
    main()
