"""``audit``: what a stack's state and AWS disagree on after a killed deploy.

- :mod:`.findings`: the audit itself (state against live resources: orphans, drift, pending
  operations); :mod:`.live`: what AWS holds, read with boto3; :mod:`.report`: the report as
  text or JSON; :mod:`.command`: ``python -m pulumi_ssm_contacts audit``.

May import :mod:`pulumi_ssm_contacts.core` and :mod:`pulumi_ssm_contacts.resources`; never a
front end or the emulator. See docs/recovery.md.
"""

from .findings import *  # noqa: F403
