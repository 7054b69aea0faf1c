"""``python -m pulumi_ssm_contacts shifts`` and ``shifts.table``: the table, exit statuses."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pulumi_ssm_contacts.__main__ import main
from pulumi_ssm_contacts.core import aws_client
from pulumi_ssm_contacts.oncall import shifts
from pulumi_ssm_contacts.oncall.shifts import Override, RotationShift

ACCOUNT = "arn:aws:ssm-contacts:us-east-1:111122223333:contact"
A, B = f"{ACCOUNT}/akuam", f"{ACCOUNT}/alejr"
MONDAY = "2026-01-05T00:00:00Z"

WEEKLY: dict[str, Any] = {
    "ContactIds": [A, B],
    "StartTime": "2026-01-05T09:00:00-08:00",
    "TimeZoneId": "America/Los_Angeles",
    "Recurrence": {
        "NumberOfOnCalls": 1,
        "RecurrenceMultiplier": 1,
        "WeeklySettings": [
            {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
        ],
    },
}

WEEKLY_TABLE = """\
| who   | from                     | to                       |
|-------|--------------------------|--------------------------|
| akuam | Mon 2026-01-05 09:00 PST | Mon 2026-01-12 09:00 PST |
| alejr | Mon 2026-01-12 09:00 PST | Mon 2026-01-19 09:00 PST |
| akuam | Mon 2026-01-19 09:00 PST | Mon 2026-01-26 09:00 PST |"""


def business_hours() -> dict[str, Any]:
    days = ("MON", "TUE", "WED", "THU", "FRI")
    hours = {
        "Start": {"HourOfDay": 9, "MinuteOfHour": 0},
        "End": {"HourOfDay": 17, "MinuteOfHour": 0},
    }
    recurrence = {**WEEKLY["Recurrence"], "ShiftCoverages": {d: [hours] for d in days}}
    return {**WEEKLY, "Recurrence": recurrence}


def write(tmp_path: Path, document: Any) -> str:
    path = tmp_path / "rotation.json"
    path.write_text(json.dumps(document))
    return str(path)


# -- shifts.table ------------------------------------------------------------------------------


def test_table_of_a_rotation_lists_the_next_shifts_in_its_time_zone() -> None:
    after = datetime(2026, 1, 5, tzinfo=UTC)
    assert shifts.table(WEEKLY, count=3, after=after) == WEEKLY_TABLE


def test_table_marks_overrides_and_the_time_nobody_is_on_call() -> None:
    swap = Override(
        (B,), datetime(2026, 1, 6, 17, tzinfo=UTC), datetime(2026, 1, 6, 20, tzinfo=UTC)
    )
    text = shifts.table(
        business_hours(),
        count=3,
        after=datetime(2026, 1, 5, tzinfo=UTC),
        names={A: "Akua M."},
        overrides=[swap],
    )
    assert (
        text
        == """\
| who                         | from                     | to                       |
|-----------------------------|--------------------------|--------------------------|
| Akua M.                     | Mon 2026-01-05 09:00 PST | Mon 2026-01-05 17:00 PST |
| (nobody on call)            | Mon 2026-01-05 17:00 PST | Tue 2026-01-06 09:00 PST |
| alejr (override of Akua M.) | Tue 2026-01-06 09:00 PST | Tue 2026-01-06 12:00 PST |
| Akua M.                     | Tue 2026-01-06 12:00 PST | Tue 2026-01-06 17:00 PST |"""
    )


def test_table_of_given_shifts_defaults_to_utc_and_can_hide_gaps() -> None:
    listed = [
        RotationShift(
            (A,), datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 5, 17, tzinfo=UTC)
        ),
        RotationShift(
            (A, B), datetime(2026, 1, 6, 9, tzinfo=UTC), datetime(2026, 1, 6, 17, tzinfo=UTC)
        ),
    ]
    assert (
        shifts.table(listed, show_gaps=False)
        == """\
