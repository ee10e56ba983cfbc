"""``action_validate_slot_mappings``: every message is checked for warning signs.

Rasa runs this action after extracting slots from each message, in and out of
the form. It keeps the symptoms the runner mentions, says briefly what it
picked up ("Got it: left ankle."), turns symptoms into red flags and says at
once what a new flag means. A correction that removes the basis of an earlier
warning is acknowledged, never dropped silently.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.knowledge import EMERGENCY, knowledge
from actions.messages import noted_message, red_flag_message, withdrawn_message
from actions.red_flags import CAUTION_FLAGS, DIRECT_SYMPTOMS, detect, triage_level, without_cannot_walk
from actions.runner import facts_from_slots
from understanding.answers import ANSWER_CLAUSE_BREAKS, clause_words
from understanding.words import CORRECTION_PHRASES, LASTING_NUMBNESS_DAYS, TAKING_BACK

# Symptoms that answer a safety question by themselves.
SYMPTOM_ANSWERS = {
    "cannot_bear_weight": ("can_walk", False),
    "cannot_walk_said": ("can_walk", False),
    "bone_tenderness": ("bone_tenderness", True),
    "achilles_rupture": ("tiptoe", False),
}
# Symptoms that answer the screening question ("any of these?") with a yes. Only the
# emergency ones: after "it throbs at night" the question is still asked, since a
# cold foot or a swollen calf would make it an emergency.
SCREENING_SYMPTOMS = {"circulation", "calf_swelling", "compartment"}
# A later answer that contradicts a symptom removes it (the runner corrected it).
CORRECTED_BY = {
    "cannot_bear_weight": ("can_walk", True),
    "cannot_walk_said": ("can_walk", True),
    "bone_tenderness": ("bone_tenderness", False),
    "calf_swelling": ("swelling", False),
}
# A sign taken back takes its milder reading with it ("not numb at all": neither kind of numbness).
DENIAL_COVERS = {"circulation": {"circulation", "transient_numbness"}}
# Words that say the runner is correcting what they said before.
CORRECTION_CUES = CORRECTION_PHRASES + ("not my", "not the", "it's my", "its my", "it is my")  # and the place
PLACE_SLOTS = {"body_part", "pain_side"}
ACKNOWLEDGED_SLOTS = [
    "body_part",
    "pain_side",
    "injury_event",
    "swelling",
    "shoes",
    "surface",
    "warm_up",
    "stretching",
    "strength_training",
    "weekly_km",
    "volume_change",
]


# Habits that are not causes (stretching) or rarely told: echoed only when a runner corrects them.
CORRECTIONS_ONLY = {"stretching", "strength_training"}


def message_entities(tracker: Tracker, name: str) -> List[Any]:
    return [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


def slots_before_latest_message(tracker: Tracker) -> Dict[str, Any]:
    """Slot values as they were before the runner's latest message."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    values: Dict[str, Any] = {}
    for event in events[:last_user]:
        if event.get("event") == "slot":
            values[event.get("name")] = event.get("value")
        elif event.get("event") in {"restart", "session_started"}:
            values = {}
    return values


def changed_by_latest_message(tracker: Tracker, before: Dict[str, Any]) -> Dict[str, Any]:
    """The fact slots the latest message set to a new value."""
    question = before.get("requested_slot")
    changed = {}
    for slot in ACKNOWLEDGED_SLOTS:
        now = tracker.get_slot(slot)
        if now is None or now == before.get(slot):
            continue
        if before.get(slot) is None and (slot == question or slot in PLACE_SLOTS):
            continue  # the answer to the question just asked, or the place of the complaint, needs no echo
        if before.get(slot) is None and slot in CORRECTIONS_ONLY and not TAKING_BACK.search(latest_text(tracker)):
            continue  # "I stretch after every run" told unasked: not a cause, no echo
        changed[slot] = now
    return changed


# A correction that restates a safety answer as it stands ("just to be clear, I CAN walk") is echoed too.
RESTATED_SLOTS = ACKNOWLEDGED_SLOTS + ["can_walk", "bone_tenderness"]


def restated_in_a_correction(tracker: Tracker) -> Dict[str, Any]:
    """Facts a correction restates as they already stand ("sorry, I misread that, it's NOT swollen" when no
    swelling was recorded): echoed, so the runner knows what is recorded."""
    if not said_correction(tracker):
        return {}
    return {
        e["entity"]: e["value"]
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") in RESTATED_SLOTS
        and e.get("value") is not None
        and tracker.get_slot(e["entity"]) == e["value"]
    }


