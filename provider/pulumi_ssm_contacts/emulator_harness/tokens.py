"""The token policy: how long the service replays an idempotency token, as a setting.

AWS documents that a repeated token returns the first result, but not for how long nor
what happens once the resource is deleted; :class:`TokenPolicy` makes that a setting
(docs/emulator.md, "Idempotency tokens"). The service keeps the tokens themselves
(:mod:`pulumi_ssm_contacts.emulator.idempotency`) and consults :meth:`TokenPolicy.rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pulumi_ssm_contacts.emulator.idempotency import TokenRules

from .settings import SettingError, Settings, SettingsHolder, bounded_int, choice

POLICY_ENV = "SSM_CONTACTS_EMULATOR_TOKEN_POLICY"
WINDOW_ENV = "SSM_CONTACTS_EMULATOR_TOKEN_WINDOW_S"
POLICIES = ("forget_on_delete", "remember")
DAY_S = 24 * 60 * 60
MAX_WINDOW_S = 365 * DAY_S


@dataclass(frozen=True)
class TokenPolicy(Settings):
    """How long a token replays its first result.

    ``forget_on_delete``: until the resource it created is deleted (no time limit).
    ``remember``: for ``window_s`` seconds from its first use, deleted resource or not.
    """

    KIND = "token settings"

    policy: Literal["forget_on_delete", "remember"] = "forget_on_delete"
    window_s: int = DAY_S
    """Only for ``remember``."""

    def __post_init__(self) -> None:
        choice("policy", self.policy, POLICIES)
        bounded_int("window_s", self.window_s, 1, MAX_WINDOW_S)

    def rules(self) -> TokenRules:
        """The policy as the service consults it."""
        if self.policy == "remember":
            return TokenRules(forget_on_delete=False, window_s=self.window_s)
        return TokenRules(forget_on_delete=True, window_s=None)


class TokenSettings(SettingsHolder[TokenPolicy]):
    """The process's token policy (lock-guarded); ``forget_on_delete`` by default."""

    def __init__(self) -> None:
        super().__init__(TokenPolicy)

    def rules(self) -> TokenRules:
        """The policy in force, as the service consults it."""
        return self.config().rules()

    def load_env(self, environ: Mapping[str, str]) -> None:
        """Apply ``SSM_CONTACTS_EMULATOR_TOKEN_POLICY`` and ``..._TOKEN_WINDOW_S``."""
        settings: dict[str, Any] = {}
        if environ.get(POLICY_ENV):
            settings["policy"] = environ[POLICY_ENV].strip()
        if environ.get(WINDOW_ENV):
            try:
                settings["window_s"] = int(environ[WINDOW_ENV])
            except ValueError:
                raise SettingError(f"{WINDOW_ENV} must be an integer number of seconds") from None
        self.configure(**settings)
