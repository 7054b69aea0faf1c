"""The Python front end: resources served as Pulumi dynamic providers.

- :mod:`.contact`, :mod:`.contact_channel`, :mod:`.contact_plan`, :mod:`.rotation`: the
  program-side classes (``Contact(...)``) with their ``...Args``; :mod:`.inputs` the nested
  input types.
- :mod:`.resource`: what every program-side class shares (bag, owner, import, outputs).
- :mod:`.provider`: ``EngineProvider``, which serves a resource definition's engine. The four
  provider classes themselves live at the paths existing state names
  (``pulumi_ssm_contacts.contact_provider.ContactProvider`` and the other three).
- :mod:`.claims`, :mod:`.program_runs`, :mod:`.preview_warnings`: program-time checks (twins
  in one program, likely mistakes).

May import :mod:`pulumi_ssm_contacts.core`, :mod:`pulumi_ssm_contacts.resources`, the
on-call tools' program-time checks, and Pulumi.
"""
