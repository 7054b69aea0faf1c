"""The on-call tools: who is on call when (``shifts``, coverage) and who an incident pages.

- :mod:`.shifts`: a rotation's shifts, overrides and coverage gaps, computed as AWS does;
  :mod:`.shifts_table` and :mod:`.shifts_command` (``python -m pulumi_ssm_contacts shifts``).
- :mod:`.coverage`: the coverage warnings a program's schedules get at preview.

- :mod:`.paging`: the engine. Given a setup (contacts with their plans, channels with their
  activation status, rotations with their overrides) and a contact engaged at a time, it
  computes every page and every channel send, stage by stage, with nobody acknowledging, and
  the dead ends it meets (a schedule with nobody on call, a contact whose plan pages no
  channel). The emulator's StartEngagement runs it, and so does ``page``, so the two agree.
- :mod:`.page_table`: the timeline as a Markdown table (channels named by name and type,
  never by delivery address).
- :mod:`.setup_sources`: a setup read from ssm-contacts with boto3, or from a stack export.
- :mod:`.page_command`: ``python -m pulumi_ssm_contacts page``.
- :mod:`.dead_end_warnings`: the dead ends of a program's plans, warned at preview (it runs
  in the program, so it alone imports Pulumi, and the package's resource modules lazily).

The others may import the standard library, :mod:`.shifts`, :mod:`pulumi_ssm_contacts.core`
(``bag``, ``stack_export``); boto3 only inside the functions that read AWS. Never the
emulator (the emulator imports :mod:`.paging`, not the reverse), and never Pulumi. See
docs/oncall.md.
"""
