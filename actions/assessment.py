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
from actions.runner import SAFETY_QUESTIONS, facts_from_slots, open_questions
from understanding.words import ADDING, CORRECTING

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


def changed_an_answer(events: List[Dict[str, Any]]) -> bool:
    """The latest message changed an answer given before ("I pressed again, one spot does hurt"): a correction,
    thanked for as one, whatever words it used."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=None)
    if last_user is None:
        return False
    before: Dict[str, Any] = {}
    for event in events[:last_user]:
        if event.get("event") == "slot":
            before[str(event.get("name"))] = event.get("value")
    answers = set(knowledge().questions) | {"pain_side"}
    return any(
        event.get("event") == "slot"
        and str(event.get("name")) in answers
        and before.get(str(event.get("name"))) is not None
        and event.get("value") != before[str(event.get("name"))]
        for event in events[last_user + 1 :]
    )


class ActionAssess(Action):
    """Explain the likely causes and what to do, from the runner's answers.

    The first time, the whole assessment; after that, only what a new detail
    changed (``last_advice`` holds what was advised), and an emergency replaces
    the earlier advice cleanly.
    """

    def name(self) -> Text:
        return "action_assess"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        return assess(dispatcher, tracker, tracker.slots)


def assess(dispatcher: CollectingDispatcher, tracker: Tracker, slots: Dict[Text, Any]) -> List[EventType]:
    """Send the assessment (or what changed since the last one) for these slots; the slots it sets."""
    kb = knowledge()
    facts = facts_from_slots(slots)
    flags = detect(facts)
    level = triage_level(flags)
    causes = likely_causes(facts)
    before = slots.get("last_advice")
    summary = physio_summary(facts, causes, flags, level, kb)
    if before:
        said = (tracker.latest_message.get("text") or "").lower().replace("\u2019", "'")
        corrected = bool(CORRECTING.search(said)) or (changed_an_answer(tracker.events) and not ADDING.search(said))
        texts = update_messages(kb, facts, before, causes, flags, level, summary, corrected)
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


class ActionStopQuestions(Action):
    """ "Stop" during the questions: no more questions, and the assessment from what was said.

    A runner who stops still came for advice. The safety checks not yet asked
    count as skipped, so the assessment says what could not be checked and stays
    on the cautious side (actions/red_flags.py). With no sore place told yet,
    there is nothing to assess: the questions just stop.
    """

    def name(self) -> Text:
        return "action_stop_questions"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        facts = facts_from_slots(tracker.slots)
        if facts.get("body_part") is None:
            dispatcher.utter_message(response="utter_stopped")
            return []
        unchecked = [q for q in open_questions(facts) if q in SAFETY_QUESTIONS]
        skipped = list(facts["skipped_questions"]) + unchecked
        dispatcher.utter_message(text=knowledge().messages["stopped_then_assess"])
        slots = {**tracker.slots, "skipped_questions": skipped}
        return [SlotSet("skipped_questions", skipped), *assess(dispatcher, tracker, slots)]
