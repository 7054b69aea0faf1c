"""AWS errors turned into messages a person can act on.

Every exception ssm-contacts documents for ``create_contact`` has its own advice.
Throttling and internal errors reach this module only after botocore's retries
(see ``aws_client.MAX_ATTEMPTS``) have given up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from botocore.exceptions import ClientError


class ContactError(Exception):
    """A failed ssm-contacts call, explained: what failed, for which contact, what to do."""


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
    said = _aws_message(error)
    where = f" in {ctx.region}" if ctx.region else ""
    what = f"{ctx.operation} for {ctx.resource}{where} failed"
    if code == "AccessDeniedException":
        advice = (
            f"the credentials Pulumi uses may not call ssm-contacts:{ctx.operation}. Allow the "
            f"IAM action ssm-contacts:{ctx.operation} for this resource, or choose other "
            "credentials (AWS_PROFILE, `pulumi config set aws:profile ...`)."
        )
    elif code == "ValidationException" and _no_replication_set(said):
        advice = (
            f"Incident Manager is not set up{where}: it needs a replication set before contacts "
            "can exist. Create one once per account (Incident Manager console > Get started, or "
            "`aws ssm-incidents create-replication-set`), then run `pulumi up` again."
        )
    elif code == "ValidationException":
        prop = validation_property(said)
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


def conflict(alias: str, region: str | None, existing_arn: str | None) -> ContactError:
    """The ContactError for a create that hit an existing alias: how to adopt that contact."""
    where = f" in {region}" if region else ""
    arn = existing_arn or f"arn:aws:ssm-contacts:{region or '<region>'}:<account>:contact/{alias}"
    return ContactError(
        f"CreateContact for contact '{alias}'{where} failed: a contact with alias '{alias}' "
        "already exists (aliases are unique per account and region).\n"
        "What to do: to manage the existing contact with Pulumi, import it: add "
        f'`opts=pulumi.ResourceOptions(import_="{arn}")` to the resource, run `pulumi up`, '
        "then remove the option. Otherwise choose another alias."
    )
