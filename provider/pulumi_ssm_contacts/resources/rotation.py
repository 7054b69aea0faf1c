"""The engine side of ``Rotation``: an on-call rotation, its keys, its rules and its calls.

create 3 calls (CreateRotation with this owner's token and the owner tag, then GetRotation
and ListTagsForResource to verify what the token answered: see :mod:`owned_create`), read
2, update one UpdateRotation plus a tag call per changed tag set, delete 2 (the owner
check, then the delete), import 2 + 1 TagResource for the owner tag.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..core import bag as bags
from ..core.aws_errors import ContactError, owned_elsewhere
from ..core.calls import call, find
from ..core.engine import (
    Engine,
    Read,
    Session,
    keep_bookkeeping,
    owner_tags,
    send_changes,
    split_owner,
)
from ..core.owned_create import MAX_GENERATIONS, create_owned, owned_tokens
from ..core.ownership import OWNER_KEY
from ..core.validation import Failure, is_unknown, model_failures
from .plan_rules import arn_kind_failure, repeats

WRITTEN = ("contactIds", "startTime", "timeZoneId", "recurrence")
"""What one UpdateRotation writes (its Recurrence is required, so it is always sent)."""
SETTINGS = ("dailySettings", "weeklySettings", "monthlySettings")
_CANONICAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_ZONED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def canonical_time(value: Any) -> Any:
    """A start time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC): datetimes, ``...Z`` and ``+HH:MM``
    spellings of one instant are equal. A value that is not a zone-aware time is kept for
    check to report."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and not is_unknown(value):
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        return value
    if moment.tzinfo is None:
        return value
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _recurrence_from_api(recurrence: Mapping[str, Any]) -> dict[str, Any]:
    """The API's Recurrence as a bag value: day keys of shift coverages stay ``MON``."""
    out: dict[str, Any] = bags.from_api(recurrence)
    coverages = out.get("shiftCoverages")
    if isinstance(coverages, Mapping):
        out["shiftCoverages"] = {day.upper(): spans for day, spans in coverages.items()}
    return out


def rotation_request(bag: Mapping[str, Any]) -> dict[str, Any]:
    """The CreateRotation members of a bag that are not tags or the token."""
    request: dict[str, Any] = {
        "Name": bag.get("name"),
        "ContactIds": bag.get("contactIds"),
        "TimeZoneId": bag.get("timeZoneId"),
        "Recurrence": bags.to_api(bag.get("recurrence")),
    }
    if bag.get("startTime") is not None:
        request["StartTime"] = bag["startTime"]
    return request


