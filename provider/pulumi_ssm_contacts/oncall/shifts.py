"""Who is on call when: a rotation's shifts, computed offline.

The same semantics as AWS's ``ListPreviewRotationShifts`` and ``ListRotationShifts`` (the
emulator serves both with this module); docs/oncall.md gives the rules, the AWS pages they follow
and what is our own decision where AWS is silent. In short:

- the first shift starts at the rotation's start time; hand-offs happen at the recurrence's
  hand-off times, in the rotation's time zone (DST-aware), in every ``RecurrenceMultiplier``-th
  day, week (Monday to Sunday) or month counted from the one the rotation starts in;
- each hand-off moves on to the next ``NumberOfOnCalls`` contacts, in order, wrapping;
- ``ShiftCoverages`` restrict when anyone is on call; outside them nobody is;
- an override replaces who is on call for part of the covered time (type ``OVERRIDDEN``).

Only the standard library is imported, so importing this module costs nothing.

    >>> rotation = RotationSpec.from_api({
    ...     "ContactIds": ["arn:aws:ssm-contacts:us-east-1:111122223333:contact/akuam",
    ...                    "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alejr"],
    ...     "StartTime": "2026-01-05T09:00:00-08:00",
    ...     "TimeZoneId": "America/Los_Angeles",
    ...     "Recurrence": {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1,
    ...                    "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}]},
    ... })
    >>> first = next_shifts(rotation, 3, after=rotation.start_time)
    >>> [s.contact_ids[0].rsplit("/", 1)[1] for s in first]
    ['akuam', 'alejr', 'akuam']
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS_OF_WEEK = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
"""The API's ``DayOfWeek`` values, Monday first (``datetime.weekday()`` order)."""

ShiftType = Literal["REGULAR", "OVERRIDDEN"]
_T = TypeVar("_T")

MAX_SHIFTS = 10_000
"""Most shifts one :func:`rotation_shifts` call returns before it refuses the window."""

MAX_HAND_OFFS = 400_000
"""Most hand-offs walked from the rotation's start in one computation (a bound on the work a
window decades after the start, or a recurrence with hundreds of hand-off times, can cost)."""

_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
"""Where the last shift ends once hand-off times run past what ``datetime`` can hold."""


class RotationSpecError(ValueError):
    """A rotation, override or window the computation cannot use; the message names the member."""


class ShiftLimitError(RotationSpecError):
    """The window holds more shifts (or needs more hand-offs walked) than the limits allow."""


# -- the rotation as the API describes it -------------------------------------------------------


@dataclass(frozen=True, order=True)
class HandOffTime:
    """``HandOffTime``: a time of day, in the rotation's time zone."""

    hour_of_day: int
    minute_of_hour: int

    def __post_init__(self) -> None:
        if not (_is_int(self.hour_of_day) and 0 <= self.hour_of_day <= 23):
            raise RotationSpecError(f"HourOfDay must be 0 to 23, not {self.hour_of_day!r}")
        if not (_is_int(self.minute_of_hour) and 0 <= self.minute_of_hour <= 59):
            raise RotationSpecError(f"MinuteOfHour must be 0 to 59, not {self.minute_of_hour!r}")

    @property
    def time(self) -> time:
        """As a ``datetime.time``."""
        return time(self.hour_of_day, self.minute_of_hour)

    @classmethod
    def parse(cls, value: Any, path: str) -> HandOffTime:
        """From ``{"HourOfDay": 9, "MinuteOfHour": 0}`` (or snake_case keys, or ``"09:00"``)."""
        if isinstance(value, HandOffTime):
            return value
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
            if not match:
                raise RotationSpecError(f"{path} must be HH:MM, not {value!r}")
            return _at(path, lambda: cls(int(match[1]), int(match[2])))
        mapping = _mapping(value, path)
        return _at(
            path,
            lambda: cls(
                _member(mapping, "HourOfDay", path), _member(mapping, "MinuteOfHour", path)
            ),
        )

    def to_api(self) -> dict[str, int]:
        """The API's ``HandOffTime``."""
        return {"HourOfDay": self.hour_of_day, "MinuteOfHour": self.minute_of_hour}

    def __str__(self) -> str:
        return f"{self.hour_of_day:02d}:{self.minute_of_hour:02d}"


