"""The native plugin warns of likely mistakes at preview, as the dynamic front end does.

What AWS accepts but is most likely wrong (a target twice in a stage, a rotation that starts
in 1900) is a warning on the resource, named as the YAML program wrote it, with no API call;
the preview still succeeds. tests/e2e/test_preview_rules.py has every rule through Python.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Emulator, StackFactory, changes

pytestmark = pytest.mark.e2e

ARN = "arn:aws:ssm-contacts:us-east-1:123456789012"
AKUAM = f"{ARN}:contact/akuam"
EMAIL = f"{ARN}:contact-channel/akuam/0a1b2c3d-5ee0-4a4c-9b1e-6c7d8e9f0a1b"

PROGRAM = f"""\
name: native-warnings
runtime: yaml
resources:
  twice:
    type: ssm-contacts:index:ContactPlan
    properties:
      contactId: {AKUAM}
      stages:
        - durationInMinutes: 0
          targets:
            - channelTargetInfo: {{ contactChannelId: "{EMAIL}" }}
            - channelTargetInfo: {{ contactChannelId: "{EMAIL}" }}
  late:
    type: ssm-contacts:index:Rotation
    properties:
      name: late
      contactIds: ["{AKUAM}"]
      startTime: "1900-12-03T09:00:00Z"
      timeZoneId: Europe/London
      recurrence:
        numberOfOnCalls: 1
        recurrenceMultiplier: 1
        weeklySettings:
          - dayOfWeek: MON
            handOffTime: {{ hourOfDay: 9, minuteOfHour: 0 }}
"""


def test_likely_mistakes_are_warned_on_their_resources_at_preview_with_no_call(
    tmp_path: Path, new_stack: StackFactory, emulator: Emulator
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "Pulumi.yaml").write_text(PROGRAM)
    stack = new_stack.yaml_project(source)
    emulator.control.clear_calls()

    preview = stack.preview()

    printed = " ".join(preview.stdout.split())  # the CLI wraps long lines
    for words in (
        "ContactPlan 'twice': stages[0].targets[1]: is the same target as targets[0]",
        "Rotation 'late': startTime: is in the year 1900",
    ):
        assert words in printed, f"{words}\n{preview.stdout}"
    assert "Traceback" not in preview.stdout + preview.stderr
    assert changes(preview.change_summary) == {"create": 3}  # the stack and both resources
    assert emulator.operations() == [], "preview makes no API call"
