"""audit: a stack export and what AWS lists in, orphans, drift, pending and unmanaged out."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_ssm_contacts import Contact, ContactChannel, ContactPlan, Rotation
from pulumi_ssm_contacts.audit.findings import (
    AUDITED_TYPES,
    AuditReport,
    LiveResource,
    audit,
)
from pulumi_ssm_contacts.audit.report import to_json, to_text
from pulumi_ssm_contacts.core.stack_export import ExportError, parse_urn, read_export

CONTACT = "pulumi-python:dynamic/ssm-contacts:Contact"
PROJECT, STACK, REGION = "payments", "prod", "us-east-2"


def arn(alias: str, region: str = REGION) -> str:
    return f"arn:aws:ssm-contacts:{region}:111122223333:contact/{alias}"


def urn(name: str, type_: str = CONTACT, stack: str = STACK) -> str:
    return f"urn:pulumi:{stack}::{PROJECT}::{type_}::{name}"


def owner(name: str, project: str = PROJECT, stack: str = STACK) -> str:
    return f"{project}/{stack}/{name}"


def held(name: str, contact_arn: str, with_owner: bool = True) -> dict[str, Any]:
    outputs: dict[str, Any] = {"alias": name, "arn": contact_arn}
    if with_owner:
        outputs["owner"] = owner(name)
    return {"urn": urn(name), "type": CONTACT, "id": contact_arn, "outputs": outputs}


STACK_RESOURCE = {
    "urn": urn(f"{PROJECT}-{STACK}", "pulumi:pulumi:Stack"),
    "type": "pulumi:pulumi:Stack",
    "outputs": {},
}


def export(*resources: dict[str, Any], pending: tuple[dict[str, Any], ...] = ()) -> str:
    deployment = {
        "resources": [STACK_RESOURCE, *resources],
        "pending_operations": list(pending),
    }
    return json.dumps({"version": 3, "deployment": deployment})


def creating(name: str, with_owner: bool = True) -> dict[str, Any]:
    inputs: dict[str, Any] = {"alias": name}
    if with_owner:
        inputs["owner"] = owner(name)
    return {"type": "creating", "resource": {"urn": urn(name), "type": CONTACT, "inputs": inputs}}


def run(export_text: str, *live: LiveResource) -> AuditReport:
    return audit(read_export(export_text), REGION, {CONTACT: list(live)})


# -- basic ------------------------------------------------------------------------------


def test_basic_clean_when_state_and_aws_agree() -> None:
    report = run(export(held("akuam", arn("akuam"))), LiveResource(arn("akuam")))

    assert (report.project, report.stack, report.region) == (PROJECT, STACK, REGION)
    assert (report.orphans, report.drift, report.unmanaged, report.pending) == ([], [], [], ())
    assert (report.types[0].held, report.types[0].live) == (1, 1)
    assert not report.failed() and not report.failed(strict=True)
    assert to_json(report)["clean"] is True
    assert to_text(report).endswith("Clean: the state and AWS agree.")


def test_audited_type_tokens_are_the_four_resources() -> None:
    classes = (Contact, ContactChannel, ContactPlan, Rotation)
    assert [t.token for t in AUDITED_TYPES] == [
        f"pulumi-python:{c._resource_type_name}" for c in classes
    ]
    assert AUDITED_TYPES[0].token == CONTACT


# -- orphans ----------------------------------------------------------------------------


def test_orphan_owned_by_this_stack_and_held_by_no_resource() -> None:
    report = run(
        export(held("akuam", arn("akuam"))),
        LiveResource(arn("akuam")),
        LiveResource(arn("oncall"), owner("oncall")),
    )

    [(kind, orphan)] = report.orphans
    assert (kind.noun, orphan.arn, orphan.owner) == ("contact", arn("oncall"), owner("oncall"))
    assert (orphan.resource_name, orphan.pending) == ("oncall", None)
    assert report.failed()


def test_orphan_text_says_how_to_adopt_and_delete_it() -> None:
    report = run(export(), LiveResource(arn("oncall"), owner("oncall")))

    text = to_text(report)
    assert f'opts=pulumi.ResourceOptions(import_="{arn("oncall")}")' in text
    assert 'to the resource "oncall", run `pulumi up`, then remove the option' in text
    assert "run `pulumi up` again" in text
    assert f"aws ssm-contacts delete-contact --contact-id {arn('oncall')}" in text
    assert text.endswith("Found 1 orphan(s).")


def test_orphan_of_a_hashed_resource_name_has_no_name() -> None:
    hashed = f"{PROJECT}/{STACK}/sha256-{'0' * 32}"
    report = run(export(), LiveResource(arn("x"), hashed))

    [(_, orphan)] = report.orphans
    assert orphan.resource_name is None
    assert f"owned as {hashed}" in to_text(report)


def test_orphan_of_a_replaced_resource_that_holds_another_arn() -> None:
    # Same owner as a held resource, other ARN: a leftover, not the one the state holds.
    report = run(
        export(held("akuam", arn("akuam-2"))),
        LiveResource(arn("akuam-2")),
        LiveResource(arn("akuam"), owner("akuam")),
    )

    assert [o.arn for _, o in report.orphans] == [arn("akuam")]


# -- pending operations -----------------------------------------------------------------


def test_pending_create_that_aws_completed_is_an_orphan_and_says_so() -> None:
    report = run(
        export(pending=(creating("oncall"),)), LiveResource(arn("oncall"), owner("oncall"))
    )

    [(_, orphan)] = report.orphans
    assert orphan.pending == "creating"
    [pending] = report.pending
    assert (pending.operation, pending.urn, pending.held_arn) == ("creating", urn("oncall"), None)
    assert pending.existing == (arn("oncall"),)


def test_pending_create_that_never_reached_aws_still_fails_the_audit() -> None:
    report = run(export(pending=(creating("oncall"),)))

    [pending] = report.pending
    assert (pending.existing, report.orphans) == ((), [])
    assert report.failed()
    assert "refresh --clear-pending-creates" in to_text(report)


def test_pending_create_without_owner_input_is_not_matched_by_a_recomputed_owner() -> None:
    # Owners are read from the state, never recomputed from the name: under a component the
    # owner is not `<project>/<stack>/<name>`, and the contact this tag names is another's.
    report = run(
        export(pending=(creating("oncall", with_owner=False),)),
        LiveResource(arn("oncall"), owner("oncall")),
    )

    assert report.pending[0].existing == ()


def test_pending_create_already_held_is_reported_as_stale() -> None:
    report = run(
        export(held("oncall", arn("oncall")), pending=(creating("oncall"),)),
        LiveResource(arn("oncall")),
    )

    [pending] = report.pending
    assert (pending.held_arn, pending.existing) == (arn("oncall"), ())
    assert report.orphans == []
    assert "the entry is stale" in to_text(report)


# -- drift ------------------------------------------------------------------------------


def test_disappears_held_arn_that_aws_no_longer_has_is_drift() -> None:
    report = run(
        export(held("akuam", arn("akuam")), held("gone", arn("gone"))), LiveResource(arn("akuam"))
    )

    assert [(d.urn, d.arn) for _, d in report.drift] == [(urn("gone"), arn("gone"))]
    assert report.failed()
    assert "`pulumi refresh`" in to_text(report)


def test_held_in_another_region_is_not_drift_here() -> None:
    report = run(export(held("akuam", arn("akuam", "eu-west-1"))))

    assert report.drift == []
    assert (report.types[0].held, report.types[0].other_regions) == (0, 1)


def test_older_state_without_owner_output_is_held_all_the_same() -> None:
    report = run(export(held("akuam", arn("akuam"), with_owner=False)), LiveResource(arn("akuam")))

    assert not report.failed()


# -- unmanaged and other stacks ---------------------------------------------------------


def test_unmanaged_contact_is_informational_unless_strict() -> None:
    report = run(export(), LiveResource(arn("console-made")))

    assert [a for _, a in report.unmanaged] == [arn("console-made")]
    assert not report.failed()
    assert report.failed(strict=True)
    assert "Found 1 unmanaged (--strict)." in to_text(report, strict=True)


def test_owner_tag_that_names_no_stack_counts_as_unmanaged() -> None:
    report = run(export(), LiveResource(arn("odd"), "not-an-owner"))

    assert [a for _, a in report.unmanaged] == [arn("odd")]


def test_contacts_of_other_stacks_are_only_counted() -> None:
    report = run(
        export(),
        LiveResource(arn("a"), owner("a", stack="staging")),
        LiveResource(arn("b"), owner("b", project="other")),
    )

    assert (report.orphans, report.unmanaged, report.types[0].other_stacks) == ([], [], 2)
    assert not report.failed()
    assert "Owned by other stacks: 2 (not listed)" in to_text(report)


# -- JSON -------------------------------------------------------------------------------


def test_json_lists_each_finding_with_its_type() -> None:
    report = run(
        export(held("gone", arn("gone")), pending=(creating("oncall"),)),
        LiveResource(arn("oncall"), owner("oncall")),
        LiveResource(arn("console-made")),
    )

    document = to_json(report)
    assert json.loads(json.dumps(document)) == document
    assert document["clean"] is False
    assert document["counts"] == {
        "orphans": 1,
        "drift": 1,
        "pending_operations": 1,
        "unmanaged": 1,
        "other_stacks": 0,
    }
    assert document["orphans"] == [
        {
            "type": CONTACT,
            "arn": arn("oncall"),
            "owner": owner("oncall"),
            "resource_name": "oncall",
            "pending": "creating",
            "delete_command": f"aws ssm-contacts delete-contact --contact-id {arn('oncall')}",
        }
    ]
    assert document["drift"] == [
        {"type": CONTACT, "urn": urn("gone"), "arn": arn("gone"), "reason": "gone"}
    ]
    assert document["pending_operations"] == [
        {
            "type": CONTACT,
            "operation": "creating",
            "urn": urn("oncall"),
            "held_arn": None,
            "existing": [arn("oncall")],
        }
    ]
    assert document["unmanaged"] == [{"type": CONTACT, "arn": arn("console-made")}]
    assert document["types"][0] == {
        "type": CONTACT,
        "held": 1,
        "live": 2,
        "other_stacks": 0,
        "other_regions": 0,
    }
    assert [t["type"].rsplit(":", 1)[-1] for t in document["types"]] == [
        "Contact",
        "ContactChannel",
        "ContactPlan",
        "Rotation",
    ]


# -- reading the export -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the input is empty"),
        ("not json", "the input is not JSON"),
        ('{"version": 3}', "no `deployment` object"),
        ('{"deployment": {"resources": []}}', "the export holds no resources"),
        (
            json.dumps(
                {
                    "deployment": {
                        "resources": [
                            STACK_RESOURCE,
                            held("a", arn("a")) | {"urn": urn("a", stack="dev")},
                        ]
                    }
                }
            ),
            "several stacks (payments/dev, payments/prod)",
        ),
        ('{"deployment": {"resources": [{"urn": "akuam"}]}}', "not a Pulumi URN"),
    ],
)
def test_export_that_cannot_be_read_says_why(text: str, message: str) -> None:
    with pytest.raises(ExportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_export(text)


def test_urn_of_a_child_resource_gives_its_own_type_and_a_name_with_colons() -> None:
    child = f"urn:pulumi:prod::payments::my:component:Team${CONTACT}::a::b"

    assert parse_urn(child) == ("prod", "payments", CONTACT, "a::b")
