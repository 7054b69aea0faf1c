"""``export``: a live Incident Manager setup written as a Pulumi project that adopts it.

- :mod:`.live`: what one region holds (contacts, plans, channels, rotations, tags,
  overrides), read with boto3's paginators and retries; never a delivery address.
- :mod:`.declarations`: that setup as resources to declare, language-neutral: names,
  inputs as AWS holds them, references between them, secret config keys, and what is left
  out and why (:mod:`.naming` makes the names).
- :mod:`.python_program`, :mod:`.yaml_program`, :mod:`.import_file`, :mod:`.readme`: the
  files; :mod:`.project` writes them; :mod:`.command`: ``python -m pulumi_ssm_contacts export``.

May import the standard library, :mod:`pulumi_ssm_contacts.core` (bag, ownership, clients,
errors) and :mod:`pulumi_ssm_contacts.resources` (for the forms the engines compare); boto3
only inside :mod:`.live` and the command. Never Pulumi, a front end or the emulator: the
program it writes imports the front end, the exporter does not. See docs/export.md.
"""
