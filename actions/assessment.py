"""``action_assess``: likely causes, self-care plan, triage, summary for a physio."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.causes import likely_causes
from actions.coach import plan_offer
from actions.knowledge import SELF_CARE, knowledge
from actions.messages import advice_of, assessment_messages, physio_summary, plain_text, update_messages
from actions.red_flags import detect, triage_level
from actions.runner import facts_from_slots

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def said_this_turn(tracker: Tracker) -> List[str]:
    """What the assistant has already said since the runner's latest message."""
    said: List[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot" and event.get("text"):
            said.append(event["text"])
    return said


def without_repeats(texts: List[str], said: List[str]) -> List[str]:
    """The messages without sentences already said this turn ("It needs an X-ray..." once)."""
    seen = {s.strip() for text in said for s in SENTENCE_END.split(text) if len(s.strip()) > 20}
    kept = []
    for text in texts:
        lines = []
        for line in text.split("\n"):
            sentences = [s for s in SENTENCE_END.split(line) if s.strip() not in seen]
            if sentences:
                lines.append(" ".join(sentences))
        if lines:
            kept.append("\n".join(lines))
    return kept


class ActionAssess(Action):
    """Explain the likely causes and what to do, from the runner's answers.

    The first time, the whole assessment; after that, only what a new detail
    changed (``last_advice`` holds what was advised), and an emergency replaces
    the earlier advice cleanly.
    """

    def name(self) -> Text:
        return "action_assess"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        kb = knowledge()
        facts = facts_from_slots(tracker.slots)
        flags = detect(facts)
        level = triage_level(flags)
        causes = likely_causes(facts)
        before = tracker.get_slot("last_advice")
        summary = physio_summary(facts, causes, flags, level, kb)
        if before:
            texts = update_messages(kb, facts, before, causes, flags, level, summary)
        else:
            texts = assessment_messages(kb, facts, causes, flags, level, summary)
        channel = tracker.get_latest_input_channel()
        texts = without_repeats(texts, said_this_turn(tracker))
        offer = plan_offer() if level == SELF_CARE and not before else []
        for number, text in enumerate(texts, 1):
            # The terminal (make chat) shows Markdown as typed: bold there is just noise.
            buttons = offer if number == len(texts) else []  # "Make me a plan" under the last message
            dispatcher.utter_message(text=plain_text(text) if channel == "cmdline" else text, buttons=buttons)
        if channel == "socketio":
            # The web page keeps it for "Copy summary" / "Download" (web/chat.js); the widget draws nothing for it.
            dispatcher.utter_message(json_message={"data": {"physio_summary": plain_text(summary)}})
        return [
            SlotSet("likely_causes", causes),
            SlotSet("triage", level),
            SlotSet("red_flags", [flag.id for flag in flags]),
            SlotSet("assessment_summary", summary),
            SlotSet("last_advice", advice_of(level, causes, flags)),
        ]
