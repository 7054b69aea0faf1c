"""The ``Rotation`` dynamic provider, at the path existing stacks' state names.

State stores a dynamic provider by reference to its class (``RotationProvider`` in this
module), so the class stays here. The resource itself is defined in
:mod:`pulumi_ssm_contacts.resources.rotation`
(whose public names this module also offers, for older imports); the dynamic front end that
serves it is :mod:`pulumi_ssm_contacts.dynamic.provider`.
"""

from .dynamic.provider import EngineProvider
from .resources.rotation import *  # noqa: F403
from .resources.rotation import RotationEngine


class RotationProvider(EngineProvider):
    """Manages one on-call rotation per resource; the resource ID is its ARN.

    Every existing stack's state names this class at this path: it stays here.
    """

    engine = RotationEngine()
