"""A paging timeline as rows and as a Markdown table, for review in a pull request.

Channels are named by their name and type, never by their delivery address (which may be
secret). Stages are counted from 1, as people count them (the API's ``StageIndex`` is 0-based).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .paging import Setup, Step, Timeline

HEADER = ("minute", "time", "who", "channel", "via")


@dataclass(frozen=True, order=True)
class Row:
    """One line of the timeline: a send, a channel not paged, or a dead end."""

    minute: int
    time: datetime
    who: str
    channel: str
    via: str
    paged: bool = True
    """False for a channel not paged and for a dead end."""

    def cells(self, tz: ZoneInfo) -> tuple[str, str, str, str, str]:
        """The row as table cells, its time in ``tz``."""
        local = self.time.astimezone(tz)
        shown = f"{local:%a %Y-%m-%d %H:%M} {local.tzname()}"
        return (str(self.minute), shown, self.who, self.channel, self.via)


def via(setup: Setup, path: Sequence[Step]) -> str:
    """How the engagement reached a contact: ``sre-escalation stage 1 → sre-oncall``."""
    parts = []
    for step in path:
        name = setup.alias(step.contact_arn)
        parts.append(name if step.stage_index is None else f"{name} stage {step.stage_index + 1}")
    return " → ".join(parts) or "(engaged directly)"


def channel_name(setup: Setup, channel_arn: str) -> str:
    """``Email (EMAIL)``; a channel the setup does not hold by the end of its ARN."""
    channel = setup.channels.get(channel_arn)
    if channel is None:
        return f"channel {channel_arn.rsplit('/', 1)[-1]}"
    return f"{channel.name} ({channel.type})"


def rows(setup: Setup, timeline: Timeline, at: datetime, minutes: int) -> list[Row]:
    """Every send, channel not paged and dead end within ``minutes`` of ``at``, in time order."""
    end = at + timedelta(minutes=minutes)
    out: list[Row] = []

    def minute_of(moment: datetime) -> int:
        return int((moment - at) / timedelta(minutes=1))

    for engaged in timeline.engaged:
        who = setup.alias(engaged.contact_arn)
        route = via(setup, engaged.path)
        for send in engaged.sends:
            if send.time <= end:
                name = channel_name(setup, send.channel_arn)
                out.append(Row(minute_of(send.time), send.time, who, name, route))
        for skip in engaged.skipped:
            if skip.time <= end:
                name = f"{channel_name(setup, skip.channel_arn)}: not paged, {skip.reason}"
                out.append(Row(minute_of(skip.time), skip.time, who, name, route, paged=False))
    for dead in timeline.dead_ends:
        for skip in dead.skipped:
            if skip.time <= end:
                name = f"{channel_name(setup, skip.channel_arn)}: not paged, {skip.reason}"
                route = via(setup, dead.path)
                who = setup.alias(dead.contact_arn)
                out.append(Row(minute_of(skip.time), skip.time, who, name, route, paged=False))
        if dead.time <= end:
            who = setup.alias(dead.contact_arn)
            reason = f"nobody paged: {dead.reason}"
            route = via(setup, dead.path)
            out.append(Row(minute_of(dead.time), dead.time, who, reason, route, paged=False))
    return sorted(out, key=lambda r: (r.time, r.via, r.who, r.channel))


def render(table_rows: Sequence[Row], tz: ZoneInfo) -> str:
    """A Markdown table with padded columns (readable as plain text too), no trailing newline."""
    body = [r.cells(tz) for r in table_rows]
    widths = [max(len(row[i]) for row in [HEADER, *body]) for i in range(len(HEADER))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(HEADER), rule, *(line(row) for row in body)])
