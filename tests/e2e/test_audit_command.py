"""`python -m pulumi_ssm_contacts audit` as a user runs it, against the emulator server.

The exports are written by hand in `pulumi stack export`'s shape (test_recovery.py feeds it a
real one); the contacts are made with boto3, owner tags included, as the provider makes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .harness import REGION, Emulator, contact_arn, run_audit

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts.type_defs import TagTypeDef

CONTACT = "pulumi-python:dynamic/ssm-contacts:Contact"
CHANNEL = "pulumi-python:dynamic/ssm-contacts:ContactChannel"
ROTATION = "pulumi-python:dynamic/ssm-contacts:Rotation"
OWNER_TAG = "pulumi-ssm-contacts/owner"
PROJECT, STACK = "e2e-contacts", "e2e"


def urn(name: str, type_: str = CONTACT) -> str:
    return f"urn:pulumi:{STACK}::{PROJECT}::{type_}::{name}"


def export(*held: str) -> str:
    """An export of the stack holding the contacts of aliases `held` (resource name = alias)."""
    resources: list[dict[str, Any]] = [
        {"urn": urn(f"{PROJECT}-{STACK}", "pulumi:pulumi:Stack"), "type": "pulumi:pulumi:Stack"}
    ]
    for alias in held:
        arn = contact_arn(alias)
        outputs = {"alias": alias, "arn": arn, "owner": f"{PROJECT}/{STACK}/{alias}"}
        resources.append({"urn": urn(alias), "type": CONTACT, "id": arn, "outputs": outputs})
    return json.dumps({"version": 3, "deployment": {"resources": resources}})


def create(emulator: Emulator, alias: str, owned: bool = True) -> str:
    """A contact, tagged as the stack's resource `alias` when `owned`."""
    tags: list[TagTypeDef] = (
        [{"Key": OWNER_TAG, "Value": f"{PROJECT}/{STACK}/{alias}"}] if owned else []
    )
    created = emulator.client.create_contact(
        Alias=alias,
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=tags,
    )
    return created["ContactArn"]


def audit_json(export_text: str, *args: str) -> tuple[int, dict[str, Any]]:
    """Exit status and JSON document of `audit --region R --json`."""
    done = run_audit("--region", REGION, "--json", *args, stdin=export_text)
    assert done.stderr == ""
    document: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, document


def test_basic_clean_stack_exits_0(emulator: Emulator) -> None:
    create(emulator, "akuam")

    status, document = audit_json(export("akuam"))

    assert status == 0
    assert document["clean"] is True
    assert (document["project"], document["stack"], document["region"]) == (PROJECT, STACK, REGION)
    assert document["orphans"] == document["drift"] == document["unmanaged"] == []
    assert document["types"][0] == {
        "type": CONTACT,
        "held": 1,
        "live": 1,
        "other_stacks": 0,
        "other_regions": 0,
    }
    assert len(document["types"]) == 4, "contacts, channels, plans, rotations"


def test_orphan_exits_1_and_is_listed_with_its_delete_command(emulator: Emulator) -> None:
    create(emulator, "akuam")
    orphan = create(emulator, "oncall")
    emulator.control.clear_calls()

    status, document = audit_json(export("akuam"))

    assert status == 1
    assert document["counts"]["orphans"] == 1
    assert document["orphans"] == [
        {
            "type": CONTACT,
            "arn": orphan,
            "owner": f"{PROJECT}/{STACK}/oncall",
            "resource_name": "oncall",
            "pending": None,
            "delete_command": f"aws ssm-contacts delete-contact --contact-id {orphan}",
        }
    ]
    # The fewest calls: one page of contacts and of rotations, each contact's tags, the
    # channels of the contacts that matter (the held one and the orphan).
    assert sorted(emulator.operations()) == sorted(
        ["ListContacts", "ListRotations"]
        + ["ListTagsForResource"] * 2
        + ["ListContactChannels"] * 2
    )


def test_orphan_text_output_says_how_to_adopt_or_delete(emulator: Emulator) -> None:
    orphan = create(emulator, "oncall")

    done = run_audit("--region", REGION, stdin=export())

    assert done.returncode == 1
    assert f'opts=pulumi.ResourceOptions(import_="{orphan}")' in done.stdout
    assert f"delete: aws ssm-contacts delete-contact --contact-id {orphan}" in done.stdout


