"""Turn a message processed by the project's spaCy pipeline into facts.

The entity ruler marks phrases ("old shoes" -> shoes=worn_out); this module
decides what the runner actually said about them:

- negation flips or drops a fact ("I never warm up" -> warm_up=False,
  "no swelling" -> swelling=False, "no pain at night" -> no red flag);
- uncertainty drops it ("not sure if it's swollen");
- a question states no fact ("should I stretch?");
- a correction wins ("my left ankle, sorry I mean right");
- numbers become weekly kilometres or pain duration (``units``);
- short answers ("old", "left") fill the obvious slot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from understanding import units
from understanding.vocabulary import IGNORE_LABEL, Vocabulary, vocabulary
from understanding.words import (
    BARE_ANSWERS,
    BONE_WORDS,
    CORRECTION_PHRASES,
    HABIT_NEGATIONS,
    LASTING_NUMBNESS_DAYS,
    NEGATION_WORDS,
    PAIN_WORDS,
    QUESTION_STARTS,
    SOFT_TISSUE_WORDS,
    TENDER_WORDS,
    UNCERTAIN_PHRASES,
    YES_WORDS,
    spacy_words,
)

SYMPTOM = "symptom"
BODY_PART = "body_part"
PAIN_SIDE = "pain_side"
WEEKLY_KM = "weekly_km"
DISTANCE_KM = "distance_km"
NUMBER = "number"
DURATION_DAYS = "duration_days"
DENIED_SYMPTOM = "denied_symptom"  # a sign the runner takes back in a correction
VOLUME_CHANGE = "volume_change"

CLAUSE_BREAKS = {
    ",",
    ".",
    ";",
    "!",
    "?",
    ":",
    "but",
    "although",
    "though",
    "however",
    "whereas",
    "except",
    "because",
    "cause",
    "cos",
    "since",
    "-",
    "–",
    "—",
    "(",
    ")",
}
# "and"/"or"/"so"/"then" start a new clause when a subject follows.
JOINERS = {"and", "or", "so", "then", "plus"}
SUBJECTS = {
    "i",
    "it",
    "my",
    "i'm",
    "im",
    "i've",
    "ive",
    "she",
    "he",
    "they",
    "we",
    "the",
    "there",
    "its",
    "it's",
    "that",
    "this",
    "also",
    "now",
}
NEGATIONS = NEGATION_WORDS | HABIT_NEGATIONS  # understanding/words.py
# Words after which an earlier negation no longer applies ("no pain when I stretch").
SCOPE_BREAKS = {
    "when",
    "while",
    "if",
    "after",
    "before",
    "until",
    "unless",
    "whenever",
    "hurt",
    "hurts",
    "pain",
    "painful",
    "sore",
    "ache",
    "aches",
}
# Uncertainty (understanding/words.py), and words that leave a fact open in a message ("wondering whether").
UNCERTAIN = [spacy_words(phrase) for phrase in UNCERTAIN_PHRASES] + [("wondering",), ("whether",)]
CORRECTIONS = [spacy_words(phrase) for phrase in CORRECTION_PHRASES]
SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "both": "both",
    "l": "left",
    "r": "right",
    "lft": "left",
    "rite": "right",
    "rigth": "right",
    "lef": "left",
}
SIDE_FOLLOWERS = {
    "one",
    "side",
    "sides",
    "legs",
    "feet",
    "ankles",
    "heels",
    "shins",
    "calves",
    "leg",
    "foot",
    "ankle",
    "heel",
    "achilles",
    "shin",
    "calf",
    "knee",
    "knees",
}
NEGATED_CATEGORY = {
    ("shoes", "worn_out"): "ok",
    ("shoes", "poor_fit"): "ok",
    (VOLUME_CHANGE, "increased"): "steady",
}
SHORT_MESSAGE_TOKENS = 4
# A body word followed by one of these names an exercise or a thing, not the
# sore place ("calf stretches", "ankle socks", "heel strike").
BODY_OBJECT_WORDS = {
    "stretch",
    "stretches",
    "stretching",
    "stretched",
    "raise",
    "raises",
    "drop",
    "drops",
    "strike",
    "striking",
    "striker",
    "sleeve",
    "sleeves",
    "socks",
    "sock",
    "support",
    "supports",
    "brace",
    "strap",
    "strapping",
    "weights",
    "mobility",
    "circles",
    "exercise",
    "exercises",
    "roller",
    "massage",
    "guard",
    "guards",
    "tape",
    "taping",
    "rolls",
    "rolling",
    "work",
    "day",
    "strength",
    "compression",
    "foam",
    "cup",
    "cups",
    "lift",
    "lifts",
    "insoles",
    "insole",
    "counter",
}
# Plural body words: both sides, unless a side is named.
PLURAL_BODY_WORDS = {
    "ankles",
    "heels",
    "feet",
    "shins",
    "calves",
    "knees",
    "achilleses",
    "heals",
    "ancles",
    "achilles'",
    "arches",
    "soles",
    "calfs",
    "foots",
    "shinns",
}
SAME_WORDS = {"same", "identical", "alike", "match", "matching"}
COMPARING_WORDS = {"compared", "comparing", "compare", "measured", "measuring", "measure", "checked", "checking"}
# Plural words for one foot's parts that "they" may stand for ("my toes ... they feel numb"); not both sides
THEY_BODY_WORDS = {"toes", "toe", "bones", "tendons", "legs", "nails", "toenails"}
# A question about something that happened before is not a sign now.
PAST_IN_QUESTIONS = {"happened", "earlier", "before"}
# Signs whose start lies in the past but which last ("my periods stopped 6 months ago").
LASTING_SYMPTOMS = {"energy_deficiency", "diabetes"}
# Symptoms said of the past, of someone else, or as a worry are not this runner's signs now.
PAST_CUES = (
    "years ago",
    "year ago",
    "last year",
    "as a kid",
    "as a teenager",
    "when i was",
    "in the past",
    "healed",
    "recovered",
    "old injury",
    "previous injury",
    "back in 19",
    "back in 20",
    "months ago",
    "long time ago",
    "used to",
)
# ... unless the clause says it goes on now ("the ankle I sprained last year still gives way").
GOES_ON_NOW_CUES = (
    "still", "ever since", "since then", "keeps", "keep", "since the", "since my", "since i", "every few", "these days",
    "nowadays", "never used to", "didn't use to", "did n't use to", "didn't used to", "did n't used to",
)  # fmt: skip
OTHER_PEOPLE = {
    "friend",
    "friends",
    "wife",
    "husband",
    "mate",
    "mum",
    "mom",
    "dad",
    "brother",
    "sister",
    "she",
    "he",
    "her",
    "his",
    "colleague",
    "boyfriend",
    "girlfriend",
    "partner",
    "son",
    "daughter",
    "coach",
    "they",
    "buddy",
    "pal",
    "teammate",
    "clubmate",
    "neighbour",
    "neighbor",
}
# Something seen in a video happened to someone else ("saw a video of someone's achilles snapping").
MEDIA_WORDS = {"video", "videos", "clip", "youtube", "tiktok", "instagram", "documentary", "watched", "watching"}
# A parent writing about their child: the child is the runner ("my son can't walk on it at all").
CHILDREN = {"son", "daughter", "kid", "child", "boy", "girl", "teenager"}
WORRY_WORDS = {
    "paranoia",
    "paranoid",
    "worried",
    "worry",
    "worrying",
    "worries",
    "afraid",
    "scared",
    "fear",
    "scary",
    "risk",
    "chance",
    "avoid",
    "prevent",
    "might",
    "terrified",
}
# A crack or pop said to be painless or made on purpose is not an injury ("like cracking knuckles").
PAINLESS_CUES = (
    "does n't hurt",
    "does not hurt",
    "no pain",
    "painless",
    "on purpose",
    "knuckles",
    "not painful",
    "without pain",
    "never hurts",
    "do n't hurt",
)  # as spaCy splits them: "does n't"
NOISE_SYMPTOMS = {"crack_heard", "pop_heard", "snapping_tendon"}
# Context for warning signs that a question only asks about ("should I take antibiotics?").
CONTEXT_IN_QUESTIONS = {"tendon_medication", "clot_risk", "diabetes"}
# A painless red line with no fever and no diabetes is a mark (a sock's elastic), not spreading infection.
PAINLESS_SKIN_SYMPTOMS = {"spreading_redness"}
PAINLESS_SKIN_UNLESS = {"fever", "temperature", "shivery", "diabetes", "diabetic", "pus", "oozing", "infected"}
# ... or on shoes a size bigger: the fit, not a sign.
FIT_WORDS = {
    "loosen",
    "loosened",
    "loosening",
    "retied",
    "untied",
    "bigger",
    "wider",
    "size",
    "snug",
    "tight",
    "tighter",
}
# Numbness from sitting or lying on a leg that passes is not a sign at all ("sitting at my desk" is not on it).
POSITION_WORDS = {"loo", "toilet", "legged", "kneeling", "knelt", "crossed", "squatting"}
SITTING_WORDS = {"sat", "sit", "sits", "sitting", "slept", "lying", "lay"}
# Numb toes on a cold run that come back once warm: the weather.
COLD_WORDS = {
    "ice",
    "winter",
    "frosty",
    "frost",
    "snow",
    "snowy",
    "icy",
    "freezing",
    "wintry",
    "sub-zero",
}  # not "cold": a sign word


def lying_on_it(doc: Doc) -> bool:
    """ "sat cross-legged", "slept on it", "sitting on my foot": pressure on the leg."""
    words = [t.lower_ for t in doc]
    joined = " " + " ".join(words) + " "
    if " like when " in joined or " as if " in joined:
        return False  # "goes numb, like when you've been sitting on your leg": what it feels like, not the cause
    if POSITION_WORDS & set(words):
        return True
    return any(w in SITTING_WORDS and "on" in words[i + 1 : i + 3] for i, w in enumerate(words))


# "limping" as a walking answer is bearing weight; after gradual pain it is still a sign (actions/red_flags.py).
LIMP_WORDS = {"limp", "limping", "hobble", "hobbling", "limped", "hobbled"}
# A limp is a sign (a bone stress injury until checked) when it lasts: on every step, all day, for days.
# "Hobbling about after my long run" is sore legs.
LASTING_LIMP_CUES = (
    "every step", "every single step", "all day", "all the time", "constantly", "even on days", "even walking",
    "can't walk without", "ca n't walk without", "can not walk without", "still limping", "still hobbling", "still limp",
    "days now", "any better", "even at work",
)  # fmt: skip
LIMP_FOR_DAYS = re.compile(
    r" (?:for|since|over) (?:the (?:last|past) )?(?:about |around |almost |nearly |over |like )?"
    r"(?:(?:\d+|a few|several|two|three|four|five|ten|a couple of) (?:days?|weeks?|months?)|a (?:week|month|fortnight)) "
)  # "limping since 3 weeks", "for about 2 weeks", "for a week" (not "for a day")
PASSING_LIMP_CUES = (
    "mornings", "first steps", "first few steps", "gone by", "wears off", "eases off", "no problem", "walking normal",
    "walking normally", "walking fine", "walking ok", "back to normal",
    "a little today", "a bit today", "today after", "can walk all day", "walked all day",  # a limp of one day, or none at work
)  # fmt: skip

LIMP_NOW_WORDS = {"limp", "limping", "hobbling"}  # not "limped home", "hobbled back": right after the injury
PAST_OR_GONE = {
    "was",
    "were",
    "had",
    "longer",
    "used",
    "stopped",
    "gone",
    "went",
    "yesterday",
    "first",
    "then",
    "until",
}


def limping_now(doc: Doc, limp: Token) -> bool:
    """ "a bit limping", "walking with a limp": a limp now, not one told in the past or gone."""
    around = {t.lower_ for t in doc[max(0, limp.i - 4) : limp.i + 5]}
    return limp.lower_ in LIMP_NOW_WORDS and not around & PAST_OR_GONE


def lasting_limp(text: str) -> bool:
    """A limp told as lasting ("still limping", "for two weeks"), not one that passes ("first steps")."""
    passing = any(f" {c} " in text for c in PASSING_LIMP_CUES)  # "a limp in the mornings, gone by lunch"
    return not passing and bool(any(f" {c} " in text for c in LASTING_LIMP_CUES) or LIMP_FOR_DAYS.search(text))


NOISE_WORDS = {
    "crack", "cracked", "cracking", "cracks", "pop", "popped", "popping", "pops", "snap", "snapping", "snaps", "click",
    "clicking", "clicks", "clunk", "clunks", "crunch", "crunches", "crunching", "creaks", "creaking", "grinds", "grinding",
    "clicky", "crunchy", "creaky", "poppy", "clicked",
}  # fmt: skip
DIAGNOSIS_WORDS = {
    "rupture",
    "ruptures",
    "ruptured",
    "torn",
    "tear",
    "broken",
    "broke",
    "fracture",
    "fractured",
    "clot",
    "dvt",
    "snapped",
    "snap",
    "snapping",
}
# "I think I ruptured it": a guess at a diagnosis. "Snapped" is also what was felt, so it stays a sign.
GUESS_WORDS = {"think", "reckon", "guess", "suspect", "probably", "maybe", "wonder", "read", "reading", "heard"}
FELT_DIAGNOSIS_WORDS = {"snapped", "snap"}
TEST_VERBS = {
    "squeeze",
    "squeezes",
    "squeezed",
    "squeezing",
    "pressed",
    "presses",
    "pressing",
    "pinched",
    "tested",
    "checked",
}
SNAP_WORDS = {"snapped", "snap", "snapping", "snaps"}
CANNOT_WALK_SYMPTOMS = {"cannot_bear_weight", "cannot_walk_said"}
# After "couldn't walk", these say it passed: limping and walking count as bearing weight.
RECOVERY_CUES = (
    "fine now",
    "ok now",
    "okay now",
    "better now",
    "alright now",
    "all right now",
    "for a few minutes",
    "for a minute",
    "about a minute",
    "for a bit",
    "for a sec",
    "for a second",
    "for a few seconds",
    "for a moment",
    "all good now",
    "it eased",
    "then it eased",
    "it was fine",
    "was fine",
    "finished my run",
    "finished the run",
    "jogged home",
    "ran home",
    "jogged the last",
    "ran the last",
    "walked the last",
    "for a second",
    "for a few seconds",
    "few minutes later",
    "after a few minutes",
    "at first",
    "initially",
    "walked it off",
    "walk it off",
    "walked home",
    "am walking",
    "i'm walking",
    "can walk now",
    "can walk on it now",
    "walking now",
    "limping",
    "limp",
    "hobbling",
    "hobble",
)
# "for about a minute I couldn't stand", "5 minutes later I was walking normally": it passed (Ottawa asks for
# both right after the injury and now).
BRIEF = re.compile(
    r"\bfor (?:about |like |maybe |around |roughly |only |just )*(?:a |one |the first )?(?:few |couple (?:of )?)?"
    r"(?:\d+\s+)?(?:seconds?|secs?|minutes?|mins?|moments?|bit)\b"
)
WALKING_AGAIN = re.compile(
    r"\b(?:\d+|a few|a couple of|couple of|few|ten|five|two) (?:seconds|minutes|mins) later\b|"
    r"\bwalk(?:ed|ing)? (?:is |was )?(?:normally|normal|fine|ok|okay|no problem|the last|the rest|back|home)\b|"
    r"\bfine to walk\b|\bnow (?:it'?s |it is |its )?(?:completely |totally |perfectly |all )?(?:fine|ok|okay|normal)\b"
)


# "all the time when I run", "constantly during my runs": the pain of every run, not pain at rest.
WHILE_RUNNING = re.compile(
    r"^\W*(?:when(?:ever)?\s+i(?:'m|\s+am)?\s+(?:run|running|jog|jogging|out)|while\s+(?:i(?:'m|\s+am)?\s+)?(?:running|jogging)|"
    r"during\s+(?:my\s+|the\s+|a\s+)?(?:runs?|jogs?)|on\s+(?:my\s+|the\s+)?(?:runs?|jogs?)|i\s+run)\b"
)
SEASON_BEFORE = {"this", "last", "next", "early", "late", "past", "every", "each"}
SEASON_AFTER = {"season", "marathon", "race", "races", "half", "training", "block", "semester", "term", "break"}


def only_while_running(doc: Doc, fact: "Fact") -> bool:
    """ "aches all the time when I run and after": the phrase is qualified by running right after it."""
    after = doc.text[fact.end : fact.end + 40].lower().replace("\u2019", "'")
    return "all the time" in doc.text[fact.start : fact.end].lower() and bool(WHILE_RUNNING.search(after))


CONTRAST_WORDS = {"but", "however", "although", "though", "yet"}


def told_with(doc: Doc, fact: "Fact") -> str:
    """The words the fact is told with: its sentence, from the last "but" before it ("I said no pain at night,
    but it has woken me up": the "no pain at night" is what was said before, not about this)."""
    if fact.token is None:
        return " " + " ".join(t.lower_ for t in doc) + " "
    same = sentence_of(doc, fact.token)
    contrast = [t.i for t in same if t.i < fact.token and t.lower_ in CONTRAST_WORDS]
    start = contrast[-1] + 1 if contrast else same[0].i
    return " " + " ".join(t.lower_ for t in same if t.i >= start) + " "


CRAMP_WORDS = {"cramp", "cramps", "cramped", "cramping"}
SEAT_WORDS = {
    "spin", "spinning", "cycle", "cycling", "cycled", "bike", "biking", "bus", "sitting", "sat", "seat", "chair", "sofa",
    "couch", "ride", "rode", "drive", "drove", "flight", "lol", "saddle",
}  # fmt: skip
GONE_WORDS = {"gone", "went", "passed", "eased", "stretched", "settled"}


def hops_fine(doc: Doc, fact: "Fact") -> bool:
    """ "I can walk and hop on it": the hop test told as passed (not "can't hop")."""
    token = doc[fact.token]
    if token.lower_ not in HOP_WORDS:
        return False
    before = [t.lower_ for t in doc[max(0, token.i - 4) : token.i]]
    return bool({"can", "could", "able"} & set(before)) and not set(before) & (NEGATIONS | {"ca", "cannot"})


def a_cramp_that_went(doc: Doc, fact: "Fact") -> bool:
    """Woken by a cramp that went: no pain at rest (the sentence names the cramp and that it went)."""
    words = {t.lower_ for t in sentence_of(doc, fact.token)}
    return bool(words & CRAMP_WORDS) and bool(words & GONE_WORDS)


SHAPE_ALWAYS_CUES = (
    " always had ",
    " always been ",
    " born with ",
    " since birth ",
    " since i was a kid ",
    " had it for years ",
)
INJURY_WORDS = {
    "fell",
    "fall",
    "twisted",
    "twist",
    "rolled",
    "roll",
    "landed",
    "tripped",
    "kicked",
    "crashed",
    "slipped",
}


def lifelong_shape(text: str, words: set) -> bool:
    """A shape the runner has always had, told with no injury."""
    return any(cue in text for cue in SHAPE_ALWAYS_CUES) and not words & INJURY_WORDS


# "it was so hot my feet swelled", "it's too hot out": hot weather, not a hot joint
WEATHER_HEAT = re.compile(
    r" (?:it|it's|it 's|it was|it is|was) (?:so |too |really |very |bloody |boiling )?(?:hot|warm|humid) "
    r"(?:out|outside|today|yesterday|that|i|my|we|and i|so i|in)\b"
)
# "cold feet about the race", "getting cold feet over it": nerves
COLD_FEET_IDIOM = re.compile(r" cold feet (?:about|over|before|re|regarding)\b| (?:getting|got|get|having) cold feet\b")
FEAR_WORDS = {"fear", "fright", "terror", "nerves", "nervous", "panic"}
FUTURE_CUES = {
    "tomorrow",
    "next",
    "soon",
    "will",
    "'ll",
    "going",
    "gonna",
    "gon",
    "planning",
    "booked",
    "upcoming",
    "later",
}
FUTURE_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"}
PAST_TRIP_WORDS = {"flew", "drove", "was", "had", "ago", "last", "back", "got", "came", "been", "after", "since"}


def a_trip_to_come(doc: Doc, fact: "Fact") -> bool:
    """ "I fly on Friday though", "flying to Spain next week": a journey still to come (not "flew back Sunday")."""
    words = {t.lower_ for t in sentence_of(doc, fact.token)}
    said = doc[fact.token].lower_
    to_come = words & FUTURE_CUES or (said in {"fly", "flying", "drive", "driving"} and words & FUTURE_DAYS)
    return bool(to_come) and not words & PAST_TRIP_WORDS


# "every time I run about 20 minutes my toes go numb": episodes on runs ("loosened my laces, didn't help" is the laces)
EVERY_RUN = re.compile(r" (?:every time|whenever|each time|every run|on every run) (?:i |i 'm )?(?:run|go out|jog)")
# A numb, white or cold foot with a harmless cause that has already passed: "ran in the snow, toes went white,
# warmed them up and they're completely normal now", "sat on my foot funny in the car, pins and needles, then fine".
HARMLESS_NUMBNESS_CAUSES = (
    "snow",
    "snowy",
    "frost",
    "frosty",
    "winter",
    "cold water",
    "cold weather",
    "cold morning",
    "minus",
    "sat on",
    "sitting on",
    "sit on",
    "slept on",
    "went to sleep",
    "fell asleep",
    "crossed my legs",
    "laces",
    "laced",
)
NUMBNESS_PASSED_CUES = (
    "went pink", "warmed up", "back to normal", "totally normal", "completely normal", "normal now", "now normal",
    "feel normal", "feels normal", "fine now", "totally fine", "completely fine", "all fine", "all good", "went away",
    "gone now", "then fine", "back to pink", "normal colour", "normal color", "feeling came back",
)  # fmt: skip
NUMBNESS_SIGNS = {"circulation", "transient_numbness", "lasting_numbness"}


def numbness_that_passed(text: str) -> bool:
    """A numb, white or cold foot told with a harmless cause (cold, a posture, tight laces) and as gone now."""
    return any(cue in text for cue in HARMLESS_NUMBNESS_CAUSES) and any(cue in text for cue in NUMBNESS_PASSED_CUES)


TRY_WORDS = {"try", "tries", "tried", "trying", "push", "pushed", "pushing", "press", "pressed", "attempt", "attempted"}


def a_try_that_failed(doc: Doc, fact: "Fact") -> bool:
    """ "I try to go up and nothing happens": the result of trying something, not "nothing happened" to start it."""
    told = doc.text[fact.start : fact.end].lower()
    return "nothing" in told and bool(set(sentence_before(doc, fact.token).split()) & TRY_WORDS)


TRIP_KINDS = {
    "ski", "skiing", "road", "work", "business", "school", "camping", "holiday", "weekend", "family", "day", "boat",
    "fishing", "hiking", "beach", "bus", "train", "field", "shopping", "city", "girls", "boys", "stag", "hen", "golf",
}  # fmt: skip


def a_journey(doc: Doc, fact: "Fact") -> bool:
    """ "after a ski trip", "a work trip to Vegas": a journey, not a trip over something."""
    token = doc[fact.token]
    return token.lower_ in {"trip", "trips"} and token.i > 0 and doc[token.i - 1].lower_ in TRIP_KINDS


def a_season(doc: Doc, fact: "Fact") -> bool:
    """ "this fall", "in the fall", "a fall marathon": the season (American English), not a fall."""
    token = doc[fact.token]
    if token.lower_ != "fall":
        return False
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    two_before = doc[token.i - 2].lower_ if token.i > 1 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return (
        before in SEASON_BEFORE
        or (before == "the" and two_before in {"in", "during", "through", "this"})
        or after in SEASON_AFTER
    )


def sentence_of(doc: Doc, token: int) -> List[Token]:
    """The tokens of the token's sentence."""
    sentences = sentence_ids(doc)
    return [t for t in doc if sentences[t.i] == sentences[token]]


def sentence_before(doc: Doc, token: int) -> str:
    """The words of the token's sentence before it, lowercased."""
    sentences = sentence_ids(doc)
    return " ".join(t.lower_ for t in doc[:token] if sentences[t.i] == sentences[token]) + " "


# Tingling told as now and then ("my toes sometime tingling"); with a colour or cold told, it may be now.
EPISODE_CUES = ("sometimes", "sometime", "now and then", "from time to time", "at times", "on and off")
# Numbness that comes with runs and passes is a different sign from a numb foot now.
TRANSIENT_CUES = (
    "only when i sit",
    "only when i'm sitting",
    "when i sit on",
    "during runs",
    "during my runs",
    "when i run",
    "whenever i run",
    "every time i run",
    "wears off",
    "wear off",
    "wore off",
    "pinked up",
    "while running",
    "on runs",
    "on long runs",
    "goes away",
    "go away",
    "went away",
    "passes",
    "passed",
    "when i stop",
    "once i stop",
    "after i stop",
    "comes and goes",
    "come and go",
    "coming back",
    "keeps coming",
    "keep coming",
    "times a week",
    "on my run",
    "'s run",
    "numb patch",
    "patch of",
    "on the run",
    "on a run",
    "in my run",
    "comes and go",
    "warm up again",
    "warmed up",
    "warms up",
    "back to normal",
    "then fine",
    "fine after",
    "minutes into",
    "into every run",
    "into my run",
    "into the run",
    "mid run",
    "mid - run",
    "comes back",
    "come back",
    "normal again",
    "later",
    "warm up",
    "ice bath",
    "lately",
    "for weeks",
    "for months",
    "for years",
    "after runs",
    "after my runs",
    "after running",
    "after a run",
    "after long runs",
    "for a few weeks",
    "for a few months",
    "for ages",
    "for a while",
    "recently",
    "came back",
    "fine now",
    "ok now",
    "okay now",
    "normal now",
    "came right",
    "after a minute",
    "within a minute",
    "after a couple of minutes",
    "within a couple of minutes",
    "after a few minutes",
    "loosened",
    "loosening",
    "loosen",
    "hot shower",
    "wiggling",
    "went back to normal",
    "for a few seconds",
    "few seconds",
    "for a second",
    "seconds",
    "for a bit",
    "every so often",
    "then it 's fine",
    "then its fine",
    "then it is fine",
    "then fine",
    "came back after",
    "during the race",
    "during the run",
    "during a run",
    "during my run",
    "in the race",
    "not now",
    "not any more",
    "not anymore",
    "no longer",
    "gone now",
    "for a minute",
    "then normal",
    "minutes after",
    "was fine a",
    "pink and normal",
    "normal again",
    "when i'm indoors",
    "come back when",
    "went to sleep",
    "gone to sleep",
    "fell asleep",
    # a moment in a run, a cold start, or a pattern over months: not a numb foot now
    "end of the run",
    "end of my run",
    "end of a run",
    "end of the race",
    "start of the run",
    "start of my run",
    "at the start",
    "at km",
    "at mile",
    "by the end",
    "towards the end",
    "pink again",
    "warm again",
    "normal again after",
    "again after",
    "sometimes",
    "occasionally",
    # gone by the next day: passed, not a numb foot now
    "gone today",
    "fine today",
    "normal today",
    "ok today",
    "okay today",
    "gone this morning",
    # a time of day it keeps coming back at: a pattern, not a numb foot now
    "in the morning",
    "in the mornings",
    "every morning",
    "at night",
    "at nights",
    "every night",
    "when i wake",
    "when i get up",
    "first thing",
    "on and off",
    "now and then",
    "generally",
    "for years",
    "couple of years",
    "few years",
    "every winter",
    "winter runs",
    "retied",
    "re - tied",
    # long-standing, not a numb foot now
    "a lot of the time",
    "always",
    "all the time",
    "most of the time",
    "most days",
    # a moment in one run that passed
    "fine in",
    "straight away",
    "that once",
    "only once",
    "normal in",
    "long run",
    "halfway",
    # on runs, again and again: "on every run for a month", "the first few minutes of a run"
    "every run",
    "each run",
    "most runs",
    "first few minutes",
    "first few mins",
    "first couple of minutes",
    "first minutes",
)
# "hasn't come back": the feeling (still numb) or the numbness (passed), told apart by a passing cue.
THEN_FINE = re.compile(r" then (?:it 's |it is |its |everything 's )?(?:fine|ok|okay|normal|good)\b")
NOT_BACK_CUES = ("not coming back", "n't coming back", "n't come back", "not come back")
# Numbness that passes is a reason to be examined when it keeps coming back; a single
# episode that passed (laces, new shoes, one long run) is self-care with lacing advice.
RECURRING_CUES = (
    "every", "each run", "always", "keep", "keeps", "kept", "sometimes", "often", "usually", "regularly",
    "whenever", "times a", "times this", "for weeks", "for months", "weeks now", "months now", "years", "lately",
    "recently", "on and off", "comes and goes", "come and go", "most runs", "a lot of the time", "all the time",
    "on long runs", "on runs", "during runs", "during my runs", "after runs", "after my runs", "when i run",
    "during long runs", "on my long runs", "during my long runs",
    "while running", "occasionally", "now and then", "generally", "every winter", "winter runs", "happens",
    "happening", "third time", "second time", "more and more", "even when", "at my desk", "at work",
    # told in the present, as a habit: "my foot goes numb after 3 km"
    "goes numb", "go numb", "gets numb", "get numb", "goes tingly", "go tingly", "gets tingly", "get tingly",
    "tingle when", "tingles when", "goes dead", "go dead",
)  # fmt: skip
PASSED_LATER = re.compile(
    r" (?:fine|normal|ok|okay|better|gone(?! (?:blue|white|pale|cold|purple|grey|gray|numb|black|dead|tingly))|warm|pink|pinked)"
    r" (?:up )?(?:again )?(?:[a-z0-9]+ ){0,3}(?:after|later|once|within|as soon as) "
    r"| (?:went|goes|passed|passes|settled|settles|eased|eases|stopped|stops) (?:away |off )?(?:within|after|once|when) "
    r"| then (?:it 's |it is |its |they 're |they are |everything 's )?(?:fine|ok|okay|gone|normal|alright) "
    r"| (?:went|goes|go|gone|passed|passes|wears off|wore off) (?:away )?in (?:a |one |two |a few |few |\d+ )?"
    r"(?:minute|minutes|min|mins|second|seconds|secs|moment|moments) "
)  # "went within a minute", "it goes after I take my shoes off", "then it's fine"
ONE_EPISODE_CUES = (
    "never happened before", "first time", "only once", "that once", "just once", "that run", "no numbness since", "not since",
    "n't happened since", "never before", "before or since",
)  # fmt: skip
PASSED_CUES = (
    "went away", "goes away", "go away", "gone now", "'s gone", "was gone", "came back", "comes back", "fine now", "normal now", "normal again",
    "back to normal", "fine in", "fine after", "were fine", "was fine", "stopped", "pink", "warmed up", "ok now",
    "all good", "went straight", "came right", "pinked", "wore off",
)  # fmt: skip
# ... unless it is still there now ("lately": numbness for weeks is not the sudden sign either).
# Words that place numbness in the present moment, whatever else the message says.
# Numbness told as a state now ("my toes are numb", "now my foot feels numb"), not as something that
# happens ("go numb", "went numb"). Read in its own clause, so that "my ankle hurts after running and my
# toes are numb" is numb now: "after running" is about the pain, not the numbness.
NUMB_STATE_NOW = re.compile(
    r"(?:^| )(?:toes|toe|foot|feet|sole|it|they|ankle|heel) (?:are|is|'re|'s|feel|feels) "
    r"(?:still |totally |completely |really |so |all |now )?"
    r"(?:numb|dead|tingly|tingling)(?: |$)"
)
# "for the first 5 minutes", "when I start": a time that limits the numbness to an episode.
NUMB_FOR_A_WHILE = re.compile(
    r" for (?:the )?(?:first )?(?:a |few |a few |\d+ |couple of |a couple of )?(?:minutes?|mins?|seconds?|secs?) | when i (?:start|begin) "
)


# The laces told as not the cause: "laces aren't tight, I checked", "not the laces", "even with loose laces".
LACES_RULED_OUT = re.compile(
    r" laces (?:are|were|is|was) (?:n't|not|never) (?:too |that |very )?tight | not (?:the|my) laces "
    r"| laces (?:are|were) (?:fine|loose|ok|okay|normal) | checked (?:the|my) laces "
    r"| (?:even )?with (?:loose|looser) laces "
)


def numb_now_in_its_clause(doc: Doc) -> bool:
    """Numbness told as a state now, with nothing in its own clause saying it passes or comes with runs."""
    clauses = clause_ids(doc)
    for clause in sorted(set(clauses)):
        told = " " + _clause_text(doc, clauses, clause) + " "
        if not NUMB_STATE_NOW.search(told):
            continue
        timed = (
            any(f" {c} " in told for c in TRANSIENT_CUES)
            or PASSED_LATER.search(told)
            or NUMB_FOR_A_WHILE.search(told)
            or DURING_RUNS.search(told)
        )
        if not timed:
            return True
    return False


NOW_CUES = ("still", "right now", "at the moment", "now numb", "numb now", "since this morning", "since then")
STILL_CUES = (
    "still",
    "since then",
    "right now",
    "for an hour",
    "hours",
    "won't go",
    "doesn't go",
    "not going",
    "not warm up",
    "n't warm up",
    "since this morning",
    "no change",
    "not changed",
    "n't changed",
    "n't help",
    "no better",
    "even after",
    "despite",
    "n't warmed",
    "not warmed",
    "in an hour",
    "an hour later",
    "hours later",
    "n't settle",
    "not settle",
    "not settling",
    "n't ease",
    "not easing",
    "n't gone away",
    "not gone away",
)


@dataclass
class Fact:
    """One fact: a slot-ready label and value, with the character span it came from."""

    label: str
    value: Any
    start: int
    end: int
    token: int = 0  # index of the first token, to tell what comes after a correction
    weight: int = 0  # body parts: how surely this is the sore place (``body_weight``)

    def as_entity(self) -> Dict[str, Any]:
        return {"entity": self.label, "value": self.value, "start": self.start, "end": self.end}


def clause_ids(doc: Doc) -> List[int]:
    """A clause number for every token."""
    ids: List[int] = []
    clause = 0
    for i, token in enumerate(doc):
        lower = token.lower_
        next_lower = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if lower == "-" and within_word(doc, i):
            pass  # "one-leg heel raise": a hyphen inside a word ends no clause
        elif lower in CLAUSE_BREAKS or (lower in JOINERS and next_lower in SUBJECTS):
            clause += 1
        ids.append(clause)
    return ids


def _has_sequence(words: Sequence[str], sequence: Tuple[str, ...]) -> int:
    """Index after the last occurrence of ``sequence`` in ``words``, or -1."""
    found = -1
    for i in range(len(words) - len(sequence) + 1):
        if tuple(words[i : i + len(sequence)]) == sequence:
            found = i + len(sequence)
    return found


ANSWER_WORDS = BARE_ANSWERS
BARELY = {"barely", "hardly", "scarcely", "only just"}
# "no problem", "no bother": a yes, not a negation of what stands near it.
NO_IDIOMS = {"problem", "problems", "probs", "issue", "issues", "bother", "trouble", "worries", "worry", "drama"}


def is_answer_word(doc: Doc, i: int) -> bool:
    """ "no, ..." / "nah nothing like that": an answer to the question, not a negation of what follows."""
    if doc[i].lower_ not in ANSWER_WORDS or any(not t.is_punct for t in doc[:i]):
        return False
    following = doc[i + 1] if i + 1 < len(doc) else None
    return following is None or following.is_punct or following.lower_ in NEGATIONS | {"nothing", "none", "same"}


LIST_JOINERS = {"or", "nor", "and", ","}


def is_negated(doc: Doc, span: Span, clauses: List[int], window: int = 7) -> bool:
    """A negation word shortly before the span (same clause, no scope break),
    or a bare "no"/"never"/"none" right after it ("swelling? none")."""
    clause = clauses[span.start]
    if span.start >= 2 and doc[span.start - 1].lower_ in {"or", "nor"}:
        joined = [e for e in doc.ents if e.end == span.start - 1 and e.label_ == span.label_]
        if joined and is_negated(doc, joined[0], clauses, window):
            return True  # "it doesn't hurt when I'm resting or in bed": both are denied
    for i in range(span.start - 1, max(-1, span.start - window - 1), -1):
        if clauses[i] != clause:
            break
        if is_answer_word(doc, i):
            continue
        lower = doc[i].lower_
        if lower in NEGATIONS and not (lower == "no" and i + 1 < len(doc) and doc[i + 1].lower_ in NO_IDIOMS):
            if lower in {"forgot", "forget"} and doc[i + 1 : i + 3].text.lower() in FORGOT_TO_TELL:
                continue  # "forgot to say I'm diabetic": told late, not denied
            return True
        if lower in SCOPE_BREAKS:
            joined_on = {t.lower_ for t in doc[i + 1 : span.start]} & {"and", "but", "so"}  # "no pain and walking fine"
            if (
                lower in PAIN_WORDS
                and i > 0
                and doc[i - 1].lower_ in NEGATIONS
                and clauses[i - 1] == clause
                and not joined_on
            ):
                return True  # "no pain in the night", "doesn't hurt at rest": the denied pain is the one described
            listed = all(t.lower_ in LIST_JOINERS for t in doc[i + 1 : span.start])
            before = [t.lower_ for t in doc[max(0, i - 3) : i] if clauses[t.i] == clause]
            denied_with_pain = span.label_ != "can_walk"  # "no pain and walking normally": walking is not denied
            if (
                lower in PAIN_WORDS
                and listed
                and denied_with_pain
                and set(before) & {"no", "not", "n't", "never", "without"}
            ):
                return True  # "no calf pain or swelling": the swelling is denied with the pain
            break
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    if after[:2] and after[0] == "no" and after[1:2] and after[1] in NO_IDIOMS:
        return False  # "I can walk no problem"
    return bool(after) and after[0] in {"none", "never", "nope", "no"} or after[:2] == [":", "no"]


NOT_NUMB = {"number", "numbers"}
FORGOT_TO_TELL = {"to say", "to mention", "to tell", "to add"}


# Training details a runner may give as a best guess after a hedge ("dunno, about the same"):
# kept, unlike a hedged safety answer ("not sure, maybe a bit swollen").
BEST_GUESS_LABELS = {"volume_change", "surface", "weekly_km", "shoes", "injury_event"}  # "dunno, came slowly I think"


def is_uncertain(doc: Doc, span: Span, clauses: List[int], same_clause_only: bool = False) -> bool:
    clause = clauses[span.start]
    words = [t.lower_ for t, c in zip(doc[: span.start], clauses[: span.start]) if c == clause]
    sentences = sentence_ids(doc)
    previous = (
        []
        if same_clause_only
        else [t.lower_ for t in doc[max(0, span.start - 12) : span.start] if sentences[t.i] == sentences[span.start]]
    )  # "not sure. the ankle, left.": the doubt was about the sentence before
    return any(_has_sequence(words, cue) >= 0 or _has_sequence(previous[-6:], cue) >= 0 for cue in UNCERTAIN)


# A question word opens a statement with the "I" or "it" left out when a telling word follows it ("Can walk, just
# sore.", "Could feel it swelling", "Is swollen a little"); "is grass a good surface", "do calf raises help" still ask.
DROPPED_SUBJECT_WORDS = {
    "can": {"walk", "feel", "see", "stand", "put", "bear", "hop", "run", "jog", "move", "manage", "push", "bend",
            "wiggle", "still", "barely", "hardly", "only", "just", "limp", "hobble", "weight"},
    "could": {"walk", "feel", "see", "stand", "put", "bear", "hop", "run", "jog", "move", "manage", "push", "hear",
              "still", "barely", "hardly", "only", "just", "limp", "hobble"},
    "is": {"swollen", "sore", "painful", "red", "hot", "warm", "bruised", "little", "bit", "very", "really", "still",
           "puffy", "tender", "stiff", "fat", "purple", "blue"},
    "do": {"about", "around", "roughly", "some", "my", "loads", "lots", "stretches", "weights", "yoga", "pilates"},
}  # fmt: skip
# Question words that also open a statement ("When I rolled my ankle I heard a crack.").
TELLING_STARTS = {"when"}
TELLING_SUBJECTS = {"i", "my", "we", "it", "the", "he", "she", "they", "our"}  # not "when should I stretch"


def sentence_asks(doc: Doc, start: int) -> bool:
    """The sentence from ``start`` ends in a question mark."""
    for token in doc[start:]:
        if token.text in {".", "!", ";"}:
            return False
        if token.text == "?":
            return True
    return False


# Words that make a sentence ask even without a question word first ("anyone else get this?", "normal?").
ASKING_WORDS = QUESTION_STARTS | {
    "anyone", "anybody", "someone", "normal", "ideas", "thoughts", "advice", "tips", "help", "worry", "worried",
    "serious", "or", "mean", "means", "cause", "causes", "possible", "did", "was", "were", "has", "have", "wonder",
    "guess", "exercises", "exercise", "stretches", "stop", "prevent", "avoid", "best", "recommend", "ways", "treatment",
    "treat", "fix", "cure", "rid",
}  # fmt: skip


CLAUSE_OPENING_ASKS = QUESTION_STARTS | {"did", "was", "were", "has", "have"}


def statement_with_a_question_mark(doc: Doc, mark: Token, sentences: List[int]) -> bool:
    """ "I think I felt a little snap?", "ankle feels unstable??", "still shin pain??": a doubt or an
    exclamation typed as "?"; the sentence has no question word, so it tells (with its doubt) rather than asks."""
    words = [t for t in doc[: mark.i] if sentences[t.i] == sentences[mark.i] and not t.is_punct]
    # "Strength training? Never done any": a topic the runner asks and answers themselves (two words) still asks
    if len(words) < 3:
        return False
    # "is", "can", "did" ask only where a clause starts ("is it broken?", "my ankle, can I run?"); inside a
    # statement they tell ("I think my calf is a bit swollen and warm?": round 36, a clot sign read as a question)
    opening = {t.i for t in words if t.i == words[0].i or doc[t.i - 1].text in {",", ";", ":", "-"}}
    return not any(t.lower_ in ASKING_WORDS and (t.lower_ not in CLAUSE_OPENING_ASKS or t.i in opening) for t in words)


# "why are you asking me about night pain?", "what do you mean by numb?": a question about the
# assistant's question, which names a sign without telling it
ABOUT_THE_QUESTION = re.compile(
    r"^ (?:why|how come) (?:are|do|did|would|does) (?:you|u|that|this|it) (?:need to |want to |have to )?"
    r"(?:ask|asking|know|matter|mean|need)"
    r"|^ what (?:do|did) (?:you|u) mean"
    r"|^ what (?:does|do|is|'s) [a-z' ]{1,30} mean"
    r"|^ what counts as "
)


LOOKED_AT_THE_WRONG = re.compile(r" (?:look|looks|looking|looked) at the wrong ")
PAIN_SUBJECTS = {
    "it",
    "pain",
    "ache",
    "aching",
    "soreness",
    "niggle",
    "hurting",
    "this",
    "that",
    "problem",
    "throbbing",
}
STARTED_WORDS = {"start", "started", "begun", "began"}
GRADUAL_START_WORDS = {"small", "slowly", "gradually", "little", "bit", "slow"}
RUNNING_WORDS = {"running", "run", "jogging", "jog", "runner", "training", "parkrun", "c25k", "couch"}


def pain_began(doc: Doc, fact: "Fact") -> bool:
    """ "the pain just started", "it only just began": a start told of the pain (the words before it)."""
    span = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    if span is None or not {t.lower_ for t in span} & STARTED_WORDS or len(span) > 3:
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    after = {t.lower_ for t in doc[span.end : span.end + 3]}
    if after & GRADUAL_START_WORDS and not {t.lower_ for t in doc} & RUNNING_WORDS:
        return True  # "it just started small small", "just began slowly": how the pain came on
    return bool(before) and before[-1] in PAIN_SUBJECTS | {"'s", "has", "had"} and bool(set(before) & PAIN_SUBJECTS)


def about_the_question(doc: Doc, token: Token) -> bool:
    """The word stands in a sentence that asks about the assistant's question, not about the runner."""
    sentences = sentence_ids(doc)
    words = [t.lower_ for t in doc if sentences[t.i] == sentences[token.i] and not t.is_punct]
    return bool(ABOUT_THE_QUESTION.search(" " + " ".join(words) + " "))


ANSWERED_NO_WORDS = {"nah", "no", "nope", "never", "naa", "nay"}


def answered_no_after(doc: Doc, span: Span) -> bool:
    """The "?" that ends the span's question is followed by a "no" ("numb toes? no."): asked and denied."""
    mark = next((t for t in doc[span.end :] if t.text == "?" or t.text in {".", "!"}), None)
    if mark is None or mark.text != "?" or mark.i + 1 >= len(doc) or mark.nbor(1).lower_ not in ANSWERED_NO_WORDS:
        return False
    return mark.i + 2 >= len(doc) or mark.nbor(2).is_punct  # "Nah," / "no." (not "No twist or anything")


def question_clauses(doc: Doc, clauses: List[int]) -> set:
    """Clauses that ask rather than tell: those ending in "?" (unless the sentence is a statement
    typed with "?") and those that open a sentence with a question word ("should I stretch before runs")."""
    asked = set()
    previous = ""
    sentences = sentence_ids(doc)
    for token, clause in zip(doc, clauses):
        if token.text == "?" and not statement_with_a_question_mark(doc, token, sentences):
            asked.add(clause - 1)  # "?" opens a new clause: the one it ends asks, not what follows ("?? right heel")
        sentence_start = previous in {"", ".", "!", "?", ";"}
        following = token.nbor(1).lower_ if token.i + 1 < len(doc) else ""
        if sentence_start and token.lower_ in QUESTION_STARTS and following not in {"n't", "not"}:
            telling = (
                token.lower_ in TELLING_STARTS and following in TELLING_SUBJECTS and not sentence_asks(doc, token.i)
            ) or (
                (
                    following in DROPPED_SUBJECT_WORDS.get(token.lower_, set())
                    or (token.lower_ == "do" and following.isdigit())
                )
                and not sentence_asks(doc, token.i)
            )  # "Can walk, just sore.": the "I" left out, no question mark
            if not telling:
                asked.add(clause)  # "don't warm up" tells; "do you warm up" asks; "When I rolled it, ..." tells
        if not token.is_space:
            previous = token.text
    return asked


# Words after which the runner's own earlier word is quoted, not told again ("I said numb").
REPORTED_WORDS = {"said", "wrote", "typed", "meant", "put"}


TAKE_BACK_REACH = 8


def taken_back_after(doc: Doc, span: Span) -> bool:
    """ "I said I stretch, I really don't", "... but that's not true": a quoted answer denied shortly after."""
    after = [t.lower_ for t in doc[span.end : span.end + TAKE_BACK_REACH]]
    return bool({"n't", "not", "never"} & set(after))


def quoted_by_runner(doc: Doc, span: Span) -> bool:
    """The runner quotes a word they used ("I said numb before, wrong word")."""
    before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
    return any(w in REPORTED_WORDS and i > 0 and before[i - 1] == "i" for i, w in enumerate(before))


def correction_point(doc: Doc) -> int:
    """Token index after the last correction cue, or 0."""
    words = [t.lower_ for t in doc]
    point = 0
    for cue in CORRECTIONS:
        point = max(point, _has_sequence(words, cue))
    return max(point, 0)


def _content_tokens(doc: Doc) -> List[Token]:
    return [t for t in doc if not t.is_punct and not t.is_space]


def said_apart(doc: Doc, token: Token) -> bool:
    """A side word on its own between punctuation or in brackets ("..., left, ...", "(right)"),
    not a "Right, ..." that opens the message."""
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (before is not None and before.text == "(") or (after is not None and after.text == ")"):
        return True
    opens_message = before is None and after is not None and after.text == ","
    return (before is None or before.is_punct) and (after is None or after.is_punct) and not opens_message


SIDE_OF_A_TEST = {"tiptoe", "tiptoes", "tip-toe", "raise", "raises", "hop", "hopping", "balance"}
NOT_A_SIDE_FOLLOWERS = {
    "on", "at", "in", "there", "here", "where", "now", "away", "after", "before", "by", "next", "above", "below",
    "under", "behind", "up", "down", "around", "through", "when", "as", "me", "us", "it", "the", "a", "once", "off",
}  # fmt: skip
SIDE_AFTER_PAIN_WORDS = {"sore", "pain", "painful", "hurts", "hurting", "aching", "achy", "tender", "niggle"}


def pain_sides(doc: Doc, ignored: Iterable[Span], body_spans: List[Span], corrected_from: int = 0) -> List[Fact]:
    """left/right/both when they describe the sore side (or follow a correction)."""
    ignored_tokens = {i for span in ignored for i in range(span.start, span.end)}
    body_starts = {span.start for span in body_spans}
    short = len(_content_tokens(doc)) <= SHORT_MESSAGE_TOKENS
    facts = []
    for token in doc:
        side = SIDE_WORDS.get(token.lower_)
        single_letter = len(token.lower_) == 1
        follower_word = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        preceding_word = doc[token.i - 1].lower_ if token.i > 0 else ""
        in_brackets = preceding_word == "(" and follower_word == ")"  # "ankle pain (R)"
        if side == "both" and {t.lower_ for t in doc[max(0, token.i - 4) : token.i]} & SIDE_OF_A_TEST:
            continue  # "I can stand on tiptoe on both legs fine": both sides of a test, not of the pain
        if side == "both" and {t.lower_ for t in doc[max(0, token.i - 3) : token.i]} & COMPARING_WORDS:
            continue  # "I compared both calves with a tape measure": the two sides set side by side, not the pain
        if (
            side is None
            or token.i in ignored_tokens
            or (single_letter and not short and not in_brackets)
            or (single_letter and follower_word and follower_word not in SIDE_FOLLOWERS and not in_brackets)
        ):  # "shoes r old"
            continue
        adverb_position = preceding_word not in {"the", "my", "your", "his", "her", "their", "our"}
        if (
            token.lower_ == "right"
            and adverb_position
            and follower_word in NOT_A_SIDE_FOLLOWERS - {"the", "a", "me", "us", "it"}
        ):
            continue  # "right under my left heel", "right on the bone": where exactly, not the right side
        nearby_body = any(token.i < start <= token.i + 3 for start in body_starts) or any(
            span.start <= token.i < span.end for span in body_spans
        )
        follower = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        on_the = token.i >= 2 and doc[token.i - 2].lower_ in {"on", "in"} and doc[token.i - 1].lower_ in {"the", "my"}
        corrects = 0 < corrected_from <= token.i <= corrected_from + 2
        if (body_spans or len(doc.ents) > 0) and not single_letter and said_apart(doc, token):
            on_the = True  # "Heel. Left.", "sore Achilles (left)", "ankle sore on the inside, right"
        if body_spans and any(span.end == token.i for span in body_spans):
            on_the = True  # "the ankle right is hurting"
        pain_before = [t.lower_ in SIDE_AFTER_PAIN_WORDS for t in doc[max(0, token.i - 2) : token.i]]
        at_clause_end = follower in {"", ".", ",", ";", "!", ")"}
        # right after the pain word, "right" may be an adverb ("hurts right on the bump") and "left" a verb
        # ("the pain left after a minute"): not before these words
        right_after = pain_before and pain_before[-1] and (side == "both" or follower not in NOT_A_SIDE_FOLLOWERS)
        if body_spans and pain_before and (right_after or (any(pain_before) and at_clause_end)):
            on_the = True  # "Achilles sore left.", "shins sore both after hills", "foot pain top right."
        both_of_them = (
            side == "both"
            and follower == "of"
            and token.i + 2 < len(doc)
            and doc[token.i + 2].lower_
            in {
                "them",
                "em",
                "'em",
            }
        )  # "so both of them"
        both_things_listed = (
            side == "both"
            and not (nearby_body or body_spans or both_of_them or follower in SIDE_FOLLOWERS)
            and any(t.lower_ in {"and", "&", "/", "or", "plus"} for t in doc[: token.i])
            and not any(SIDE_WORDS.get(t.lower_) for t in doc[: token.i])
        )  # "forest and road, both": both of the things just named, not both sides
        if both_things_listed:
            continue
        if nearby_body or follower in SIDE_FOLLOWERS or on_the or short or corrects or both_of_them:
            facts.append(Fact(PAIN_SIDE, side, token.idx, token.idx + len(token)))
    return facts


def maker_name(doc: Doc, token: Token) -> bool:
    """A word that is part of a shoe maker's name: "New Balance"."""
    return token.lower_ == "new" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "balance"


def short_answer_facts(doc: Doc, taken: set) -> List[Fact]:
    """Single words that answer an obvious question in very short messages."""
    if len(_content_tokens(doc)) > SHORT_MESSAGE_TOKENS or taken:
        return []  # "my calf is tight" is not about shoes
    facts = []
    negated = any(t.lower_ in NEGATIONS for t in doc)
    for label, values in vocabulary().short_answers.items():
        if label in taken or label == PAIN_SIDE:
            continue
        for value, words in values.items():
            for token in doc:
                if token.lower_ in words and not negated and not maker_name(doc, token):
                    facts.append(Fact(label, value, token.idx, token.idx + len(token)))
    return facts


def number_facts(text: str) -> List[Fact]:
    """Weekly distance, a plain distance or number, pain duration."""
    facts = []
    long_run = units.long_run_rise(text)
    found = None if long_run else units.weekly_run(text)
    if long_run:
        facts.append(Fact(VOLUME_CHANGE, "increased", long_run.start, long_run.end))  # one run grew, not the week
    elif found:
        weekly, increased = found
        facts.append(Fact(WEEKLY_KM, weekly.value, weekly.start, weekly.end))
        if increased:
            facts.append(Fact(VOLUME_CHANGE, "increased", weekly.start, weekly.end))
    else:
        distance = units.distance_km(text)
        if distance:
            facts.append(Fact(DISTANCE_KM, distance.value, distance.start, distance.end))
        else:
            number = units.bare_number(text)
            if number:
                facts.append(Fact(NUMBER, number.value, number.start, number.end))
    more_runs = units.more_runs(text)
    if more_runs and not any(f.label == VOLUME_CHANGE for f in facts):
        facts.append(Fact(VOLUME_CHANGE, "increased", more_runs.start, more_runs.end))  # "from 3 to 5 runs a week"
    duration = units.duration_days(text)
    if duration:
        facts.append(Fact(DURATION_DAYS, duration.value, duration.start, duration.end))
    return facts


def shoe_facts(doc: Doc) -> List[Fact]:
    """The shoes' wear from their age or distance, in a sentence about shoes (``units.shoe_wear``)."""
    sentences = sentence_ids(doc)
    words = vocabulary().shoe_words
    for sentence in sorted(set(sentences)):
        tokens = [t for t in doc if sentences[t.i] == sentence]
        if not tokens or not any(t.lower_ in words for t in tokens):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        found = units.shoe_wear(doc.text[start:end], date.today().year)
        if found:
            wear, first, last = found
            return [Fact("shoes", wear, start + first, start + last)]
    return []


PRESS_WORDS = {
    "press", "pressing", "pressed", "push", "pushing", "pushed", "touch", "touching", "touched", "poke", "poked",
    "prod", "prodded", "squeeze", "squeezed", "poking", "pokes", "prodding", "prods", "squeezing", "presses",
}  # fmt: skip
# what pressing a sore bone makes a runner do: "I nearly hit the roof", "made me yelp", "I jumped"
PRESS_REACTION_WORDS = {
    "roof", "ceiling", "yelp", "yelped", "yelps", "wince", "winced", "winces", "scream", "screamed", "screams",
    "jump", "jumped", "jumps", "ouch", "ow", "stars", "flinch", "flinched", "flinches", "agony", "excruciating",
    "shriek", "shrieked", "squeal", "squealed", "swore", "swear",
}  # fmt: skip


@lru_cache(maxsize=1)
def body_words() -> Dict[str, str]:
    """Single words naming a body part, with their value ("ankles" -> ankle)."""
    return {w: value for value, phrases in vocabulary().entities[BODY_PART].items() for w in phrases if " " not in w}


def body_words_inside(doc: Doc, body_spans: List[Span]) -> List[Fact]:
    """Body parts named inside an injury or symptom phrase ("twisted my ankle")."""
    words = body_words()
    covered = {i for span in body_spans for i in range(span.start, span.end)}
    facts = []
    for ent in doc.ents:
        if ent.label_ not in {"injury_event", SYMPTOM}:
            continue
        if ent.label_ == SYMPTOM and ent.ent_id_ == "achilles_rupture":
            continue  # "can't get up on my toes": the tiptoe check names the toes, which are not what hurts
        for token in ent:
            if token.lower_ in words and token.i not in covered:
                facts.append(Fact(BODY_PART, words[token.lower_], token.idx, token.idx + len(token)))
    return facts


def answers_no(doc: Doc) -> bool:
    """The message opens with a bare "no" answer and does not turn it round with "but"."""
    return any(
        is_answer_word(doc, i) and doc[i].lower_ in {"no", "nope", "nah"} for i in range(min(3, len(doc)))
    ) and not any(t.lower_ == "but" for t in doc)


def bone_tenderness(doc: Doc, clauses: List[int], asked: set) -> List[Fact]:
    """ "the bone on top of my foot is tender to press": a bone word and a
    tenderness word in one clause, when the runner presses on it; "the bones
    aren't sore when I press them" says the opposite (``bone_tenderness`` false)."""
    if any(ent.label_ == SYMPTOM and ent.ent_id_ == "bone_tenderness" for ent in doc.ents):
        return []
    if answers_no(doc):
        return []  # "no, pressing the bones is ok, the tender bit is the soft part in front"
    sentences = sentence_ids(doc)
    for clause in sorted(set(clauses) - asked):
        tokens = [t for t, c in zip(doc, clauses) if c == clause]
        lowers = {t.lower_ for t in tokens}
        bone = next((t for t in tokens if t.lower_ in BONE_WORDS), None)
        if bone is not None and told_fine(doc, bone, sentences) and not lowers & SOFT_TISSUE_WORDS:
            return [Fact("bone_tenderness", False, bone.idx, bone.idx + len(bone))]  # "the bones are fine to press"
        reacted = bool(lowers & PRESS_WORDS and lowers & PRESS_REACTION_WORDS)  # "press the bump and I hit the roof"
        if bone is None or not (lowers & TENDER_WORDS or reacted) or lowers & SOFT_TISSUE_WORDS:
            continue  # "only the soft bit in front of the bone is tender"
        if not (lowers & PRESS_WORDS or "tender" in lowers or "tenderness" in lowers):
            pressed = any(t.lower_ in PRESS_WORDS | CHECKED_WORDS for t in doc)  # "I checked again as you described"
            if pressed and lowers & NEGATIONS and not turned_to_a_bone(doc, bone, sentences):
                return [
                    Fact("bone_tenderness", False, bone.idx, bone.idx + len(bone))
                ]  # "I pressed. Nothing hurts on the bones"
            continue
        if uncertain_before(doc, bone):
            return []  # "can't tell if the bone hurts when I press": no answer, never a "no"
        if lowers & NEGATIONS:
            if turned_to_a_bone(doc, bone, sentences):
                return []  # "pressing the bone doesn't hurt but the tip does": not a clear no
            if lowers & PRESS_WORDS:
                return [Fact("bone_tenderness", False, bone.idx, bone.idx + len(bone))]
            continue
        return [Fact(SYMPTOM, "bone_tenderness", bone.idx, bone.idx + len(bone))]
    return pressed_bone_fine(doc, sentences)


BUT_WORDS = {"but", "except", "apart", "although", "though", "only", "whereas"}
BONE_PLACES = {"tip", "tips", "edge", "edges", "knob", "knobs", "bump", "bumps", "spot", "point", "end"}
TURN_REACH = 5  # "but the very tip does": the place named shortly after the turn


def turned_to_a_bone(doc: Doc, bone: Token, sentences: List[int]) -> bool:
    """After the bone is said not to hurt, a "but" turns to a place on a bone ("but the tip does")."""
    for t in doc[bone.i :]:
        if sentences[t.i] != sentences[bone.i]:
            break
        if t.lower_ in BUT_WORDS:
            after = {u.lower_ for u in doc[t.i + 1 : t.i + 1 + TURN_REACH]}
            if after & (BONE_WORDS | BONE_PLACES):
                return True
    return False


def pressed_bone_fine(doc: Doc, sentences: List[int]) -> List[Fact]:
    """ "Pressing the actual bone, the back edge and the tip, doesn't hurt": pressing, the bone and
    the negated tenderness in one sentence, across its commas, with nothing turning it round."""
    for sentence in sorted(set(sentences)):
        tokens = [t for t, s in zip(doc, sentences) if s == sentence]
        lowers = {t.lower_ for t in tokens}
        bone = next((t for t in tokens if t.lower_ in BONE_WORDS), None)
        if bone is None or not lowers & PRESS_WORDS or turned_to_a_bone(doc, bone, sentences):
            continue  # the soft tissue named beside it ("it's the soft bit") leaves the bones fine
        tender = [t for t in tokens if t.lower_ in TENDER_WORDS and t.i > bone.i]
        if tender and any(t.lower_ in NEGATIONS for t in doc[tender[0].i - 3 : tender[0].i]):
            return [Fact("bone_tenderness", False, bone.idx, bone.idx + len(bone))]
    return []


CHECKED_WORDS = {"checked", "tested", "retested", "rechecked"}
TOLD_FINE_WORDS = {"fine", "ok", "okay", "alright"}
TOLD_FINE_VERBS = {"are", "is", "'re", "'s", "feel", "feels", "seem", "seems", "all", "look", "looks", "were", "was"}
TOLD_FINE_REACH = 10
CLAUSE_MARKS = {",", ";", ":"}


def told_fine(doc: Doc, token: Token, sentences: List[int]) -> bool:
    """ "the ankle bones and top of the foot are fine, it's only sore under the heel": the word is said
    to be fine before any pain word follows it in its sentence."""
    for following in doc[token.i + 1 : token.i + 1 + TOLD_FINE_REACH]:
        if sentences[following.i] != sentences[token.i] or following.lower_ in TENDER_WORDS | PAIN_WORDS:
            return False
        if following.text in CLAUSE_MARKS:
            return False  # "one spot on the bone that makes me jump, walking is fine though": the walking is fine
        if following.lower_ in TOLD_FINE_WORDS and doc[following.i - 1].lower_ in TOLD_FINE_VERBS:
            return True  # "the bones are fine", not "is that normal for a sprain?"
    return False


def uncertain_before(doc: Doc, token: Token) -> bool:
    """An uncertainty cue earlier in the token's sentence ("not sure if it hurts when I press the bony bit")."""
    sentences = sentence_ids(doc)
    words = [t.lower_ for t in doc[: token.i] if sentences[t.i] == sentences[token.i]]
    return any(_has_sequence(words, cue) >= 0 for cue in UNCERTAIN)


def resolve_value(label: str, value: Any, negated: bool) -> Optional[Any]:
    """The value a (possibly negated) mention stands for, or None to drop it."""
    if not negated:
        return value
    if isinstance(value, bool):
        return not value
    if label in {SYMPTOM, BODY_PART}:
        return None
    return NEGATED_CATEGORY.get((label, value))


def extract_facts(doc: Doc) -> List[Fact]:
    """All facts the message states, at most one value per label (symptoms: each)."""
    clauses = clause_ids(doc)
    asked = question_clauses(doc, clauses)
    corrected_from = correction_point(doc)
    ignored = [ent for ent in doc.ents if ent.label_ == IGNORE_LABEL]
    body_spans = [ent for ent in doc.ents if ent.label_ == BODY_PART and not names_an_object(doc, ent)]

    mentions: List[Fact] = []
    for ent in doc.ents:
        label = ent.label_
        if label == IGNORE_LABEL:
            continue
        value = _value(ent.ent_id_)
        if label == BODY_PART and names_an_object(doc, ent):
            continue
        if label == SYMPTOM and not_this_runner_now(doc, ent, clauses, asked):
            continue
        if label == SYMPTOM and explained_away(doc, ent, ent.ent_id_):
            continue
        if label == SYMPTOM and ent.ent_id_ == "rest_or_night_pain" and place_without_pain(doc, ent):
            continue  # "typing in bed lol", "on the sofa now": where the runner is, not pain there
        if label == SYMPTOM and ent.ent_id_ == "not_improving" and worse_at_a_time(doc, ent):
            continue  # "more worst after I sit long time": when it hurts more (after sitting), not worse over weeks
        if label == SYMPTOM and ent.ent_id_ == "crack_heard" and cracked_thing(doc, ent, clauses):
            continue  # "the pavement is cracked and holey", "cracked heels": a surface or skin, not a sound
        in_question = clauses[ent.start] in asked
        if in_question and label != SYMPTOM and not (label == BODY_PART and tells_own_pain(doc, clauses, ent)):
            continue  # "is that why my heel hurts?" still says where it hurts; "what helps heel pain?" does not
        if in_question and label == SYMPTOM and any(t.lower_ == "if" for t in doc[: ent.start]):
            continue
        if label == SYMPTOM and answered_no_after(doc, ent):
            continue  # "Pain at night? Nah, sleeps like a baby": asked and answered no
        if label != SYMPTOM and is_uncertain(doc, ent, clauses, same_clause_only=label in BEST_GUESS_LABELS):
            continue
        # A phrase that is itself a denial ("nothing like that", "no injury") is not flipped by "no, ...";
        # a body part is negated only right before it ("not my ankle, my heel"), not by "never had ankle trouble".
        if label == SYMPTOM and ent.text.lower() in NOT_NUMB:
            continue  # "that weekly number was 20 miles": spaCy reads "number" as "more numb"
        if (
            label == SYMPTOM
            and value == "fever"
            and ent.start > 0
            and doc[ent.start - 1].lower_ in {"muscle", "muscles"}
        ):
            continue  # "muscle fever" (German Muskelkater): sore muscles after exercise, not a temperature
        if label == SYMPTOM and quoted_by_runner(doc, ent):
            continue  # "sorry, I said numb before, wrong word": the word, not the sign
        if value is False and not {t.lower_ for t in ent} & NEGATIONS and is_negated(doc, ent, clauses):
            continue  # "it was a twist, not gradual": a denied "no" value is no value (never flipped to "yes")
        if label == BODY_PART:
            negated = body_part_denied(doc, ent)
        else:
            negated = value is not False and is_negated(doc, ent, clauses)
        if isinstance(value, bool) and quoted_by_runner(doc, ent):
            if not taken_back_after(doc, ent):
                continue  # "I said I stretch": the earlier answer quoted, nothing new
            negated = True  # "I said I stretch, I really don't": the quoted answer taken back
        if label == "can_walk" and negated and {t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]} & BARELY:
            continue  # "can barely hobble (but I can)": walking with difficulty is bearing weight; the question decides
        resolved = resolve_value(label, value, negated)
        if label == "can_walk" and resolved is True and tried_and_failed(doc, ent):
            resolved = False  # "tried to take 4 steps and I can't"
        if resolved is None:
            if label == SYMPTOM and negated and corrected_from:
                # "sorry, actually it's not numb at all": takes back a sign said before
                mentions.append(Fact(DENIED_SYMPTOM, value, ent.start_char, ent.end_char, ent.start))
            continue
        if label == "injury_event" and resolved is False and not corrected_from:
            near = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.end]]
            verbal = negated and bool(set(near) & {"n't", "not", "without"})
            detail = near[-1] in {"pop", "snap", "crack", "fall", "fell", "popped", "snapped"}  # "twisted it, no pop"
            if (verbal or detail) and any(f.label == "injury_event" and f.value is True for f in mentions):
                continue  # "tripped on a curb but didn't fall": the trip was the event, the fall is what did not happen
        if label == "injury_event" and a_heel_slipping_in_the_shoe(doc, ent):
            continue  # "I tie the laces tight because the heel is slipping": the shoe's fit, not a fall
        if label == "injury_event" and not_an_injury_roll(doc, ent):
            continue  # "I roll out of bed and go", "rolled it on a foam roller"
        if label in HABIT_LABELS and ent.start > 0 and doc[ent.start - 1].lower_ in NOT_THE_RUNNER_SUBJECTS:
            continue  # "my feet get cold but they warm up fine": the feet warming, not a warm-up
        if label in HABIT_LABELS and ent[0].lower_ == "straight" and ent.start > 0:
            if doc[ent.start - 1].lemma_.lower() in SYMPTOM_ENDING_VERBS | SYMPTOM_STARTING_VERBS:
                continue  # "the numbness went straight away": it passed, nothing about a warm-up
        if label in HABIT_LABELS and isinstance(resolved, bool) and used_to_before(doc, ent, clauses):
            resolved = not resolved  # "I used to warm up properly, lately I just bolt out"
        end_char = ent.end_char
        if label in {"injury_event", SYMPTOM} and any(t.lower_ in body_words() for t in ent[1:]):
            end_char = ent[0].idx + len(ent[0])  # "twisted my ankle": the body part is its own fact
        fact = Fact(label, resolved, ent.start_char, end_char, ent.start)
        if label == BODY_PART:
            clause_words = {t.lower_ for t, c in zip(doc, clauses) if c == clauses[ent.start]}
            hurts = bool(clause_words & PAIN_WORDS)
            denied = hurts and bool(clause_words & NEGATIONS)  # "my foot doesn't hurt, it's the ankle"
            fact.weight = int(hurts and not denied) - 2 * int(bool(clause_words & FINE_WORDS) or denied)
            before = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
            if set(before) & EMPHASIS_WORDS:
                fact.weight += 2  # "calves and achilles, mostly the right achilles"
            elif "it" in before and {"'s", "is"} & set(before):
                fact.weight += 1  # "my knee is fine, it's my ankle"; "this time it's the heel"
            if before[-2:] and set(before[-2:]) & REFERENCE_WORDS:
                fact.weight -= 1  # "a sore spot a hand above the ankle": where it is, not what hurts
            if clause_words & EARLIER_WORDS:
                fact.weight -= 1  # "I've had achilles pain before, but this time it's the heel"
        mentions.append(fact)

    mentions.extend(cooccurrence_facts(doc, clauses, asked))
    mentions.extend(_with_token(f, doc) for f in body_words_inside(doc, body_spans))
    mentions.extend(_with_token(f, doc) for f in bone_tenderness(doc, clauses, asked))
    mentions.extend(_with_token(f, doc) for f in pain_sides(doc, ignored, body_spans, corrected_from))
    taken = {fact.label for fact in mentions}
    mentions.extend(_with_token(f, doc) for f in short_answer_facts(doc, taken))
    if "shoes" not in taken:
        mentions.extend(_with_token(f, doc) for f in shoe_facts(doc))
    heavy = units.heavy_build(doc.text)
    if heavy and "overweight" not in taken:
        mentions.append(_with_token(Fact("overweight", True, heavy.start, heavy.end), doc))
    for fact in number_facts(doc.text):
        fact = _with_token(fact, doc)
        if clauses and clauses[min(fact.token, len(clauses) - 1)] in asked:
            continue  # "is it ok to add 5 km a week?"
        if (
            fact.label == DURATION_DAYS
            and said_painless(doc)
            and lifelong(" " + doc.text.lower().replace("\u2019", "'") + " ")
        ):
            continue  # "thicker than the right, it's been like that for years and doesn't hurt": no pain to time
        if fact.label == DURATION_DAYS and said_painless(doc) and {t.lower_ for t in doc} & NOISE_WORDS:
            continue  # "clicks when I rotate it, has done for years, zero pain": not how long it has hurt
        if fact.label != VOLUME_CHANGE or fact.label not in taken:
            mentions.append(fact)
    # "I buy new shoes this weekend", "will get new ones": a plan, not the shoes run in now
    mentions = [f for f in mentions if not (f.label == "shoes" and shoes_planned(doc, clauses, f.token))]
    echo = echoed_question(doc, clauses)
    if echo is not None:  # "swollen and warm calf? I don't know... no, same size as the other": the question said back
        mentions = [f for f in mentions if f.label == BODY_PART or clauses[f.token] != echo]
    taken_back = {f.value for f in mentions if f.label == DENIED_SYMPTOM and f.token >= corrected_from}
    mentions = [
        f for f in mentions if not (f.label == SYMPTOM and f.value in taken_back and f.token < corrected_from)
    ]  # "I am diabetic. Sorry, wrong, I am NOT diabetic, my father is"
    return _in_context(_choose(mentions, corrected_from, vocabulary()), doc)


