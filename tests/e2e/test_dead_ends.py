"""Dead ends warned through the real CLI (issue 16): at preview with no API call, naming the
resource and the path; a channel a plan pages that is not ACTIVATED after `up` and `refresh`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import REPO, Emulator, StackFactory

pytestmark = pytest.mark.e2e

DEAD_ENDS = Path(__file__).with_name("dead_end_program")
ONCALL = REPO / "examples" / "oncall"
NOT_ACTIVATED = "the channel is NOT_ACTIVATED"


def warnings(stdout: str) -> list[str]:
    """The warnings a preview or up printed, each once (the CLI prints each as it happens and
    again in its Diagnostics summary)."""
    found = [
        line[line.index("warning:") :].strip() for line in stdout.splitlines() if "warning:" in line
    ]
    return list(dict.fromkeys(found))


def test_escalation_stage_engaging_a_contact_with_no_plan_warns_at_preview(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(DEAD_ENDS)

    preview = stack.preview()

    assert (
        "Contact 'esc': plan.stages[0].targets[0].contact_target_info.contact_id engages "
        "Contact 'nobody', which has no engagement plan" in preview.stdout
    ), preview.stdout
    assert "stage 1 pages nobody" in preview.stdout
    assert "'akua'" not in "".join(w for w in warnings(preview.stdout) if "engages" in w)
    assert emulator.operations() == []


def test_plan_paging_only_another_contacts_channel_warns_at_preview(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(DEAD_ENDS, config={"case": "other-channel"})

    preview = stack.preview()

    assert (
        "ContactPlan 'nobody-plan': stages: the engagement plan of Contact 'nobody' pages only "
        "channels of another contact" in preview.stdout
    ), preview.stdout
    assert "which has a plan that pages only channels of another contact" in preview.stdout
    assert emulator.operations() == []


def test_oncall_example_warns_of_an_unactivated_channel_until_it_is_activated(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(ONCALL)

    preview = stack.preview()
    first = stack.up()
    codes = emulator.control.activation_codes()
    channels = {
        c["Name"] + "/" + c["ContactArn"].rsplit("/", 1)[1]: c["ContactChannelArn"]
        for alias in ("akua", "kwame", "sre-manager")
        for c in emulator.client.list_contact_channels(
            ContactId=f"arn:aws:ssm-contacts:us-east-1:123456789012:contact/{alias}"
        )["ContactChannels"]
    }
    for name, arn in channels.items():
        if name != "Email/kwame":
            emulator.client.activate_contact_channel(
                ContactChannelId=arn, ActivationCode=codes[arn]
            )
    one_left = stack.up(refresh=True)
    emulator.client.activate_contact_channel(
        ContactChannelId=channels["Email/kwame"], ActivationCode=codes[channels["Email/kwame"]]
    )
    stack.refresh()
    clean = stack.preview()

    assert warnings(preview.stdout) == [], "the clean example warns of nothing at preview"
    assert sum(NOT_ACTIVATED in w for w in warnings(first.stdout)) == 3, first.stdout
    left = [w for w in warnings(one_left.stdout) if NOT_ACTIVATED in w]
    assert len(left) == 1 and "ContactChannel 'kwame-email'" in left[0], one_left.stdout
    assert "activate-contact-channel" in left[0]
    assert "kwame@example.com" not in one_left.stdout
    assert warnings(clean.stdout) == [], clean.stdout


def test_escalation_engaging_a_schedule_with_uncovered_hours_warns_at_preview(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    stack = new_stack(ONCALL, config={"followTheSun": "false"})

    preview = stack.preview()

    engages = [w for w in warnings(preview.stdout) if "engages" in w]
    assert engages == [
        "warning: Contact 'escalation': plan.stages[0].targets[0].contact_target_info.contact_id "
        "engages Contact 'schedule', which has nobody on call for 84 h of a week. An incident "
        "reaching stage 1 pages nobody at those times; `python -m pulumi_ssm_contacts page` shows "
        "who an incident pages."
    ], preview.stdout
    assert emulator.operations() == []