@dataclass(frozen=True)
class WeeklySetting:
    """``WeeklySetting``: a hand-off on a day of the week."""

    day_of_week: str
    hand_off_time: HandOffTime

    def __post_init__(self) -> None:
        if self.day_of_week not in DAYS_OF_WEEK:
            raise RotationSpecError(
                f"DayOfWeek must be one of {', '.join(DAYS_OF_WEEK)}, not {self.day_of_week!r}"
            )


@dataclass(frozen=True)
class MonthlySetting:
    """``MonthlySetting``: a hand-off on a day of the month (past a month's end: its last day)."""

    day_of_month: int
    hand_off_time: HandOffTime

    def __post_init__(self) -> None:
        if not (_is_int(self.day_of_month) and 1 <= self.day_of_month <= 31):
            raise RotationSpecError(f"DayOfMonth must be 1 to 31, not {self.day_of_month!r}")


@dataclass(frozen=True)
class CoverageTime:
    """``CoverageTime``: on call from ``start`` to ``end`` on a day.

    An ``end`` at or before ``start`` runs into the next day (``22:00``-``06:00`` is overnight;
    ``00:00``-``00:00`` is the whole day). AWS leaves both members optional; a missing one is
    ``00:00``.
    """

    start: HandOffTime
    end: HandOffTime


@dataclass(frozen=True)
class RecurrenceSettings:
    """``RecurrenceSettings``: when hand-offs happen, how many are on call, when anyone is."""

    number_of_on_calls: int
    recurrence_multiplier: int
    daily_settings: tuple[HandOffTime, ...] = ()
    weekly_settings: tuple[WeeklySetting, ...] = ()
    monthly_settings: tuple[MonthlySetting, ...] = ()
    shift_coverages: Mapping[str, tuple[CoverageTime, ...]] | None = None
    """``None`` (or empty): on call around the clock. Otherwise only in the listed times of the
    listed days; a day that is not listed has no coverage."""

    def __post_init__(self) -> None:
        if not (_is_int(self.number_of_on_calls) and self.number_of_on_calls >= 1):
            raise RotationSpecError(
                f"Recurrence.NumberOfOnCalls must be at least 1, not {self.number_of_on_calls!r}"
            )
        if not (_is_int(self.recurrence_multiplier) and 1 <= self.recurrence_multiplier <= 100):
            raise RotationSpecError(
                "Recurrence.RecurrenceMultiplier must be 1 to 100, "
                f"not {self.recurrence_multiplier!r}"
            )
        kinds = [
            name
            for name, settings in (
                ("DailySettings", self.daily_settings),
                ("WeeklySettings", self.weekly_settings),
                ("MonthlySettings", self.monthly_settings),
            )
            if settings
        ]
        if len(kinds) != 1:
            found = f"got {' and '.join(kinds)}" if kinds else "got none"
            raise RotationSpecError(
                "Recurrence needs exactly one of DailySettings, WeeklySettings or "
                f"MonthlySettings, with at least one hand-off time; {found}"
            )
        for day in self.shift_coverages or {}:
            if day not in DAYS_OF_WEEK:
                raise RotationSpecError(
                    f"Recurrence.ShiftCoverages keys must be days ({', '.join(DAYS_OF_WEEK)}), "
                    f"not {day!r}"
                )

    @property
    def unit(self) -> Literal["day", "week", "month"]:
        """What one recurrence is."""
        if self.daily_settings:
            return "day"
        return "week" if self.weekly_settings else "month"

    @classmethod
    def from_api(cls, value: Any, path: str = "Recurrence") -> RecurrenceSettings:
        """From the API's ``RecurrenceSettings`` (or the same keys in snake_case)."""
        if isinstance(value, RecurrenceSettings):
            return value
        r = _mapping(value, path)
        daily = tuple(
            HandOffTime.parse(item, f"{path}.DailySettings[{i}]")
            for i, item in enumerate(_list(r, "DailySettings", path))
        )
        weekly = tuple(
            _weekly(_mapping(item, f"{path}.WeeklySettings[{i}]"), f"{path}.WeeklySettings[{i}]")
            for i, item in enumerate(_list(r, "WeeklySettings", path))
        )
        monthly = tuple(
            _monthly(_mapping(item, f"{path}.MonthlySettings[{i}]"), f"{path}.MonthlySettings[{i}]")
            for i, item in enumerate(_list(r, "MonthlySettings", path))
        )
        coverages_raw = _get(r, "ShiftCoverages")
        coverages: dict[str, tuple[CoverageTime, ...]] | None = None
        if coverages_raw is not None:
            coverages = {
                str(day): tuple(
                    _coverage(item, f"{path}.ShiftCoverages.{day}[{i}]")
                    for i, item in enumerate(_sequence(times, f"{path}.ShiftCoverages.{day}"))
                )
                for day, times in _mapping(coverages_raw, f"{path}.ShiftCoverages").items()
            }
        return _at(
            path,
            lambda: cls(
                number_of_on_calls=_member(r, "NumberOfOnCalls", path),
                recurrence_multiplier=_member(r, "RecurrenceMultiplier", path),
                daily_settings=daily,
                weekly_settings=weekly,
                monthly_settings=monthly,
                shift_coverages=coverages,
            ),
        )

    def to_api(self) -> dict[str, Any]:
        """The API's ``RecurrenceSettings``."""
        out: dict[str, Any] = {
            "NumberOfOnCalls": self.number_of_on_calls,
            "RecurrenceMultiplier": self.recurrence_multiplier,
        }
        if self.daily_settings:
            out["DailySettings"] = [t.to_api() for t in self.daily_settings]
        if self.weekly_settings:
            out["WeeklySettings"] = [
                {"DayOfWeek": w.day_of_week, "HandOffTime": w.hand_off_time.to_api()}
                for w in self.weekly_settings
            ]
        if self.monthly_settings:
            out["MonthlySettings"] = [
                {"DayOfMonth": m.day_of_month, "HandOffTime": m.hand_off_time.to_api()}
                for m in self.monthly_settings
            ]
        if self.shift_coverages is not None:
            out["ShiftCoverages"] = {
                day: [{"Start": c.start.to_api(), "End": c.end.to_api()} for c in times]
                for day, times in self.shift_coverages.items()
            }
        return out


