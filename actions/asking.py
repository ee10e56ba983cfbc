"""``action_ask_<slot>``: the form's questions, from ``knowledge/questions.yml``.

Rasa's form calls ``action_ask_<slot>`` to ask for a slot. Keeping the
questions in the knowledge file puts each question next to its buttons and
the reason it is asked.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.runner import QUESTION_ORDER


class AskQuestion(Action):
    """Ask the question for one slot, with its buttons."""

    slot = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        question = knowledge().questions[self.slot]
        dispatcher.utter_message(text=question["ask"], buttons=list(question.get("buttons") or []))
        return []


# One action class per question, e.g. ``action_ask_shoes``.
ASK_ACTIONS = {
    slot: type(f"Ask{slot.title().replace('_', '')}", (AskQuestion,), {"slot": slot, "__module__": __name__})
    for slot in QUESTION_ORDER
}