# A lone "roll"/"rolled" followed by these is no twist ("roll out of bed", "rolled up my sleeves").
ROLL_WORDS = {"roll", "rolls", "rolled", "rolling"}
NOT_A_TWIST_AFTER_ROLL = {"out", "up", "into", "along", "around", "round", "a", "foam", "down", "with", "onto"}
NOT_A_TWIST_BEFORE_ROLL = {"the", "foam", "ball", "massage", "some"}  # "done the rolling", "foam rolling"
# "went straight away", "stopped straight away": a symptom passing, not starting a run without a warm-up.
SYMPTOM_ENDING_VERBS = {"go", "went", "stop", "ease", "pass", "disappear", "come", "settle", "fade", "vanish"}
# "ballooned straight away", "swelled up straight away": a symptom starting, not a run started without a warm-up.
SYMPTOM_STARTING_VERBS = {"balloon", "swell", "swelled", "bruise", "hurt", "throb", "ache", "start", "up"}
# Subjects that show a habit word is about the body, not what the runner does ("they warm up fine").
NOT_THE_RUNNER_SUBJECTS = {"they", "it", "feet", "toes", "foot", "legs", "calves", "hands", "muscles"}


TREATMENT_WORDS = {"stretches", "stretching", "stretch", "icing", "ice", "massage", "exercises", "strapping", "taping"}
ROTATED_WORDS = {"round", "around", "circles", "circle"}  # "rolled it round during my warm-up": turned, not twisted
ROLLED_ON_OBJECTS = {"ball", "balls", "bottle", "roller", "foam", "pin", "massage"}
NOT_ROLLED_IN_A_TWIST = {"neck", "shoulders", "shoulder", "eyes", "sleeves", "hips"}  # "rolled my neck before the run"