@dataclass(frozen=True)
class RotationSpec:
    """A rotation as ``CreateRotation`` takes it and ``GetRotation`` returns it."""

    contact_ids: tuple[str, ...]
    """In shift order."""
    start_time: datetime
    """Timezone-aware; the first shift starts here."""
    time_zone_id: str
    """IANA time zone of the hand-off and coverage times."""
    recurrence: RecurrenceSettings
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.contact_ids:
            raise RotationSpecError("ContactIds must name at least one contact")
        if self.start_time.tzinfo is None or self.start_time.utcoffset() is None:
            raise RotationSpecError(
                f"StartTime must carry a time zone (e.g. '...Z'), not {self.start_time!r}"
            )
        object.__setattr__(self, "zone", zone(self.time_zone_id, "TimeZoneId"))

    @classmethod
    def from_api(cls, value: Mapping[str, Any]) -> RotationSpec:
        """From a ``CreateRotation`` request or a ``GetRotation`` answer (or snake_case keys).

        ``StartTime`` may be a timezone-aware ``datetime``, epoch seconds or an ISO 8601 string
        with an offset.
        """
        r = _mapping(value, "rotation")
        return cls(
            contact_ids=tuple(_strings(_member(r, "ContactIds", ""), "ContactIds")),
            start_time=instant(_member(r, "StartTime", ""), "StartTime"),
            time_zone_id=str(_member(r, "TimeZoneId", "")),
            recurrence=RecurrenceSettings.from_api(_member(r, "Recurrence", "")),
        )

    def to_api(self) -> dict[str, Any]:
        """The ``CreateRotation`` members this rotation stands for."""
        return {
            "ContactIds": list(self.contact_ids),
            "StartTime": self.start_time,
            "TimeZoneId": self.time_zone_id,
            "Recurrence": self.recurrence.to_api(),
        }

    def on_call(self, shift_index: int) -> tuple[str, ...]:
        """Who is on call in the ``shift_index``-th regular shift (0 is the first)."""
        n = len(self.contact_ids)
        k = min(self.recurrence.number_of_on_calls, n)
        first = shift_index * self.recurrence.number_of_on_calls
        return tuple(self.contact_ids[(first + j) % n] for j in range(k))


