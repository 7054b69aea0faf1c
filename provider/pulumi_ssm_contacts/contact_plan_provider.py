"""The ``ContactPlan`` dynamic provider, at the path existing stacks' state names.

State stores a dynamic provider by reference to its class (``ContactPlanProvider`` in this
module), so the class stays here. The resource itself is defined in
:mod:`pulumi_ssm_contacts.resources.contact_plan`
(whose public names this module also offers, for older imports); the dynamic front end that
serves it is :mod:`pulumi_ssm_contacts.dynamic.provider`.
"""

from .dynamic.provider import EngineProvider
from .resources.contact_plan import *  # noqa: F403
from .resources.contact_plan import ContactPlanEngine


class ContactPlanProvider(EngineProvider):
    """Manages the engagement plan of one existing contact; the ID is the contact's ARN.

    Every existing stack's state names this class at this path: it stays here.
    """

    engine = ContactPlanEngine()
