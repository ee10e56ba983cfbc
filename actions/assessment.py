"""``action_assess``: likely causes, self-care plan, triage, summary for a physio."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.causes import likely_causes
from actions.knowledge import knowledge
from actions.messages import assessment_messages, physio_summary
from actions.red_flags import detect, triage_level
from actions.runner import facts_from_slots


class ActionAssess(Action):
    """Explain the likely causes and what to do, from the runner's answers."""

    def name(self) -> Text:
        return "action_assess"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        kb = knowledge()
        facts = facts_from_slots(tracker.slots)
        flags = detect(facts)
        level = triage_level(flags)
        causes = likely_causes(facts)
        summary = physio_summary(facts, causes, flags, level, kb)
        flag_ids = [flag.id for flag in flags]
        assessed_before = tracker.get_slot("assessment_summary") is not None
        same_advice = (level == tracker.get_slot("triage") and causes == (tracker.get_slot("likely_causes") or [])
                       and flag_ids == (tracker.get_slot("red_flags") or []))
        if assessed_before and same_advice:  # a new detail that changes nothing: don't repeat it all
            dispatcher.utter_message(text=kb.messages["assessment_unchanged"])
            dispatcher.utter_message(text=kb.levels[level].headline)
        else:
            for text in assessment_messages(kb, facts, causes, flags, level):
                dispatcher.utter_message(text=text)
        return [
            SlotSet("likely_causes", causes),
            SlotSet("triage", level),
            SlotSet("red_flags", flag_ids),
            SlotSet("assessment_summary", summary),
        ]