@dataclass(frozen=True)
class Override:
    """``PreviewOverride``: ``contact_ids`` are on call instead from ``start`` to ``end``."""

    contact_ids: tuple[str, ...]
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise RotationSpecError(
                f"an override must end after it starts ({self.start} to {self.end})"
            )

    @classmethod
    def from_api(cls, value: Any, path: str = "Overrides[0]") -> Override:
        """From the API's ``PreviewOverride`` (``NewMembers``, ``StartTime``, ``EndTime``)."""
        o = _mapping(value, path)
        return _at(
            path,
            lambda: cls(
                contact_ids=tuple(_strings(_get(o, "NewMembers") or [], f"{path}.NewMembers")),
                start=instant(_member(o, "StartTime", path), f"{path}.StartTime"),
                end=instant(_member(o, "EndTime", path), f"{path}.EndTime"),
            ),
        )


# -- what the computation returns --------------------------------------------------------------


@dataclass(frozen=True)
class RotationShift:
    """``RotationShift``: who is on call from ``start`` to ``end`` (UTC)."""

    contact_ids: tuple[str, ...]
    start: datetime
    end: datetime
    type: ShiftType = "REGULAR"
    overridden_contact_ids: tuple[str, ...] = ()
    """For an ``OVERRIDDEN`` shift: who the override replaced."""

    def to_api(self) -> dict[str, Any]:
        """The API's ``RotationShift`` (times as ``datetime``)."""
        out: dict[str, Any] = {
            "ContactIds": list(self.contact_ids),
            "StartTime": self.start,
            "EndTime": self.end,
            "Type": self.type,
        }
        if self.type == "OVERRIDDEN":
            out["ShiftDetails"] = {"OverriddenContactIds": list(self.overridden_contact_ids)}
        return out

    @classmethod
    def from_api(cls, value: Mapping[str, Any]) -> RotationShift:
        """From an item of ``ListRotationShifts`` / ``ListPreviewRotationShifts``."""
        details = value.get("ShiftDetails") or {}
        shift_type: ShiftType = "OVERRIDDEN" if value.get("Type") == "OVERRIDDEN" else "REGULAR"
        return cls(
            contact_ids=tuple(value.get("ContactIds") or ()),
            start=instant(value["StartTime"], "StartTime"),
            end=instant(value["EndTime"], "EndTime"),
            type=shift_type,
            overridden_contact_ids=tuple(details.get("OverriddenContactIds") or ()),
        )


@dataclass(frozen=True)
class CoverageGap:
    """A time with nobody on call, in the time zone it is named in."""

    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        """How long nobody is on call (elapsed time: 167 h for a week that loses an hour)."""
        # Aware datetimes that share a tzinfo subtract as wall-clock times; UTC does not.
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)

    def __str__(self) -> str:
        hours = self.duration.total_seconds() / 3600
        length = f"{hours:g} h" if hours >= 1 else f"{hours * 60:g} min"
        return (
            f"{self.start:%a %H:%M} to {self.end:%a %H:%M} {self.start.tzinfo} "
            f"({self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M}, {length})"
        )


# -- the computation ---------------------------------------------------------------------------


def rotation_shifts(
    rotation: RotationSpec | Mapping[str, Any],
    start: datetime | None,
    end: datetime,
    overrides: Iterable[Override] = (),
    *,
    max_shifts: int = MAX_SHIFTS,
) -> list[RotationShift]:
    """Every shift that overlaps ``[start, end)``, whole (not cut at the window), in order.

    ``start`` None means the rotation's start. Raises :class:`RotationSpecError` for a bad
    rotation or window and :class:`ShiftLimitError` past ``max_shifts`` shifts.
    """
    spec = _spec(rotation)
    start = spec.start_time if start is None else _aware(start, "start")
    end = _aware(end, "end")
    if end <= start:
        raise RotationSpecError(f"the window must end after it starts ({start} to {end})")
    out: list[RotationShift] = []
    for shift in iter_shifts(spec, overrides, after=start, until=end):
        if len(out) == max_shifts:
            raise ShiftLimitError(
                f"more than {max_shifts} shifts between {start} and {end}; ask for a shorter window"
            )
        out.append(shift)
    return out


