"""Side questions: FAQ answers from the page, and why the assistant asks what it asks."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import EMERGENCY, knowledge

# "What do you mean?": the question said again in plainer words; it answers nothing (actions/form_validation.py).
CLARIFY_INTENT = "ask_clarify"
# Answers that stay true when a warning sign needs urgent care (where to go, what it costs).
STILL_TRUE_AFTER_AN_EMERGENCY = {"ask_see_doctor", "ask_affording_care"}


class ActionAnswerQuestion(Action):
    """Answer a follow-up question (landing, shoes, ice...) from ``knowledge/faq.yml``."""

    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        kb = knowledge()
        answer = kb.faq.get(intent or "")
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
        elif tracker.get_slot("triage") == EMERGENCY and intent not in STILL_TRUE_AFTER_AN_EMERGENCY:
            # Running, icing or waiting advice would contradict "go now": say that first and only.
            dispatcher.utter_message(text=kb.messages["emergency_first"])
        elif answered_just_now(tracker, answer["answer"].strip()):
            # Round 38: "I should mention I'm 80 lbs over" got the same answer ten times in a row. Never the
            # same answer twice: before an assessment, the questions start at where it hurts.
            from actions.not_understood import advice_stands, offer_the_places_once  # (it imports this module's users)

            level = tracker.get_slot("triage")
            if level:
                dispatcher.utter_message(text=advice_stands(level))
                return []
            return offer_the_places_once(dispatcher, tracker)
        else:
            dispatcher.utter_message(text=answer["answer"].strip())
        return []


def answered_just_now(tracker: Tracker, text: str) -> bool:
    """The assistant's last message was this very answer."""
    last = next((e.get("text") for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    return last == text


class ActionExplainQuestion(Action):
    """Say why the question just asked matters (``knowledge/questions.yml``)."""

    def name(self) -> Text:
        return "action_explain_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        question = tracker.get_slot("requested_slot")
        item = knowledge().questions.get(question) if question else None
        clarify = (tracker.latest_message.get("intent") or {}).get("name") == CLARIFY_INTENT
        dispatcher.utter_message(text=explanation(item, clarify))
        return []


def explanation(item: Optional[Dict[str, Any]], clarify: bool) -> str:
    """Why the question matters, or for "what do you mean?" the question in plainer words (or an example answer)."""
    messages = knowledge().messages
    if item is None:
        return messages["clarify_in_general" if clarify else "why_in_general"]
    if not clarify:
        return str(item["why"]).strip()
    if item.get("explain"):
        return str(item["explain"]).strip()
    return messages["clarify_example"].format(example=item["example"])