def latest_text(tracker: Tracker) -> str:
    """The runner's latest message, lower case, with typographic apostrophes made plain."""
    return (tracker.latest_message.get("text") or "").lower().replace("\u2019", "'")


def said_correction(tracker: Tracker) -> bool:
    """The latest message corrects something said before ("sorry, actually...", "not my ankle")."""
    text = " " + re.sub(r"[^\w' ]+", " ", latest_text(tracker)) + " "
    return any(f" {cue} " in re.sub(r"\s+", " ", text) for cue in CORRECTION_CUES)  # "sorry," and "sorry ..." alike


# Facts about training, which a short answer to another question must not change ("same as always" said
# to the shoes question is no new weekly volume). Warning-sign slots are never held back this way.
TRAINING_SLOTS = {
    "volume_change",
    "shoes",
    "surface",
    "warm_up",
    "stretching",
    "weekly_km",
    "strength_training",
    "heavy_landing",
    "leaning_back",
    "overweight",
}
SHORT_ANSWER_WORDS = 5


def other_answers_kept(tracker: Tracker, before: Dict[str, Any]) -> List[EventType]:
    """A short answer to one question keeps the training facts told before, unless it says it corrects them."""
    question = before.get("requested_slot")
    text = tracker.latest_message.get("text") or ""
    if not question or len(text.split()) > SHORT_ANSWER_WORDS or said_correction(tracker):
        return []
    return [
        SlotSet(slot, before[slot])
        for slot in sorted(TRAINING_SLOTS - {question})
        if before.get(slot) is not None and tracker.get_slot(slot) != before[slot]
    ]


def body_part_kept(tracker: Tracker, before: Dict[str, Any]) -> List[EventType]:
    """A body word or side in a later answer ("I can go up on my toes", "calf is
    normal", "a bit puffy on the left") never overwrites the sore place; the
    place question or a correction does."""
    events: List[EventType] = []
    # "sorry, my calf is NOT swollen", or "actually yes, my calf is swollen" to the screening question: the sign's
    # place, not a correction of the complaint's
    text = latest_text(tracker)
    sign_told = bool(message_entities(tracker, "symptom"))
    sign_told_in_screening = before.get("requested_slot") == "warning_signs" and sign_told
    # "actually one more thing, my calf has gone swollen and hot": a new sign's place, unless the place itself is
    # what is corrected ("not my ankle, my calf", "I meant the calf")
    new_sign_elsewhere = sign_told and not PLACE_CORRECTED.search(text)
    corrected = (
        said_correction(tracker)
        and not SIGN_DENIED.search(text)
        and not sign_told_in_screening
        and not new_sign_elsewhere
    )
    for slot in ("body_part", "pain_side"):
        old, new = before.get(slot), tracker.get_slot(slot)
        if slot == "pain_side" and {old, new} == {"left", "right"} and OTHER_SIDE_TOO.search(text):
            events.append(SlotSet(slot, "both"))  # "the left one is sore too": both sides, not a move
            continue
        if slot == "pain_side" and new == "both" and OTHER_SIDE_TOO.search(text):
            continue  # "the left one has started too, both achilles sore now": both sides now, kept
        if old is None or new == old or before.get("requested_slot") in PLACE_SLOTS or corrected:
            continue
        events.append(SlotSet(slot, old))
    return events


PLACE_CORRECTED = re.compile(
    r"(?:\bnot|n't|\bisnt|\bwasnt)\s+(?:\w+\s+)?(?:ankle|heel|achilles|foot|calf|shin|arch|toes?)\b|\bmeant\b|\bwrong\b"
    r"|\b(?:ankle|heel|achilles|foot|calf|shin|arch)\s+not\b|\binstead\b"
)
OTHER_SIDE_TOO = re.compile(r"\b(?:too|also|as well|both)\b")
SIGN_DENIED = re.compile(
    r"(?:\bnot|n't|\bisnt|\bno)\s+(?:\w+\s+)?(?:swollen|warm|tender|red|hot|puffy|numb|cold|pale)\b"
)
COMPLAINT_ENTITIES = {"body_part", "injury_event", "swelling", "pain_side"}


