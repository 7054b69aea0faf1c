"""audit of channels, plans and rotations beside contacts: orphans, drift, pending, other stacks.

The scenario of issue 13 finding 18 is here too: a deploy of mixed resources killed mid-way
leaves channels and a rotation that the state does not hold, with pending creates for them.
"""

from __future__ import annotations

import json
from typing import Any

from pulumi_ssm_contacts.audit.findings import (
    CHANNEL,
    CONTACT,
    PLAN,
    ROTATION,
    AuditReport,
    LiveAccount,
    LiveChannel,
    LiveResource,
    audit,
    channel_contacts,
)
from pulumi_ssm_contacts.audit.report import to_json, to_text
from pulumi_ssm_contacts.core.stack_export import read_export

PROJECT, STACK, REGION = "payments", "prod", "us-east-2"
ACCOUNT = "111122223333"


def arn(kind: str, name: str) -> str:
    return f"arn:aws:ssm-contacts:{REGION}:{ACCOUNT}:{kind}/{name}"


def channel_arn(alias: str, uuid: str) -> str:
    return arn("contact-channel", f"{alias}/{uuid}")


def owner(name: str, stack: str = STACK) -> str:
    return f"{PROJECT}/{stack}/{name}"


def urn(type_: str, name: str) -> str:
    return f"urn:pulumi:{STACK}::{PROJECT}::{type_}::{name}"


def held(type_: str, name: str, id_: str, **outputs: Any) -> dict[str, Any]:
    return {
        "urn": urn(type_, name),
        "type": type_,
        "id": id_,
        "outputs": {"owner": owner(name), "arn": id_, **outputs},
    }


def creating(type_: str, resource_name: str, **inputs: Any) -> dict[str, Any]:
    resource = {
        "urn": urn(type_, resource_name),
        "type": type_,
        "inputs": {"owner": owner(resource_name), **inputs},
    }
    return {"type": "creating", "resource": resource}


def export(*resources: dict[str, Any], pending: tuple[dict[str, Any], ...] = ()) -> str:
    stack = {"urn": urn("pulumi:pulumi:Stack", f"{PROJECT}-{STACK}"), "type": "pulumi:pulumi:Stack"}
    deployment = {"resources": [stack, *resources], "pending_operations": list(pending)}
    return json.dumps({"version": 3, "deployment": deployment})


def contact(
    alias: str, owned_by: str | None = None, plan_owner: str | None = None, **markers: str
) -> LiveResource:
    return LiveResource(arn("contact", alias), owned_by, plan_owner, tuple(sorted(markers.items())))


def channel(alias: str, uuid: str, name: str = "mobile", type_: str = "SMS") -> LiveChannel:
    return LiveChannel(channel_arn(alias, uuid), arn("contact", alias), name, type_)


def run(
    export_text: str,
    contacts: tuple[LiveResource, ...] = (),
    rotations: tuple[LiveResource, ...] = (),
    channels: tuple[LiveChannel, ...] = (),
) -> AuditReport:
    exported = read_export(export_text)
    wanted = channel_contacts(exported, contacts)
    live = LiveAccount(contacts, rotations, channels, frozenset(wanted))
    return audit(exported, REGION, live)


def of(report: AuditReport, noun: str) -> list[str]:
    return [o.arn for kind, o in report.orphans if kind.noun == noun]


AKUAM = arn("contact", "akuam")
HELD_AKUAM = held(CONTACT.token, "akuam", AKUAM)


# -- rotations ----------------------------------------------------------------------------


def test_rotation_orphan_by_its_owner_tag() -> None:
    report = run(export(), rotations=(LiveResource(arn("rotation", "r1"), owner("week")),))

    assert of(report, "rotation") == [arn("rotation", "r1")]
    assert "delete-rotation --rotation-id" in to_text(report)
    assert report.failed()


def test_rotation_disappears_is_drift() -> None:
    report = run(export(held(ROTATION.token, "week", arn("rotation", "r1"))))

    assert [(k.noun, d.arn, d.reason) for k, d in report.drift] == [
        ("rotation", arn("rotation", "r1"), "gone")
    ]


def test_rotation_of_another_stack_is_only_counted() -> None:
    report = run(export(), rotations=(LiveResource(arn("rotation", "r1"), owner("week", "dev")),))

    assert not report.failed()
    assert report.types[3].other_stacks == 1


# -- plans --------------------------------------------------------------------------------