class RotationEngine(Engine):
    """An on-call rotation; the ID is its ARN."""

    type_name = "Rotation"
    input_keys = ("name", "contactIds", "startTime", "timeZoneId", "recurrence", "tags", "region")
    replace_keys = ("name",)
    update_keys = ("contactIds", "startTime", "timeZoneId", "recurrence", "tags")
    tags_operation = "CreateRotation"
    id_operation = ("GetRotation", "RotationId")
    output_keys = ()  # arn and the inputs only: an update changes only the keys it writes
    input_members = MappingProxyType(
        {
            "name": ("CreateRotation", "Name"),
            "contactIds": ("CreateRotation", "ContactIds"),
            "startTime": ("CreateRotation", "StartTime"),
            "timeZoneId": ("CreateRotation", "TimeZoneId"),
            "recurrence": ("CreateRotation", "Recurrence"),
            "tags": ("CreateRotation", "Tags"),
        }
    )
    output_members = MappingProxyType({"arn": ("GetRotation", "RotationArn")})

    def normalize(self, bag: Mapping[str, Any]) -> dict[str, Any]:
        """One spelling per start time; ``None`` members dropped; missing tags are none."""
        out: dict[str, Any] = {
            k: bags.clean(bag[k])
            for k in ("name", "contactIds", "timeZoneId", "recurrence")
            if bag.get(k) is not None
        }
        if bag.get("startTime") is not None:
            out["startTime"] = canonical_time(bag["startTime"])
        out["tags"] = bags.normalize_tags(bag.get("tags"))
        return keep_bookkeeping(out, bag)

    def rules(self, bag: Mapping[str, Any]) -> list[Failure]:
        """The CreateRotation shape and what the API reference adds to it."""
        request = {**rotation_request(bag), "StartTime": None}
        failures = model_failures("CreateRotation", request)
        start = bag.get("startTime")
        if start is not None and not is_unknown(start):
            failures += _start_failures(start)
        zone = bag.get("timeZoneId")
        if isinstance(zone, str) and not is_unknown(zone) and zone not in _zones():
            # One problem, said once: the IANA rule covers what the model's pattern says.
            failures = [f for f in failures if f.property != "timeZoneId"]
            failures.append(Failure("timeZoneId", "must be an IANA time zone ID (Europe/Paris)"))
        contact_ids = bag.get("contactIds")
        if isinstance(contact_ids, list):
            for c, contact_id in enumerate(contact_ids):
                failures += arn_kind_failure(f"contactIds[{c}]", contact_id, "contact")
        recurrence = bag.get("recurrence")
        if isinstance(recurrence, Mapping) and not is_unknown(recurrence):
            failures += _recurrence_failures(recurrence, bag.get("contactIds"))
        return failures

    def warnings(self, bag: Mapping[str, Any]) -> list[Failure]:
        """Likely mistakes AWS accepts: a hand-off given twice, overlapping or
        overnight shift coverages, a start time outside 2000-2100."""
        found: list[Failure] = []
        start = bag.get("startTime")
        if isinstance(start, str) and _CANONICAL.fullmatch(start):
            year = int(start[:4])
            if not FIRST_YEAR <= year <= LAST_YEAR:
                found.append(
                    Failure(
                        "startTime",
                        f"is in the year {year}: a start outside {FIRST_YEAR}-{LAST_YEAR} is "
                        "almost surely a typo (shifts are counted from the start time)",
                    )
                )
        recurrence = bag.get("recurrence")
        if isinstance(recurrence, Mapping):
            found += _recurrence_warnings(recurrence)
        return found

    def create(self, session: Session, bag: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """CreateRotation with this owner's token and tags, verified by a read; a rotation
        a lost answer left behind is adopted and brought in line with the program."""
        client = session.client

        def create(token: str) -> str:
            request = {
                **rotation_request(bag),
                "Tags": bags.tags_to_api({**bag.get("tags", {}), **owner_tags(bag)}),
                "IdempotencyToken": token,
            }
            ctx = session.ctx("CreateRotation", f"rotation '{bag.get('name')}'")
            arn: str = call(ctx, lambda: client.create_rotation(**request), creates=True)[
                "RotationArn"
            ]
            return arn

        made = create_owned(
            owned_tokens("Rotation", bag.get(OWNER_KEY) or None),
            create=create,
            find=lambda arn: self._live_with_tags(session, arn),
            usable=lambda found: found[0].get("name") == bag.get("name"),
            discard=lambda arn: self._delete(session, arn),
        )
        if made is None:
            raise ContactError(
                f"CreateRotation for rotation '{bag.get('name')}' failed: AWS answered each of "
                f"this resource's {MAX_GENERATIONS} idempotency tokens with a rotation that no "
                "longer exists (AWS remembers tokens after a delete).\nWhat to do: wait for AWS "
                "to forget them and run `pulumi up` again, or rename the Pulumi resource."
            )
        arn, (live, tags) = made
        self.write(session, arn, live, bag)
        self.sync_tags(session, arn, live, bag, tags)
        return arn, {}

    def _live_with_tags(
        self, session: Session, arn: str
    ) -> tuple[dict[str, Any], dict[str, str]] | None:
        """The rotation's bag (``owner`` from its tag) and whole tag map, or None when gone."""
        client = session.client
        got = self.get_with_tags(
            session,
            arn,
            lambda: find(
                session.ctx("GetRotation", arn), lambda: client.get_rotation(RotationId=arn)
            ),
        )
        if got is None:
            return None
        found, tags = got
        user_tags, owner = split_owner(tags)
        live = {
            "name": found["Name"],
            "contactIds": list(found["ContactIds"]),
            "startTime": canonical_time(found.get("StartTime")),
            "timeZoneId": found["TimeZoneId"],
            "recurrence": _recurrence_from_api(found["Recurrence"]),
            "tags": user_tags,
            OWNER_KEY: owner,
        }
        return self.normalize(live), tags

    def read(self, session: Session, id_: str, props: Mapping[str, Any]) -> Read | None:
        """GetRotation and ListTagsForResource; gone reads as None; another owner fails."""
        found = self._live_with_tags(session, id_)
        if found is None:
            return None
        return self.read_owned(id_, found[0], props)

    def write(
        self, session: Session, id_: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        if all(old.get(k) == new.get(k) for k in WRITTEN):
            return
        request = {k: v for k, v in rotation_request(new).items() if k != "Name"}
        client = session.client
        send_changes(session, "UpdateRotation", client.update_rotation, request, RotationId=id_)

    def delete(self, session: Session, id_: str, props: Mapping[str, Any]) -> None:
        """DeleteRotation after the owner check; a rotation already gone is deleted."""
        self.delete_owned(session, id_, props, lambda: self._delete(session, id_))

    def _delete(self, session: Session, arn: str) -> None:
        client = session.client
        find(session.ctx("DeleteRotation", arn), lambda: client.delete_rotation(RotationId=arn))

    def adopt(self, session: Session, id_: str, bag: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing rotation: it must match the program; it gets our owner tag."""
        found = self._live_with_tags(session, id_)
        if found is None:
            raise ContactError(f"Import of {id_} failed: no such rotation in {session.region}.")
        live, tags = found
        owner = live.get(OWNER_KEY)
        if owner and owner != bag.get(OWNER_KEY):
            raise owned_elsewhere(id_, owner, "Import")
        differ = [k for k in ("name", *WRITTEN, "tags") if live.get(k) != bag.get(k)]
        if "startTime" in differ and bag.get("startTime") is None:
            differ.remove("startTime")
        if differ:
            raise ContactError(
                f"Import of {id_} failed: the rotation does not match the program in "
                f"{', '.join(differ)}.\nWhat to do: change the program to match it "
                f"(`aws ssm-contacts get-rotation --rotation-id {id_}`), import, then change it."
            )
        if bag.get(OWNER_KEY):
            self.sync_tags(session, id_, live, bag, tags)
        return {}


def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


FIRST_YEAR, LAST_YEAR = 2000, 2100
"""Start times outside these years are warned of. AWS documents no bound, but Incident
Manager dates from 2021 and a rotation's shifts are counted from its start: 1900 or 9999
are typos (a missing digit, a placeholder), not plans. 2000-2100 leaves room for a
back-dated rotation and for any schedule a team plans ahead."""


def _start_failures(start: Any) -> list[Failure]:
    """A start time must be one real, zone-aware instant (normalize made it canonical)."""
    shape = (
        "must be a zone-aware datetime or ISO 8601 string "
        "(2026-12-01T09:00:00Z, 2026-12-01T10:00:00+01:00)"
    )
    text = str(start)
    if not _ZONED.fullmatch(text):
        return [Failure("startTime", shape)]
    try:
        dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        # Zoned, yet normalize could not read it: a leap second (23:59:60), 24:00, February
        # 30... botocore refuses to send it, so `up` would fail with its traceback.
        return [
            Failure(
                "startTime",
                "must be a real date and time: seconds 00-59 (AWS takes no leap second such "
                "as 23:59:60), hours 00-23, a day its month has",
            )
        ]
    return []


def _recurrence_warnings(recurrence: Mapping[str, Any]) -> list[Failure]:
    """Hand-offs given twice; shift coverages of one day that overlap or run overnight."""
    found: list[Failure] = []
    for kind in SETTINGS:
        settings = recurrence.get(kind)
        if isinstance(settings, list):
            keys = [json.dumps(s, sort_keys=True, default=str) for s in settings]
            found += repeats(keys, f"recurrence.{kind}", "the same hand-off")
    coverages = recurrence.get("shiftCoverages")
    if not isinstance(coverages, Mapping):
        return found
    for day, spans in coverages.items():
        if not isinstance(spans, list):
            continue
        windows: list[tuple[int, int, int]] = []
        for i, span in enumerate(spans):
            start, end = _minute(span, "start"), _minute(span, "end")
            if start is None or end is None:
                continue
            path = f"recurrence.shiftCoverages.{day}[{i}]"
            if end < start:
                found.append(
                    Failure(
                        path,
                        "ends before it starts: AWS takes it as running overnight into the "
                        "next day; if a same-day span was meant, swap start and end",
                    )
                )
                end += 24 * 60
            elif end == start:
                end += 24 * 60  # 00:00-00:00 is the whole day
            for j, other_start, other_end in windows:
                if start < other_end and other_start < end:
                    found.append(
                        Failure(
                            path,
                            f"overlaps recurrence.shiftCoverages.{day}[{j}]: one covered time, "
                            "given twice",
                        )
                    )
                    break
            windows.append((i, start, end))
    return found


def _minute(span: Any, end: str) -> int | None:
    """A coverage bound in minutes of the day (a missing bound is 00:00); None if unknown."""
    if not isinstance(span, Mapping):
        return None
    time = span.get(end, {})
    if not isinstance(time, Mapping):
        return None
    hour, minute = time.get("hourOfDay", 0), time.get("minuteOfHour", 0)
    if not isinstance(hour, int) or not isinstance(minute, int):
        return None
    return hour * 60 + minute


def _recurrence_failures(recurrence: Mapping[str, Any], contact_ids: Any) -> list[Failure]:
    """The API reference's rules: one kind of hand-off settings; on-calls within the team."""
    failures = []
    kinds = [k for k in SETTINGS if recurrence.get(k)]
    if len(kinds) != 1:
        failures.append(
            Failure(
                "recurrence",
                "must set exactly one of dailySettings, weeklySettings or monthlySettings",
            )
        )
    on_calls = recurrence.get("numberOfOnCalls")
    if (
        isinstance(on_calls, int)
        and isinstance(contact_ids, list)
        and not any(is_unknown(c) for c in contact_ids)
        and on_calls > len(contact_ids)
    ):
        failures.append(
            Failure(
                "recurrence.numberOfOnCalls",
                f"must be at most the number of contacts ({len(contact_ids)})",
            )
        )
    return failures