def test_disappears_drifted_arn_exits_1(emulator: Emulator) -> None:
    create(emulator, "akuam")

    status, document = audit_json(export("akuam", "gone"))

    assert status == 1
    assert document["drift"] == [
        {"type": CONTACT, "urn": urn("gone"), "arn": contact_arn("gone"), "reason": "gone"}
    ]
    assert document["orphans"] == []


def test_disappears_rotation_and_channel_deleted_out_of_band_are_drift(emulator: Emulator) -> None:
    """Finding 3: a rotation (or channel) deleted out of band used to go unreported."""
    akuam = create(emulator, "akuam")
    client = emulator.client
    rotation = client.create_rotation(
        Name="week",
        ContactIds=[akuam],
        TimeZoneId="UTC",
        Recurrence={
            "NumberOfOnCalls": 1,
            "RecurrenceMultiplier": 1,
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}],
        },
        Tags=[{"Key": OWNER_TAG, "Value": f"{PROJECT}/{STACK}/week"}],
    )["RotationArn"]
    channel = client.create_contact_channel(
        ContactId=akuam, Name="mobile", Type="SMS", DeliveryAddress={"SimpleAddress": "+15550100"}
    )["ContactChannelArn"]
    document = json.loads(export("akuam"))
    for name, type_, arn, outputs in (
        ("week", ROTATION, rotation, {}),
        ("sms", CHANNEL, channel, {"contactId": akuam}),
    ):
        outputs = {**outputs, "owner": f"{PROJECT}/{STACK}/{name}"}
        document["deployment"]["resources"].append(
            {"urn": urn(name, type_), "type": type_, "id": arn, "outputs": outputs}
        )
    assert audit_json(json.dumps(document))[0] == 0
    client.delete_rotation(RotationId=rotation)
    client.delete_contact_channel(ContactChannelId=channel)

    status, found = audit_json(json.dumps(document))

    assert status == 1
    assert sorted((d["type"], d["arn"], d["reason"]) for d in found["drift"]) == sorted(
        [(ROTATION, rotation, "gone"), (CHANNEL, channel, "gone")]
    )


def test_unmanaged_contact_exits_0_unless_strict(emulator: Emulator, tmp_path: Path) -> None:
    create(emulator, "akuam")
    console = create(emulator, "console", owned=False)
    exported = tmp_path / "export.json"
    exported.write_text(export("akuam"))

    status, document = audit_json("", "--file", str(exported))
    strict_status, strict = audit_json("", "--file", str(exported), "--strict")

    assert (status, strict_status) == (0, 1)
    assert document["unmanaged"] == [{"type": CONTACT, "arn": console}]
    assert (document["clean"], strict["clean"]) == (True, False)


def test_aws_error_exits_2_with_one_paragraph(emulator: Emulator) -> None:
    emulator.control.set_preconditions(access_denied=["ListContacts"])

    done = run_audit("--region", REGION, "--json", stdin=export())

    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("audit: AWS refused ListContacts in us-east-1: AccessDenied")
    assert "ssm-contacts:ListContacts" in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "stdin", "env", "message"),
    [
        ((), "", {}, "audit: cannot read the stack export: the input is empty"),
        (("--file", "/nonexistent/export.json"), "", {}, "audit: cannot read /nonexistent"),
        ((), export("akuam"), {"AWS_REGION": "", "AWS_DEFAULT_REGION": ""}, "audit: no AWS region"),
        (("--bogus",), "", {}, "unrecognized arguments: --bogus"),
    ],
)
def test_usage_error_exits_2_without_traceback(
    emulator: Emulator, args: tuple[str, ...], stdin: str, env: dict[str, str], message: str
) -> None:
    done = run_audit(*args, stdin=stdin, env=env)

    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_help_says_what_it_covers_and_what_it_cannot_see() -> None:
    done = run_audit("--help")

    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "contacts, contact channels, contact plans and rotations" in text
    for finding in ("orphans", "drift", "pending", "unmanaged", "What it cannot see"):
        assert finding in text
    assert "0 when nothing of this stack is unaccounted for" in text
