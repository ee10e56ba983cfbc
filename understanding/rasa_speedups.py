"""Speed fixes for the Rasa 3.6 server; what the assistant does is unchanged.

``rasa_patches`` installs them (one registry, a Rasa version check, a switch to
run unpatched), called when our model or our channels are loaded, so the
fixes are active wherever our model runs and nowhere else. All were found by
profiling the Rasa server (``python -m benchmarks.profile`` and the load of
``benchmarks/``):

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
3. For every prediction the RulePolicy turns the *whole* conversation into
   states (one per action so far) and compares the rules against the end of
   that list: 34% of the server's time at turn 200. A rule only ever looks
   at as many states as it is long (``RulePolicy._is_rule_applicable``
   accepts any state further back), so here, when predicting, only the last
   ``longest rule + 1`` states are built, and the states already built (with
   the tracker replayed up to them) are kept on the tracker, so a prediction
   replays only the events added since the previous one.
4. ``DialogueStateTracker.applied_events`` (the events minus the undone ones)
   walks the whole conversation each time it is asked, several times per
   message. Here its result is kept on the tracker and extended with the
   events added since, as long as they neither start a loop with a name not
   seen before (that changes how earlier events are read) nor the tracker's
   event list was replaced; otherwise it is worked out again from the start.
5. (Removed.) An opt-in cut of the events sent to the action server changed
   Rasa's action contract while our actions read the conversation back to the
   form's start (the turn budget, the ask-twice limit): it was taken out.
6. To load DIET's weights, Rasa first *trains one step* on an example so that
   every variable exists, which traces the whole training graph and creates
   the optimizer's state: about 130 MB of the Rasa server's memory, kept for
   its lifetime. Here the model is built by one prediction instead, the saved
   weights are restored into it, and the label embeddings and the prediction
   function are made again from the restored weights. On the 339 held-out
   messages every intent and confidence is the same as with Rasa's loading.
   Loading for fine-tuning, or without a prediction example, is Rasa's.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
from collections import deque
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Deque, Dict, List, Optional, Set, Text, Type

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

# Rasa's own functions that the fixes replace, by name (for tests and comparisons).
RASA_ORIGINALS: Dict[str, Any] = {}


@functools.lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action server answer schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def install_response_validation() -> None:
    rasa_validation = RemoteAction._validate_action_result

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        if action_response_validator().is_valid(result):
            return True
        return rasa_validation(self, result)  # raises Rasa's error for an invalid answer

    RemoteAction._validate_action_result = validate_action_result


def install_event_lookup() -> None:
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


# Set while the RulePolicy predicts: how many of the latest states to build.
_RULE_STATE_WINDOW: ContextVar[Optional[int]] = ContextVar("rule_state_window", default=None)


def longest_rule(policy: RulePolicy) -> int:
    """The number of states in the policy's longest rule (kept while its rules are unchanged)."""
    lookup = policy.lookup
    sizes = tuple(len(lookup.get(name) or {}) for name in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH))
    known = policy.__dict__.get("_runner_longest_rule")
    if known is None or known[0] != sizes:
        longest = max(
            (len(json.loads(key)) for name in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH) for key in lookup.get(name) or {}),
            default=0,
        )
        known = policy.__dict__["_runner_longest_rule"] = (sizes, longest)
    return known[1]


@dataclass
class _StatesMemory:
    """States of one tracker already built: up to ``capacity`` of them, after ``consumed`` applied events."""

    generation: int
    capacity: int
    prior: DialogueStateTracker
    consumed: int = 0
    states: Deque[State] = field(default_factory=deque)


def latest_states(
    domain: Domain, tracker: DialogueStateTracker, window: int, omit_unset_slots: bool = False
) -> List[State]:
    """The last ``window`` of ``domain.states_for_tracker_history(tracker)``, same values.

    The states before the latest action are kept on the tracker and only the
    events added since are replayed, while its applied events only grew
    (same generation of ``_AppliedMemory``); otherwise all are replayed.
    """
    window = max(window, 1)
    applied = tracker.applied_events()
    memory = tracker.__dict__.get("_runner_applied")
    generation = memory.generation if isinstance(memory, _AppliedMemory) else -1
    memories = tracker.__dict__.setdefault("_runner_states", {})
    key = (id(domain), omit_unset_slots)
    kept: Optional[_StatesMemory] = memories.get(key)
    if (
        kept is None
        or generation < 0
        or kept.generation != generation
        or kept.consumed > len(applied)
        or kept.capacity < window - 1
    ):
        kept = memories[key] = _StatesMemory(
            generation, window - 1, tracker.init_copy(), states=deque(maxlen=window - 1)
        )
    prior = kept.prior
    for event in applied[kept.consumed :]:
        if isinstance(event, ActionExecuted) and kept.capacity:
            kept.states.append(domain._clean_state(domain.get_active_state(prior, omit_unset_slots=omit_unset_slots)))
        prior.update(event)
    kept.consumed = len(applied)
    before = list(kept.states)[-(window - 1) :] if window > 1 else []
    # Rasa's featurizer edits the states it gets: hand out copies.
    return copy.deepcopy(before) + [
        domain._clean_state(domain.get_active_state(prior, omit_unset_slots=omit_unset_slots))
    ]


