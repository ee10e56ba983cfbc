"""Every change this project makes to Rasa's own code, installed from one place.

Rasa 3.6 is used as it is, with these exceptions. Each is a named patch with
its reason; :func:`install` puts them in place once per process and refuses,
loudly, on any Rasa version other than :data:`PINNED_RASA`, because several
touch private API whose meaning may change in an upgrade.

``install`` is called wherever our code is loaded into a Rasa process: by
``understanding.component`` (imported whenever our model is loaded: ``rasa
run``, ``rasa shell``/``make chat``, ``rasa test``) and by ``channels`` (the
REST, Telegram and Slack connectors). So the bot behaves the same however it
was started.

Switches (environment variables):

- ``RASA_PATCHES=off`` runs Rasa unpatched (to compare, or to try another Rasa
  version); a warning says so. The version check is skipped then.

Rasa's action contract is kept: the action server gets the whole conversation,
which the form's turn budget and ask-twice limit read back to the form's start.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Callable, Dict, List

import rasa

logger = logging.getLogger(__name__)

PINNED_RASA = "3.6.21"  # pyproject.toml pins the same version
_installed: Dict[str, bool] = {}


@dataclass(frozen=True)
class Patch:
    name: str
    why: str
    install: Callable[[], None]
    enabled: Callable[[], bool] = lambda: True


def _speedup(name: str) -> Callable[[], None]:
    def install_speedup() -> None:
        from understanding import rasa_speedups

        getattr(rasa_speedups, name)()

    return install_speedup


def _action_failures() -> None:
    from channels import action_failures

    action_failures.install()


PATCHES: List[Patch] = [
    Patch(
        "action_failures",
        "tell the runner when the action server is down or slow, with a timeout (channels/action_failures.py)",
        _action_failures,
    ),
    Patch(
        "response_validation",
        "validate action answers with one cached validator",
        _speedup("install_response_validation"),
    ),
    Patch("event_lookup", "remember the Event class of each event name", _speedup("install_event_lookup")),
    Patch(
        "rule_state_window", "RulePolicy builds only the states a rule can see", _speedup("install_rule_state_window")
    ),
    Patch("applied_events_memory", "keep applied_events between calls", _speedup("install_applied_events_memory")),
    Patch(
        "predict_only_loading",
        "load DIET for prediction without a training step",
        _speedup("install_predict_only_loading"),
    ),
]


def unpatched() -> bool:
    return os.environ.get("RASA_PATCHES", "on").strip().lower() in {"off", "0", "false", "no"}


def install() -> List[str]:
    """Install every enabled patch once; the names installed so far."""
    if unpatched():
        if not _installed.get("_warned"):
            logger.warning("RASA_PATCHES=off: running Rasa %s without this project's patches.", rasa.__version__)
            _installed["_warned"] = True
        return []
    if rasa.__version__ != PINNED_RASA:
        raise RuntimeError(
            f"rasa_patches: these patches were written for Rasa {PINNED_RASA}, this is Rasa {rasa.__version__}. "
            "Check each patch in rasa_patches/ against the new version, or start with RASA_PATCHES=off."
        )
    for patch in PATCHES:
        if patch.name not in _installed and patch.enabled():
            patch.install()
            _installed[patch.name] = True
    return [name for name in _installed if not name.startswith("_")]
