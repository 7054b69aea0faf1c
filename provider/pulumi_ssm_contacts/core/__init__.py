"""The shared core every resource and front end stands on; no Pulumi program code here.

- :mod:`.engine`: the ``Engine`` base a resource definition fills in (check, diff, tags, owner).
- :mod:`.bag`, :mod:`.validation`, :mod:`.service_model`: property bags, their rules and
  botocore's ``ssm-contacts`` model.
- :mod:`.aws_client`, :mod:`.calls`, :mod:`.concurrent_calls`, :mod:`.aws_errors`: clients,
  calls with not-found and conflict as values, errors worded for users.
- :mod:`.ownership`, :mod:`.channel_markers`, :mod:`.owned_create`: owner tags, the marker
  that names a channel's owner, creates that survive a lost answer.
- :mod:`.regions`, :mod:`.stack_export`: regions, and a stack's exported state.

May import the standard library, boto3/botocore and each other; never a front end, a
resource definition, the tools or the emulator.
"""