TRY_WORDS = {"tried", "try", "trying", "attempted", "attempt", "tested"}
FAILED_REACH = 5  # "tried to take 4 steps and I can't": the failure told shortly after


def tried_and_failed(doc: Doc, span: Span) -> bool:
    """Walking told as a try that failed: a try word before it, a "can't" or "failed" right after."""
    tried = any(t.lower_ in TRY_WORDS for t in doc[max(0, span.start - 3) : span.start])
    after = doc[span.end : span.end + FAILED_REACH]
    return tried and any(_negates_ability(t) or t.lower_ in {"failed", "impossible"} for t in after)


SLIP_WORDS = {"slip", "slips", "slipping", "slipped"}


def a_heel_slipping_in_the_shoe(doc: Doc, span: Span) -> bool:
    """ "the heel is slipping", "my heels slip": the heel lifting inside the shoe (a fit problem), not a fall."""
    if len(span) != 1 or span[0].lower_ not in SLIP_WORDS:
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    after = {t.lower_ for t in doc[span.end : span.end + 3]}
    return bool({"heel", "heels"} & set(before)) and not after & SLIPPED_OFF_WORDS  # not "heel slipped off the kerb"


SLIPPED_OFF_WORDS = {"on", "off", "down", "over", "into", "ice", "kerb", "curb", "step", "edge", "and"}


