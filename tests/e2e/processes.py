"""The processes a `pulumi` CLI runs, read from /proc (Linux), and whether they are still alive.

A process is identified by its pid and its start time (field 22 of /proc/PID/stat), so a pid the
kernel reuses for something else is not mistaken for the one recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
PLUGIN_MARKERS = (
    "language_host.py",
    "dynamic_provider_host.py",
    "pulumi-language-",
    "pulumi-resource-",
)
"""Command-line words that name a Pulumi plugin (ours or any `pulumi-*` one)."""


@dataclass(frozen=True)
class Process:
    """One process as /proc showed it when it was recorded."""

    pid: int
    parent: int
    started: int
    state: str
    argv: tuple[str, ...]

    @property
    def command(self) -> str:
        """The command line, space-separated, for messages."""
        return " ".join(self.argv)

    def names_a_plugin(self) -> bool:
        """True when its command line names a Pulumi plugin."""
        return any(marker in arg for arg in self.argv for marker in PLUGIN_MARKERS)


def read_process(pid: int) -> Process | None:
    """The process `pid` as /proc shows it now; None when there is none."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat[stat.rindex(")") + 2 :].split()
    argv = tuple(arg.decode(errors="replace") for arg in raw.split(b"\0") if arg)
    return Process(pid, int(fields[1]), int(fields[19]), fields[0], argv)


def all_processes() -> list[Process]:
    """Every process /proc lists now."""
    found = (read_process(int(entry.name)) for entry in PROC.iterdir() if entry.name.isdigit())
    return [p for p in found if p is not None]


def helpers_of(cli_pid: int) -> list[Process]:
    """The CLI's descendants, and plugins elsewhere that were given the same engine address."""
    processes = all_processes()
    children: dict[int, list[Process]] = {}
    for process in processes:
        children.setdefault(process.parent, []).append(process)
    found: dict[int, Process] = {}
    todo = [cli_pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child.pid not in found:
                found[child.pid] = child
                todo.append(child.pid)
    engines = {p.argv[-1] for p in found.values() if p.names_a_plugin() and len(p.argv) > 1}
    for process in processes:
        if process.names_a_plugin() and process.argv and process.argv[-1] in engines:
            found.setdefault(process.pid, process)
    return sorted(found.values(), key=lambda p: p.pid)


def is_alive(process: Process) -> bool:
    """True while the recorded process runs (an exited, not yet reaped zombie does not count)."""
    now = read_process(process.pid)
    return now is not None and now.started == process.started and now.state not in ("Z", "X")