| who          | from                     | to                       |
|--------------|--------------------------|--------------------------|
| akuam        | Mon 2026-01-05 09:00 UTC | Mon 2026-01-05 17:00 UTC |
| akuam, alejr | Tue 2026-01-06 09:00 UTC | Tue 2026-01-06 17:00 UTC |"""
    )


# -- the command -------------------------------------------------------------------------------


def test_command_prints_the_table_of_a_rotation_json_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["shifts", "--rotation-json", write(tmp_path, WEEKLY), "--start", MONDAY, "--count", "3"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (WEEKLY_TABLE + "\n", "")


def test_command_reads_stdin_and_shows_another_time_zone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(WEEKLY)))
    argv = [
        "shifts",
        "--rotation-json",
        "-",
        "--start",
        MONDAY,
        "--count",
        "1",
        "--time-zone",
        "UTC",
    ]
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines()[2] == (
        "| akuam | Mon 2026-01-05 17:00 UTC | Mon 2026-01-12 17:00 UTC |"
    )


def test_command_json_output_lists_api_shaped_shifts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "shifts",
        "--rotation-json",
        write(tmp_path, WEEKLY),
        "--start",
        MONDAY,
        "--count",
        "2",
        "--json",
    ]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "ContactIds": [A],
            "StartTime": "2026-01-05T17:00:00+00:00",
            "EndTime": "2026-01-12T17:00:00+00:00",
            "Type": "REGULAR",
        },
        {
            "ContactIds": [B],
            "StartTime": "2026-01-12T17:00:00+00:00",
            "EndTime": "2026-01-19T17:00:00+00:00",
            "Type": "REGULAR",
        },
    ]


def test_command_reads_overrides_from_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    swap = {
        "NewMembers": [B],
        "StartTime": "2026-01-06T00:00:00Z",
        "EndTime": "2026-01-07T00:00:00Z",
    }
    path = write(tmp_path, {**WEEKLY, "Overrides": [swap]})
    assert main(["shifts", "--rotation-json", path, "--start", MONDAY, "--count", "2"]) == 0
    assert "| alejr (override of akuam) | Mon 2026-01-05 16:00 PST |" in capsys.readouterr().out


def test_command_exits_1_when_nobody_is_ever_on_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    never = {**WEEKLY, "Recurrence": {**WEEKLY["Recurrence"], "ShiftCoverages": {"MON": []}}}
    argv = ["shifts", "--rotation-json", write(tmp_path, never), "--horizon-days", "30"]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("shifts: nobody is on call between ")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "shifts: the rotation is not JSON"),
        ("[]", "shifts: the rotation JSON must be an object"),
        (json.dumps({**WEEKLY, "TimeZoneId": "PST"}), "TimeZoneId must be an IANA time zone"),
        (json.dumps({**WEEKLY, "Overrides": {}}), "Overrides must be a list"),
    ],
)
def test_command_exits_2_on_a_rotation_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str, message: str
) -> None:
    path = tmp_path / "rotation.json"
    path.write_text(document)
    assert main(["shifts", "--rotation-json", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err


def test_command_exits_2_on_a_missing_file_or_a_bad_display_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["shifts", "--rotation-json", str(tmp_path / "missing.json")]) == 2
    assert "shifts: cannot read" in capsys.readouterr().err
    argv = ["shifts", "--rotation-json", write(tmp_path, WEEKLY), "--time-zone", "Mars/Olympus"]
    assert main(argv) == 2
    assert "--time-zone must be an IANA time zone" in capsys.readouterr().err


def test_command_exits_2_without_a_region_for_a_rotation_in_aws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    aws_client.forget_clients()
    rotation_arn = "arn:aws:ssm-contacts:us-east-1:111122223333:rotation/0000"
    assert main(["shifts", "--rotation-id", rotation_arn]) == 2
    assert "shifts: no AWS region" in capsys.readouterr().err
    aws_client.forget_clients()


@pytest.mark.parametrize(
    "argv",
    [
        ["shifts"],
        ["shifts", "--rotation-id", "arn", "--rotation-json", "x.json"],
        ["shifts", "--rotation-json", "x.json", "--count", "0"],
        ["shifts", "--rotation-json", "x.json", "--start", "tomorrow"],
    ],
    ids=["no_rotation", "two_rotations", "count_0", "bad_start"],
)
def test_command_misuse_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_command_days_lists_every_shift_of_that_many_days_from_the_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Business hours Mon-Fri: the week from Monday 00:00 holds five shifts, no more.
    argv = ["shifts", "--rotation-json", write(tmp_path, business_hours())]
    argv += ["--start", "2026-01-05T00:00:00-08:00", "--days", "7", "--json"]
    assert main(argv) == 0
    starts = [s["StartTime"] for s in json.loads(capsys.readouterr().out)]
    assert [s[:10] for s in starts] == [f"2026-01-{day:02}" for day in range(5, 10)]


def test_command_days_and_count_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["shifts", "--rotation-json", "x.json", "--days", "7", "--count", "3"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_command_names_a_rotation_that_does_not_exist(
    ssm_contacts_client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    aws_client.forget_clients()
    missing = "arn:aws:ssm-contacts:us-east-1:123456789012:rotation/no-such-rotation"
    try:
        status = main(["shifts", "--rotation-id", missing, "--region", "us-east-1"])
    finally:
        aws_client.forget_clients()
    err = capsys.readouterr().err
    assert status == 2
    assert f"there is no rotation {missing} in us-east-1" in err
    assert "--region" in err and "list-rotations" in err
    assert "credentials" not in err
