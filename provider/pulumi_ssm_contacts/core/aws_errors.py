"""AWS errors turned into messages a person can act on.

Every exception ssm-contacts documents for ``create_contact`` has its own advice.
Throttling and internal errors reach this module only after botocore's retries
(see ``aws_client.MAX_ATTEMPTS``) have given up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError
from pulumi.errors import RunError


class ContactError(RunError):
    """A failed ssm-contacts call, explained: what failed, for which contact, what to do.

    A ``pulumi.RunError``: a message written for the user, shown without a traceback (by
    Pulumi in a program, by our dynamic provider host in a provider's hook).
    """


@dataclass(frozen=True)
class CallContext:
    """Which call failed, for which resource (a name a person recognises)."""

    operation: str
    """The API operation, e.g. ``CreateContact``."""
    resource: str
    """``contact 'akuam'`` or an ARN."""
    region: str | None = None


def error_code(error: ClientError) -> str:
    """The AWS error code of a ClientError (``ConflictException``)."""
    return str(error.response.get("Error", {}).get("Code", ""))


def _aws_message(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Message", "")).strip()


_CONSTRAINT = re.compile(r"at '([A-Za-z0-9.]+)' failed to satisfy constraint: ([^;]*)")
MAX_AWS_MESSAGE = 500


def safe_aws_message(message: str) -> str:
    """AWS's message without the input values it quotes (they may be secrets).

    A field validation message (``Value 'x' at 'displayName' failed to satisfy constraint:
    ...``) becomes its paths and rules only; any other message is kept, cut to 500
    characters.
    """
    if "failed to satisfy constraint" in message:
        found = _CONSTRAINT.findall(message)
        if not found:
            return "validation failed (details withheld: they quote input values)"
        return "; ".join(
            f"{validation_property(f'at {path!r}') or path}: {rule.strip()}" for path, rule in found
        )
    if len(message) > MAX_AWS_MESSAGE:
        return message[:MAX_AWS_MESSAGE] + "..."
    return message


def _attempts(error: ClientError) -> int:
    retries = error.response.get("ResponseMetadata", {}).get("RetryAttempts", 0)
    return int(retries) + 1


_AWS_PATH = re.compile(r"at '([A-Za-z0-9.]+)'")


def validation_property(aws_message: str) -> str | None:
    """The bag property an AWS ValidationException names (``plan.stages[0].durationInMinutes``)."""
    found = _AWS_PATH.search(aws_message)
    if not found:
        return None
    parts = found.group(1).split(".")
    out: list[str] = []
    for index, part in enumerate(parts):
        if part == "member":
            continue
        if part.isdigit() and index + 1 < len(parts) and parts[index + 1] == "member":
            out[-1] += f"[{int(part) - 1}]"
        else:
            out.append(part)
    return ".".join(out)


def _no_replication_set(aws_message: str) -> bool:
    # What AWS answers in an account or region without a replication set, as users report.
    lowered = aws_message.lower()
    return "replication set" in lowered or "account not found for the request" in lowered


def explain(error: ClientError, ctx: CallContext) -> ContactError:
    """The ContactError to raise for a ClientError from ``ctx.operation``."""
    code = error_code(error)
    raw = _aws_message(error)
    said = safe_aws_message(raw)
    where = f" in {ctx.region}" if ctx.region else ""
    what = f"{ctx.operation} for {ctx.resource}{where} failed"
    if code == "AccessDeniedException":
        advice = (
            f"the credentials Pulumi uses may not call ssm-contacts:{ctx.operation}. Allow the "
            f"IAM action ssm-contacts:{ctx.operation} for this resource, or choose other "
            "credentials (AWS_PROFILE, `pulumi config set aws:profile ...`)."
        )
    elif code == "ValidationException" and _no_replication_set(raw):
        advice = (
            f"Incident Manager is not set up{where}: it needs a replication set before contacts "
            "can exist. Create one once per account (Incident Manager console > Get started, or "
            "`aws ssm-incidents create-replication-set`), then run `pulumi up` again."
        )
    elif code == "ValidationException":
        prop = validation_property(raw)
        advice = f"AWS rejected property {prop}." if prop else "AWS rejected the request."
        advice += " Fix the value in your program and run `pulumi up` again."
    elif code == "ThrottlingException":
        advice = (
            f"AWS kept throttling the call after {_attempts(error)} attempts. Run `pulumi up` "
            "again later, or with a lower `--parallel`."
        )
    elif code == "InternalServerException":
        advice = (
            f"AWS had an internal error on all {_attempts(error)} attempts. Nothing was left "
            "half-done that Pulumi does not know about; run `pulumi up` again."
        )
    elif code == "ServiceQuotaExceededException":
        advice = (
            "an Incident Manager quota is reached (contacts per account, stages or targets per "
            "plan). Delete contacts you no longer use, or request an increase in Service Quotas."
        )
    elif code == "DataEncryptionException":
        advice = (
            "Incident Manager cannot use the KMS key of its replication set. Check that the key "
            "is enabled and its key policy allows Incident Manager to use it."
        )
    elif code == "ResourceNotFoundException":
        advice = "it no longer exists in AWS. Run `pulumi refresh` to bring the stack up to date."
    else:
        advice = "see AWS's message above."
    detail = f" AWS said: {code}: {said}" if said else f" AWS said: {code}"
    return ContactError(f"{what}.{detail}\nWhat to do: {advice}")


RESOURCE_TYPES = {
    "CONTACT": "contact",
    "CONTACT_CHANNEL": "contact channel",
    "ROTATION": "rotation",
    "ENGAGEMENT": "engagement",
    "PAGE": "page",
}
"""ResourceNotFoundException's ResourceType values, as a person says them."""

ARN_NOUNS = {"contact": "contact", "contact-channel": "contact channel", "rotation": "rotation"}


def not_found(error: ClientError, ctx: CallContext) -> str:
    """One paragraph for a ResourceNotFoundException: what is missing, of which kind, for
    which resource, and what to do.

    The missing resource is the one the call works on (deleted out of band: refresh), or
    one it names (a rotation's member, a plan's target: create it first or fix the ARN).
    """
    from .bag import arn_kind

    missing = str(error.response.get("ResourceId") or "").strip()
    kind = RESOURCE_TYPES.get(str(error.response.get("ResourceType") or ""))
    if kind is None and arn_kind(missing):
        kind = ARN_NOUNS[str(arn_kind(missing))]
    where = f" in {ctx.region}" if ctx.region else ""
    what = f"{ctx.operation} for {ctx.resource}{where} failed"
    named = f"{kind} {missing}" if kind and missing else (kind or missing or "a resource it names")
    if missing and missing in ctx.resource:
        advice = (
            f"the {kind or 'resource'} no longer exists in AWS (deleted outside Pulumi?). Run "
            "`pulumi refresh` to bring the stack up to date, then `pulumi up` makes it again."
        )
    else:
        got = arn_kind(missing)
        wrong = (
            f" The ARN is a {ARN_NOUNS[got]}'s, not a {kind}'s: pass the right resource's `arn`."
            if got and kind and ARN_NOUNS[got] != kind
            else ""
        )
        advice = (
            f"the {named} that this resource names does not exist{where}.{wrong} Create it "
            "first (pass its resource's `arn` output, so Pulumi creates it before this one), "
            "or fix the ARN, then run `pulumi up` again."
        )
    return f"{what}: AWS has no {named} (ResourceNotFoundException).\nWhat to do: {advice}"


def conflict(
    alias: str, region: str | None, existing_arn: str | None, owner: str | None = None
) -> ContactError:
    """The ContactError for a create that hit an existing alias: who holds it, how to adopt."""
    where = f" in {region}" if region else ""
    arn = existing_arn or f"arn:aws:ssm-contacts:{region or '<region>'}:<account>:contact/{alias}"
    if owner:
        return ContactError(
            f"CreateContact for contact '{alias}'{where} failed: a contact with alias '{alias}' "
            f"already exists and is managed by another Pulumi resource ({owner}); aliases are "
            "unique per account and region, and a contact has one owner.\n"
            "What to do: choose another alias, or stop managing the contact there "
            "(remove the resource from that program, or `pulumi state delete` it) and import "
            f"it here: {import_option(arn)}."
        )
    return ContactError(
        f"CreateContact for contact '{alias}'{where} failed: a contact with alias '{alias}' "
        "already exists (aliases are unique per account and region).\n"
        "What to do: to manage the existing contact with Pulumi, import it: "
        f"{import_option(arn)}, run `pulumi up`, then remove the option. Otherwise choose "
        "another alias."
    )


def import_option(arn: str) -> str:
    """How a program imports ``arn``, in each language's words."""
    return (
        f'set the resource option `import` to "{arn}" (Python: '
        f'`opts=pulumi.ResourceOptions(import_="{arn}")`; YAML: `options: {{import: {arn}}}`)'
    )


def explain_connection(error: BotoCoreError, ctx: CallContext, *, creates: bool) -> ContactError:
    """The ContactError for a call that never got an answer (connection lost, timed out).

    botocore has already retried it. For a create, AWS may have committed it before the
    answer was lost; a later run finds that resource (a contact by its owner tag, a channel
    by its idempotency token) and adopts it.
    """
    where = f" in {ctx.region}" if ctx.region else ""
    kind = type(error).__name__
    endpoint = getattr(error, "kwargs", {}).get("endpoint_url", "")
    to = f" to {endpoint}" if endpoint else ""
    advice = (
        "check the network path to AWS (a proxy, a VPN, AWS_ENDPOINT_URL_SSM_CONTACTS) and run "
        "`pulumi up` again."
    )
    if creates:
        advice += (
            " AWS may have created the resource before the answer was lost: that is safe, the "
            "next `pulumi up` finds it and adopts it, with no duplicate."
        )
    return ContactError(
        f"{ctx.operation} for {ctx.resource}{where} failed: no answer from AWS{to} ({kind}) "
        f"after botocore's retries.\nWhat to do: {advice}"
    )


def owned_elsewhere(arn: str, owner: str, operation: str) -> ContactError:
    """The ContactError for a resource whose owner tag names another Pulumi resource."""
    return ContactError(
        f"{operation} for {arn} refused: its owner tag ({owner}) names another Pulumi resource, "
        "and one resource has one owner.\nWhat to do: manage it from that stack, or if that "
        "stack no longer manages it, run `pulumi state delete` there (or remove the tag "
        "pulumi-ssm-contacts/owner from the contact) and run `pulumi up` here again."
    )