def not_an_injury_roll(doc: Doc, span: Span) -> bool:
    """A lone "roll" that is not a twist: "I roll out of bed and go", "roll it on a ball",
    "I've done the rolling" (a treatment)."""
    if not any(t.lower_ in ROLL_WORDS for t in span):
        return False
    ahead = {t.lower_ for t in doc[span.start : span.end + 6]}
    if ahead & (ROLLED_ON_OBJECTS | NOT_ROLLED_IN_A_TWIST | ROTATED_WORDS) and not ahead & {
        "ankle",
        "stepped",
        "landed",
        "trod",
        "tripped",
        "slipped",
    }:
        return True  # "rolling my foot on a tennis ball", "rolled it on a frozen bottle": a treatment
    if len(span) != 1:
        return False
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    preceding = doc[span.start - 1].lower_ if span.start > 0 else ""
    listed = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    if preceding in {"and", ",", "&", "+"} and listed & TREATMENT_WORDS:
        return True  # "done all the stretches and rolling": one treatment among others
    return following in NOT_A_TWIST_AFTER_ROLL or preceding in NOT_A_TWIST_BEFORE_ROLL


SENTENCE_BREAKS = {".", "!", "?", ";"}
HABIT_LABELS = {"warm_up", "stretching", "strength_training"}