def install_rule_state_window() -> None:
    rasa_states = RASA_ORIGINALS["states_for_tracker_history"] = Domain.states_for_tracker_history
    rasa_predict = RASA_ORIGINALS["predict_action_probabilities"] = RulePolicy.predict_action_probabilities

    @functools.wraps(rasa_states)
    def states_for_tracker_history(
        self: Domain,
        tracker: DialogueStateTracker,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[State]:
        window = _RULE_STATE_WINDOW.get()
        if window is None or ignore_rule_only_turns:
            return rasa_states(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        return latest_states(self, tracker, window, omit_unset_slots)

    # functools.wraps: Rasa's graph validation reads this method's signature and type hints.
    @functools.wraps(rasa_predict)
    def predict_action_probabilities(
        self: RulePolicy,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> Any:
        token = _RULE_STATE_WINDOW.set(longest_rule(self) + 1)
        try:
            return rasa_predict(self, tracker, domain, rule_only_data=rule_only_data, **kwargs)
        finally:
            _RULE_STATE_WINDOW.reset(token)

    Domain.states_for_tracker_history = states_for_tracker_history
    RulePolicy.predict_action_probabilities = predict_action_probabilities


_generations = itertools.count()


@dataclass
class _AppliedMemory:
    """A tracker's applied events after its first ``count`` events.

    ``generation`` changes whenever the list is not just extended (worked out
    again, or events undone), so whoever saw a generation knows the list has
    only grown since.
    """

    events_id: int
    count: int
    last: Optional[Event]
    loop_names: Set[Text]
    applied: List[Event]
    generation: int = field(default_factory=lambda: next(_generations))


def install_applied_events_memory() -> None:
    rasa_applied = RASA_ORIGINALS["applied_events"] = DialogueStateTracker.applied_events

    @functools.wraps(rasa_applied)
    def applied_events(self: DialogueStateTracker) -> List[Event]:
        events = self.events
        kept = self.__dict__.get("_runner_applied")
        if (
            isinstance(kept, _AppliedMemory)
            and kept.events_id == id(events)
            and len(events) >= kept.count
            and (kept.count == 0 or events[kept.count - 1] is kept.last)
        ):
            new = list(itertools.islice(events, kept.count, None))
            if not any(isinstance(e, ActiveLoop) and e.name and e.name not in kept.loop_names for e in new):
                if _extend(self, kept.applied, new, kept.loop_names):
                    kept.generation = next(_generations)
                kept.count, kept.last = len(events), (events[-1] if events else None)
                return list(kept.applied)
        applied = rasa_applied(self)
        self.__dict__["_runner_applied"] = _AppliedMemory(
            id(events),
            len(events),
            events[-1] if events else None,
            {e.name for e in events if isinstance(e, ActiveLoop) and e.name},
            list(applied),
        )
        return applied

    DialogueStateTracker.applied_events = applied_events


def _extend(tracker: DialogueStateTracker, applied: List[Event], new: List[Event], loop_names: Set[Text]) -> bool:
    """Rasa's ``applied_events`` loop, continued over ``new`` events; whether any was undone."""
    length, undone = len(applied), False
    for event in new:
        if isinstance(event, (Restarted, SessionStarted)):
            applied.clear()
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
        undone = undone or len(applied) < length
        length = len(applied)
    return undone


def install_predict_only_loading() -> None:
    from rasa.utils.tensorflow.models import RasaModel

    rasa_load = RASA_ORIGINALS["RasaModel.load"] = RasaModel.load.__func__

    def load(
        cls: Type[RasaModel],
        model_file_name: Text,
        model_data_example: Any,
        predict_data_example: Optional[Any] = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> RasaModel:
        if finetune_mode or predict_data_example is None or kwargs.get("config", {}).get("run_eagerly"):
            return rasa_load(
                cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
            )
        model = cls(*args, **kwargs)
        model.run_inference(predict_data_example)  # creates the variables used to predict
        model.load_weights(model_file_name).expect_partial()  # the optimizer's state is not needed
        model.prepare_for_predict()  # label embeddings from the restored weights
        model._tf_predict_step = None  # trace the prediction again with them
        model.run_inference(predict_data_example)
        return model

    RasaModel.load = classmethod(load)