def test_plan_orphan_by_the_contacts_plan_owner_tag() -> None:
    report = run(export(HELD_AKUAM), contacts=(contact("akuam", owner("akuam"), owner("plan")),))

    [(kind, orphan)] = report.orphans
    assert (kind, orphan.arn, orphan.owner) == (PLAN, AKUAM, owner("plan"))
    assert "untag-resource" in to_json(report)["orphans"][0]["delete_command"]


def test_plan_held_by_a_contact_plan_or_by_its_contact_is_no_orphan() -> None:
    by_plan = run(
        export(HELD_AKUAM, held(PLAN.token, "plan", AKUAM)),
        contacts=(contact("akuam", owner("akuam"), owner("plan")),),
    )
    inline = run(export(HELD_AKUAM), contacts=(contact("akuam", owner("akuam"), owner("akuam")),))

    assert not by_plan.failed() and not inline.failed()
    assert by_plan.types[2].held == 1


def test_plan_whose_contact_disappears_is_drift() -> None:
    report = run(export(held(PLAN.token, "plan", AKUAM)))

    assert [(k, d.reason) for k, d in report.drift] == [(PLAN, "gone with its contact")]


def test_plan_claimed_by_another_resource_since_is_drift() -> None:
    report = run(
        export(held(PLAN.token, "plan", AKUAM)),
        contacts=(contact("akuam", owner("akuam", "dev"), owner("plan", "dev")),),
    )

    assert [(k, d.reason) for k, d in report.drift] == [(PLAN, f"owned by {owner('plan', 'dev')}")]


# -- channels -----------------------------------------------------------------------------


def test_channel_orphan_by_the_contacts_marker() -> None:
    # On a contact of another stack: only the marker says it is ours.
    report = run(
        export(),
        contacts=(contact("akuam", owner("akuam", "dev"), **{"u1": owner("sms")}),),
        channels=(channel("akuam", "u1"),),
    )

    [(kind, orphan)] = report.orphans
    assert (kind, orphan.owner, orphan.resource_name) == (CHANNEL, owner("sms"), "sms")
    assert "delete-contact-channel --contact-channel-id" in to_text(report)


def test_channel_without_marker_on_a_contact_of_this_stack_is_an_orphan() -> None:
    report = run(
        export(HELD_AKUAM),
        contacts=(contact("akuam", owner("akuam")),),
        channels=(channel("akuam", "u1"),),
    )

    [(kind, orphan)] = report.orphans
    assert (kind, orphan.owner) == (CHANNEL, None)
    assert "with no marker" in to_text(report)
    assert report.failed()


def test_channel_held_with_its_marker_is_clean() -> None:
    report = run(
        export(
            HELD_AKUAM,
            held(CHANNEL.token, "sms", channel_arn("akuam", "u1"), contactId=AKUAM),
        ),
        contacts=(contact("akuam", owner("akuam"), **{"u1": owner("sms")}),),
        channels=(channel("akuam", "u1"),),
    )

    assert not report.failed(strict=True)
    assert (report.types[1].held, report.types[1].live) == (1, 1)


def test_channel_of_another_stack_on_our_contact_is_only_counted() -> None:
    report = run(
        export(HELD_AKUAM),
        contacts=(contact("akuam", owner("akuam"), **{"u1": owner("sms", "dev")}),),
        channels=(channel("akuam", "u1"),),
    )

    assert not report.failed()
    assert report.types[1].other_stacks == 1


def test_channel_on_a_contact_of_nobody_without_marker_is_unmanaged() -> None:
    # Listed because a held channel lives there too; the other one is nobody's we know.
    held_channel = held(
        CHANNEL.token, "sms", channel_arn("console", "u1"), contactId=arn("contact", "console")
    )
    report = run(
        export(held_channel),
        contacts=(contact("console", None, **{"u1": owner("sms")}),),
        channels=(channel("console", "u1"), channel("console", "u2", "work")),
    )

    assert [a for k, a in report.unmanaged if k is CHANNEL] == [channel_arn("console", "u2")]
    assert not report.failed()


def test_channel_disappears_and_gone_with_its_contact_are_drift() -> None:
    report = run(
        export(
            HELD_AKUAM,
            held(CHANNEL.token, "sms", channel_arn("akuam", "u1"), contactId=AKUAM),
            held(CHANNEL.token, "mail", channel_arn("gone", "u2"), contactId=arn("contact", "x")),
        ),
        contacts=(contact("akuam", owner("akuam")),),
    )

    assert sorted((d.arn, d.reason) for _, d in report.drift) == [
        (channel_arn("akuam", "u1"), "gone"),
        (channel_arn("gone", "u2"), "gone with its contact"),
    ]