def used_to_before(doc: Doc, span: Span, clauses: List[int]) -> bool:
    """ "used to" earlier in the span's clause: a habit of the past, not of now."""
    words = [t.lower_ for t, c in zip(doc[: span.start], clauses[: span.start]) if c == clauses[span.start]]
    return _has_sequence(words, ("used", "to")) >= 0


def within_word(doc: Doc, i: int) -> bool:
    """The token at ``i`` stands between two words with no space on either side ("one-leg")."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def sentence_ids(doc: Doc) -> List[int]:
    ids, sentence = [], 0
    for token in doc:
        ids.append(sentence)
        closes_aside = token.i + 1 < len(doc) and doc[token.i + 1].text in {")", "]"}
        if token.text in SENTENCE_BREAKS and not closes_aside:
            sentence += 1  # "(navicular I think?) is tender": the aside's "?" ends no sentence
    return ids


def _answer_then_pause(token: Token) -> bool:
    """ "nope," / "no." : an answer word closed by punctuation negates nothing after it."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in ANSWER_WORDS and (following is None or following.is_punct)


ABILITY_VERBS = {"ca", "can", "could", "wo", "will", "would", "does"}


def _negates_ability(token: Token) -> bool:
    """ "can't", "won't", "couldn't", "doesn't", "unable", "cannot": not a "haven't tried"."""
    if token.lower_ in {"unable", "cannot", "impossible"}:
        return True
    previous = token.nbor(-1).lower_ if token.i > 0 else ""
    if token.lower_ == "able" and previous in {"not", "n't", "never"}:
        return True  # "still not be able to stand"
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ == "no" and following in NO_POWER_WORDS:
        return True  # "no power to go on tiptoe with that leg"
    return token.lower_ in {"n't", "not"} and previous in ABILITY_VERBS


NO_POWER_WORDS = {"power", "strength", "force"}
# words of a sign easing; denied ("not getting smaller", "the ice hasn't helped") they cancel no rule
EASING_WORDS = {
    "better",
    "smaller",
    "less",
    "gone",
    "going",
    "settled",
    "settling",
    "eased",
    "eases",
    "easing",
    "helped",
    "helps",
    "worked",
    "works",
    "improving",
    "improved",
}
NEGATION_REACH = 6  # "can't put any of my weight": the negation stands at most this many words before
WORD_NEGATION_REACH = 5  # "isn't swollen", "none of the bony bits hurt": a negation shortly before the word
NOT_NEGATING = {"skip", "skipped", "forget", "forgot"}  # these negate no single word
WORD_SCOPE_BREAKS = {"when", "while", "if", "after", "before", "until", "unless", "whenever", "since", "because"}


# words that make a question the runner's own ("is my calf swollen?"), not the assistant's said back
OWN_QUESTION_WORDS = {
    "my", "i", "it", "its", "it's", "is", "are", "was", "were", "has", "have", "could", "can", "should", "does", "do",
    "will", "would", "might", "me", "this", "that", "what", "why", "how", "mean", "'s", "be", "am",
    "maybe", "perhaps", "probably", "bit", "little", "slightly", "kinda", "kind", "sort", "think", "guess",
    "feels", "feel", "hurts", "hurt", "looks", "look", "seems", "got", "gets", "left", "right", "both",
}  # fmt: skip


PURCHASE_VERBS = {"buy", "get", "order", "pick", "try", "replace", "change", "switch"}
BOUGHT_WORDS = {"bought", "got", "ordered", "picked", "changed", "switched", "since", "been", "had", "made"}


def shoes_planned(doc: Doc, clauses: List[int], token: int) -> bool:
    """Shoes the runner means to get ("i buy new shoes this weekend", "gonna order new ones"), not has."""
    words = {t.lower_ for t, c in zip(doc, clauses) if c == clauses[token]}
    if words & BOUGHT_WORDS:
        return False
    upcoming = {"this", "next"} & words and words & (FUTURE_DAYS | {"week", "month"}) and words & PURCHASE_VERBS
    return bool(words & FUTURE_CUES or upcoming)


def echoed_question(doc: Doc, clauses: List[int]) -> Optional[int]:
    """The opening clause when it only repeats the signs asked about ("swollen and warm calf?") and an answer
    follows it: the assistant's question said back, not the runner's own."""
    mark = next((t.i for t in doc if t.text == "?"), None)
    if mark is None or mark == 0:
        return None
    words = [t.lower_ for t in doc[:mark] if not t.is_punct]
    after = [t for t in doc[mark + 1 :] if not t.is_punct]
    opening = clauses[mark - 1]
    one_clause = all(clauses[t.i] == opening for t in doc[:mark])
    if not one_clause or len(words) > 6 or set(words) & OWN_QUESTION_WORDS or len(after) < 2:
        return None
    return None if after[0].lower_ in ECHO_CONFIRMED else opening  # "calf swollen? yes and red": said yes to it


# A yes, or a word that confirms the echoed sign ("calf swollen? sadly yes"), right after the echo.
ECHO_CONFIRMED = YES_WORDS | {"totally", "sadly", "unfortunately"}


def negated_word(doc: Doc, clauses: List[int], token: Token) -> bool:
    """A negation word right before this word in its clause ("calf isn't swollen")."""
    for i in range(token.i - 1, max(-1, token.i - WORD_NEGATION_REACH - 1), -1):
        if clauses[i] != clauses[token.i] or is_answer_word(doc, i) or doc[i].lower_ in WORD_SCOPE_BREAKS:
            break  # "wasn't there before I fell": the negation is not about the fall
        if doc[i].lower_ in NEGATIONS - NOT_NEGATING:
            return True
    return False


def anchored_candidates(doc: Doc, clauses: List[int], anchor: Token, candidates: List[Token]) -> List[Token]:
    """Words told of the anchor ("calf"): those in its clause, else those in a clause that
    names no other body part ("feet are warm, calf is normal": "warm" is the feet's)."""
    same = [t for t in candidates if clauses[t.i] == clauses[anchor.i]]
    if same:
        return same
    words = body_words()
    return [
        t
        for t in candidates
        if not any(u.lower_ in words and u.lower_ != anchor.lower_ for u, c in zip(doc, clauses) if c == clauses[t.i])
    ]


def negated_before(doc: Doc, found: List[Token]) -> bool:
    """A "can't"/"unable" shortly before one of the words a rule found."""
    return any(_negates_ability(doc[i]) for token in found for i in range(max(0, token.i - NEGATION_REACH), token.i))


def said_fine(doc: Doc, token: Token) -> bool:
    """ "the soft bits are ok": the word is said to be fine, so it explains nothing away."""
    following = []
    for t in doc[token.i + 1 : token.i + 4]:
        if t.lower_ in {"but", ",", "though", "although"}:
            break  # "sore barefoot but fine in shoes": the fine is about something else
        following.append(t)
    return any(t.lower_ in {"ok", "okay", "fine", "alright"} for t in following)


# Words spaCy gives a misleading lemma: "a bit" is not a "bite" (round 39: "my calf is a bit warm" was cancelled
# as an insect bite, and a calf swollen and warm after a ten-hour drive ended in self-care).
LEMMA_TRAPS = {"bit"}


def lemma_of(token: Token) -> str:
    return token.lower_ if token.lower_ in LEMMA_TRAPS else token.lemma_.lower()


def a_place_named(doc: Doc, token: Token) -> bool:
    """ "the fat bit of my calf", "the fat part": where, not swollen."""
    return token.lower_ == "fat" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"bit", "bits", "part"}


def a_warm_up(doc: Doc, token: Token) -> bool:
    """ "feet are cold at first but they warm up after": warming up, not a warm calf."""
    return token.lemma_.lower() == "warm" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "up"


def the_remainder(doc: Doc, token: Token) -> bool:
    """ "walked the rest": the rest of the way, not resting."""
    return token.lower_ == "rest" and token.i > 0 and doc[token.i - 1].lower_ == "the"


def bone_denied_in_its_clause(doc: Doc, clauses: List[int], found: List[Token]) -> bool:
    """The bone named in a rule's words is said not to hurt in its own clause ("every bone ... doesn't hurt")."""
    for bone in (t for t in found if t.lower_ in BONE_WORDS):
        words = {t.lower_ for t, c in zip(doc, clauses) if c == clauses[bone.i]}
        if words & NEGATIONS and words & TENDER_WORDS:
            return True
    return False


def cooccurrence_facts(doc: Doc, clauses: List[int], asked: set) -> List[Fact]:
    """Warning signs told in many words (vocabulary ``cooccurrence``): "the foot
    won't take my weight", "felt like someone booted me in the back of the heel"."""
    sentences = sentence_ids(doc)
    facts: List[Fact] = []
    for rule in vocabulary().cooccurrence:
        scopes = {"clause": clauses, "sentence": sentences}.get(rule.scope, [0] * len(doc))
        for scope in sorted(set(scopes)):
            tokens = [t for t, s in zip(doc, scopes) if s == scope]
            if rule.negation_required and not any(_negates_ability(t) for t in tokens):
                continue
            if any(
                (t.lower_ in rule.unless or lemma_of(t) in rule.unless)
                and not said_fine(doc, t)
                and not in_a_simile(doc, t)
                and not (t.lower_ in EASING_WORDS and negated_word(doc, clauses, t))
                for t in tokens
            ):
                continue  # "stung on the calf, red swollen patch": not a clot ("the soft bits are ok" cancels nothing)
            found: List[Token] = []
            for group in rule.groups:
                candidates = [
                    t
                    for t in tokens
                    if (t.lower_ in group or lemma_of(t) in group)
                    and not the_remainder(doc, t)
                    and not a_warm_up(doc, t)
                    and not a_place_named(doc, t)
                ]
                if rule.symptom == "bone_tenderness":
                    candidates = [
                        t for t in candidates if not (t.lower_ in BONE_WORDS and told_fine(doc, t, sentences))
                    ]
                if rule.anchored and found:
                    candidates = anchored_candidates(doc, clauses, found[0], candidates)
                if not rule.negation_required:
                    candidates = [t for t in candidates if not negated_word(doc, clauses, t)]  # "calf isn't swollen"
                if not candidates:
                    break
                found.append(candidates[0])
            else:
                if rule.negation_required and not negated_before(doc, found):
                    continue  # "I can walk fine and the bones don't hurt": the "n't" is not about walking
                if rule.symptom == "bone_tenderness" and bone_denied_in_its_clause(doc, clauses, found):
                    continue  # "hurts during the run, and poking every bone doesn't hurt": the bones denied
                if any(answered_no_after(doc, doc[t.i : t.i + 1]) for t in found):
                    continue  # "Pain at night? Nah.": asked and answered no
                anchor = doc[found[-1].i : found[-1].i + 1]
                first = min(t.i for t in found)
                around = [t for t in doc[max(0, first - 3) : first] if clauses[t.i] == clauses[first]]
                if not rule.negation_required and any(
                    t.lower_ in NEGATIONS and not _answer_then_pause(t) for t in around
                ):
                    continue  # "no pain at night" (each word's own negation is checked above: "calf isn't swollen")
                if (
                    sentences[first] == 0
                    and any(
                        is_answer_word(doc, i) and doc[i].lower_ in {"no", "nope", "nah"}
                        for i in range(min(3, len(doc)))
                    )
                    and not any(t.lower_ == "but" for t in doc[:first])
                ):
                    continue  # "no, pressing on the bones is fine, it's the soft bit that's sore"
                if not_this_runner_now(doc, anchor, clauses, asked, lasting=rule.value in LASTING_SYMPTOMS):
                    continue
                last = max(t.i for t in found)
                if quoted_by_runner(doc, doc[max(0, first - 2) : first + 1]) and sentences[last] == sentences[first]:
                    continue  # "when I said I can't walk on it I meant I can't run": the earlier words quoted
                    # (not "I said yes to tiptoe ... I just tried on the left alone and it collapses")
                opening = [t.lower_ for t in doc[:first] if clauses[t.i] == clauses[first]]
                told_test = press_test([t.lower_ for t in doc[: first + 3] if clauses[t.i] == clauses[first]])
                conditional = {"if", "whether"} & set(opening) and not told_test
                if conditional or is_uncertain(doc, doc[first : first + 1], clauses):
                    continue  # "can't tell if the bone hurts when I press", "didn't check whether it's sore"
                start = min(t.idx for t in found)
                facts.append(Fact(rule.label, rule.value, start, start + len(found[0]), found[0].i))
                break
    return facts


def explained_away(doc: Doc, span: Span, symptom: str) -> bool:
    """A word in the same sentence explains the phrase away (vocabulary ``phrase_unless``)."""
    words = vocabulary().phrase_unless.get(symptom)
    if not words:
        return False
    sentences = sentence_ids(doc)
    # a word of another phrase naming the same sign explains nothing away ("my heart is racing": not a race)
    same_sign = {t.i for ent in doc.ents if ent.label_ == SYMPTOM and ent.ent_id_ == symptom for t in ent}
    return any(
        (t.lower_ in words or lemma_of(t) in words) and not in_a_simile(doc, t)
        for t in doc
        if sentences[t.i] == sentences[span.start] and t.i not in same_sign
    )


def in_a_simile(doc: Doc, token: Token) -> bool:
    """The word names what it sounded like, not what it was: "a pop like a knuckle cracking"."""
    i = token.i - 1
    if i >= 0 and doc[i].lower_ in {"a", "an", "the", "some"}:
        i -= 1
    return i >= 0 and doc[i].lower_ == "like" and not (i > 0 and doc[i - 1].lower_ in {"nothing", "not", "anything"})