def next_shifts(
    rotation: RotationSpec | Mapping[str, Any],
    count: int,
    after: datetime | None = None,
    overrides: Iterable[Override] = (),
    *,
    horizon: timedelta = timedelta(days=2 * 366),
) -> list[RotationShift]:
    """The first ``count`` shifts that end after ``after`` (default: now), within ``horizon``.

    Fewer when the rotation has fewer shifts before ``after + horizon`` (e.g. shift coverages
    that cover nothing).
    """
    spec = _spec(rotation)
    after = datetime.now(UTC) if after is None else _aware(after, "after")
    shifts = iter_shifts(spec, overrides, after=after, until=after + horizon)
    return list(itertools.islice(shifts, max(count, 0)))


def iter_shifts(
    rotation: RotationSpec | Mapping[str, Any],
    overrides: Iterable[Override] = (),
    *,
    after: datetime | None = None,
    until: datetime | None = None,
) -> Iterator[RotationShift]:
    """The shifts that end after ``after`` and start before ``until`` (either open), in order."""
    spec = _spec(rotation)
    ordered = tuple(overrides)
    lower = spec.start_time if after is None else _aware(after, "after")
    upper = _FAR_FUTURE if until is None else _aware(until, "until")
    for index, begin, finish in _regular_shifts(spec):
        if begin >= upper:
            return
        if finish <= lower:
            continue
        members = spec.on_call(index)
        for piece_start, piece_end in _covered(spec, begin, finish):
            for shift in _overridden(members, piece_start, piece_end, ordered):
                if shift.start >= upper:
                    return
                if shift.end > lower:
                    yield shift


def coverage_gaps(
    rotations: Iterable[RotationSpec | Mapping[str, Any]],
    week_start: datetime,
    time_zone: str | None = None,
    overrides: Mapping[int, Sequence[Override]] | None = None,
) -> list[CoverageGap]:
    """The times of the week from ``week_start`` when none of the rotations has anyone on call.

    For an on-call schedule, pass all its rotations. The gaps are named in ``time_zone``
    (default: the first rotation's); a naive ``week_start`` is read in that zone, and the week
    is seven calendar days there (167 or 169 hours across a DST change). ``overrides`` maps a
    rotation's position to its overrides. No rotations: the whole week is a gap (in UTC, unless
    ``time_zone`` says otherwise).
    """
    specs = [_spec(r) for r in rotations]
    name = time_zone or (specs[0].time_zone_id if specs else "UTC")
    tz = zone(name, "time_zone")
    local_start = (
        week_start.replace(tzinfo=tz) if week_start.tzinfo is None else week_start.astimezone(tz)
    )
    begin = local_start.astimezone(UTC)
    end = _to_utc(local_start.replace(tzinfo=None) + timedelta(days=7), tz)
    covered: list[tuple[datetime, datetime]] = []
    for position, spec in enumerate(specs):
        extra = (overrides or {}).get(position, ())
        for shift in iter_shifts(spec, extra, after=begin, until=end):
            if shift.contact_ids:
                covered.append((max(shift.start, begin), min(shift.end, end)))
    gaps: list[CoverageGap] = []
    cursor = begin
    for piece_start, piece_end in _merge(covered):
        if piece_start > cursor:
            gaps.append(CoverageGap(cursor.astimezone(tz), piece_start.astimezone(tz)))
        cursor = max(cursor, piece_end)
    if cursor < end:
        gaps.append(CoverageGap(cursor.astimezone(tz), end.astimezone(tz)))
    return gaps


def table(
    source: RotationSpec | Mapping[str, Any] | Iterable[RotationShift],
    *,
    count: int = 10,
    after: datetime | None = None,
    time_zone: str | None = None,
    names: Mapping[str, str] | None = None,
    overrides: Iterable[Override] = (),
    show_gaps: bool = True,
) -> str:
    """The next ``count`` shifts of a rotation (or the given shifts) as a Markdown table.

    Columns: who, from, to. Times are shown in ``time_zone`` (default: the rotation's, else
    UTC); contacts by ``names[arn]``, else the alias in their ARN. With ``show_gaps``, a row
    ``(nobody on call)`` marks the time between two shifts that do not meet. For tests::

        assert shifts.table(rotation, count=3, after=monday) == EXPECTED
    """
    from .shifts_table import render

    if isinstance(source, RotationSpec | Mapping):
        spec = _spec(source)
        shown = next_shifts(spec, count, after, overrides)
        tz = zone(time_zone or spec.time_zone_id, "time_zone")
    else:
        shown = list(source)
        tz = zone(time_zone or "UTC", "time_zone")
    return render(shown, tz, names or {}, show_gaps=show_gaps)


