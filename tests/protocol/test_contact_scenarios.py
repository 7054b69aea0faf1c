"""Contact-specific scenarios against the emulator, once per driver (hooks, gRPC).

The scenarios every resource shares (disappears, update_*, import, bad input...) are in
test_resource_scenarios.py; these are the ones only a contact has.

Scenario names follow terraform-provider-aws's acceptance tests. Call counts come
from the emulator's call log: check/diff 0, create 1, read 2, delete 1,
display-name update 1.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_ssm_contacts.core.ownership import PLAN_OWNER_TAG
from pulumi_ssm_contacts.emulator_harness.control import EmulatorControl
from tests.protocol.drivers import Driver, GrpcDriver, HookError

if TYPE_CHECKING:
    from mypy_boto3_ssm_contacts import SSMContactsClient

ARN_FORM = re.compile(r"^arn:aws:ssm-contacts:us-east-1:\d{12}:contact/[a-z0-9_-]+$")


OWNER = "contacts/prod/akuam"
"""What ``Contact`` sets as ``owner``: project, stack and resource name."""
OWNER_TAG = {"Key": "pulumi-ssm-contacts/owner", "Value": OWNER}


def akuam(**overrides: Any) -> dict[str, Any]:
    return {
        "alias": "akuam",
        "type": "PERSONAL",
        "displayName": "Akua Mansa",
        "tags": {"team": "sre"},
        "owner": OWNER,
        **overrides,
    }


def up(driver: Driver, news: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """check then create, as the engine does for a new resource."""
    inputs, failures = driver.check({}, news)
    assert failures == {}
    arn, outs = driver.create(inputs)
    return arn, outs


def test_basic(driver: Driver, control: EmulatorControl, aws: SSMContactsClient) -> None:
    control.clear_calls()
    inputs, failures = driver.check({}, akuam())
    assert failures == {}
    assert control.counts() == {}, "check makes no API call"

    arn, outs = driver.create(inputs)
    assert ARN_FORM.match(arn), arn
    assert outs["arn"] == arn
    assert control.counts() == {"CreateContact": 1}

    contact = aws.get_contact(ContactId=arn)
    assert (contact["Alias"], contact["Type"], contact["DisplayName"]) == (
        "akuam",
        "PERSONAL",
        "Akua Mansa",
    )
    tags = aws.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert sorted(tags, key=lambda t: t["Key"]) == [OWNER_TAG, {"Key": "team", "Value": "sre"}]

    control.clear_calls()
    read_id, read_outs, read_inputs = driver.read(arn, outs)
    assert read_id == arn
    assert read_outs == outs
    assert read_inputs == inputs
    assert control.counts() == {"GetContact": 1, "ListTagsForResource": 1}

    control.clear_calls()
    assert driver.diff(arn, read_outs, inputs).changes is False
    assert control.counts() == {}, "diff makes no API call"

    control.clear_calls()
    driver.delete(arn, outs)
    assert control.counts() == {"ListTagsForResource": 1, "DeleteContact": 1}
    assert aws.list_contacts()["Contacts"] == []


def test_update_plan(driver: Driver, control: EmulatorControl, aws: SSMContactsClient) -> None:
    person, _ = up(driver, akuam())
    boss, _ = up(driver, akuam(alias="boss", displayName="Boss"))

    def escalation(*contacts: str) -> dict[str, Any]:
        targets = [{"contactTargetInfo": {"contactId": c, "isEssential": True}} for c in contacts]
        return {
            "alias": "sre-escalation",
            "type": "ESCALATION",
            "plan": {"stages": [{"durationInMinutes": 5, "targets": targets}]},
        }

    arn, outs = up(driver, escalation(person))
    news, _ = driver.check(outs, escalation(person, boss))
    assert driver.diff(arn, outs, news).replaces == []

    control.clear_calls()
    outs = driver.update(arn, outs, news)
    assert control.counts() == {"UpdateContact": 1}
    targets = aws.get_contact(ContactId=arn)["Plan"]["Stages"][0]["Targets"]
    assert [t["ContactTargetInfo"]["ContactId"] for t in targets] == [person, boss]


def test_update_tags(driver: Driver, control: EmulatorControl, aws: SSMContactsClient) -> None:
    arn, outs = up(driver, akuam(tags={"team": "sre", "env": "prod", "keep": "1"}))
    news, _ = driver.check(outs, akuam(tags={"team": "ops", "keep": "1", "new": "x"}))
    assert driver.diff(arn, outs, news).replaces == []

    control.clear_calls()
    driver.update(arn, outs, news)
    assert control.counts() == {"TagResource": 1, "UntagResource": 1}, "only changed keys"
    tags = {t["Key"]: t["Value"] for t in aws.list_tags_for_resource(ResourceARN=arn)["Tags"]}
    assert tags == {"team": "ops", "keep": "1", "new": "x", OWNER_TAG["Key"]: OWNER}


def test_replace_on_alias(driver: Driver, aws: SSMContactsClient) -> None:
    arn, outs = up(driver, akuam())
    news, _ = driver.check(outs, akuam(alias="akua"))
    diff = driver.diff(arn, outs, news)
    assert diff.replaces == ["alias"]
    assert diff.delete_before_replace is False

    new_arn, _ = driver.create(news)  # create before delete, as the engine does here
    driver.delete(arn, outs)
    assert new_arn != arn
    assert [c["Alias"] for c in aws.list_contacts()["Contacts"]] == ["akua"]


def test_replace_on_type(driver: Driver, aws: SSMContactsClient) -> None:
    arn, outs = up(driver, akuam())
    news, _ = driver.check(outs, akuam(type="ESCALATION"))
    diff = driver.diff(arn, outs, news)
    assert diff.replaces == ["type"]
    assert diff.delete_before_replace is True

    driver.delete(arn, outs)  # delete before replace: the alias is free again
    driver.create(news)
    [contact] = aws.list_contacts()["Contacts"]
    assert (contact["Alias"], contact["Type"]) == ("akuam", "ESCALATION")


def test_import(driver: Driver, control: EmulatorControl, aws: SSMContactsClient) -> None:
    """``import_`` reaches the provider as ``importArn``: create adopts, no create call."""
    arn = aws.create_contact(
        Alias="akuam",
        DisplayName="Akua Mansa",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": "team", "Value": "sre"}],
    )["ContactArn"]

    control.clear_calls()
    inputs, failures = driver.check({}, akuam(importArn=arn))
    assert failures == {}
    created_id, outs = driver.create(inputs)
    assert created_id == arn
    assert control.counts() == {"GetContact": 1, "ListTagsForResource": 1, "TagResource": 1}
    assert OWNER_TAG in aws.list_tags_for_resource(ResourceARN=arn)["Tags"], "now owned"

    read_id, refreshed, _ = driver.read(arn, outs)
    assert read_id == arn
    program, _ = driver.check(refreshed, akuam())  # the import option removed afterwards
    assert driver.diff(arn, refreshed, program).changes is False, "import then up: no diff"
    assert len(aws.list_contacts()["Contacts"]) == 1


def test_import_of_a_contact_that_differs_names_the_difference(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    arn = aws.create_contact(
        Alias="akuam", DisplayName="Someone Else", Type="PERSONAL", Plan={"Stages": []}
    )["ContactArn"]
    inputs, _ = driver.check({}, akuam(importArn=arn, tags=None))
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    message = str(raised.value)
    assert "does not match the program in display_name" in message
    assert "Someone Else" not in message and "Akua Mansa" not in message, "values may be secret"
    assert "CreateContact" not in control.counts()


def test_import_of_a_contact_owned_by_another_stack_is_refused(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    arn, _ = up(driver, akuam(owner="contacts/staging/akuam"))
    inputs, _ = driver.check({}, akuam(importArn=arn))
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "contacts/staging/akuam" in str(raised.value)
    assert set(control.counts()) <= {"GetContact", "ListTagsForResource"}, "no write"


def test_refresh_reports_drift(driver: Driver, aws: SSMContactsClient) -> None:
    arn, outs = up(driver, akuam())
    aws.update_contact(ContactId=arn, DisplayName="Someone Else")
    _, refreshed, _ = driver.read(arn, outs)
    assert refreshed["displayName"] == "Someone Else"
    program, _ = driver.check(refreshed, akuam())
    diff = driver.diff(arn, refreshed, program)
    assert (diff.changes, diff.replaces) == (True, []), "up restores the program's value"


@pytest.mark.parametrize(
    ("news", "prop"),
    [
        (akuam(alias="Bad Alias"), "alias"),
        (akuam(type="MANAGER"), "type"),
        (akuam(tags={f"k{i}": "v" for i in range(51)}), "tags"),
        ({"alias": "oncall", "type": "ONCALL_SCHEDULE"}, "plan.rotation_ids"),
    ],
    ids=["pattern", "enum", "tags-over-50", "type-rule"],
)
def test_bad_input(
    driver: Driver,
    control: EmulatorControl,
    aws: SSMContactsClient,
    news: dict[str, Any],
    prop: str,
) -> None:
    control.clear_calls()
    _, failures = driver.check({}, news)
    assert prop in failures
    assert control.counts() == {}
    assert aws.list_contacts()["Contacts"] == []


def test_conflict_with_another_owner_fails_and_leaves_the_contact(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    """Two stacks (or two resources of one program) with one alias: the second fails."""
    arn, _ = up(driver, akuam(owner="contacts/prod/akuam"))
    inputs, _ = driver.check({}, akuam(owner="contacts/staging/akuam", displayName="Other"))
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "managed by another Pulumi resource (contacts/prod/akuam)" in str(raised.value)
    writes = {"UpdateContact", "TagResource", "UntagResource", "DeleteContact"}
    assert not writes & set(control.counts())
    assert aws.get_contact(ContactId=arn)["DisplayName"] == "Akua Mansa"


def test_refresh_of_a_contact_now_owned_elsewhere_fails_and_delete_spares_it(
    driver: Driver, aws: SSMContactsClient
) -> None:
    """Ours was deleted out of band and another stack made the alias (same ARN) again."""
    arn, outs = up(driver, akuam())
    aws.delete_contact(ContactId=arn)
    aws.create_contact(
        Alias="akuam",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[{"Key": "pulumi-ssm-contacts/owner", "Value": "contacts/staging/akuam"}],
    )
    with pytest.raises(HookError) as raised:
        driver.read(arn, outs)
    assert "contacts/staging/akuam" in str(raised.value)
    driver.delete(arn, outs)
    assert aws.get_contact(ContactId=arn)["Alias"] == "akuam", "the other owner keeps it"


def test_conflict_explains_how_to_import(driver: Driver, aws: SSMContactsClient) -> None:
    arn = aws.create_contact(Alias="akuam", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    inputs, _ = driver.check({}, akuam())
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "alias 'akuam' already exists" in str(raised.value)
    assert f'import_="{arn}"' in str(raised.value)


def test_create_retried_after_lost_response_returns_same_contact(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_faults(drop_response_rate=1.0, operations=["CreateContact"], seed=1)
    with pytest.raises(HookError):
        driver.create(inputs)  # every attempt committed, every response lost
    control.clear_faults()

    arn, _ = driver.create(inputs)  # the next `pulumi up`
    [contact] = aws.list_contacts()["Contacts"]
    assert contact["ContactArn"] == arn


def test_rerun_after_lost_response_with_changed_inputs_adopts_and_updates(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_faults(drop_response_rate=1.0, operations=["CreateContact"], seed=1)
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    control.clear_faults()
    assert "no answer from AWS" in str(raised.value)
    assert "adopts it" in str(raised.value)

    changed, _ = driver.check({}, akuam(displayName="Akua M", tags={"team": "ops"}))
    control.clear_calls()
    arn, outs = driver.create(changed)  # the next `pulumi up`, with an edited program
    [contact] = aws.list_contacts()["Contacts"]
    assert contact["ContactArn"] == arn
    assert aws.get_contact(ContactId=arn)["DisplayName"] == "Akua M"
    tags = aws.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert {"Key": "team", "Value": "ops"} in tags and OWNER_TAG in tags
    assert control.counts()["UpdateContact"] == 1
    assert outs["displayName"] == "Akua M"


def test_pinned_provider_string_drives_the_server(
    emulator_env: dict[str, str], aws: SSMContactsClient
) -> None:
    """State written by 0.1.0 (this exact string) can still be refreshed and destroyed."""
    pinned = (
        "gASVPwAAAAAAAACMJHB1bHVtaV9zc21fY29udGFjdHMuY29udGFjdF9wcm92aWRlcpSMD0NvbnRhY3RQ"
        "cm92aWRlcpSTlClSlC4="
    )
    driver = GrpcDriver(emulator_env, pinned)
    try:
        arn, outs = up(driver, akuam())
        assert driver.read(arn, outs)[0] == arn
        driver.delete(arn, outs)
    finally:
        driver.close()
    assert aws.list_contacts()["Contacts"] == []


def test_throttling_is_retried_then_explained(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_faults(throttle_rate=1.0, operations=["CreateContact"])
    control.clear_calls()
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert control.counts() == {"CreateContact": 3}, "retried up to AWS_MAX_ATTEMPTS"
    assert "ThrottlingException" in str(raised.value)
    assert "after 3 attempts" in str(raised.value)
    control.clear_faults()
    assert aws.list_contacts()["Contacts"] == []


def test_internal_errors_are_retried_until_one_succeeds(
    driver: Driver, control: EmulatorControl, aws: SSMContactsClient
) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_faults(internal_error_rate=0.5, operations=["CreateContact"], seed=9)
    control.clear_calls()
    arn, _ = driver.create(inputs)
    attempts = control.counts()["CreateContact"]
    control.clear_faults()
    assert attempts >= 2, "this seed fails the first attempt"
    assert [c["ContactArn"] for c in aws.list_contacts()["Contacts"]] == [arn]


def test_missing_replication_set_is_named(driver: Driver, control: EmulatorControl) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_preconditions(replication_set=False)
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "Incident Manager is not set up in us-east-1" in str(raised.value)
    assert "replication set" in str(raised.value)


def test_access_denied_names_the_iam_action(driver: Driver, control: EmulatorControl) -> None:
    inputs, _ = driver.check({}, akuam())
    control.set_preconditions(access_denied=["CreateContact"])
    with pytest.raises(HookError) as raised:
        driver.create(inputs)
    assert "IAM action ssm-contacts:CreateContact" in str(raised.value)


def test_import_keeps_the_plan_owner_tag_of_another_resource(
    driver: Driver, aws: SSMContactsClient
) -> None:
    """A Contact that leaves its plan unmanaged, imported over a contact whose plan a
    ContactPlan owns, must not untag that ContactPlan's plan-owner tag."""
    arn = aws.create_contact(
        Alias="akuam",
        DisplayName="Akua Mansa",
        Type="PERSONAL",
        Plan={"Stages": []},
        Tags=[
            {"Key": "team", "Value": "sre"},
            {"Key": PLAN_OWNER_TAG, "Value": "contacts/prod/akuam-plan"},
        ],
    )["ContactArn"]
    inputs, failures = driver.check({}, akuam(importArn=arn))
    assert failures == {}
    driver.create(inputs)
    tags = {t["Key"]: t.get("Value") for t in aws.list_tags_for_resource(ResourceARN=arn)["Tags"]}
    assert tags[PLAN_OWNER_TAG] == "contacts/prod/akuam-plan", "the ContactPlan's tag stays"
    assert tags[OWNER_TAG["Key"]] == OWNER, "and the Contact owns the contact"