# "cracked" said of a surface or of skin, with no word of hearing or feeling it.
CRACKED_THINGS = {
    "pavement", "pavements", "road", "roads", "path", "paths", "tarmac", "concrete", "ground", "street", "streets",
    "skin", "heels", "sole", "soles", "phone", "screen", "ice", "dry", "sidewalk", "sidewalks", "kerb", "curb", "floor",
}  # fmt: skip
# "stepped on a crack", "caught my foot in a crack": a crack in the ground, not one heard
CRACK_IN_THE_GROUND = {("on", "a"), ("in", "a"), ("into", "a"), ("on", "the"), ("in", "the"), ("over", "a")}
HEARING_WORDS = {"heard", "hear", "sound", "noise", "felt", "feel", "loud", "audible"}


def cracked_thing(doc: Doc, span: Span, clauses: List[int]) -> bool:
    """A lone "cracked"/"crack" in a sentence about a cracked surface or skin, told without hearing it."""
    if len(span) != 1:
        return False
    sentences = sentence_ids(doc)
    words = {t.lower_ for t in doc if sentences[t.i] == sentences[span.start]}
    before = tuple(t.lower_ for t in doc[max(0, span.start - 2) : span.start])
    if span[0].lower_ == "crack" and before in CRACK_IN_THE_GROUND and not words & HEARING_WORDS:
        return True
    clause = {t.lower_ for t in doc if clauses[t.i] == clauses[span.start]}
    body_cracked = any(w in body_words() and w not in CRACKED_THINGS for w in clause)  # "my ankle cracked"
    body_cracked = body_cracked or (span.start > 0 and doc[span.start - 1].lower_ in {"went", "go", "goes"})
    body_cracked = body_cracked and not clause & {
        "skin",
        "dry",
        "callus",
        "calluses",
    }  # "the skin on my heel is cracked"
    return bool(words & CRACKED_THINGS) and not words & HEARING_WORDS and not body_cracked


RISING_WORDS = {"stand", "stood", "standing", "get", "got", "go", "going", "up", "rise", "rising", "push", "balance"}


def names_an_object(doc: Doc, span: Span) -> bool:
    """ "calf stretches", "ankle socks": the body word names an exercise or a thing."""
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if span.text.lower() in {"toes", "toe", "tiptoes", "tiptoe"}:
        before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
        if before and before[-1] in {"my", "the", "his", "her", "their"} and len(before) > 1:
            before = before[:-1]
        if before and before[-1] in {"on", "onto", "to"} and set(before) & RISING_WORDS:
            return True  # "can't get up on my toes": the tiptoe check, not toes that hurt
    return following in BODY_OBJECT_WORDS


def _clause_text(doc: Doc, clauses: List[int], clause: int) -> str:
    return " ".join(t.lower_ for t, c in zip(doc, clauses) if c == clause)


def press_test(words: List[str]) -> bool:
    """ "if I press on the bony lump it is agony": a test the runner did, told as a condition."""
    return any(
        w == "if" and words[i + 1 : i + 2] in (["i"], ["you"]) and set(words[i + 2 : i + 4]) & PRESS_WORDS
        for i, w in enumerate(words)
    )


def _until_a_person(words: List[str]) -> List[str]:
    """The words before the first word for a person ("my daughter has heel pain": the daughter's heel)."""
    for i, word in enumerate(words):
        if word in CHILDREN | OTHER_PEOPLE:
            return words[:i]
    return words


VOCATIVE_WORDS = {
    "mate",
    "friend",
    "bro",
    "dude",
    "man",
    "guys",
    "folks",
    "pal",
    "buddy",
    "mates",
    "fam",
    "bru",
    "boet",
}


def addressed_words(doc: Doc) -> set:
    """Words that address the reader ("Mate my ankle is pointing the wrong way", "honestly mate, ..."): not a
    person the message is about."""
    return {
        t.lower_
        for t in doc
        if t.lower_ in VOCATIVE_WORDS
        and (
            t.i == 0
            or (t.i + 1 < len(doc) and doc[t.i + 1].text in {",", "!", "..."})
            or doc[t.i - 1].lower_ in {"hey", "hi", "oi", "cheers", "thanks", "honestly", "yeah"}
        )
    }


def tells_own_body(doc: Doc) -> bool:
    """The writer speaks of their own body: "my ankle", "mine is just stiff", "I have a sore heel"."""
    words = [t.lower_ for t in doc]
    body = body_words()
    owned = any(  # "my ankle", "my right one" (not "my daughter has heel pain")
        w == "my" and any(x in body or x == "one" for x in _until_a_person(words[i + 1 : i + 4]))
        for i, w in enumerate(words)
    )
    had = any(  # "I just have a sore heel", "I've got a sore foot"
        w == "i"
        and set(words[i + 1 : i + 4]) & {"have", "'ve", "got", "had"}
        and any(x in body for x in words[i + 1 : i + 7])
        for i, w in enumerate(words)
    )
    return "mine" in words or owned or had


OWN_WORDS = {"my", "i", "i'm", "me", "this", "these", "it", "mine"}  # "what is this tingling in my toes?" tells


# Rest-pain phrases that name only a place or a posture: they tell of pain only with a pain word beside them.
PLACE_ONLY_REST = {
    "in bed", "on the sofa", "lying down", "lying on", "lying in bed", "sitting still", "at my desk", "on the couch",
}  # fmt: skip
PAIN_NEAR = PAIN_WORDS | {"wakes", "woke", "awake", "keeps", "bothers"}


WORSE_WORDS = {"worse", "worst", "worser"}
# "worse after sitting", "more worst in the morning", "worse when I walk": when it hurts more, not a trend
WORSE_AT_A_TIME = {"after", "when", "whenever", "in", "on", "if", "at", "first", "with", "during", "while", "going",
                   "walking", "running", "climbing", "getting", "standing", "sitting", "before", "uphill", "downhill"}  # fmt: skip


def worse_at_a_time(doc: Doc, span: Span) -> bool:
    """ "more worst after I sit long time": a time or an activity when it is worse, not worse over the weeks."""
    if span[-1].lower_ not in WORSE_WORDS or span.end >= len(doc):
        return False
    following = [t.lower_ for t in doc[span.end : span.end + 2]]
    with_each = following[:1] == ["with"] and following[1:] in (["every"], ["each"])  # "worse with every run": a trend
    return following[0] in WORSE_AT_A_TIME and not with_each and not {"getting", "and"} & {t.lower_ for t in span}


def place_without_pain(doc: Doc, span: Span) -> bool:
    """ "typing in bed lol": a place or a posture told with nothing hurting in its sentence."""
    if span.text.lower() not in PLACE_ONLY_REST:
        return False
    sentences = sentence_ids(doc)
    return not any(t.lower_ in PAIN_NEAR for t in doc if sentences[t.i] == sentences[span.start])


def not_this_runner_now(doc: Doc, span: Span, clauses: List[int], asked: set, lasting: bool = False) -> bool:
    """A symptom said of the past, of someone else, as a worry, or asked as a
    diagnosis ("could it be ruptured?") is not a warning sign of this runner now."""
    clause = clauses[span.start]
    text = " " + _clause_text(doc, clauses, clause) + " "
    before = [t.lower_ for t, c in zip(doc[: span.start], clauses[: span.start]) if c == clause]
    lasting = lasting or (span.label_ == SYMPTOM and span.ent_id_ in LASTING_SYMPTOMS)  # a history that still counts
    goes_on = any(f" {cue} " in text for cue in GOES_ON_NOW_CUES)
    if any(f" {cue} " in text for cue in PAST_CUES) and not lasting and not goes_on:
        return True
    message_words = {t.lower_ for t in doc}
    child_is_the_runner = bool(message_words & CHILDREN) and not message_words & {"i", "i'm", "me"}
    # "Husband slipped ... his ankle is bent": someone writing for the injured person, who tells of no body of their own
    for_someone = bool((message_words - addressed_words(doc)) & (CHILDREN | OTHER_PEOPLE)) and not tells_own_body(doc)
    patient_is_other = child_is_the_runner or for_someone
    said = {t.lower_ for t in span}
    # "my mate heard it crack": someone else heard the runner's own crack (not "heard a crack when she fell")
    heard = span.label_ == SYMPTOM and span.ent_id_ in NOISE_SYMPTOMS and "heard" in said and "it" in said
    others = (set(before) & OTHER_PEOPLE) - addressed_words(doc)
    if "they" in others and set(t.lower_ for t in doc[: span.start]) & (PLURAL_BODY_WORDS | THEY_BODY_WORDS):
        others.discard("they")  # "my toes have been white ... they feel numb": the toes
    # "when my wife squeezes my calf the foot doesn't move": someone testing the runner's own leg
    tested = bool(set(before) & TEST_VERBS) and "my" in before
    # "I'm on my friend's shoulder": the runner, told with someone who helps
    helped = before[:1] == ["i"] and "my" in before
    if set(before) & MEDIA_WORDS:
        return True
    if (others and not patient_is_other and not heard and not tested and not helped) or set(before) & WORRY_WORDS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in {"his", "her", "their"} and not patient_is_other:
        return True  # "ruptured his achilles"
    if {t.lower_ for t in span} & NOISE_WORDS or span.label_ == SYMPTOM and span.ent_id_ in NOISE_SYMPTOMS:
        if said_painless(doc):
            return True
    if span.label_ == SYMPTOM and span.ent_id_ in PAINLESS_SKIN_SYMPTOMS:
        if said_painless(doc) and not {t.lower_ for t in doc} & PAINLESS_SKIN_UNLESS:
            return True
    if clause in asked and span.label_ == SYMPTOM and before[:1] == ["what"] and not set(before) & OWN_WORDS:
        return True  # "what is mean tingling?", "what does numb mean here?": the word asked about, not a sign told
    if clause in asked and span.label_ == SYMPTOM and span.ent_id_ in CONTEXT_IN_QUESTIONS | NOISE_SYMPTOMS:
        return True  # "should I pop it?" (a blister) is no pop heard
    if clause in asked and set(text.split()) & PAST_IN_QUESTIONS:
        return True  # "is it OK that the pins and needles happened?"  # "would a steroid injection help?", "can I fly next week?": asked about, not taken
    if {t.lower_ for t in span} & (DIAGNOSIS_WORDS - FELT_DIAGNOSIS_WORDS) and set(before) & GUESS_WORDS:
        return True  # "I think I ruptured my achilles": a fear the questions check (tiptoe), not a sign told
    if snapped_at_someone(doc, span):
        return True
    return clause in asked and bool({t.lower_ for t in span} & DIAGNOSIS_WORDS)


def snapped_at_someone(doc: Doc, span: Span) -> bool:
    """ "I snapped at my husband": a temper, not a tendon (unless a body word follows)."""
    if span[-1].lower_ not in SNAP_WORDS or span.end >= len(doc) or doc[span.end].lower_ != "at":
        return False
    following = {t.lower_ for t in doc[span.end + 1 : span.end + 6]}
    return not following & (body_words().keys() | {"back", "front", "side", "bottom", "top", "base", "it"})


def said_painless(doc: Doc) -> bool:
    """The message says it does not hurt ("no pain", "doesn't hurt"), as spaCy splits it."""
    message = " " + " ".join(t.lower_ for t in doc) + " "
    return any(f" {cue} " in message for cue in PAINLESS_CUES)


# Colour and temperature words: a foot that is also pale, blue or cold may have lost its blood supply.
COLOUR_WORDS = {
    "pale", "white", "blue", "bluish", "bluey", "blueish", "grey", "gray", "mottled", "cold", "purple", "dusky",
    "freezing", "icy", "waxy",
}  # fmt: skip


# A mark left by a sock or a strap, told as a mark: no swelling, redness spreading or clot.
SKIN_MARK_SYMPTOMS = {"calf_swelling", "spreading_redness", "redness_or_heat"}
SOCK_WORDS = {"sock", "socks", "compression", "sleeve", "sleeves", "strap", "straps", "elastic", "waistband"}
MARK_WORDS = {
    "mark",
    "marks",
    "line",
    "lines",
    "ring",
    "indent",
    "indentation",
    "groove",
    "imprint",
    "dent",
    "where",
    "faded",
}
CLOT_SKIN_WORDS = {"warm", "hot", "tender", "swollen", "puffy", "fatter", "bigger", "red", "redness", "pus", "fever"}
FEVER_OVER_CUES = ("all better", "better now", "gone now", "over it", "got over", "recovered", "fine now", "cleared up")
FEVER_PAST_CUES = (" last week ", " ago ", " had a ", " had the ", " was ill ", " was sick ", " last month ")


# A child is the runner: a parent writing for them, or an age of 15 or under ("I'm 13", "my lil bro (11)").
CHILD_AGE_LIMIT = 15
YOUNG_RELATIVES = {"bro", "brother", "sister", "sis", "nephew", "niece", "lad", "lass"}
CHILD_WORDS_PATTERN = "(?:" + "|".join(sorted(CHILDREN | YOUNG_RELATIVES)) + ")"
CHILD_AGES = (
    re.compile(
        r"\b(?:my|our|his|her|their|a|an)\s+(\d{1,2})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b"
        r"(?!\s*(?:shoes?|trainers|runners|sneakers|pair|ones|kicks))"
    ),
    re.compile(r"\b(\d{1,2})\s*-?\s*(?:years?|yrs?|yr|yo|y/o)\s*-?\s*(?:old\s+)?" + CHILD_WORDS_PATTERN),
    re.compile(r"\b(?:my|our)\s+(\d{1,2})\s*(?:yo|y/o|yr|yrs)\b"),  # "my 10yo says her legs ache"
    re.compile(
        r"\b" + CHILD_WORDS_PATTERN + r"\s*(?:[a-z]+\s+)?(?:is\s+|\(\s*|,\s*)(\d{1,2})\b"
    ),  # "daughter ruby is 17"
)
OWN_AGE = re.compile(
    r"\b(?:i ?'m|i am|im|i ?'m aged|age|aged)\s+(\d{1,2})\b"
    r"(?!\s*(?:km|k|mi|miles?|min|mins|minutes|weeks?|days?|months?|kg|%|runs?|years? into|stone|st|lbs?))"
)
CHILD_LIMP_WORDS = {"limp", "limps", "limping", "limped"}
SHOE_NOUNS = {"shoes", "shoe", "trainers", "runners", "sneakers", "pair", "ones", "kicks"}
# "my 11 year old son", "I'm 35 years old": an age, not the shoes' age
AGE_NOUNS = CHILDREN | {"man", "woman", "lady", "guy", "bloke", "male", "female", "runner", "here", "'s", "mum", "dad"}


def child_runner(doc: Doc, text: str, words: set) -> bool:
    """The one in pain is a child: "my son can't walk on it", "I'm 13", "our 11 year old"."""
    own = [int(m.group(1)) for m in OWN_AGE.finditer(text)]
    if own:
        return min(own) <= CHILD_AGE_LIMIT
    others = [int(m.group(1)) for pattern in CHILD_AGES for m in pattern.finditer(text)]
    remembered = any(cue in text for cue in (" as a kid ", " as a child ", " when i was a ", " when i was little "))
    young = (bool(words & CHILDREN) and not others) or any(
        age <= CHILD_AGE_LIMIT for age in others
    )  # a son of 17 is no child
    return young and not tells_own_body(doc) and not remembered


def an_age(doc: Doc, fact: Fact) -> bool:
    """ "years old" told of a person ("my 11 year old son", "I'm 35 years old"), not of the shoes."""
    if fact.label != "shoes" or doc[fact.token].lower_ not in {"old", "year", "years", "yr", "yrs"}:
        return False
    end = next((t.i for t in doc[fact.token :] if t.lower_ == "old"), fact.token)
    following = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, fact.token - 4) : fact.token]]
    if following in AGE_NOUNS:
        return True
    if following in {",", ".", "and", "with"} and {"i", "'m", "am", "im"} & set(before):
        return True  # "I'm 35 years old, ..."
    owner = doc[fact.token - 2].lower_ if fact.token >= 2 else ""
    return owner in {"my", "our", "his", "her", "their"} and following not in SHOE_NOUNS  # "our 13 year old has"


# Told as how the body has always been: no new sign.
LIFELONG_SYMPTOMS = {"deformity", "calf_swelling", "redness_or_heat", "open_wound"}
LIFELONG_CUES = (
    "always been like that",
    "always been like this",
    "always been that way",
    "always been this way",
    "always been bigger",
    "always been bony",
    "since i was born",
    "since birth",
    "my whole life",
    "all my life",
    "born with",
    "since i was a kid",
    "since childhood",
    "it's always been",
    "its always been",
    "like that for years",
    "that way for years",
    "like this for years",
    "there for years",
    "had it for years",
    "same size for years",
    "but it always has",  # "my right calf looks bigger than the left, but it always has"
    "always has been",
    "they always have",
    "always looked like",
    "always looks like",
)
BOTH_CALVES_SETTLING = (
    "gone by morning",
    "gone by the morning",
    "goes down overnight",
    "down by morning",
    "next morning",
)
HEAT_WORDS = {"hot", "heat", "warm", "summer", "humid", "sun", "sunny", "day", "fair", "festival", "standing"}
WARMED_BY = {"shower", "bath", "sauna", "jacuzzi", "heater", "radiator", "fire", "fireplace", "hairdryer"}


TENDON_WORDS = {"tendon", "tendons", "cord"}


def tendon_said(doc: Doc) -> bool:
    """The tendon is named as the sore part ("the tendon bit"), not ruled out ("not the tendon")."""
    return any(
        t.lower_ in TENDON_WORDS and not any(u.lower_ in {"not", "no", "n't"} for u in doc[max(0, t.i - 3) : t.i])
        for t in doc
    )


# "the back of my heel", "behind the heel", "the back of both heels" (token-joined, lowercased text).
BACK_OF_HEEL = re.compile(
    r" (?:back|behind|rear)(?: of)?(?: [a-z']+){0,2} heels? "
    r"| (?:back|behind|rear) of (?:my |the )?(?:leg|ankle) ,? (?:at|near|by|just above|above|down at) (?:the |my )?heels? "
)  # "at the back of my heel", "in back of my leg, at the heel"


def lifelong(text: str) -> bool:
    """ "it's always been like that", "been there for years": also in token-joined text ("it 's always been")."""
    joined = text.replace(" '", "'")
    return any(cue in text or cue in joined for cue in LIFELONG_CUES)


