"""The program side every resource shares: inputs to the camelCase bag, owner, import, outputs.

Python names are snake_case; the bag the engine stores is camelCase (as ``pulumi stack
export`` shows for pulumi-aws). ``to_bag`` maps Args dataclasses, plain dicts, lists and
Outputs of them; ``SsmContactsResource`` adds the owner (``owner_of``: its parent type
chain included), moves ``import_`` into the inputs, and answers each snake_case output
attribute from its camelCase output.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

import pulumi
import pulumi.dynamic

from ..core.bag import camel
from ..core.engine import IMPORT_KEY
from ..core.ownership import OWNER_KEY, ROOT_STACK_TYPE, owner_id, parents_of_urn
from ..oncall.dead_end_warnings import declare as declare_for_dead_ends
from .preview_warnings import warn_of_likely_mistakes

_Args = TypeVar("_Args")


def resolve_args(args_type: type[_Args], args: _Args | None, kwargs: dict[str, Any]) -> _Args:
    """The ``...Args`` value a resource was given, whether as one value or as keywords."""
    if args is None:
        return args_type(**kwargs)
    if kwargs:
        raise TypeError(f"pass either a {args_type.__name__} or keyword arguments, not both")
    return args


def to_bag(value: Any) -> Any:
    """An input (Args, dicts, lists, Outputs of them) in bag form: camelCase keys, no Nones."""
    if isinstance(value, pulumi.Output):
        return value.apply(to_bag)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {camel(k): to_bag(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_bag(v) for v in value]
    return value


def checked_tags(resource_name: str, tags: Any) -> Any:
    """``tags`` unchanged, or a clear error for a tag whose value is None.

    The engine would drop such a tag without a word; a tag needs a string value.
    """

    def checked(value: Any) -> Any:
        if isinstance(value, Mapping):
            empty = sorted(str(k) for k, v in value.items() if v is None)
            if empty:
                raise ValueError(
                    f"{resource_name!r}: tags {', '.join(empty)} must be strings, not None "
                    "(remove a key to drop its tag)"
                )
        return value

    if isinstance(tags, pulumi.Output):
        return tags.apply(checked)
    return checked(tags)


class SsmContactsResource(pulumi.dynamic.Resource):
    """Base of every resource here: owner, import and snake_case outputs."""

    arn: pulumi.Output[str]
    """The resource's ARN (also its ID)."""

    def __init__(
        self,
        provider: pulumi.dynamic.ResourceProvider,
        resource_name: str,
        props: dict[str, Any],
        opts: pulumi.ResourceOptions | None,
        outputs: tuple[str, ...] = (),
    ) -> None:
        opts, import_arn = _take_import(opts)
        props = {
            **props,
            OWNER_KEY: owner_of(resource_name, opts.parent if opts else None),
            "arn": None,
            **dict.fromkeys(outputs),
        }
        if import_arn is not None:
            props[IMPORT_KEY] = import_arn
        super().__init__(provider, resource_name, props, opts)
        engine = getattr(provider, "engine", None)
        if engine is not None:
            warn_of_likely_mistakes(self, engine, resource_name, props)
        declare_for_dead_ends(self, resource_name, props)
        # The ARN is the ID. A preview of an in-place update knows the ID but not the
        # ``arn`` output (the engine answers a dynamic provider's update preview with the
        # new inputs alone), and dependents given an unknown ARN would preview replaced.
        self.arn = self.id

    def __getattr__(self, name: str) -> Any:
        """``display_name`` answers the ``displayName`` output (one accessor for all)."""
        key = camel(name)
        if key != name and key in self.__dict__:
            return self.__dict__[key]
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")


def owner_of(resource_name: str, parent: pulumi.Resource | None) -> pulumi.Input[str]:
    """The owner of a resource named ``resource_name`` under ``parent`` (``ownership.owner_id``).

    Top-level (no parent, or the root stack): ``<project>/<stack>/<name>``, at once. Under a
    parent the owner holds the parent's type chain, which only the parent's URN knows (the
    SDK keeps no parent of a resource, so a chain cannot be walked): an Output of that URN,
    known at preview, and with no dependencies (depending on a component would mean
    depending on its children, this resource among them).
    """
    project, stack = pulumi.get_project(), pulumi.get_stack()
    if parent is None or parent.pulumi_resource_type == ROOT_STACK_TYPE:
        return owner_id(project, stack, resource_name)

    async def from_parent_urn() -> str:
        urn = await parent.urn.future()
        assert urn is not None  # a registered resource's URN is always known
        return owner_id(project, stack, resource_name, parents_of_urn(urn))

    owner: pulumi.Output[str] = pulumi.Output.from_input(from_parent_urn())
    return owner


def _take_import(
    opts: pulumi.ResourceOptions | None,
) -> tuple[pulumi.ResourceOptions | None, str | None]:
    """Move ``import_`` from the options into the inputs.

    The engine imports by calling Read with no state, and the SDK's dynamic provider
    server cannot find the provider without state (pulumi/pulumi#16175). So the
    provider adopts the resource in create instead: it reads it, checks that it
    matches the program and takes its ARN as the ID, with no create call.
    """
    if opts is None or not opts.import_:
        return opts, None
    import_arn = opts.import_
    opts = copy.copy(opts)
    opts.import_ = None
    return opts, import_arn