# Words of a numb foot now that go beyond what is felt: its colour or temperature, or that it stays.
CIRCULATION_NOW = (
    "cold",
    "pale",
    "white",
    "blue",
    "grey",
    "gray",
    "purple",
    "mottled",
    "still",
    "hour",
    "won't",
    "not going",
)


LASTS_HOURS = re.compile(r"\b(?:for hours|hours after|hours afterwards|next day|all day|for days|the whole day)\b")


def only_felt_numbness(tracker: Tracker) -> bool:
    """The message's circulation signs are only numbness or tingling (no colour, cold, or "still")."""
    text = (tracker.latest_message.get("text") or "").lower()
    spans = [
        text[e["start"] : e["end"]]
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "symptom" and e.get("value") == "circulation" and "start" in e
    ]
    return bool(spans) and not any(word in span for span in spans for word in CIRCULATION_NOW)


WARMTH_DENIED = re.compile(
    r"\b(?:not|n't|no|isn't|isnt|nor)\s+(?:\w+\s+){0,3}?(?:warm|hot|red|warmth|heat|redness)\b|normal temperature"
)


def warmth_denied(tracker: Tracker) -> bool:
    """The latest message says the place is not warm, hot or red ("my calf is NOT swollen or warm")."""
    return bool(WARMTH_DENIED.search(latest_text(tracker)))


NUMB_NOW_WORDS = ("now", "suddenly", "today", "this morning", "just", "since")


def numbness_of_a_lasting_complaint(tracker: Tracker, facts: Dict[str, Any]) -> bool:
    """Numbness or tingling, felt only, told as part of a complaint of two weeks or more that came without an
    injury, with no word that it is new ("now", "suddenly", "since this morning") and no duration of its own."""
    pain_days = facts.get("pain_days")
    text = f" {(tracker.latest_message.get('text') or '').lower()} "
    return (
        only_felt_numbness(tracker)
        and pain_days is not None
        and pain_days >= LASTING_NUMBNESS_DAYS
        and facts.get("injury_event") is not True
        and not message_entities(tracker, "duration_days")
        and not any(f" {word} " in text for word in NUMB_NOW_WORDS)
    )


SCREENING_QUESTION = "warning_signs"
SHORT_SCREENING_ANSWER_WORDS = 6
ANSWER_NEGATIONS = {"no", "not", "n't", "never", "none", "nope", "nah", "neither", "nor", "without"}
# "calves normal", "nothing at night", "feet fine": a clause that says all is well names no sign
ALL_WELL_WORDS = {"nothing", "normal", "fine", "ok", "okay", "good", "alright", "naw", "nae", "wala", "hindi"}


def screened_signs() -> set:
    """The signs the screening question asks about: its own (knowledge/questions.yml), numbness that has
    lasted, and the emergency ones that answer it by themselves."""
    own = set(knowledge().questions[SCREENING_QUESTION].get("signs_in_an_answer") or {})
    return own | {"lasting_numbness"} | SCREENING_SYMPTOMS


CALF_ANSWER_WORDS = 12  # "it's a bit tender when I squeeze it", about the sore calf


def said_well(words: set) -> bool:
    """A clause with a negation or an all-is-well word ("no numbness", "calves normal")."""
    return bool(words & (ANSWER_NEGATIONS | ALL_WELL_WORDS))


def affirmed_clauses(text: str) -> List[set]:
    """The words of each clause of an answer that has no negation in it ("no numbness" names no sign)."""
    return [words for words in clause_words(text) if not said_well(words)]


def screening_denied(text: str) -> bool:
    """Every sign of the screening question denied in the runner's own words, clause by clause
    ("no pain in night, no numb, the calf is normal")."""
    signs = knowledge().questions[SCREENING_QUESTION].get("signs_in_an_answer") or {}
    denied = set()
    for words in clause_words(text, ANSWER_CLAUSE_BREAKS + r"|\band\b"):
        if said_well(words):
            denied |= {sign for sign, listed in signs.items() if words & set(listed)}
    return bool(signs) and denied == set(signs)