DYE_WORDS = {"sock", "socks", "dye", "dyed", "polish", "varnish", "ink", "marker", "stain", "stained"}
FEELING_WORDS = {"numb", "numbness", "cold", "freezing", "icy", "tingling", "tingly", "feel", "feeling", "dead"}
SWELLING_TOLD_PAST = re.compile(
    r" (?:was|were|got|went) (?:a bit |a little |really |quite |very )?(?:swollen|puffy|swelled) | swelled up "
)
SWELLING_GONE_NOW = re.compile(
    r" (?:it 's|it is|its|they 're|they are|all) (?:fine|normal|ok|okay|gone) now | back to normal | (?:has |'s )?gone down "
    r"| went down | all gone "
)


def swelling_resolved(text: str) -> bool:
    """Swelling told in the past and gone now, with nothing still there ("was swollen after the flight, fine now")."""
    return bool(SWELLING_TOLD_PAST.search(text) and SWELLING_GONE_NOW.search(text)) and " still " not in text


def both_calves_settling(text: str, words: set) -> bool:
    """Both calves swollen-looking after heat or standing, settling overnight: not one swollen, tender calf."""
    both = bool(words & {"calves", "both", "legs"})
    return both and bool(words & HEAT_WORDS) and any(cue in text for cue in BOTH_CALVES_SETTLING)


NAIL_WORDS = {"nail", "nails", "toenail", "toenails", "clipping", "clipped", "clippers", "cuticle"}


NEW_WORDS = {"new", "newish", "brand-new"}
WANTING_WORDS = {
    "need",
    "needs",
    "buy",
    "buying",
    "get",
    "getting",
    "want",
    "should",
    "recommend",
    "which",
    "what",
    "any",
}
PRONOUN_SHOE_WORDS = {"them", "they", "these", "pair", "pairs"}


def new_shoes(doc: Doc) -> Optional[Token]:
    """ "New Hokas from the sale", "my new Novablast 4s": a shoe word right after "new"."""
    shoe_words = vocabulary().shoe_words - PRONOUN_SHOE_WORDS
    for token in doc:
        if maker_name(doc, token):
            continue  # New Balance, the maker
        if token.lower_ in NEW_WORDS and any(t.lower_ in shoe_words for t in doc[token.i + 1 : token.i + 3]):
            before = {t.lower_ for t in doc[max(0, token.i - 3) : token.i]}
            if not before & (NEGATIONS | WANTING_WORDS):  # not "how many miles before I need new shoes"
                return token
    return None


def sock_mark(words: set) -> bool:
    return bool(words & SOCK_WORDS and words & MARK_WORDS and not words & (CLOT_SKIN_WORDS - {"red", "redness"}))


# A noise in the present tense, told as happening again and again, is a click, not a pop or snap that happened.
PRESENT_NOISES = {"crack", "cracks", "pop", "pops", "click", "clicks", "snap", "snaps", "clunk", "clunks", "creaks"}
NOISE_AS_EVENT = {"a", "the", "big", "loud", "heard", "felt", "went", "massive", "huge", "one", "sudden"}
HABIT_NOISE_CUES = (
    "every time", "everytime", "every step", "every run", "whenever", "loads", "all the time", "always", "constantly",
    "when i run", "when i walk", "when i rotate", "when i move", "when i circle", "a lot", "often", "sometimes",
)  # fmt: skip
HABIT_NOISE_LABELS = {SYMPTOM, "injury_event"}


def habitual_noise(doc: Doc, fact: Fact) -> bool:
    """The fact was read from a noise told in the present as a habit ("cracks when I rotate it")."""
    if fact.label not in HABIT_NOISE_LABELS or fact.value not in NOISE_SYMPTOMS | {"achilles_rupture", True}:
        return False
    tokens = [t for t in doc if fact.start <= t.idx < fact.end]
    noises = [
        t for t in tokens if t.lower_ in PRESENT_NOISES and (t.i == 0 or doc[t.i - 1].lower_ not in NOISE_AS_EVENT)
    ]
    if not noises or len(tokens) > 3:
        return False
    sentences = sentence_ids(doc)
    sentence = " " + " ".join(t.lower_ for t in doc if sentences[t.i] == sentences[noises[0].i]) + " "
    return any(f" {cue} " in sentence for cue in HABIT_NOISE_CUES)


MORNING_FINE_CUES = (
    " fine in the morning ",
    " fine by morning ",
    " fine by the morning ",
    " gone by morning ",
    " gone in the morning ",
)


def growing_pains(doc: Doc, text: str, words: set) -> bool:
    """A child's legs, both, aching at night and fine by the morning (harmless growing pains)."""
    both = bool(words & {"legs", "both"})
    return both and child_runner(doc, text, words) and any(cue in text for cue in MORNING_FINE_CUES)


def lasting_numbness(text: str, words: set) -> bool:
    """Numbness or tingling told as lasting two weeks or more, with no colour or cold: see a doctor soon."""
    duration = units.duration_days(text)
    return bool(duration and duration.value >= LASTING_NUMBNESS_DAYS and not words & COLOUR_WORDS)


COLOUR_ON_THE_SKIN = {"dye", "dyed", "stain", "stained", "staining", "ink", "paint", "polish", "marker"}
FELT_CIRCULATION_WORDS = {"numb", "numbness", "tingling", "tingly", "tingle", "cold", "freezing", "icy", "dead", "pins"}


TIGHT_BODY = re.compile(
    r" (?:calf|calves|shin|shins|muscles?|legs?|hamstrings?|quads?) (?:[a-z']+ ){0,3}(?:tight|tighter) "
)


def fit_said(text: str, words: set) -> bool:
    """Shoes or laces that fit badly: "tight" said of the shoes, not "my calf gets rock tight"."""
    if (FIT_WORDS - {"tight", "tighter"}) & words:
        return True
    return bool({"tight", "tighter"} & words) and (
        not TIGHT_BODY.search(text) or bool(words & {"laces", "lace", "shoe", "shoes", "trainers", "shoelaces"})
    )


# Tenderness told as spread along the bone, not at one spot: shin splints, not a stress fracture.
DIFFUSE_TENDERNESS = re.compile(
    r" (?:no|not|n't|without|never) (?:hurt |sore |tender |painful )?(?:at |in |on )?"
    r"(?:(?:one|a|any|a single|single|just one|one particular|a particular|a specific|any particular|any one) )?"
    r"(?:particular |specific |single |exact )?(?:spot|point|place)s? "
    r"| spread out | spread along | all along | (?:a )?long stretch | broad (?:ache|area|pain|band) "
    r"| along the (?:whole|entire|length) | diffuse | whole length "
)
BONE_OR_SHIN = {"bone", "bones", "shin", "shins", "shinbone", "tibia", "edge"}
TENDER_OR_PRESSED = {"tender", "press", "pressed", "pressing", "touch", "sore", "hurts", "hurt", "poke", "squeeze"}


def diffuse_tenderness(text: str, words: set) -> bool:
    """ "tender along the inside edge but no single spot", "pressing doesn't hurt at one spot, it's spread out"."""
    return bool(DIFFUSE_TENDERNESS.search(text)) and bool(words & TENDER_OR_PRESSED)


NOISE_WAS_AN_OBJECT = re.compile(
    r" (?:was|were|'s|is) (?:just |only |actually )?(?:a|the|my|some) (?:[a-z]+ ){0,2}"
    r"(?:branch|branches|twig|twigs|stick|sticks|strap|packet|wrapper|bottle|buckle|zip|counter|gel) "
)  # an explanation, not a simile ("like a twig snapping")
# Tingling told like electric shocks or burning, with no cold, colour or injury: an irritated nerve, checked soon,
# not a foot losing its blood supply (docs/clinical-basis.md, numbness or tingling that lasts).
HOP_WORDS = {"hop", "hops", "hopping", "hopped"}
NERVE_PAIN_WORDS = {"electric", "electrical", "shocks", "zaps", "zapping", "zingers", "shooting"}
INJURY_COLD_WORDS = {"cold", "colder", "icy", "freezing", "cool", "cooler"}
# Words that pain is there at rest or at night, and words that a rest-pain phrase answers the screening question.
NIGHT_OR_RESTING_CUES = {"night", "nights", "wakes", "woke", "waking", "even", "constant"}
REST_PAIN_CUES = NIGHT_OR_RESTING_CUES | {"bed", "yes", "yeah", "yep", "still"}
RUN_DISTANCE_WORDS = {
    "run", "ran", "running", "km", "k", "miles", "mile", "marathon", "half", "race", "distance", "long", "far",
    "further", "10k", "5k", "ultra", "hills", "intervals", "speedwork", "session", "strides", "sprint", "sprints",
    "sprinting", "training", "tempo", "track", "reps", "workouts", "parkrun",
}  # fmt: skip


def first_time_of_something_else(doc: Doc, fact: Fact) -> bool:
    """ "first time ever" said of a symptom, in a sentence with no run or distance in it."""
    said = doc.text[fact.start : fact.end].lower()
    if "first" not in said:
        return False
    near = doc[max(0, fact.token - 6) : fact.token + 6]  # "ran 20k for the first time", not "... first time ever"
    return not {t.lower_ for t in near} & RUN_DISTANCE_WORDS and not any(t.text[:1].isdigit() for t in near)


TIME_OF_DAY_WORDS = {"morning", "mornings", "first", "waking", "wake", "sitting", "evening", "evenings"}
GETTING_WORSE_WORDS = {"getting", "gets", "got", "every", "each", "week", "weeks", "day", "days", "than", "still"}


def worse_at_a_time_of_day(doc: Doc, fact: Fact) -> bool:
    """ "more worst in the morning", "worser when I wake": a pattern over the day, not a complaint getting worse."""
    said = doc.text[fact.start : fact.end].lower()
    if not re.fullmatch(r"(?:more |most )?(?:worse|worst)|worser", said):
        return False
    sentence = sentence_ids(doc)
    words = {t.lower_ for t in doc if sentence[t.i] == sentence[fact.token]}
    return bool(words & TIME_OF_DAY_WORDS) and not words & GETTING_WORSE_WORDS


REST_PAIN_GONE = re.compile(
    r" (?:gone|fine|settles|settled|eases|eased|disappears|nothing|no pain|painless) (?:completely |totally |all )?"
    r"(?:at rest|at night|when (?:i 'm |i am )?resting|in bed|when i sit|sitting) "
    r"| like (?:i 'm |i am |im |i was )?(?:sat|sitting) "
    r"| only when i sit on my (?:feet|foot|legs?) | sit(?:ting)? on my (?:feet|foot|legs?) "
)
FAMILY_WORDS = {"family", "relatives", "genes", "parents", "grandma", "grandad", "grandmother", "grandfather"}
NOT_ME = re.compile(r" (?:i 'm not|i am not|im not|not me|i do n't|i don't|i have n't|i haven't) ")


def someone_elses(doc: Doc, fact: Fact, text: str) -> bool:
    """Context said of another person, and denied for the runner: "my dad's diabetic but I'm not"."""
    before = {t.lower_ for t in doc[max(0, fact.token - 4) : fact.token]}
    after = {t.lower_ for t in doc[fact.token : fact.token + 5]}  # "diabetes runs in my family but I don't have it"
    return bool((before | after) & (OTHER_PEOPLE | FAMILY_WORDS)) and bool(NOT_ME.search(text))


ONE_RUN_PAST = re.compile(
    r" (?:went|was|were|got|felt) (?:[a-z']+ ){0,3}(?:numb|tingly|tingling|dead) (?:[a-z']+ ){0,3}"
    r"(?:mid run|mid-run|(?:on|during) (?:my|the|today 's|this morning 's) (?:[a-z]+ ){0,2}run) "
)  # "my toes went white and numb on my winter run this morning"
# Numbness tied to running or to one pair of shoes: "during long runs", "only in one pair of shoes".
DURING_RUNS = re.compile(
    r" (?:during|on|in|on my|during my|in the middle of|in the middle of my|halfway through|towards the end of|"
    r"at the end of|near the end of) (?:long |longer |short |easy |hard |some |most |the long |my )?runs "
    r"| only in (?:one|that|this|these|those|my) | one pair of "
)
START_UP_PAIN = re.compile(
    r" (?:after|when i get up from|getting up from|standing up after|first steps after) "
    r"(?:i 've been |i have been |i 've |being |i was |a )?(?:sat|sitting|sit|resting|rest|lying|lie|drive|driving) "
    r"| i was (?:sitting|sat|lying) (?:down )?when "
)  # first steps after sitting (plantar heel pain) or "I was sitting down when I answered": not pain at rest
OTHER_COMPLAINT_WORDS = {
    "splints",
    "shin",
    "shins",
    "heel",
    "heels",
    "arch",
    "knee",
    "knees",
    "achilles",
    "calf",
    "calves",
}


def feeling_text(doc: Doc) -> str:
    """The message without its sentences about another complaint and nothing felt or seen in the foot."""
    sentences = sentence_ids(doc)
    kept = []
    for sentence in sorted(set(sentences)):
        tokens = [t.lower_ for t, s in zip(doc, sentences) if s == sentence]
        other = set(tokens) & OTHER_COMPLAINT_WORDS and not set(tokens) & (FELT_CIRCULATION_WORDS | COLOUR_WORDS)
        if not other:
            kept.extend(tokens)
    return " " + " ".join(kept) + " "


def dyed_not_numb(words: set) -> bool:
    """A colour explained by dye or a stain, with nothing felt (no numbness, no cold)."""
    return bool(words & COLOUR_ON_THE_SKIN) and not words & FELT_CIRCULATION_WORDS


def calf_settled_unswollen(facts: List[Fact], text: str, symptom_values: set) -> bool:
    """The leg felt heavy or tight after a journey, that has passed, and it is said not to be swollen."""
    passed = any(f" {c} " in text for c in PASSED_CUES) or bool(PASSED_LATER.search(text))
    unswollen = any(f.label == "swelling" and f.value is False for f in facts)
    return passed and unswollen and not symptom_values & {"calf_swelling", "redness_or_heat"} and " still " not in text


def fever_over(text: str) -> bool:
    """A fever told as over: "had a temperature last week, all better now"."""
    return any(cue in text for cue in FEVER_PAST_CUES) and any(f" {cue} " in text for cue in FEVER_OVER_CUES)


