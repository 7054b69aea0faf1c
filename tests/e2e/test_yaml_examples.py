"""examples/yaml under the real engine: Pulumi YAML programs on the native provider plugin.

The CLI runs each program in `pulumi-language-yaml` (built by scripts/ensure-pulumi) and starts
`pulumi-resource-ssm-contacts` from PATH (.tools/bin, a link to the venv's console script), as a
user's `pulumi up` in examples/yaml/* does. Two stacks, each taken through several steps.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pulumi import automation as auto

from .harness import REPO, Emulator, StackFactory, changes, contact_arn

pytestmark = pytest.mark.e2e

EXAMPLES = REPO / "examples" / "yaml"
NUMBER = "+15550100"
WRITES = re.compile(r"^(Create|Update|Delete|Tag|Untag|Activate|Deactivate|Send|Start|Stop)")
"""Operations that change something in SSM Contacts."""


def program(stack: auto.Stack) -> Path:
    """The stack's own copy of its Pulumi.yaml."""
    return Path(stack.workspace.work_dir) / "Pulumi.yaml"


def edit(stack: auto.Stack, old: str, new: str) -> None:
    """Change the stack's program: `old` (which occurs once) becomes `new`."""
    text = program(stack).read_text()
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the program"
    program(stack).write_text(text.replace(old, new))


def clean(output: str) -> bool:
    """Whether the CLI's output is free of Python tracebacks and of the engine's warning about a
    plugin taken from $PATH (ensure-pulumi installs ours into PULUMI_HOME's plugin cache)."""
    return "Traceback" not in output and "from $PATH" not in output


def writes(emulator: Emulator) -> list[str]:
    """The changing calls the emulator has served since its log was last cleared."""
    return [op for op in emulator.operations() if WRITES.match(op)]


@pytest.fixture
def paging(new_stack: StackFactory) -> auto.Stack:
    stack = new_stack.yaml_project(EXAMPLES / "paging")
    # JSON-quoted, as the example says: Pulumi YAML reads +15550100 as a number.
    stack.set_config("smsNumber", auto.ConfigValue(json.dumps(NUMBER), secret=True))
    return stack


def test_paging_yaml_up_noop_update_replace_refresh_and_destroy(
    paging: auto.Stack, emulator: Emulator
) -> None:
    """examples/yaml/paging through the life of a stack, from its first preview (where every
    channel and plan names a contact ARN not known yet) to its destroy."""
    preview = paging.preview()
    assert changes(preview.change_summary) == {"create": 9}  # 8 resources and the stack
    assert emulator.client.list_contacts()["Contacts"] == []
    up = paging.up()
    assert changes(up.summary.resource_changes) == {"create": 9}
    assert clean(up.stdout)
    assert emulator.aliases() == ["alejr", "mateoj", "payments-escalation"]
    channels = emulator.client.list_contact_channels(ContactId=contact_arn("alejr"))
    by_name = {c["Name"]: c for c in channels["ContactChannels"]}
    assert by_name["Phone"]["DeliveryAddress"]["SimpleAddress"] == NUMBER
    plan = emulator.client.get_contact(ContactId=contact_arn("alejr"))["Plan"]
    engaged = [s["Targets"][0]["ChannelTargetInfo"]["ContactChannelId"] for s in plan["Stages"]]
    assert engaged == [
        by_name["Work email"]["ContactChannelArn"],
        by_name["Phone"]["ContactChannelArn"],
    ]
    escalation = emulator.client.get_contact(ContactId=contact_arn("payments-escalation"))
    assert [
        s["Targets"][0]["ContactTargetInfo"]["ContactId"] for s in escalation["Plan"]["Stages"]
    ] == [contact_arn("alejr"), contact_arn("mateoj")]
    assert up.outputs["alejr"].value == contact_arn("alejr")
    assert up.outputs["sms_channel"].value == by_name["Phone"]["ContactChannelArn"]
    assert NUMBER not in up.stdout

    # A second up changes nothing, in the stack or in SSM Contacts.
    emulator.control.clear_calls()
    again = paging.up()
    assert changes(again.summary.resource_changes) == {}
    assert writes(emulator) == []

    # A new display name is an update in place: the contact keeps its ARN, so what names it
    # previews unchanged, and up then changes only the contact.
    edit(paging, "displayName: Alejandro Rosalez", "displayName: Alejandro R.")
    emulator.control.clear_calls()
    previewed = paging.preview()
    assert changes(previewed.change_summary) == {"update": 1}
    assert writes(emulator) == []
    updated = paging.up()
    assert changes(updated.summary.resource_changes) == {"update": 1}
    contact = emulator.client.get_contact(ContactId=contact_arn("alejr"))
    assert contact["DisplayName"] == "Alejandro R."
    assert contact["ContactArn"] == up.outputs["alejr"].value

    # Writing down the region the contact lives in changes nothing: it is the same contact
    # (a replacement's create would find it, and the old one's delete would then remove it).
    edit(paging, "      alias: alejr\n", "      alias: alejr\n      region: us-east-1\n")
    emulator.control.clear_calls()
    assert changes(paging.preview().change_summary) == {}
    assert changes(paging.up().summary.resource_changes) == {}
    assert writes(emulator) == []
    assert emulator.client.get_contact(ContactId=contact_arn("alejr"))["Alias"] == "alejr"

    # A new alias replaces the contact, and with it what names its ARN: its channel and plan.
    edit(paging, "alias: mateoj", "alias: mateo-j")
    previewed_replace = changes(paging.preview().change_summary)
    replaced = changes(paging.up().summary.resource_changes)
    assert replaced.get("replace", 0) >= 1, replaced
    assert previewed_replace == replaced
    assert emulator.aliases() == ["alejr", "mateo-j", "payments-escalation"]
    escalation = emulator.client.get_contact(ContactId=contact_arn("payments-escalation"))
    assert escalation["Plan"]["Stages"][1]["Targets"][0]["ContactTargetInfo"]["ContactId"] == (
        contact_arn("mateo-j")
    )

    # A contact deleted behind the stack's back leaves its state on refresh.
    emulator.client.delete_contact(ContactId=contact_arn("payments-escalation"))
    refreshed = paging.refresh()
    assert changes(refreshed.summary.resource_changes) == {"delete": 1}
    assert emulator.aliases() == ["alejr", "mateo-j"]

    paging.destroy()
    assert emulator.aliases() == []
    assert emulator.client.list_rotations()["Rotations"] == []


