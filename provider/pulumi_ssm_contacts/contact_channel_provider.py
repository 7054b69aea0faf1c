"""The ``ContactChannel`` dynamic provider, at the path existing stacks' state names.

State stores a dynamic provider by reference to its class (``ContactChannelProvider`` in this
module), so the class stays here. The resource itself is defined in
:mod:`pulumi_ssm_contacts.resources.contact_channel`
(whose public names this module also offers, for older imports); the dynamic front end that
serves it is :mod:`pulumi_ssm_contacts.dynamic.provider`.
"""

from .dynamic.provider import EngineProvider
from .resources.contact_channel import *  # noqa: F403
from .resources.contact_channel import ContactChannelEngine


class ContactChannelProvider(EngineProvider):
    """Manages one contact channel per resource; the resource ID is its ARN.

    Every existing stack's state names this class at this path: it stays here.
    """

    engine = ContactChannelEngine()
