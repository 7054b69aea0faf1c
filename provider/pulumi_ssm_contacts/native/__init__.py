"""The native provider plugin (``pulumi-resource-ssm-contacts``): a gRPC server over the
same engines the dynamic providers serve, its package schema and its functions.

Its Python classes, ``from pulumi_ssm_contacts.native import Contact, ContactChannel,
ContactPlan, Rotation`` (and their ``...Args``, the nested input types, enums, ``get_*``
lookups, ``Provider`` and ``config``), are generated from the schema into :mod:`.sdk`
(``tools/gen_python_sdk.py``) and answered here on first use: the plugin's own modules never
load them.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .sdk import *  # noqa: F403
    from .sdk import config as config
    from .sdk import outputs as outputs
else:

    def _is_sdk_name(name: str) -> bool:
        """A generated class, lookup, ``config`` or ``outputs``: never one of this package's
        own modules (all lowercase, none ``get_...``)."""
        return name[:1].isupper() or name.startswith("get_") or name in ("config", "outputs")

    def __getattr__(name: str) -> Any:
        if not _is_sdk_name(name):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import sdk

        try:
            value = getattr(sdk, name)
        except AttributeError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        globals()[name] = value
        return value
