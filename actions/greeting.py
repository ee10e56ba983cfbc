"""``action_greet``: a hello starts the questions at "where does it hurt?".

A runner who opens with "hiya", or with something the assistant cannot place
("did the dads' race, big mistake"), usually has a pain to tell next. Asking
where it hurts as the form's own first question (with the place buttons)
means the reply is read as that answer, and the conversation reaches an
assessment (issue #10: no conversation without one). After an assessment, or
while the questions are already running, a hello is only a hello.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.form_validation import FORM

GREETING = "utter_greet"  # after an assessment: hello, tell me what's going on
GREETING_FIRST = "utter_greet_first"  # before one: hello, and the form's "where does it hurt?" follows


def start_the_questions(tracker: Tracker) -> List[EventType]:
    """The form next (its first question is where it hurts), unless assessed or already asking."""
    if tracker.get_slot("triage") or tracker.active_loop.get("name"):
        return []
    return [FollowupAction(FORM)]


class ActionGreet(Action):
    """Hello, then "Where exactly does it hurt?" with the place buttons."""

    def name(self) -> Text:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        events = start_the_questions(tracker)
        dispatcher.utter_message(response=GREETING_FIRST if events else GREETING)
        return events
