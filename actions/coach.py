"""The return-to-running coach: a dated plan, check-ins the runner opts into, stop, forget me.

- ``action_show_plan``: after a self-care assessment, the plan's steps with
  dates from today (``knowledge/return_plan.yml``), the pain rule, and the
  exercises that fit the causes; then the offer of check-ins.
- ``action_opt_in_check_ins``: schedules check-in 1 (``checkins.store``,
  due after ``checkins.timing``); the Rasa server fires it.
- ``action_start_check_in`` + ``check_in_form``: "how is it today, 0-10?"
  and "did it hurt during, after, next morning?".
- ``action_check_in_result``: move on, hold or step back (``next_stage``);
  no improvement in two weeks or any red flag sends the runner to a doctor or
  physio and ends the check-ins; else schedules the next one.
- ``action_stop_check_ins`` and ``action_forget_me``.

Red flags stay on for every message: the global slot validation reads each
check-in answer like any other message (``actions.slot_mappings``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.knowledge import KNOWLEDGE_DIR, SELF_CARE
from actions.messages import BULLET, loading_unsafe
from actions.runner import facts_from_slots
from checkins import timing
from checkins.store import now, store
from understanding import units
from understanding.words import NEGATION_WORDS, PAIN_WORDS, word_pattern

PLAN_FILE = KNOWLEDGE_DIR / "return_plan.yml"
# Channels through which the assistant can start a conversation (``channels.delivery``), and the web page.
PUSH_CHANNELS = {"telegram", "slack"}
WEB_CHANNEL = "socketio"
PAIN_NUMBER = re.compile(
    r"(?<![\d.])(10|[0-9])(?:\s*(?:-|to|or|and)\s*(10|[0-9]))?(?:\s*(?:/|out of)\s*10)?(?!\d|\.\d)(?!\s*(?:k\b|km|mi|miles|x\b|times|rd|st|nd|th|min|/10 would))"
)
NOT_A_SCORE_BEFORE = re.compile(r"\b(ran|run|did|my|on|last week|yesterday|was like a|was)\s*(?:a\s+)?$")
TODAY = re.compile(r"\b(today|now|this morning|currently|at the moment|pain(?: wise| is|'s)?)\b")
NO_PAIN = re.compile(
    r"\b(no pain|pain[- ]free|doesn'?t hurt|does not hurt|not sore|no soreness|fine|nothing|zero|not at all|none)\b"
)
NO_RUN = re.compile(
    r"\b(no runs?|no running|(haven'?t|have not|hasn'?t|has not|didn'?t|did not|not) (been )?(run|running|ran|gone running|go out|been out)|"
    r"skipped (them|it|my runs|the runs)|only (did|done) (walking|walks|the walks|bike|cycling|swim|swimming)|just the walks|"
    r"rest week|on holiday|not run(ning)? yet|no runs yet)\b"
)
AFTER_WORDS = re.compile(
    r"\b(after|afterwards|next (day|morning)|the morning|morning after|later|that (evening|night)|woke)\b"
)
DURING_WORDS = re.compile(
    r"\b(during|while running|on the run|in the run|on the hills|uphill|hills|last few minutes|middle of the run|"
    r"start of the run|on my runs?|running)\b"
)
# "When did it hurt?" answers: a part that denies pain, or says it hurt (understanding/words.py's lists
# and the few words a check-in answer adds: "fine", "a bit", "felt it").
DENIES = re.compile(
    word_pattern(NEGATION_WORDS | {"fine", "ok", "okay", "normal", "great", "good"}).pattern + r"|\bdidn'?t\b"
)
HURT_WORDS = re.compile(
    word_pattern(PAIN_WORDS | {"bit", "little", "yes", "pull", "worse", "felt it"}).pattern + r"|\bhurting\b"
)
CHECK_IN_PATTERNS = {"none", "during_mild", "after", "no_run"}  # the values of the answer buttons
CHECK_IN_QUESTIONS = ("check_in_pain", "check_in_pattern")  # domain.yml's check_in_form, in order
STEP_BACK_PAIN = 5
MOVE_ON_PAIN = 3


@lru_cache(maxsize=1)
def plan_knowledge() -> Dict[str, Any]:
    with open(PLAN_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class PlanStep:
    stage: int
    title: str
    start: date
    end: date
    text: str


def plan_offer() -> List[Dict[str, Any]]:
    """The "Make me a plan" button under a first self-care assessment."""
    return list(plan_knowledge()["offer_buttons"])


def stage_days(stage: Dict[str, Any], causes: List[str]) -> int:
    days = stage["days"]
    return max([days[c] for c in causes if c in days] or [days["default"]])


def week_km(stage: Dict[str, Any], usual_km: Optional[float], week: int = 0) -> Optional[int]:
    if usual_km is None:
        return None
    easy = usual_km * float(stage.get("share_of_usual", 0.5))
    return int(round(min(usual_km, easy + float(stage.get("add_km_per_week", 0)) * (week + 1))))


def build_weeks(usual_km: Optional[float]) -> int:
    """Weeks of building from half the usual distance back to it, 2 km a week (1-3 per the page)."""
    stages = plan_knowledge()["stages"]
    if usual_km is None:
        return 2
    add = float(stages[-1].get("add_km_per_week", 2))
    return max(1, math.ceil(usual_km * 0.5 / add))


def plan_steps(start_stage: int, causes: List[str], usual_km: Optional[float], today: date) -> List[PlanStep]:
    """The plan from ``start_stage`` on, dated from ``today``."""
    stages = plan_knowledge()["stages"]
    steps: List[PlanStep] = []
    day = today
    for index in range(start_stage, len(stages)):
        stage = stages[index]
        length = stage_days(stage, causes)
        if index == len(stages) - 1:
            length = 7 * build_weeks(usual_km)
        km = week_km(stage, usual_km)
        text = stage["do"].replace("{km}", str(km)) if km is not None else stage.get("do_without_km", stage["do"])
        end = day + timedelta(days=length - 1)
        steps.append(PlanStep(index, stage["title"], day, end, text))
        day = end + timedelta(days=1)
    return steps


def day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def plan_message(steps: List[PlanStep]) -> str:
    knowledge = plan_knowledge()
    lines = [knowledge["plan_intro"]]
    for step in steps:
        lines.append(f"{BULLET} {day_text(step.start)} to {day_text(step.end)}: **{step.title}.** {step.text}")
    lines.append(knowledge["pain_rule"])
    return "\n".join(lines)


def exercises_message(causes: List[str], facts: Dict[str, Any]) -> Optional[str]:
    knowledge = plan_knowledge()
    no_loading = loading_unsafe(facts)
    chosen: List[str] = []
    for cause in causes:
        text = knowledge["exercises"].get(cause)
        if not text or text in chosen or (no_loading and cause in knowledge["loading_exercises"]):
            continue
        chosen.append(text)
    if not chosen:
        return None
    return "\n".join([knowledge["exercises_intro"], *[f"{BULLET} {text}" for text in chosen[:3]]])


def next_stage(stage: int, pain: Optional[int], pattern: Optional[str], last: int) -> int:
    """Move on (settled), hold, or step back (worse), by the pain rule."""
    if pain is not None and pain >= STEP_BACK_PAIN or pattern == "after":
        return max(0, stage - 1)
    if pattern == "no_run":
        return min(last, stage + 1) if stage == 0 and pain is not None and pain <= MOVE_ON_PAIN else stage
    if pain is not None and pain <= MOVE_ON_PAIN and pattern in {"none", "during_mild"}:
        return min(last + 1, stage + 1)
    return stage


def not_improving(scores: List[int], started: Optional[str], today: date) -> bool:
    """Two weeks into the plan and no better than at the first check-in."""
    if not started or len(scores) < 2:
        return False
    days = (today - date.fromisoformat(started)).days
    return days >= int(plan_knowledge()["not_improving_days"]) and scores[-1] >= scores[0] and scores[-1] > 0


def due_date_text(number: int) -> str:
    due = now() + timing.delay(number)
    return day_text(due.date())


def pain_from(text: str) -> Optional[int]:
    """Today's pain 0-10 from a reply: the number said of today ("was a 5 last week, today 2"),
    the top of a range ("2-3"), number words, "no pain" as 0; not distances or counts."""
    lowered = units.normalise_numbers(text.replace("\u2019", "'"))
    parts = re.split(r"(?<=[.?!;,])\s+", lowered)
    today = [" ".join(parts[i : i + 2]) for i, p in enumerate(parts) if TODAY.search(p)]  # "Today? Zero."
    for part in today + [lowered]:
        scores = [
            max(int(m.group(1)), int(m.group(2) or 0))
            for m in PAIN_NUMBER.finditer(part)
            if not NOT_A_SCORE_BEFORE.search(part[: m.start()])
        ]
        if scores:
            return max(scores)  # "the heel is 2 and the arch 1": the worse
        if NO_PAIN.search(part):
            return 0
    return None


def pattern_from(text: str) -> Optional[str]:
    """When it hurt, from the reply's parts: a hurt said of after or the next morning is "after"
    (whatever else), of the run only "during_mild"; no runs "no_run"; only denials "none"."""
    lowered = text.lower().replace("\u2019", "'")
    if NO_RUN.search(lowered) and not re.search(r"\bran\b|\bruns? (were|was)\b", lowered):
        return "no_run"
    hurt_after = hurt_during = denied = False
    for part in re.split(r"[,.;!?]|\bbut\b|\bthen\b|\band\b|\bthough\b", lowered):
        denies = bool(DENIES.search(part))
        hurts = bool(HURT_WORDS.search(part)) or (len(part.split()) <= 4 and not denies)  # "Morning after 😩"
        if AFTER_WORDS.search(part):
            hurt_after |= hurts and not denies
        elif DURING_WORDS.search(part):
            hurt_during |= hurts and not (denies and not re.search(r"\b(a bit|a little|bit|little|yes)\b", part))
        denied |= denies
    if hurt_after:
        return "after"
    if hurt_during:
        return "during_mild"
    return "none" if denied else None


def send_calendar(dispatcher: CollectingDispatcher, tracker: Tracker, steps: List[PlanStep]) -> None:
    """The web page turns the plan into a calendar file ("Plan to calendar", web/chat.js); others draw nothing."""
    if tracker.get_latest_input_channel() == WEB_CHANNEL:
        plan = [
            {"title": s.title, "start": s.start.isoformat(), "end": s.end.isoformat(), "text": s.text} for s in steps
        ]
        dispatcher.utter_message(json_message={"data": {"return_plan": plan}})


def can_reach(tracker: Tracker) -> Optional[str]:
    channel = tracker.get_latest_input_channel()
    if channel in PUSH_CHANNELS:
        return "push"
    if channel == WEB_CHANNEL:
        return "web"
    return None


class ActionShowPlan(Action):
    def name(self) -> Text:
        return "action_show_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        knowledge = plan_knowledge()
        if tracker.get_slot("triage") != SELF_CARE:
            dispatcher.utter_message(text=knowledge["no_plan"])
            return []
        facts = facts_from_slots(tracker.slots)
        causes = list(tracker.get_slot("likely_causes") or [])
        usual = facts.get("weekly_km")
        today = now().date()
        steps = plan_steps(0, causes, float(usual) if usual is not None else None, today)
        dispatcher.utter_message(text=plan_message(steps))
        send_calendar(dispatcher, tracker, steps)
        exercises = exercises_message(causes, facts)
        if exercises:
            dispatcher.utter_message(text=exercises)
        days = timing.FIRST_CHECK_IN_DAYS
        dispatcher.utter_message(
            text=knowledge["offer_check_ins"].format(days=days), buttons=list(knowledge["check_in_buttons"])
        )
        return [SlotSet("plan_stage", 0), SlotSet("plan_started", today.isoformat()), SlotSet("check_in_scores", [])]


class ActionOptInCheckIns(Action):
    def name(self) -> Text:
        return "action_opt_in_check_ins"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        knowledge = plan_knowledge()
        if tracker.get_slot("plan_stage") is None:
            return await ActionShowPlan().run(dispatcher, tracker, domain)
        when = due_date_text(1)
        reach = can_reach(tracker)
        if reach is None:
            dispatcher.utter_message(text=knowledge["no_check_in_channel"].format(date=when))
            return []
        store().schedule(tracker.sender_id, now() + timing.delay(1), 1)
        key = "check_ins_on_web" if reach == "web" else "check_ins_on"
        dispatcher.utter_message(text=knowledge[key].format(date=when))
        return [SlotSet("check_ins", True)]


class ActionStartCheckIn(Action):
    def name(self) -> Text:
        return "action_start_check_in"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        number = tracker.get_slot("check_in_number") or 1
        dispatcher.utter_message(text=plan_knowledge()["check_in_hello"].format(number=int(float(number))))
        return [SlotSet("check_in_pain", None), SlotSet("check_in_pattern", None)]


class ValidateCheckInForm(FormValidationAction):
    """Reads "how is it today" (a number 0-10, or "no pain") and when it hurt."""

    def name(self) -> Text:
        return "validate_check_in_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        return list(CHECK_IN_QUESTIONS)  # the domain is not sent to this action (domain.yml, send_domain)

    async def extract_check_in_pain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "check_in_pain":
            return {}
        pain = pain_from(tracker.latest_message.get("text") or "")
        return {"check_in_pain": pain} if pain is not None else {}

    async def extract_check_in_pattern(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "check_in_pattern":
            return {}
        said = [
            e.get("value")
            for e in tracker.latest_message.get("entities") or []
            if e.get("entity") == "check_in_pattern"
        ]
        pattern = said[-1] if said else pattern_from(tracker.latest_message.get("text") or "")
        return {"check_in_pattern": pattern} if pattern else {}

    def validate_check_in_pain(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        try:
            pain = int(float(value))
        except (TypeError, ValueError):
            return {"check_in_pain": None}
        return {"check_in_pain": pain if 0 <= pain <= 10 else None}

    def validate_check_in_pattern(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"check_in_pattern": value if value in CHECK_IN_PATTERNS else None}


class ActionCheckInResult(Action):
    def name(self) -> Text:
        return "action_check_in_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        knowledge = plan_knowledge()
        events: List[EventType] = []
        if tracker.get_slot("triage") != SELF_CARE:
            store().cancel(tracker.sender_id)
            dispatcher.utter_message(text=knowledge["flag_at_check_in"])
            return [SlotSet("check_ins", False)]
        pain = tracker.get_slot("check_in_pain")
        pain = int(pain) if pain is not None else None
        pattern = tracker.get_slot("check_in_pattern")
        scores = [int(s) for s in (tracker.get_slot("check_in_scores") or [])] + ([pain] if pain is not None else [])
        events.append(SlotSet("check_in_scores", scores))
        today = now().date()
        if not_improving(scores, tracker.get_slot("plan_started"), today):
            store().cancel(tracker.sender_id)
            dispatcher.utter_message(text=knowledge["not_improving"])
            return events + [SlotSet("check_ins", False)]
        stages = knowledge["stages"]
        stage = int(tracker.get_slot("plan_stage") or 0)
        new_stage = next_stage(stage, pain, pattern, len(stages) - 1)
        if new_stage > len(stages) - 1:
            store().cancel(tracker.sender_id)
            dispatcher.utter_message(text=knowledge["finished"])
            return events + [SlotSet("plan_stage", new_stage), SlotSet("check_ins", False)]
        key = "move_on" if new_stage > stage else "step_back" if new_stage < stage else "hold"
        causes = list(tracker.get_slot("likely_causes") or [])
        usual = tracker.get_slot("weekly_km")
        steps = plan_steps(new_stage, causes, float(usual) if usual is not None else None, today)
        dispatcher.utter_message(text=knowledge[key] + "\n" + plan_message(steps).split("\n", 1)[1])
        send_calendar(dispatcher, tracker, steps)
        number = int(float(tracker.get_slot("check_in_number") or 1)) + 1
        if tracker.get_slot("check_ins"):
            store().schedule(tracker.sender_id, now() + timing.delay(number), number)
            dispatcher.utter_message(text=knowledge["next_check_in"].format(date=due_date_text(number)))
        return events + [SlotSet("plan_stage", new_stage)]


class ActionStopCheckIns(Action):
    def name(self) -> Text:
        return "action_stop_check_ins"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        knowledge = plan_knowledge()
        stopped = store().cancel(tracker.sender_id)
        dispatcher.utter_message(
            text=knowledge["check_ins_off" if stopped or tracker.get_slot("check_ins") else "no_check_ins"]
        )
        return [SlotSet("check_ins", False)]


class ActionForgetMe(Action):
    def name(self) -> Text:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        store().request_forget(tracker.sender_id)
        dispatcher.utter_message(text=plan_knowledge()["forgotten"])
        return [ActiveLoop(None), SlotSet("check_ins", False)]


class ActionAskCheckInPain(Action):
    def name(self) -> Text:
        return "action_ask_check_in_pain"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=plan_knowledge()["ask_check_in_pain"])
        return []


class ActionAskCheckInPattern(Action):
    def name(self) -> Text:
        return "action_ask_check_in_pattern"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        knowledge = plan_knowledge()
        dispatcher.utter_message(
            text=knowledge["ask_check_in_pattern"], buttons=list(knowledge["check_in_pattern_buttons"])
        )
        return []
