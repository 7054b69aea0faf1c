"""The resource definitions: what makes each resource itself, served by every front end.

One module per resource (:mod:`.contact`, :mod:`.contact_channel`, :mod:`.contact_plan`,
:mod:`.rotation`): an ``Engine`` subclass with its keys, which of them replace, its rules
and its calls. :mod:`.plan_rules` holds the plan rules a Contact and a ContactPlan share.

May import :mod:`pulumi_ssm_contacts.core`; never a front end (``dynamic``, ``native``).
"""