def test_channel_marked_as_another_owners_since_is_drift() -> None:
    report = run(
        export(held(CHANNEL.token, "sms", channel_arn("akuam", "u1"), contactId=AKUAM)),
        contacts=(contact("akuam", owner("akuam", "dev"), **{"u1": owner("sms", "dev")}),),
        channels=(channel("akuam", "u1"),),
    )

    assert [d.reason for _, d in report.drift] == [f"owned by {owner('sms', 'dev')}"]


def test_channels_are_listed_only_on_contacts_that_matter_to_the_stack() -> None:
    exported = read_export(
        export(
            HELD_AKUAM,
            held(CHANNEL.token, "sms", channel_arn("b", "u1"), contactId=arn("contact", "b")),
            pending=(creating(CHANNEL.token, "mail", contactId=arn("contact", "c")),),
        )
    )
    contacts = (
        contact("akuam"),
        contact("b"),
        contact("c"),
        contact("d", owner("orphan-contact")),
        contact("e", owner("e", "dev"), **{"u9": owner("sms2")}),
        contact("f", owner("f", "dev"), **{"u8": owner("x", "dev")}),
        contact("g"),
    )

    assert channel_contacts(exported, contacts) == {
        arn("contact", alias) for alias in ("akuam", "b", "c", "d", "e")
    }


# -- pending operations: the true `existing` ------------------------------------------------


def test_killed_mixed_deploy_pending_creates_name_what_aws_has() -> None:
    """Finding 18: each pending create lists the channel or rotation AWS made for it."""
    rotation = arn("rotation", "r1")
    exported = export(
        HELD_AKUAM,
        pending=(
            creating(CHANNEL.token, "sms", contactId=AKUAM, name="mobile", type="SMS"),
            creating(CHANNEL.token, "mail", contactId=AKUAM, name="work", type="EMAIL"),
            creating(ROTATION.token, "week", name="week"),
            creating(PLAN.token, "plan", contactId=AKUAM),
        ),
    )
    report = run(
        exported,
        contacts=(contact("akuam", owner("akuam"), owner("plan"), **{"u1": owner("sms")}),),
        rotations=(LiveResource(rotation, owner("week")),),
        # u1 was marked before the kill; u2 (the email) was not.
        channels=(channel("akuam", "u1"), channel("akuam", "u2", "work", "EMAIL")),
    )

    assert [(p.urn.rsplit("::", 1)[-1], p.existing) for p in report.pending] == [
        ("sms", (channel_arn("akuam", "u1"),)),
        ("mail", (channel_arn("akuam", "u2"),)),
        ("week", (rotation,)),
        ("plan", (AKUAM,)),
    ]
    assert sorted((k.noun, o.arn, o.owner, o.pending) for k, o in report.orphans) == [
        ("channel", channel_arn("akuam", "u1"), owner("sms"), "creating"),
        ("channel", channel_arn("akuam", "u2"), owner("mail"), "creating"),
        ("plan", AKUAM, owner("plan"), "creating"),
        ("rotation", rotation, owner("week"), "creating"),
    ]


def test_after_pending_creates_are_cleared_the_leftovers_are_still_orphans() -> None:
    """Finding 18: `refresh --clear-pending-creates` must not make the audit clean."""
    report = run(
        export(HELD_AKUAM),
        contacts=(contact("akuam", owner("akuam"), **{"u1": owner("sms")}),),
        rotations=(LiveResource(arn("rotation", "r1"), owner("week")),),
        channels=(channel("akuam", "u1"), channel("akuam", "u2", "work", "EMAIL")),
    )

    assert sorted((k.noun, o.owner or "") for k, o in report.orphans) == [
        ("channel", ""),
        ("channel", owner("sms")),
        ("rotation", owner("week")),
    ]
    assert report.failed()
    assert to_json(report)["clean"] is False


def test_pending_channel_create_does_not_claim_a_held_channel() -> None:
    report = run(
        export(
            HELD_AKUAM,
            held(CHANNEL.token, "sms", channel_arn("akuam", "u1"), contactId=AKUAM),
            pending=(creating(CHANNEL.token, "sms2", contactId=AKUAM, name="mobile", type="SMS"),),
        ),
        contacts=(contact("akuam", owner("akuam"), **{"u1": owner("sms")}),),
        channels=(channel("akuam", "u1"),),
    )

    assert report.pending[0].existing == ()
    assert report.orphans == []
