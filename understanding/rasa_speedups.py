"""Two speed fixes for the Rasa 3.6 server; what it does is unchanged.

``understanding.component`` calls :func:`install` when it is imported, that is
when the Rasa server (or ``rasa train`` / ``rasa test``) loads our model, so the
fixes are active wherever our model runs and nowhere else. Both were found by
profiling the Rasa server under the benchmark's load (``benchmarks/``):

1. After every custom action, Rasa checks the action server's answer with
   ``jsonschema.validate(answer, schema)``. That function first checks the
   *schema itself* against JSON Schema's meta-schema and builds a new validator,
   on every call; Rasa's events schema is large and never changes. It took
   51% of the Rasa server's CPU time under load. Here the schema is checked
   once and one validator is kept; an answer that passes is accepted as before,
   and one that fails goes through Rasa's own check, which raises the same
   error as before.
2. Loading a conversation from the tracker store turns each stored event into
   an ``Event``, and Rasa finds the class for its ``event`` name by walking all
   subclasses of ``Event`` (with an ``inspect.isabstract`` check on each) for
   *every* event: 17% of the server's CPU in a 200-turn conversation. Here
   the class found for a name is remembered. The first match in Rasa's walk is
   always one of the event classes Rasa defines (they are direct subclasses of
   ``Event``, defined before any other), so the remembered answer is the one
   the walk would give; names that are not found still go through the walk.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Optional, Text, Type

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

_INSTALLED_FLAG = "_runner_speedups_installed"


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action server answer schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _install_response_validation() -> None:
    rasa_validation = RemoteAction._validate_action_result

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        if action_response_validator().is_valid(result):
            return True
        return rasa_validation(self, result)  # raises Rasa's error for an invalid answer

    RemoteAction._validate_action_result = validate_action_result


def _install_event_lookup() -> None:
    rasa_lookup = Event.resolve_by_type  # a staticmethod: a plain function here
    found: Dict[Text, Type[Event]] = {}

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        cls = found.get(type_name)
        if cls is None:
            cls = rasa_lookup(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)


def install() -> None:
    """Install both fixes (once per process)."""
    if getattr(RemoteAction, _INSTALLED_FLAG, False):
        return
    _install_response_validation()
    _install_event_lookup()
    setattr(RemoteAction, _INSTALLED_FLAG, True)