# -- helpers: time -----------------------------------------------------------------------------


def zone(name: str, what: str = "TimeZoneId") -> ZoneInfo:
    """The IANA zone ``name``, or RotationSpecError naming ``what``."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise RotationSpecError(
            f"{what} must be an IANA time zone such as 'America/Los_Angeles', not {name!r}"
        ) from None


def instant(value: Any, what: str) -> datetime:
    """A point in time from a timezone-aware datetime, epoch seconds or ISO 8601 with offset."""
    if isinstance(value, datetime):
        return _aware(value, what)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise RotationSpecError(f"{what} is out of range: {value!r}") from None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise RotationSpecError(
                f"{what} must be ISO 8601 with an offset (e.g. 2026-01-05T09:00:00Z), not {value!r}"
            ) from None
        return _aware(parsed, what)
    raise RotationSpecError(f"{what} must be a date and time, not {value!r}")


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise RotationSpecError(f"{what} must carry a time zone, not {value.isoformat()}")
    return value.astimezone(UTC)


def _to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    """A wall-clock time in ``tz`` as UTC, as RFC 5545 reads one: a time a DST change skips is
    read with the offset before the change (02:30 becomes 03:30); a repeated one is the first."""
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


# -- helpers: hand-offs, coverage, overrides ---------------------------------------------------


def _spec(rotation: RotationSpec | Mapping[str, Any]) -> RotationSpec:
    return rotation if isinstance(rotation, RotationSpec) else RotationSpec.from_api(rotation)


def _local_hand_offs(recurrence: RecurrenceSettings, first: date, period: int) -> list[datetime]:
    """The wall-clock hand-off times of the ``period``-th day/week/month after ``first``'s."""
    if recurrence.daily_settings:
        day = first + timedelta(days=period)
        return [datetime.combine(day, t.time) for t in recurrence.daily_settings]
    if recurrence.weekly_settings:
        monday = first - timedelta(days=first.weekday()) + timedelta(weeks=period)
        return [
            datetime.combine(
                monday + timedelta(days=DAYS_OF_WEEK.index(w.day_of_week)), w.hand_off_time.time
            )
            for w in recurrence.weekly_settings
        ]
    year, month = divmod(first.year * 12 + first.month - 1 + period, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return [
        datetime.combine(date(year, month + 1, min(m.day_of_month, last_day)), m.hand_off_time.time)
        for m in recurrence.monthly_settings
    ]


def _hand_offs(spec: RotationSpec) -> Iterator[datetime]:
    """Every hand-off after the rotation's start, in UTC, strictly increasing."""
    first = spec.start_time.astimezone(spec.zone).date()
    last = spec.start_time
    walked = 0
    for period in itertools.count(0, spec.recurrence.recurrence_multiplier):
        try:
            local = _local_hand_offs(spec.recurrence, first, period)
        except (OverflowError, ValueError):  # past year 9999
            return
        for moment in sorted({_to_utc(t, spec.zone) for t in local}):
            walked += 1
            if walked > MAX_HAND_OFFS:
                raise ShiftLimitError(
                    f"more than {MAX_HAND_OFFS} hand-offs from the rotation's start "
                    f"({spec.start_time}); ask for a window nearer to it"
                )
            # A DST change can move a hand-off onto or before the one before it: it is dropped.
            if moment > last:
                last = moment
                yield moment


def _regular_shifts(spec: RotationSpec) -> Iterator[tuple[int, datetime, datetime]]:
    """(index, start, end) of each regular shift, before coverage: hand-off to hand-off."""
    begin = spec.start_time
    index = 0
    for hand_off in _hand_offs(spec):
        yield index, begin, hand_off
        index, begin = index + 1, hand_off
    yield index, begin, _FAR_FUTURE


def _covered(spec: RotationSpec, begin: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """The parts of ``[begin, end)`` that the rotation's shift coverages cover."""
    coverages = spec.recurrence.shift_coverages
    if not coverages:
        return [(begin, end)]
    day = begin.astimezone(spec.zone).date() - timedelta(days=1)
    last = end.astimezone(spec.zone).date()
    windows: list[tuple[datetime, datetime]] = []
    while day <= last:
        for cover in coverages.get(DAYS_OF_WEEK[day.weekday()], ()):
            ends_next_day = cover.end <= cover.start
            start = _to_utc(datetime.combine(day, cover.start.time), spec.zone)
            stop = _to_utc(
                datetime.combine(day + timedelta(days=int(ends_next_day)), cover.end.time),
                spec.zone,
            )
            start, stop = max(start, begin), min(stop, end)
            if start < stop:
                windows.append((start, stop))
        day += timedelta(days=1)
    return _merge(windows)


def _overridden(
    members: tuple[str, ...], begin: datetime, end: datetime, overrides: Sequence[Override]
) -> Iterator[RotationShift]:
    """The covered piece ``[begin, end)``, cut where overrides start and end; a later override
    wins over an earlier one where they overlap."""
    cuts = sorted(
        {begin, end} | {t for o in overrides for t in (o.start, o.end) if begin < t < end}
    )
    for start, stop in itertools.pairwise(cuts):
        winner = next((o for o in reversed(overrides) if o.start <= start and stop <= o.end), None)
        if winner is None:
            yield RotationShift(members, start, stop)
        else:
            yield RotationShift(winner.contact_ids, start, stop, "OVERRIDDEN", members)


def _merge(intervals: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Sorted, with overlapping and touching intervals joined."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# -- helpers: reading API-shaped values --------------------------------------------------------


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _get(mapping: Mapping[str, Any], name: str) -> Any:
    """The member ``name`` (API spelling) or its snake_case spelling, else None."""
    if name in mapping:
        return mapping[name]
    return mapping.get(_snake(name))


def _member(mapping: Mapping[str, Any], name: str, path: str) -> Any:
    value = _get(mapping, name)
    if value is None:
        raise RotationSpecError(f"{path + '.' if path else ''}{name} is required")
    return value


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RotationSpecError(f"{path} must be an object, not {value!r}")
    return value


def _sequence(value: Any, path: str) -> Sequence[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise RotationSpecError(f"{path} must be a list, not {value!r}")
    return value


def _list(mapping: Mapping[str, Any], name: str, path: str) -> Sequence[Any]:
    value = _get(mapping, name)
    return () if value is None else _sequence(value, f"{path}.{name}")


def _strings(value: Any, path: str) -> list[str]:
    items = _sequence(value, path)
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise RotationSpecError(f"{path} must be a list of contact ARNs, not {value!r}")
    return list(items)


def _weekly(item: Mapping[str, Any], path: str) -> WeeklySetting:
    hand_off = HandOffTime.parse(_member(item, "HandOffTime", path), f"{path}.HandOffTime")
    return _at(path, lambda: WeeklySetting(_member(item, "DayOfWeek", path), hand_off))


def _monthly(item: Mapping[str, Any], path: str) -> MonthlySetting:
    hand_off = HandOffTime.parse(_member(item, "HandOffTime", path), f"{path}.HandOffTime")
    return _at(path, lambda: MonthlySetting(_member(item, "DayOfMonth", path), hand_off))


def _coverage(item: Any, path: str) -> CoverageTime:
    c = _mapping(item, path)
    midnight = HandOffTime(0, 0)
    start, end = _get(c, "Start"), _get(c, "End")
    return CoverageTime(
        midnight if start is None else HandOffTime.parse(start, f"{path}.Start"),
        midnight if end is None else HandOffTime.parse(end, f"{path}.End"),
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _at(path: str, build: Callable[[], _T]) -> _T:
    """``build()``, with the path prefixed to the message of a RotationSpecError it raises."""
    try:
        result = build()
    except RotationSpecError as error:
        message = str(error)
        if path and not message.startswith(path):
            message = f"{path}: {message}"
        raise RotationSpecError(message) from None
    return result
