"""`export`'s declarations and files from a live setup given as data: the cases boto3 cannot
make in the emulator (a plan engaging a contact of another region, escalations that engage
each other), names, and each language's program as its reader sees it."""

from __future__ import annotations

import ast
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from pulumi_ssm_contacts.__main__ import main
from pulumi_ssm_contacts.core.ownership import OWNER_TAG, PLAN_OWNER_TAG
from pulumi_ssm_contacts.export import import_file, python_program, yaml_program
from pulumi_ssm_contacts.export.declarations import Export, Ref, declare
from pulumi_ssm_contacts.export.live import LiveChannel, LiveContact, LiveRotation, LiveSetup
from pulumi_ssm_contacts.export.naming import Names, python_name, slug

REGION = "us-east-1"
ACCOUNT = "111122223333"


def arn(kind: str, path: str, region: str = REGION) -> str:
    return f"arn:aws:ssm-contacts:{region}:{ACCOUNT}:{kind}/{path}"


def engage(*contact_arns: str) -> dict[str, Any]:
    return {
        "Stages": [
            {
                "DurationInMinutes": 5,
                "Targets": [{"ContactTargetInfo": {"ContactId": a, "IsEssential": True}}],
            }
            for a in contact_arns
        ]
    }


def person(alias: str, *channels: str, tags: dict[str, str] | None = None) -> LiveContact:
    contact = arn("contact", alias)
    made = tuple(
        LiveChannel(arn("contact-channel", f"{alias}/{n}"), contact, n, "EMAIL", "ACTIVATED")
        for n in channels
    )
    plan = {
        "Stages": [
            {
                "DurationInMinutes": 0,
                "Targets": [{"ChannelTargetInfo": {"ContactChannelId": c.arn}}],
            }
            for c in made
        ]
    }
    return LiveContact(contact, alias, "PERSONAL", None, plan, tags or {}, made)


def escalation(alias: str, *engaged: str, tags: dict[str, str] | None = None) -> LiveContact:
    return LiveContact(
        arn("contact", alias), alias, "ESCALATION", None, engage(*engaged), tags or {}
    )


def refs(value: Any) -> list[str]:
    if isinstance(value, Ref):
        return [value.name]
    if isinstance(value, dict):
        return [r for v in value.values() for r in refs(v)]
    if isinstance(value, list):
        return [r for v in value for r in refs(v)]
    return []


def assert_declared_before_use(export: Export) -> None:
    seen: set[str] = set()
    for declaration in export.declarations:
        for name in refs(declaration.inputs):
            assert name in seen, f"{declaration.name} refers to {name} before it is declared"
        seen.add(declaration.name)


def test_names_are_valid_unique_and_readable() -> None:
    assert slug("Akua's Work Phone", "channel") == "akua-s-work-phone"
    assert slug("2nd-line", "contact") == "contact-2nd-line"
    assert slug("___", "rotation") == "rotation"
    assert python_name("class") == "class_"
    assert python_name("config") == "config_"
    assert python_name("on-call-team") == "on_call_team"
    names = Names()
    assert [names.take("phone") for _ in range(3)] == ["phone", "phone-2", "phone-3"]
    assert names.take("phone-2-address") == "phone-2-address"


def test_a_target_in_another_region_stays_an_arn_and_is_said() -> None:
    remote = arn("contact", "ops-eu", region="eu-west-1")
    setup = LiveSetup(
        REGION, (person("akua", "mail"), escalation("lead", arn("contact", "akua"), remote)), ()
    )

    export = declare(setup)

    lead = next(d for d in export.declarations if d.name == "lead")
    engaged = [
        s["targets"][0]["contactTargetInfo"]["contactId"] for s in lead.inputs["plan"]["stages"]
    ]
    assert engaged == [Ref("akua"), remote]
    (note,) = [n for n in export.attention if remote in n.what]
    assert note.subject == "the plan of contact lead"
    assert "in region eu-west-1, not us-east-1" in note.what
    assert "--region eu-west-1" in note.todo


def test_escalations_that_engage_each_other_break_the_loop_with_a_contact_plan() -> None:
    a, b, c = (arn("contact", x) for x in ("a", "b", "c"))
    setup = LiveSetup(
        REGION,
        (escalation("a", b), escalation("b", a), escalation("c", c, a)),
        (),
    )

    export = declare(setup)

    assert_declared_before_use(export)
    kinds = {d.name: d.kind for d in export.declarations}
    assert kinds == {
        "a": "Contact",
        "b": "Contact",
        "c": "Contact",
        "a-plan": "ContactPlan",
        "c-plan": "ContactPlan",  # c engages itself
    }
    inline = {d.name: "plan" in d.inputs for d in export.declarations if d.kind == "Contact"}
    assert inline == {"a": False, "b": True, "c": False}


