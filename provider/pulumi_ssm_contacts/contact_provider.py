"""The ``Contact`` dynamic provider, at the path existing stacks' state names.

State stores a dynamic provider by reference to its class (``ContactProvider`` in this
module), so the class stays here. The resource itself is defined in
:mod:`pulumi_ssm_contacts.resources.contact`
(whose public names this module also offers, for older imports); the dynamic front end that
serves it is :mod:`pulumi_ssm_contacts.dynamic.provider`.
"""

from .dynamic.provider import EngineProvider
from .resources.contact import *  # noqa: F403
from .resources.contact import ContactEngine


class ContactProvider(EngineProvider):
    """Manages one Incident Manager contact per resource; the resource ID is its ARN.

    Every existing stack's state names this class at this path: it stays here.
    """

    engine = ContactEngine()