def signs_named_in_the_answer(tracker: Tracker, question: Optional[str]) -> List[str]:
    """The signs a reply to the screening question names in words that need the question ("yes at night",
    "yes, my calf"), clause by clause; a clause with a negation names none ("no numbness")."""
    if (
        question != SCREENING_QUESTION
        or message_entities(tracker, "symptom")
        or message_entities(tracker, "denied_symptom")
    ):
        return []
    screening = knowledge().questions[SCREENING_QUESTION]
    text = latest_text(tracker)
    if tracker.get_slot("body_part") == "calf" and len(text.split()) <= CALF_ANSWER_WORDS:
        calf_words = set(screening.get("calf_signs_in_an_answer") or [])
        if any(words & calf_words for words in affirmed_clauses(text)):
            return ["calf_swelling"]  # "it's a bit tender when I squeeze it": the sore calf, tender
    if len(text.split()) > SHORT_SCREENING_ANSWER_WORDS:
        return []  # a longer answer is read like any message ("cold and numb on the run, warmed up in the shower")
    signs_words = screening.get("signs_in_an_answer") or {}
    named: List[str] = []
    for words in affirmed_clauses(text):
        named += [sign for sign, listed in signs_words.items() if words & set(listed) and sign not in named]
    return named


def complaint_pending(tracker: Tracker, withdrawn: Optional[List[str]] = None) -> List[EventType]:
    """``complaint_pending``: pain described outside the form, no assessment yet, or a warning
    sign taken back after the assessment.

    A message that describes pain and asks something ("rolled my ankle, it's
    swollen. ice?") gets its answer and then the assessment (data/rules/digressions.yml);
    so does one that takes back the sign the advice rested on, whatever else it seems to
    ask ("I CAN walk, I just walk like a penguin"): the advice is updated, not left standing.
    """
    described = any(
        e.get("entity") in COMPLAINT_ENTITIES or (e.get("entity") == "symptom" and e.get("value") in DIRECT_SYMPTOMS)
        for e in tracker.latest_message.get("entities") or []
    )
    assessed = tracker.get_slot("last_advice") is not None
    pending = not tracker.active_loop.get("name") and ((described and not assessed) or (assessed and bool(withdrawn)))
    return [SlotSet("complaint_pending", pending)] if pending != bool(tracker.get_slot("complaint_pending")) else []


