"""Messages the assistant could not place: before an assessment, the usual
"say it another way"; after one, the advice given still stands and the runner
is told what they can ask, so a conversation never ends on "Sorry, I didn't
understand" after its answer ("ok so new shoes then?", "on my way to A&E").
A yes or no with nothing asked gets "Is there anything else?" once; the second
time in a row, the place buttons (or, after an assessment, the advice)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.greeting import start_the_questions
from actions.knowledge import EMERGENCY, knowledge
from actions.messages import level_name

# What to say, by intent, when no assessment has been given yet (domain.yml responses).
BEFORE_AN_ASSESSMENT = {"out_of_scope": "utter_out_of_scope"}
DEFAULT_RESPONSE = "utter_default"


class ActionReplyNotUnderstood(Action):
    """Reply to a message outside what the assistant understands (``nlu_fallback``, ``out_of_scope``)."""

    def name(self) -> Text:
        return "action_reply_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        level = tracker.get_slot("triage")
        if not level:
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            response = BEFORE_AN_ASSESSMENT.get(intent or "", DEFAULT_RESPONSE)
            if last_bot_response(tracker) in (response, DEFAULT_RESPONSE):
                return offer_the_places_once(dispatcher, tracker)  # never the same "say it another way" twice in a row
            dispatcher.utter_message(response=response)
            return []
        dispatcher.utter_message(text=advice_stands(level))
        return []


def advice_stands(level: str) -> str:
    """After an assessment: the advice given still stands (urgent care: that only), and what can be asked."""
    kb = knowledge()
    key = "not_understood_after_emergency" if level == EMERGENCY else "not_understood_after_assessment"
    return str(kb.messages[key].format(level=level_name(kb, level)))


ANYTHING_ELSE = "utter_anything_else"


class ActionAnythingElse(Action):
    """A yes, no or "don't know" with nothing asked: "anything else?", never twice in a row."""

    def name(self) -> Text:
        return "action_anything_else"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        if not asked_anything_else_last(tracker):
            dispatcher.utter_message(response=ANYTHING_ELSE)
            return []
        level = tracker.get_slot("triage")
        if level:
            dispatcher.utter_message(text=advice_stands(level))
            return []
        return offer_the_places_once(dispatcher, tracker)  # "no meds, 27" twice: the place to start from, to tap


def offer_the_places_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Once, the questions start at "where does it hurt?" (the form's first question, with the place
    buttons, so the reply is read as the place); after that (the runner still has nothing), where to start
    whenever something hurts: no loop."""
    kb = knowledge()
    if offered_the_places(tracker):
        dispatcher.utter_message(text=kb.messages["nothing_to_assess"])
        return []
    dispatcher.utter_message(text=kb.messages["anything_else_again"])
    return start_the_questions(tracker)


def offered_the_places(tracker: Tracker) -> bool:
    """The place buttons ("To help, I need to know where it hurts") were sent earlier in this conversation."""
    text = knowledge().messages["anything_else_again"]
    return any(event.get("event") == "bot" and event.get("text") == text for event in tracker.events)


def last_bot_response(tracker: Tracker) -> Optional[str]:
    """The response name of the assistant's last message, if it was one."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def asked_anything_else_last(tracker: Tracker) -> bool:
    """The assistant's last message was "Is there anything else?"."""
    return last_bot_response(tracker) == ANYTHING_ELSE
