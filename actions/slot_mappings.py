"""``action_validate_slot_mappings``: red flags are checked on every user turn.

Rasa runs this action after extracting slots from each message, in and out of
the form. It keeps the symptoms the runner mentions, turns them into red
flags, and says at once what to do when a new flag appears.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.messages import red_flag_message
from actions.red_flags import detect, triage_level
from actions.runner import facts_from_slots

# Symptoms that answer the Ottawa questions by themselves.
SYMPTOM_ANSWERS = {"cannot_bear_weight": ("can_walk", False), "bone_tenderness": ("bone_tenderness", True)}


def message_entities(tracker: Tracker, name: str) -> List[Any]:
    return [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


class ActionValidateSlotMappings(Action):
    """Collect symptoms and pain duration; raise red flags the moment they appear."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        events: List[EventType] = []
        facts = facts_from_slots(tracker.slots)

        new_symptoms = [s for s in message_entities(tracker, "symptom") if s not in facts["symptoms"]]
        if new_symptoms:
            facts["symptoms"] = facts["symptoms"] + new_symptoms
            events.append(SlotSet("symptoms", facts["symptoms"]))
        for symptom in new_symptoms:
            if symptom in SYMPTOM_ANSWERS:
                slot, value = SYMPTOM_ANSWERS[symptom]
                facts[slot] = value
                events.append(SlotSet(slot, value))
        durations = message_entities(tracker, "duration_days")
        if durations:
            facts["pain_days"] = float(durations[-1])
            events.append(SlotSet("pain_days", facts["pain_days"]))

        flags = detect(facts)
        announced = set(tracker.get_slot("red_flags") or [])
        new_flags = [flag for flag in flags if flag.id not in announced]
        for flag in new_flags:
            dispatcher.utter_message(text=red_flag_message(knowledge(), flag))
        if new_flags:
            events.append(SlotSet("red_flags", [flag.id for flag in flags]))
            events.append(SlotSet("triage", triage_level(flags)))
        return events