def test_another_stacks_resources_and_this_packages_tags_are_left_out() -> None:
    owned = person("owned", tags={OWNER_TAG: "p/s/owned"})
    marked = person("marked", "pager", "mail")
    marked = LiveContact(
        marked.arn,
        marked.alias,
        marked.type,
        "Marked",
        marked.plan,
        {
            f"pulumi-ssm-contacts/channel/{marked.channels[0].arn.rsplit('/', 1)[1]}": "p/s/pager",
            PLAN_OWNER_TAG: "p/s/plan",
            "team": "sre",
        },
        marked.channels,
    )
    rotation = LiveRotation(
        arn("rotation", "r1"),
        "weekly",
        (owned.arn, marked.arn),
        datetime(2026, 12, 7, 9, tzinfo=UTC),
        "UTC",
        {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "ShiftCoverages": {"MON": []}},
        {"team": "sre"},
    )

    export = declare(LiveSetup(REGION, (marked, owned), (rotation,)))

    names = [d.name for d in export.declarations]
    assert names == ["marked", "marked-mail", "weekly"]  # no plan: another resource owns it
    assert export.declarations[0].inputs["tags"] == {"team": "sre"}
    left = " / ".join(n.subject for n in export.left_out)
    assert (
        "contact owned" in left
        and "channel 'pager'" in left
        and "the plan of contact marked" in left
    )
    members = export.declarations[2].inputs["contactIds"]
    assert members == [owned.arn, Ref("marked")]
    assert export.declarations[2].inputs["recurrence"]["shiftCoverages"] == {"MON": []}


def _awkward() -> Export:
    akua = person("akua", "mail")
    akua = LiveContact(
        akua.arn, akua.alias, akua.type, 'Akua "${x}" $5', akua.plan, {"k": "v"}, akua.channels
    )
    return declare(LiveSetup(REGION, (akua, escalation("class", akua.arn)), ()))


def test_the_python_program_is_valid_and_refers_to_its_resources() -> None:
    text = python_program.render(_awkward(), "Exported.\n")

    tree = ast.parse(text)
    assigned = [
        t.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    ]
    assert assigned == ["config", "akua", "akua_mail", "akua_plan", "class_"]
    assert 'display_name="Akua \\"${x}\\" $5"' in text
    assert "contact_channel_id=" not in text and '"contact_channel_id": akua_mail.arn' in text
    assert 'delivery_address=config.require_secret("akua-mail-address")' in text
    assert '"contact_id": akua.arn' in text


def test_the_yaml_program_reads_as_written() -> None:
    export = _awkward()
    program = yaml.safe_load(yaml_program.render(export, "p", "about"))

    assert program["config"] == {"akua-mail-address": {"type": "string", "secret": True}}
    akua = program["resources"]["akua"]
    assert akua["type"] == "ssm-contacts:index:Contact"
    assert akua["properties"]["displayName"] == 'Akua "$${x}" $$5'  # Pulumi YAML's $ escape
    assert akua["options"] == {"import": arn("contact", "akua")}
    channel = program["resources"]["akua-mail"]["properties"]
    assert channel["contactId"] == "${akua.arn}"
    assert channel["deliveryAddress"] == "${akua-mail-address}"
    target = program["resources"]["class"]["properties"]["plan"]["stages"][0]["targets"][0]
    assert target == {"contactTargetInfo": {"contactId": "${akua.arn}", "isEssential": True}}


def test_the_import_file_names_each_resource_once() -> None:
    body = json.loads(import_file.render(_awkward()))

    assert body["resources"][0] == {
        "type": "ssm-contacts:index:Contact",
        "name": "akua",
        "id": arn("contact", "akua"),
    }
    assert [r["name"] for r in body["resources"]] == ["akua", "akua-mail", "akua-plan", "class"]
    assert body["resources"][2]["id"] == arn("contact", "akua")  # a plan's ID: its contact's


def test_the_command_refuses_bad_usage_before_any_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSM_CONTACTS", "http://127.0.0.1:9")  # nothing listens
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "Pulumi.yaml").write_text("name: mine\n")

    assert main(["export", "--region", REGION, "--output", str(tmp_path / "new")]) == 2
    assert capsys.readouterr().err == "export: pass --language python or --language yaml.\n"
    argv = ["export", "--region", REGION, "--language", "yaml", "--output", str(taken)]
    assert main(argv) == 2
    assert "exists and is not an empty directory" in capsys.readouterr().err
    assert (taken / "Pulumi.yaml").read_text() == "name: mine\n"
