"""examples/oncall under the real CLI: `page` prints what the emulator pages (issue 16).

The example goes up, its channels are activated, the stack is refreshed; then at three times
of the week the emulator's StartEngagement on `sre-escalation` is walked on its clock, and
`python -m pulumi_ssm_contacts page` prints its table from the live setup and from the stack
export: the three agree, row for row (minute, who, channel).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from .harness import REPO, Emulator, StackFactory, contact_arn

pytestmark = pytest.mark.e2e

ONCALL = REPO / "examples" / "oncall"
MINUTES = 30
Row = tuple[int, str, str]


def emulator_rows(emulator: Emulator, at: datetime) -> list[Row]:
    """StartEngagement on sre-escalation at ``at``, walked MINUTES minutes on the clock."""
    client = emulator.client
    emulator.control.set_clock(at)
    engagement = client.start_engagement(
        ContactId=contact_arn("sre-escalation"), Sender="e2e", Subject="s", Content="c"
    )["EngagementArn"]
    for _ in range(MINUTES):
        emulator.control.advance_clock(minutes=1)
    rows = []
    for page in client.list_pages_by_engagement(EngagementId=engagement)["Pages"]:
        who = page["ContactArn"].rsplit("/", 1)[1]
        for receipt in client.list_page_receipts(PageId=page["PageArn"])["Receipts"]:
            channel = client.get_contact_channel(ContactChannelId=receipt["ContactChannelArn"])
            minute = int((receipt["ReceiptTime"] - at) / timedelta(minutes=1))
            rows.append((minute, who, f"{channel['Name']} ({channel['Type']})"))
    client.stop_engagement(EngagementId=engagement)
    return sorted(rows)


def page_rows(env: dict[str, str], at: datetime, *source: str) -> list[Row]:
    """What `page` prints for the same engagement."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pulumi_ssm_contacts",
            "page",
            "--contact",
            "sre-escalation",
            "--at",
            at.isoformat(),
            "--minutes",
            str(MINUTES),
            *source,
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "@example.com" not in done.stdout, "no delivery address is ever printed"
    cells = [[c.strip() for c in line.split("|")[1:-1]] for line in done.stdout.splitlines()[2:]]
    return sorted((int(minute), who, channel) for minute, _, who, channel, _ in cells)


AGREEMENT = [
    (datetime(2026, 12, 7, 8, 30, tzinfo=UTC), "akua"),
    (datetime(2026, 12, 9, 12, 0, tzinfo=UTC), "kwame"),
    (datetime(2026, 12, 11, 2, 0, tzinfo=UTC), "kwame"),
]


def test_page_agrees_with_the_emulator_at_three_times_of_the_week(
    new_stack: StackFactory, emulator: Emulator, tmp_path: Path
) -> None:
    stack = new_stack(ONCALL)
    stack.up()
    codes = emulator.control.activation_codes()
    for arn, code in codes.items():
        emulator.client.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)
    stack.refresh()
    export = tmp_path / "export.json"
    export.write_text(
        stack.workspace.pulumi_command.run(
            ["stack", "export", "--stack", stack.name],
            stack.workspace.work_dir,
            stack.workspace.env_vars,
        ).stdout
    )
    env = {**stack.workspace.env_vars, "PATH": ""}

    table = []
    for at, on_call in AGREEMENT:
        by_emulator = emulator_rows(emulator, at)
        live = page_rows(env, at, "--region", "us-east-1")
        exported = page_rows(env, at, "--stack-export", str(export))
        table.append((at, by_emulator, live, exported))
        assert by_emulator == [(0, on_call, "Email (EMAIL)"), (15, "sre-manager", "Email (EMAIL)")]

    for at, by_emulator, live, exported in table:
        assert live == by_emulator, at
        assert exported == by_emulator, at
