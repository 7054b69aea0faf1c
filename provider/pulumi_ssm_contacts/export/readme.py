"""The exported project's README.md: what was found, how to adopt it, what was left out.

Each delivery address is a ``pulumi config set --secret`` line that reads it from AWS into
the stack's secret config (piped, so it is never on a command line or on screen); the
README itself holds none.
"""

from __future__ import annotations

from .declarations import KINDS, Declaration, Export, Note
from .naming import region_key

LANGUAGES = {"python": "Python", "yaml": "Pulumi YAML"}


def render(
    export: Export,
    *,
    language: str,
    stack: str,
    fmt: str,
    program_file: str,
    command: str,
) -> str:
    """The README of an exported project (``fmt``: ``program`` or ``import-file``)."""
    parts = [
        f"# Incident Manager setup of {export.region}, as code",
        f"Written by `{command}`. It declares what {export.region} held then: "
        + ", ".join(_counted(export.count(k), k) for k in KINDS)
        + ".",
        _found(export),
    ]
    if fmt == "program":
        parts += _program_steps(export, language, stack, program_file)
    else:
        parts += _import_steps(export, stack, program_file)
    parts.append(_notes("Left out", export.left_out, "Nothing was left out."))
    parts.append(_notes("Needs attention", export.attention, "Nothing needs attention."))
    return "\n\n".join(parts) + "\n"


def _counted(count: int, kind: str) -> str:
    noun = {
        "Contact": "contact",
        "ContactChannel": "contact channel",
        "ContactPlan": "contact plan",
        "Rotation": "rotation",
    }[kind]
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _found(export: Export) -> str:
    rows = ["| resource | type | in AWS | ID |", "|---|---|---|---|"]
    rows += [
        f"| `{d.name}` | {d.kind} | {_what(d)} | `{d.import_id}` |" for d in export.declarations
    ]
    return "## What was found\n\n" + "\n".join(rows)


def _what(declaration: Declaration) -> str:
    inputs = declaration.inputs
    if declaration.kind == "Contact":
        plan = " with its plan" if "plan" in inputs else ""
        return f"{inputs['type']} contact `{inputs['alias']}`{plan}"
    if declaration.kind == "ContactChannel":
        return f"{inputs['type']} channel {_md(inputs['name'])}"
    if declaration.kind == "ContactPlan":
        return "its contact's plan"
    return f"rotation {_md(inputs['name'])}"


def _md(text: str) -> str:
    return "`" + text.replace("`", "'").replace("|", "/") + "`"


def _secret_lines(export: Export, stack: str, language: str) -> str:
    # Pulumi YAML reads a config value that looks like a number (an E.164 one) as a number, and
    # one that is a JSON string as that string: YAML's lines set the address JSON-quoted.
    output = "json" if language == "yaml" else "text"
    lines = [
        f"# {secret.what}\n"
        f"aws ssm-contacts get-contact-channel --region {export.region} "
        f"--contact-channel-id {secret.channel_arn} \\\n"
        f"    --query DeliveryAddress.SimpleAddress --output {output} \\\n"
        f"  | pulumi config set --secret --stack {stack} {secret.key}"
        for secret in export.secrets
    ]
    return "```sh\n" + "\n".join(lines) + "\n```"


def _program_steps(export: Export, language: str, stack: str, program_file: str) -> list[str]:
    setup = (
        "python -m venv venv && venv/bin/pip install -r requirements.txt\n"
        if language == "python"
        else "# the native plugin: `pip install pulumi-ssm-contacts` puts "
        "pulumi-resource-ssm-contacts on PATH\n"
    )
    adopt = (
        "Its preview shows each resource as `+ create`: the dynamic provider adopts in create "
        "(the `import_` option), checking that AWS matches the program, and makes no create, "
        "update or delete call. It does write this package's own tags, which say which stack "
        "manages what: `pulumi-ssm-contacts/owner` on contacts and rotations, "
        "`pulumi-ssm-contacts/plan-owner` on contacts whose plan is declared, a "
        "`pulumi-ssm-contacts/channel/<id>` marker per channel on its contact (TagResource "
        "calls)."
        if language == "python"
        else "Its preview shows each resource as `= import`: Pulumi reads each one and checks "
        "that it matches the program; the import itself only reads."
    )
    secrets = (
        "Every delivery address is secret config of the stack, read from AWS by these lines "
        "(each pipes the address into `pulumi config set --secret`, so it is never on a "
        "command line, on screen or in a file but the stack's encrypted config):\n\n"
        + _secret_lines(export, stack, language)
        + (
            "\n\nThe YAML program's lines set each address as a JSON string (`--output json`): "
            "Pulumi YAML reads a config value that looks like a number, such as a phone number "
            "in E.164 form, as a number, and a JSON string as the string it holds."
            if language == "yaml"
            else ""
        )
        if export.secrets
        else "No channel, so no secret config."
    )
    return [
        f"## Adopting it ({LANGUAGES[language]}, `{program_file}`)",
        "```sh\n" + setup + f"pulumi stack init {stack}        # Pulumi.{stack}.yaml already sets "
        f"{region_key(language)}\n"
        "# then the secret config below, then:\n"
        "pulumi preview\n"
        "pulumi up      # adopts everything: no create, update or delete call\n"
        "pulumi up      # no changes\n```",
        adopt + " Once adopted, the import options may stay (they are ignored for resources "
        "already in the stack) or go.",
        "### Secret config\n\n" + secrets,
    ]


def _import_steps(export: Export, stack: str, import_file: str) -> list[str]:
    return [
        f"## Importing it with `pulumi import` (`{import_file}`)",
        "In a project that uses the native provider (`pulumi-resource-ssm-contacts` on PATH), "
        f"with the stack selected (`pulumi stack select {stack}`) and `ssm-contacts:region` "
        f"set to {export.region} (the plugin reads no `aws:region`):",
        f"```sh\npulumi import --file {import_file} --out imported-program\n```",
        "Pulumi reads each resource and writes code for it: references come out as literal "
        "ARNs, and each channel's delivery address as a value in the code (Pulumi reads it from "
        "AWS). Move those to secret config before you commit the code, or prefer "
        "`python -m pulumi_ssm_contacts export --format program`, which writes references and "
        "secret config for you.",
    ]


def _notes(title: str, notes: list[Note], none: str) -> str:
    if not notes:
        return f"## {title}\n\n{none}"
    items = [f"- **{n.subject}** {n.what}. What to do: {n.todo}." for n in notes]
    return f"## {title}\n\n" + "\n".join(items)
