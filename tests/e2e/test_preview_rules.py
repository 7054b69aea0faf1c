"""Rules that `pulumi preview` enforces through the real CLI: property named, no API call, and
no secret value in anything the CLI prints."""

from __future__ import annotations

import pytest
from pulumi import automation as auto

from .harness import CONTACTS_PROGRAM, Contacts, Emulator, StackFactory

pytestmark = pytest.mark.e2e

SECRET = "Akua Secret\tMansa"
"""A display name that breaks AWS's pattern (the tab) and must never be printed."""


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        pytest.param(
            {"tags": {f"k{i}": "v" for i in range(50)}}, ["tags", "at most 49"], id="50-tags"
        ),
        pytest.param(
            {"tags": {"pulumi-ssm-contacts/owner": "me"}}, ["reserved"], id="owner-tag-reserved"
        ),
        pytest.param({"tags": {"team": None}}, ["tags team", "not None"], id="tag-none"),
    ],
)
def test_bad_input_fails_preview_with_no_api_call(
    new_stack: StackFactory, emulator: Emulator, contact: dict[str, object], expected: list[str]
) -> None:
    bad: Contacts = [{"name": "akuam", "alias": "akuam", "type": "PERSONAL", **contact}]
    stack = new_stack(CONTACTS_PROGRAM, bad)

    with pytest.raises(auto.CommandError) as failure:
        stack.preview()

    for words in expected:
        assert words in str(failure.value)
    assert emulator.operations() == []


def test_a_secret_that_breaks_a_rule_is_never_printed(
    new_stack: StackFactory, emulator: Emulator
) -> None:
    secret: Contacts = [
        {
            "name": "akuam",
            "alias": "akuam",
            "type": "PERSONAL",
            "display_name": SECRET,
            "tags": {"phone": "+1 555 0100 \u2603!"},
            "secret": ["display_name", "tags"],
        }
    ]
    stack = new_stack(CONTACTS_PROGRAM, secret)

    with pytest.raises(auto.CommandError) as failure:
        stack.up()

    printed = str(failure.value)  # the command line, stdout and stderr
    assert "display_name" in printed and "regular expression" in printed
    for fragment in ("Akua Secret", "Mansa", "555 0100", "\u2603"):
        assert fragment not in printed
    assert emulator.aliases() == []
