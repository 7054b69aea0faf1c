"""Shifts as a Markdown table (who, from, to), for a pull request or a terminal.

Rendering only: the shifts come from :mod:`.shifts` (offline) or from ``ListRotationShifts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from .shifts import RotationShift

NOBODY = "(nobody on call)"
HEADER = ("who", "from", "to")


def contact_name(contact_id: str, names: Mapping[str, str]) -> str:
    """``names[contact_id]``, else the alias at the end of a contact ARN, else the id."""
    if contact_id in names:
        return names[contact_id]
    _, marker, alias = contact_id.partition(":contact/")
    return alias if marker and alias else contact_id


def when(moment: datetime, tz: ZoneInfo) -> str:
    """``Mon 2026-01-05 09:00 PST``: weekday, date, time and zone abbreviation."""
    local = moment.astimezone(tz)
    return f"{local:%a %Y-%m-%d %H:%M} {local.tzname()}"


def who(shift: RotationShift, names: Mapping[str, str]) -> str:
    """The contacts on call, an override marked with whom it replaces."""
    on_call = ", ".join(contact_name(c, names) for c in shift.contact_ids) or "nobody"
    if shift.type != "OVERRIDDEN":
        return on_call
    replaced = ", ".join(contact_name(c, names) for c in shift.overridden_contact_ids)
    return f"{on_call} (override of {replaced or 'nobody'})"


def rows(
    shifts: Sequence[RotationShift], tz: ZoneInfo, names: Mapping[str, str], show_gaps: bool
) -> list[tuple[str, str, str]]:
    """One row per shift, and with ``show_gaps`` one per time between shifts that do not meet."""
    out: list[tuple[str, str, str]] = []
    previous: RotationShift | None = None
    for shift in shifts:
        if show_gaps and previous is not None and previous.end < shift.start:
            out.append((NOBODY, when(previous.end, tz), when(shift.start, tz)))
        out.append((who(shift, names), when(shift.start, tz), when(shift.end, tz)))
        previous = shift
    return out


def render(
    shifts: Sequence[RotationShift],
    tz: ZoneInfo,
    names: Mapping[str, str],
    *,
    show_gaps: bool = True,
) -> str:
    """A Markdown table with padded columns (readable as plain text too), no trailing newline."""
    body = rows(shifts, tz, names, show_gaps)
    widths = [max(len(row[i]) for row in [HEADER, *body]) for i in range(len(HEADER))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(HEADER), rule, *(line(row) for row in body)])