class ActionValidateSlotMappings(ValidationAction):
    """Collect symptoms and pain duration; raise red flags the moment they appear.

    rasa-sdk's ``ValidationAction`` for the global slots, run after every
    message: ``get_extraction_events`` reads the message once for every slot
    (the facts, symptoms, corrections and flags depend on each other, so one
    reader instead of an ``extract_<slot>`` per slot), and
    ``get_validation_events`` keeps every slot this turn set.
    """

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        return [SlotSet(name, value) for name, value in tracker.slots_to_validate().items()]

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        kb = knowledge()
        before = slots_before_latest_message(tracker)
        events: List[EventType] = body_part_kept(tracker, before) + other_answers_kept(tracker, before)
        for event in events:  # the rest of this turn reads the kept place
            tracker.slots[event["name"]] = event["value"]
        facts = facts_from_slots(tracker.slots)

        changed = changed_by_latest_message(tracker, before) or restated_in_a_correction(tracker)
        noted = noted_message(kb, changed, facts)
        if noted:
            dispatcher.utter_message(text=noted)

        symptoms = list(facts["symptoms"])
        new_symptoms = [s for s in message_entities(tracker, "symptom") if s not in symptoms]
        if "circulation" in new_symptoms and "transient_numbness" in symptoms and only_felt_numbness(tracker):
            # "yes, the numbness and tingling" after numbness told as passing: the same numbness, not a numb foot now;
            # "the tingling stays for hours after, till the next day": it lasts (a nerve, seen soon)
            if LASTS_HOURS.search(latest_text(tracker)):
                new_symptoms[new_symptoms.index("circulation")] = "lasting_numbness"
            else:
                new_symptoms.remove("circulation")
        if "circulation" in new_symptoms and numbness_of_a_lasting_complaint(tracker, facts):
            # "burning and tingling into my sole, worse at night" about heel pain of two months: a nerve, not a numb foot now
            new_symptoms[new_symptoms.index("circulation")] = "lasting_numbness"
        asked = tracker.get_slot("requested_slot")  # the question this message answers (not changed by it)
        new_symptoms += [s for s in signs_named_in_the_answer(tracker, asked) if s not in symptoms]
        symptoms += new_symptoms
        for denied in message_entities(tracker, "denied_symptom"):
            # "sorry, it's not numb at all": a sign taken back in a correction (flag_events says so)
            symptoms = [s for s in symptoms if s not in DENIAL_COVERS.get(denied, {denied}) or s in new_symptoms]
        if "redness_or_heat" in symptoms and "redness_or_heat" not in new_symptoms and warmth_denied(tracker):
            symptoms.remove("redness_or_heat")  # "sorry, it's NOT swollen or warm, normal temperature"
        said = {(e.get("entity"), e.get("value")) for e in tracker.latest_message.get("entities", [])}
        acknowledged: List[str] = []
        for symptom, correction in CORRECTED_BY.items():
            if symptom in symptoms and symptom not in new_symptoms and correction in said:
                symptoms = without_cannot_walk(symptoms, facts) if symptom == "cannot_walk_said" else symptoms
                if symptom in symptoms:
                    symptoms.remove(symptom)  # "actually I can walk, just limping"
                flag = DIRECT_SYMPTOMS.get(symptom, "bone_tenderness_after_injury")
                if flag in (tracker.get_slot("red_flags") or []):
                    dispatcher.utter_message(text=withdrawn_message(kb, flag))
                    acknowledged.append(flag)
        for symptom in new_symptoms:
            if symptom in SYMPTOM_ANSWERS:
                slot, value = SYMPTOM_ANSWERS[symptom]
                facts[slot] = value
                events.append(SlotSet(slot, value))
            answers_screening = asked == SCREENING_QUESTION and symptom in screened_signs()
            if (symptom in SCREENING_SYMPTOMS or answers_screening) and facts.get("warning_signs") is not True:
                facts["warning_signs"] = True
                events.append(SlotSet("warning_signs", True))
        skipped = list(facts.get("skipped_questions") or [])
        if SCREENING_QUESTION in skipped and facts.get(SCREENING_QUESTION) is None and not new_symptoms:
            if screening_denied(latest_text(tracker)):
                # the screening question skipped ("I don't know"), then answered later: "no night pain, no numbness,
                # the calf is normal" takes the cautious note about it away
                facts[SCREENING_QUESTION] = False
                facts["skipped_questions"] = [q for q in skipped if q != SCREENING_QUESTION]
                events += [SlotSet(SCREENING_QUESTION, False), SlotSet("skipped_questions", facts["skipped_questions"])]
        if symptoms != facts["symptoms"]:
            facts["symptoms"] = symptoms
            events.append(SlotSet("symptoms", symptoms))
        durations = message_entities(tracker, "duration_days")
        if durations:
            facts["pain_days"] = float(durations[-1])
            events.append(SlotSet("pain_days", facts["pain_days"]))

        return (
            events
            + self.flag_events(dispatcher, tracker, facts, acknowledged)
            + complaint_pending(tracker, acknowledged)
        )

    @staticmethod
    def flag_events(
        dispatcher: CollectingDispatcher, tracker: Tracker, facts: Dict[str, Any], acknowledged: List[str]
    ) -> List[EventType]:
        """Announce new flags; acknowledge withdrawn ones; keep ``triage`` current."""
        kb = knowledge()
        flags = detect(facts)
        announced = list(tracker.get_slot("red_flags") or [])
        ids = {flag.id for flag in flags}
        withdrawn = [f for f in announced if f not in ids and f not in CAUTION_FLAGS]
        events: List[EventType] = []
        if withdrawn:
            corrected = said_correction(tracker) or bool(acknowledged)
            for flag_id in withdrawn:
                if flag_id not in acknowledged:
                    # "both Achilles" then "I upped my mileage": a new detail explains it, the runner corrected nothing
                    dispatcher.utter_message(text=withdrawn_message(kb, flag_id, explained=not corrected))
            if corrected:  # only a correction leaves "what is left is still worth a check" (corrected_warning)
                facts["withdrawn_flags"] = sorted(set(facts["withdrawn_flags"]) | set(withdrawn))
                events.append(SlotSet("withdrawn_flags", facts["withdrawn_flags"]))
            flags = detect(facts)
        new_flags = [flag for flag in flags if flag.id not in announced]
        for flag in new_flags:
            dispatcher.utter_message(text=red_flag_message(kb, flag))
        form_goes_on = tracker.active_loop.get("name") and not any(f.level == EMERGENCY for f in flags)
        if new_flags and form_goes_on:
            dispatcher.utter_message(text=kb.messages["see_doctor_later"])
        caution_gone = set(announced) - {flag.id for flag in flags}  # e.g. a skipped check answered after all
        if new_flags or withdrawn or caution_gone:
            events.append(SlotSet("red_flags", [flag.id for flag in flags]))
            events.append(SlotSet("triage", triage_level(flags)))
        return events