def _in_context(facts: List[Fact], doc: Doc) -> List[Fact]:
    """Facts read against the rest of the message: numbness that passes,
    "couldn't walk ... fine now", both sides from plural body words."""
    text = " " + " ".join(t.lower_ for t in doc) + " "
    result: List[Fact] = []
    labels = {f.label for f in facts}
    symptom_values = {f.value for f in facts if f.label == SYMPTOM}
    words = {t.lower_ for t in doc}
    about_feeling = feeling_text(doc)  # "my shin splints are still there" says nothing about the numbness
    injured = any(f.label == "injury_event" and f.value is True for f in facts)
    for fact in facts:
        if fact.label == VOLUME_CHANGE and fact.value == "returning" and pain_began(doc, fact):
            continue  # "the ache only just started": the pain began, not the running
        if fact.label == SYMPTOM and fact.value == "deformity" and LOOKED_AT_THE_WRONG.search(text):
            continue  # "I was looking at the wrong foot": a mix-up, not a foot that looks wrong
        if fact.label == SYMPTOM and about_the_question(doc, doc[fact.token]):
            continue  # "why are you asking me about night pain? no": the sign is only named
        if fact.label == BODY_PART and fact.value == "heel" and tendon_said(doc) and BACK_OF_HEEL.search(text):
            fact = Fact(BODY_PART, "achilles", fact.start, fact.end, fact.token, fact.weight)  # "the tendon bit"
        if fact.label == SYMPTOM and fact.value in NOISE_SYMPTOMS and NOISE_WAS_AN_OBJECT.search(text):
            continue  # "it was a branch snapping under my foot", "the snap was my watch strap": not the leg
        if habitual_noise(doc, fact):
            continue  # "my ankles crack loads when I run", "my achilles pops every time": a habit, not an event
        passed_cue = any(f" {c} " in text for c in PASSED_CUES) or bool(PASSED_LATER.search(text))
        still = any(f" {c} " in text for c in STILL_CUES) or (
            any(f" {c} " in text for c in NOT_BACK_CUES) and not passed_cue
        )  # "numb and it hasn't come back" (the feeling) or "it stopped and hasn't come back" (the tingling)
        still_felt = still and (
            any(f" {c} " in about_feeling for c in STILL_CUES) or any(f" {c} " in text for c in NOT_BACK_CUES)
        )  # not "my shin splints are still there"
        if numb_now_in_its_clause(doc) and not passed_cue:
            still_felt = True  # "my ankle hurts after running and my toes are numb": numb now
        if THEN_FINE.search(text):
            still_felt = False  # "goes numb for an hour, then it's fine": it passes
        episodes = (DURING_RUNS.search(text) or EVERY_RUN.search(text)) and any(
            f" {c} " in text for c in RECURRING_CUES
        )
        if episodes and not any(f" {c} " in text for c in NOW_CUES):
            still_felt = False  # "keeps going numb in the middle of runs, looser laces didn't help": episodes, not now
        if (
            fact.label == SYMPTOM
            and fact.value == "circulation"
            and (
                any(f" {c} " in text for c in TRANSIENT_CUES)
                or (any(f" {c} " in text for c in EPISODE_CUES) and not (COLOUR_WORDS | INJURY_COLD_WORDS) & words)
                or PASSED_LATER.search(text)
                or DURING_RUNS.search(text)
                or ONE_RUN_PAST.search(text)
            )
            and not still_felt
            and not (injured and (COLOUR_WORDS | INJURY_COLD_WORDS) & words)  # blue, or colder, since the fall: now
        ):
            fact = Fact(SYMPTOM, "transient_numbness", fact.start, fact.end, fact.token)
            if lying_on_it(doc):
                continue  # "sat on it watching the match, it came back after a minute"
            if words & WARMED_BY and not injured:
                continue  # toes that tingle in a hot bath after a cold run and settle: warming up, not a sign
            cold = COLD_WORDS & words or " in the cold " in text or re.search(r" - ?\d+ ", text)
            if cold and not words & {"sitting", "rest", "night"}:
                continue  # numb with cold on a winter run until warmed up: the weather, not a sign
            laces_ruled_out = bool(LACES_RULED_OUT.search(text))  # "laces aren't tight, I checked"
            blamed_laces = {"laces", "lacing"} & words and "loose" not in words and not laces_ruled_out
            laces_no_help = any(c in text for c in (" n't help", " not help", " no difference", " did nothing"))
            fit_blamed = fit_said(text, words) and not laces_ruled_out
            if (fit_blamed or blamed_laces) and not laces_no_help:  # it passes on looser laces: the laces
                if "shoes" not in labels:
                    result.append(Fact("shoes", "poor_fit", fact.start, fact.end, fact.token))
                continue
            recurring = any(f" {c} " in text for c in RECURRING_CUES)
            passed = any(f" {c} " in text for c in PASSED_CUES) or bool(PASSED_LATER.search(text))
            one_run = bool(ONE_RUN_PAST.search(text)) and not recurring  # "my toes were numb on my run this morning"
            if any(f" {c} " in text for c in ONE_EPISODE_CUES) or (passed and not recurring) or one_run:
                continue  # one run's numbness that passed: self-care (loosen the laces), a sign if it comes back
            if not passed and not recurring and COLOUR_WORDS & words:
                fact = Fact(SYMPTOM, "circulation", fact.start, fact.end, fact.token)  # white and cold since the run
        if (
            fact.label == SYMPTOM
            and fact.value == "circulation"
            and words & NERVE_PAIN_WORDS
            and not words & (COLOUR_WORDS | INJURY_COLD_WORDS)
            and not injured
        ):
            fact = Fact(SYMPTOM, "lasting_numbness", fact.start, fact.end, fact.token)  # tingling like electric shocks
        if (
            fact.label == SYMPTOM
            and fact.value == "bone_tenderness"
            and injured
            and words & HOP_WORDS
            and not words & (BONE_WORDS | PRESS_WORDS)
        ):
            continue  # "rolled it 3 weeks ago, still can't hop on it": a sprain, not the stress-injury hop test
        if fact.label == SYMPTOM and fact.value == "compartment" and "exertional_compartment" in symptom_values:
            if not still and not injured and "rest_or_night_pain" not in symptom_values:
                continue  # tight, burning calves that settle each time the run stops: the exertional kind, not acute
        if fact.label == SYMPTOM and fact.value == "circulation" and words & DYE_WORDS and not words & FEELING_WORDS:
            continue  # "toes look purple ... oh wait, new purple socks": the dye, not the blood supply
        if fact.label == SYMPTOM and fact.value == "calf_swelling" and swelling_resolved(text):
            continue  # "my calf was swollen after the flight but it's fine now": gone, not a swollen calf now
        if fact.label == SYMPTOM and fact.value == "calf_swelling" and "exertional_compartment" in symptom_values:
            if not still and not injured and not words & CLOT_SKIN_WORDS:
                continue  # calves that swell up on every run and settle with rest: exertional, not a clot
        if fact.label == SYMPTOM and fact.value == "redness_or_heat" and words & WARMED_BY and not words & {"fever"}:
            continue  # "went bright red in the hot shower", "loosen up after a hot shower": the water, not a hot joint
        if fact.label == SYMPTOM and fact.value in LIFELONG_SYMPTOMS and lifelong(text) and not injured:
            continue  # "the bone sticks out on the inside of my foot but it's always been like that"
        if (fact.label, fact.value) in {(SYMPTOM, "calf_swelling"), ("swelling", True)} and both_calves_settling(
            text, words
        ):
            continue  # both calves puffy after a hot day, gone by morning: not a clot (a clot is in one leg)
        if fact.label == SYMPTOM and fact.value in SKIN_MARK_SYMPTOMS and sock_mark(words):
            continue  # "a red line round my calf from the top of my compression socks"
        if (
            fact.label == SYMPTOM
            and fact.value == "rest_or_night_pain"
            and START_UP_PAIN.search(text)
            and not words & (NIGHT_OR_RESTING_CUES | {"while"})
        ):
            continue  # "worst first thing and after I've been sat at my desk": start-up pain, not pain at rest
        if fact.label == VOLUME_CHANGE and first_time_of_something_else(doc, fact):
            continue  # "it went away and hasn't come back. first time ever": the symptom's first time, not a run's
        if fact.label == SYMPTOM and fact.value == "not_improving" and worse_at_a_time_of_day(doc, fact):
            continue  # "in the morning is more worst": when in the day it is worst, not worse over the weeks
        if fact.label == SYMPTOM and fact.value == "rest_or_night_pain" and REST_PAIN_GONE.search(told_with(doc, fact)):
            continue  # "better since I cut back, gone completely at rest", "like I'm sat in a chair", "sit on my feet"
        if fact.label == SYMPTOM and fact.value == "rest_or_night_pain" and not words & (PAIN_WORDS | REST_PAIN_CUES):
            continue  # "haven't tried yet, I'm sat on a bench": where the runner is, not pain at rest
        if fact.label == SYMPTOM and fact.value in CONTEXT_IN_QUESTIONS and someone_elses(doc, fact, text):
            continue  # "my dad's diabetic but I'm not"
        if fact.label == SYMPTOM and fact.value == "rest_or_night_pain" and growing_pains(doc, text, words):
            continue  # a child's legs that ache at night, both, fine in the morning and running about: growing pains
        if fact.label == SYMPTOM and fact.value == "bone_tenderness" and diffuse_tenderness(text, words):
            fact = Fact("bone_tenderness", False, fact.start, fact.end, fact.token)  # tender all along: not one spot
        if fact.label == SYMPTOM and fact.value == "circulation" and lasting_numbness(text, words):
            fact = Fact(SYMPTOM, "lasting_numbness", fact.start, fact.end, fact.token)
        diabetic_nerve = "diabetes" in symptom_values and not words & (COLOUR_WORDS | COLD_WORDS) and not injured
        if fact.label == SYMPTOM and fact.value == "circulation" and diabetic_nerve:
            fact = Fact(SYMPTOM, "lasting_numbness", fact.start, fact.end, fact.token)  # "diabetic, can't feel it"
        if fact.label == SYMPTOM and fact.value == "circulation" and dyed_not_numb(words):
            continue  # "my foot went blue! oh wait, it's the dye from my new socks": a colour on the skin
        if fact.label == SYMPTOM and fact.value == "clot_risk" and calf_settled_unswollen(facts, text, symptom_values):
            continue  # "calf heavy after the drive, went away after a short walk, no swelling or heat": nothing left
        if fact.label == SYMPTOM and fact.value == "fever" and fever_over(text):
            continue  # "had a cold with a temperature last week, all better now"
        if an_age(doc, fact):
            continue  # "our 13 year old has had a limp"
        if fact.label == SYMPTOM and fact.value == "rest_or_night_pain" and only_while_running(doc, fact):
            continue  # "aches all the time when I run": every run, not at rest
        if fact.label == "injury_event" and fact.value is True and (a_season(doc, fact) or a_journey(doc, fact)):
            continue  # "I added a day this fall": autumn, not a fall
        if fact.label == SYMPTOM and fact.value == "bone_tenderness" and hops_fine(doc, fact):
            continue  # "can walk and hop on it": the hop test passed
        if fact.label == SYMPTOM and fact.value == "saddle_numbness" and words & SEAT_WORDS:
            continue  # a numb bum after a spin class or a long sit: the saddle or the seat, not the spine's nerves
        if fact.label == SYMPTOM and fact.value == "deformity" and lifelong_shape(text, words):
            continue  # "looks weird, a bony bump on the inside, but I've always had it": the runner's own shape
        if fact.label == SYMPTOM and fact.value == "clot_risk" and a_trip_to_come(doc, fact):
            continue  # "I fly on Friday though": a flight still to come is no risk yet
        if fact.label == SYMPTOM and fact.value == "redness_or_heat" and WEATHER_HEAT.search(text):
            continue  # "it was so hot my feet swelled a bit during the run": the weather
        if (
            fact.label == SYMPTOM
            and fact.value in NUMBNESS_SIGNS
            and (COLD_FEET_IDIOM.search(text) or words & FEAR_WORDS)
        ):
            continue  # "got cold feet about the marathon", "went numb with fear when the dog chased me"
        if fact.label == SYMPTOM and fact.value in NUMBNESS_SIGNS and numbness_that_passed(text):
            continue  # "toes went white in the snow, warmed them, completely normal now": gone, with its cause
        if fact.label == SYMPTOM and fact.value == "rest_or_night_pain" and a_cramp_that_went(doc, fact):
            continue  # "a cramp at night woke me, stretched it and it was gone in a minute"
        if fact.label == "injury_event" and fact.value is False and a_try_that_failed(doc, fact):
            continue  # "I try and nothing happens, the heel won't lift": what a check did, not how it started
        if words & NAIL_WORDS and (fact.label, fact.value) in {(SYMPTOM, "open_wound"), ("shoes", "poor_fit")}:
            if not injured and "deformity" not in symptom_values and not words & {"shoe", "shoes", "trainers"}:
                continue  # "cut my toe clipping my nails too short, bled a bit": a nick, not a wound over an injury
        if fact.label == SYMPTOM and fact.value in CANNOT_WALK_SYMPTOMS:
            after = " " + doc.text[fact.end :].lower().replace("\u2019", "'") + " "
            recovered = any(f" {c} " in after or f" {c}," in after or f" {c}." in after for c in RECOVERY_CUES)
            still_cannot = "still" in {t.lower_ for t in doc[max(0, fact.token - 4) : fact.token]} or after.startswith(
                " even "
            )  # "I still can't stand on it even for a second"
            if not still_cannot and (
                recovered
                or WALKING_AGAIN.search(after)
                or BRIEF.search(units.normalise_numbers(sentence_before(doc, fact.token)))
                or BRIEF.match(
                    units.normalise_numbers(after.strip()[:40])
                )  # "couldn't put weight on it for about 5 minutes, then jogged"
            ):
                if "can_walk" not in labels:
                    result.append(Fact("can_walk", True, fact.start, fact.end, fact.token))
                continue
        result.append(fact)
    limp = next(
        (
            t
            for t in doc
            if t.lower_ in LIMP_WORDS and not any(w.lower_ in NEGATIONS for w in doc[max(0, t.i - 3) : t.i])
        ),
        None,
    )  # "I've been limping for two weeks now, I can walk but not normally": whichever fact the walking became
    if limp is not None and lasting_limp(text):
        result.append(Fact(SYMPTOM, "limping", limp.idx, limp.idx + len(limp), limp.i))
    elif limp is not None and limping_now(doc, limp):
        # "yes I walk, a bit limping": a limp now, a sign once the days since the injury are known
        result.append(Fact(SYMPTOM, "limp_told", limp.idx, limp.idx + len(limp), limp.i))
    if PAIN_SIDE not in labels and any(f.label == BODY_PART for f in facts):
        plural = next(
            (
                t
                for t in doc
                if t.lower_ in PLURAL_BODY_WORDS
                and not names_an_object(doc, doc[t.i : t.i + 1])
                and not said_fine(doc, t)  # "calves are fine": a check told, not where it hurts
                and not {u.lower_ for u in doc[max(0, t.i - 3) : t.i]} & COMPARING_WORDS  # "compared both calves"
                and not {u.lower_ for u in doc[t.i + 1 : t.i + 4]} & SAME_WORDS  # "both feet the same": compared
                and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "up")  # "with my feet up": resting them
            ),
            None,
        )
        if plural is not None:
            result.append(Fact(PAIN_SIDE, "both", plural.idx, plural.idx + len(plural), plural.i))
    if "shoes" not in labels:
        new_pair = new_shoes(doc)
        if new_pair is not None and not shoes_planned(doc, clause_ids(doc), new_pair.i):
            result.append(Fact("shoes", "new", new_pair.idx, new_pair.idx + len(new_pair), new_pair.i))
    if any(f.label == BODY_PART and f.value == "heel" for f in result) and BACK_OF_HEEL.search(text):
        result.append(Fact(SYMPTOM, "back_of_heel", 0, 0, 0))  # where the Achilles meets the bone, not under it
    if "bone_tenderness" not in {f.label for f in result} and diffuse_tenderness(text, words) and words & BONE_OR_SHIN:
        result.append(Fact("bone_tenderness", False, 0, 0, 0))  # "tender along the inside edge, no single spot"
    if child_runner(doc, text, words):
        result.append(Fact(SYMPTOM, "child_runner", 0, 0, 0))
        if words & CHILD_LIMP_WORDS:
            result.append(Fact(SYMPTOM, "child_limp", 0, 0, 0))
    walk = [f for f in result if f.label == "can_walk"]
    if walk and any(f.label == SYMPTOM and f.value in CANNOT_WALK_SYMPTOMS for f in result):
        result = [f for f in result if f.label != "can_walk"]  # "could walk at first, now I can't": the later
    return sorted(result, key=lambda f: (f.start, f.end, f.label))


def _value(raw: str) -> Any:
    return {"true": True, "false": False}.get(raw, raw)


def _with_token(fact: Fact, doc: Doc) -> Fact:
    """Set the token index of a fact found from characters (units, sides)."""
    span = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    fact.token = span.start if span is not None else 0
    return fact


FINE_WORDS = {"fine", "ok", "okay", "good", "alright", "op", "operation", "scraped", "surgery"}
# Words that single out the sore place among several, or show a body word is only a landmark or the past.
EMPHASIS_WORDS = {"mostly", "mainly", "especially", "particularly", "worst", "main", "primarily"}
REFERENCE_WORDS = {"above", "below"}
EARLIER_WORDS = {"before", "previously", "used"}


NOISE_COMPLAINT_WORDS = {
    "creak",
    "creaks",
    "creaky",
    "creaking",
    "crunchy",
    "crunching",
    "grinding",
    "squeaky",
    "squeaks",
}


# Words that, with "my", tell of the runner's own complaint even in a question.
COMPLAINT_IN_A_QUESTION_WORDS = {
    "sprained", "twisted", "rolled", "injured", "swollen", "puffy", "swelling", "bruised", "tender",
    "broken", "broke", "fractured", "cracked", "torn", "ruptured",
}  # fmt: skip


def tells_own_pain(doc: Doc, clauses: List[int], span: Span) -> bool:
    """A question clause that still says where the runner hurts: "my" and a pain word in it, or "my"
    and a pain word told in a clause that asks nothing ("could my achilles be ruptured?? it's a bit tender")."""
    words = {t.lower_ for t, c in zip(doc, clauses) if c == clauses[span.start]}
    sore_before = span.start > 0 and doc[span.start - 1].lower_ in PAIN_WORDS  # "run with a sore achilles?"
    if "my" not in words and not sore_before:
        return False
    if words & COMPLAINT_IN_A_QUESTION_WORDS or sore_before:
        return True  # "i think i sprained my ankle??", "could my ankle be a bit puffy?"
    asked = question_clauses(doc, clauses)
    told = {t.lower_ for t, c in zip(doc, clauses) if c not in asked}
    return bool(words & (PAIN_WORDS | NOISE_COMPLAINT_WORDS)) or bool(
        told & PAIN_WORDS and not told & body_words().keys()
    )  # "is it normal for my achilles to creak?": a complaint asked about


def body_part_denied(doc: Doc, span: Span) -> bool:
    """ "not my ankle": a negation right before the body word (my/the between)."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in OPTIONAL_BODY_WORDS:
        i -= 1
    return i >= 0 and doc[i].lower_ in {"not", "no", "n't"}


OPTIONAL_BODY_WORDS = {"my", "the", "a", "both", "left", "right"}


def body_weight(fact: Fact) -> int:
    """How surely a body part is the sore place: a pain word in its clause counts
    for it, "fine" or an operation against it (set by ``extract_facts``)."""
    return fact.weight


# Body parts named together where the second is the narrower place (and the one a physio checks first).
# "can't stand on the toes of my foot ... snap in the back of the ankle": the Achilles
NARROWER = {("calf", "achilles"), ("foot", "achilles")}
# A value not replaced by a later one of the same label: uneven ground is the likelier cause of a sore ankle.
KEPT = {
    ("surface", "uneven", "hard"),
    ("volume_change", "returning", "increased"),  # a beginner running more is still a beginner (sudden return)
}


def _choose(mentions: List[Fact], corrected_from: int, vocab: Vocabulary) -> List[Fact]:
    """One value per label: after a correction the corrected value; otherwise
    the first body part (the main complaint) and the last of anything else."""
    chosen: Dict[str, Fact] = {}
    symptoms: Dict[Tuple[str, Any], Fact] = {}
    sides = {f.value for f in mentions if f.label == PAIN_SIDE}
    if {"left", "right"} <= sides and not corrected_from:
        first = next(f for f in mentions if f.label == PAIN_SIDE)
        mentions = [f for f in mentions if f.label != PAIN_SIDE] + [
            Fact(PAIN_SIDE, "both", first.start, first.end, first.token)
        ]
    for fact in mentions:
        if fact.label in (SYMPTOM, DENIED_SYMPTOM):
            symptoms.setdefault((fact.label, fact.value), fact)
            continue
        after_correction = fact.token >= corrected_from > 0
        if (fact.label, getattr(chosen.get(fact.label), "value", None), fact.value) in KEPT and not after_correction:
            continue  # "cobbles in the old town": the uneven ground, not the town's hard streets
        if fact.label != BODY_PART or fact.label not in chosen or after_correction:
            chosen[fact.label] = fact
        elif body_weight(fact) > body_weight(chosen[BODY_PART]) or (
            body_weight(fact) == body_weight(chosen[BODY_PART]) and (chosen[BODY_PART].value, fact.value) in NARROWER
        ):
            chosen[BODY_PART] = fact  # "knees are fine, it's the right heel that hurts"; "calf and achilles"
    facts = list(chosen.values()) + list(symptoms.values())
    for fact in list(facts):
        for label, value in vocab.implies.get((fact.label, fact.value), []):
            if label not in chosen:
                implied = Fact(label, value, fact.start, fact.end)
                chosen[label] = implied
                facts.append(implied)
    return sorted(facts, key=lambda f: (f.start, f.end, f.label))