IMPORTED = """
  imported:
    type: ssm-contacts:index:Contact
    properties:
      alias: sre-oncall-lead
      displayName: SRE on-call lead
      type: PERSONAL
    options:
      import: {arn}
"""
"""A resource appended to the oncall program that adopts a contact made outside Pulumi."""


def test_oncall_yaml_up_then_a_resource_with_import_option_previews_as_import(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    """examples/yaml/oncall deploys its rotations and schedule; a resource with `options:
    import:` then previews as `= import` and adopts the live contact without creating one."""
    oncall = new_stack.yaml_project(EXAMPLES / "oncall")
    up = oncall.up()
    assert clean(up.stdout)
    assert emulator.aliases() == [
        "akua",
        "kwame",
        "sre-escalation",
        "sre-manager",
        "sre-oncall",
    ]
    rotations = {r["Name"]: r for r in emulator.client.list_rotations()["Rotations"]}
    assert sorted(rotations) == ["sre-london", "sre-sydney"]
    london = rotations["sre-london"]
    assert london["TimeZoneId"] == "Europe/London"
    assert london["ContactIds"] == [contact_arn("akua"), contact_arn("kwame")]
    coverage = london["Recurrence"]["ShiftCoverages"]
    assert sorted(coverage) == ["FRI", "MON", "SAT", "SUN", "THU", "TUE", "WED"]
    assert coverage["MON"][0]["Start"] == {"HourOfDay": 8, "MinuteOfHour": 0}
    schedule = emulator.client.get_contact(ContactId=contact_arn("sre-oncall"))
    assert sorted(schedule["Plan"]["RotationIds"]) == sorted(
        r["RotationArn"] for r in rotations.values()
    )
    assert up.outputs["london"].value == london["RotationArn"]

    made = emulator.client.create_contact(
        Alias="sre-oncall-lead",
        DisplayName="SRE on-call lead",
        Type="PERSONAL",
        Plan={"Stages": []},
    )
    text = program(oncall).read_text()
    resources_end = text.index("\noutputs:")
    program(oncall).write_text(
        text[:resources_end] + IMPORTED.format(arn=made["ContactArn"]) + text[resources_end:]
    )
    preview = oncall.preview()
    assert changes(preview.change_summary) == {"import": 1}
    assert re.search(
        r"^\s*= .*ssm-contacts:index:Contact\s+imported\s+import", preview.stdout, re.M
    )

    emulator.control.clear_calls()
    adopted = oncall.up()
    assert changes(adopted.summary.resource_changes) == {"import": 1}
    assert "CreateContact" not in emulator.operations()

    oncall.destroy()
    assert emulator.aliases() == []
    assert emulator.client.list_rotations()["Rotations"] == []
