"""Numbers in runners' messages: weekly distance, plain distances, durations.

All functions take the raw message text and return kilometres or days, or
``None`` when the message holds no such quantity. Examples::

    weekly_km("about 20 km a week")            -> 20.0
    weekly_km("15 miles weekly")               -> 24.1
    weekly_km("5k three times a week")         -> 15.0
    weekly_km("10 km every day")               -> 70.0
    weekly_km("went from 10 to 30 km a week")  -> 30.0   (and distance_increase)
    distance_km("I ran a 10k")                 -> 10.0   (no rate: per run)
    duration_days("it has hurt for 3 weeks")   -> 21
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Tuple

KM_PER_MILE = 1.609344
WEEKS_PER_MONTH = 4.345

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "a few": 3,
    "several": 3,
    "half a": 0.5,
}
_WORD_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")\b"
)

_NUM = r"(\d+(?:[.,]\d+)?)"
_KM_UNIT = r"(?:k|km|kms|kilometers?|kilometres?|kay)"
_MILE_UNIT = r"(?:mi|miles?|mls)"
_DISTANCE = re.compile(rf"{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM})?\s*({_KM_UNIT}|{_MILE_UNIT})\b")
_FROM_TO = re.compile(
    rf"\bfrom\s+(?:about\s+|around\s+)?{_NUM}\s*(?:{_KM_UNIT}|{_MILE_UNIT})?\s+(?:up\s+)?to\s+"
    rf"(?:about\s+|around\s+)?{_NUM}"
)
_TIMES_PER_WEEK = re.compile(
    rf"{_NUM}\s*(?:x|times|days|runs|sessions)\s*(?:a|per|each|every|in\s+a|/)\s*(?:week|wk)|"
    rf"{_NUM}\s*(?:x|times|days|runs)\s*weekly"
)
_PER_WEEK = re.compile(r"(?:\b(?:a|per|each|every|in\s+a)\s*|/\s*)(?:week|wk)\b|\bweekly\b|\bpw\b|/\s*w\b")
_PER_DAY = re.compile(r"(?:\b(?:a|per|each|every)\s*|/\s*)day\b|\bdaily\b|\beveryday\b")
_EVERY_OTHER_DAY = re.compile(r"\bevery\s+(?:other|second)\s+day\b")
_PER_MONTH = re.compile(r"\b(?:a|per|each|every|in\s+a|/)\s*month\b|\bmonthly\b")
_DURATION = re.compile(
    rf"\b(?:for|since|past|last|over)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?"
    rf"{_NUM}?\s*(day|days|week|weeks|month|months|year|years)\b"
)
# "sprained it 5 weeks ago and it's still sore": how long, when it is still there.
_AGO = re.compile(rf"{_NUM}\s*(day|days|week|weeks|month|months)\s+ago\b")
_STILL = re.compile(r"\bstill\b")
_PAIN_WORDS = re.compile(r"hurt|pain|sore|ach|ache|niggl|throb|stiff|injur|swoll|problem|issue|bother")
_BARE_NUMBER = re.compile(
    r"^(?:about|around|roughly|approx\.?|approximately|maybe|like|probably|~|circa|only|just|"
    rf"over|under|almost|nearly|usually)?\s*{_NUM}\s*(?:ish|or so|km|kms|k)?\s*\W*$"
)


@dataclass(frozen=True)
class Quantity:
    """A number found in a message, with its character span."""

    value: float
    start: int
    end: int


def normalise_numbers(text: str) -> str:
    """Lowercase and write number words as digits ("three times" -> "3 times").

    The result has the same length as the input (digits are padded with
    spaces), so character spans found in it are spans of the original text.
    """
    text = text.lower()
    text = re.sub(
        r"\b(once|twice|thrice)\b",
        lambda m: {"once": "1x", "twice": "2x", "thrice": "3x"}[m.group(1)].ljust(len(m.group(1))),
        text,
    )
    text = _WORD_PATTERN.sub(lambda m: _format(NUMBER_WORDS[m.group(1)]).ljust(len(m.group(1))), text)
    return re.sub(r"\b(?:a|1)(\s+\d+(?:\.\d+)?\s*(?:k|km|mi|miles?)\b)", r" \1", text)


def _format(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _to_float(raw: str) -> float:
    return float(raw.replace(",", "."))


def _distance(text: str) -> Optional[Tuple[float, int, int]]:
    """First distance in km (a range gives its middle), with its span."""
    match = _DISTANCE.search(text)
    if not match:
        return None
    low = _to_float(match.group(1))
    high = _to_float(match.group(2)) if match.group(2) else low
    value = (low + high) / 2
    if re.fullmatch(_MILE_UNIT, match.group(3)):
        value *= KM_PER_MILE
    return value, match.start(), match.end()


def _runs_per_week(text: str) -> Optional[float]:
    match = _TIMES_PER_WEEK.search(text)
    if match:
        return _to_float(match.group(1) or match.group(2))
    if _EVERY_OTHER_DAY.search(text):
        return 3.5
    return None


def weekly_km(text: str) -> Optional[Quantity]:
    """Kilometres per week, when the message gives a distance and a rate."""
    text = normalise_numbers(text)
    from_to = _FROM_TO.search(text)
    found = _distance(text)
    if found is None:
        return None
    value, start, end = found
    if from_to:
        value = _to_float(from_to.group(2))
        unit_text = text[from_to.end() : from_to.end() + 8]
        if re.match(rf"\s*{_MILE_UNIT}\b", unit_text):
            value *= KM_PER_MILE
        start, end = from_to.start(), from_to.end()
    rest = text[:start] + " " + text[end:]
    rate = re.match(r"\s*(?:a|per|each|every|/)\s*(?:week|wk|day|month)\b|\s*(?:weekly|daily|monthly)\b", text[end:])
    span_end = end + rate.end() if rate else end  # "25 km a week" is one span
    runs = _runs_per_week(rest)
    if runs is not None:
        value *= runs
    elif _PER_WEEK.search(rest):
        pass
    elif _PER_DAY.search(rest):
        value *= 7
    elif _PER_MONTH.search(rest):
        value /= WEEKS_PER_MONTH
    else:
        return None
    return Quantity(round(value, 1), start, span_end)


def distance_km(text: str) -> Optional[Quantity]:
    """A distance with no rate ("I ran 10k"); in km."""
    text = normalise_numbers(text)
    found = _distance(text)
    if found is None:
        return None
    value, start, end = found
    return Quantity(round(value, 1), start, end)


def distance_increase(text: str) -> bool:
    """True for "from 10 to 30 km": the weekly distance went up."""
    match = _FROM_TO.search(normalise_numbers(text))
    return match is not None and _to_float(match.group(2)) > _to_float(match.group(1))


def bare_number(text: str) -> Optional[Quantity]:
    """A lone number answer ("30", "about 25", "20ish")."""
    text = normalise_numbers(text.strip())
    if len(text.split()) > 4:
        return None
    match = _BARE_NUMBER.match(text)
    if not match:
        return None
    return Quantity(_to_float(match.group(1)), match.start(1), match.end(1))


def duration_days(text: str) -> Optional[Quantity]:
    """How long the pain has lasted, in days, when the message says so."""
    text = normalise_numbers(text)
    for match in _DURATION.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if re.search(r"\b(?:running|run|ran|jogging|training|been)\s*$", before) and not _PAIN_WORDS.search(before):
            continue
        if not _PAIN_WORDS.search(text):
            continue
        count = _to_float(match.group(1)) if match.group(1) else 1
        unit = match.group(2).rstrip("s")
        days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        return Quantity(days, match.start(), match.end())
    ago = _AGO.search(text)
    if ago and _STILL.search(text[ago.end() :]) and _PAIN_WORDS.search(text):
        days = _to_float(ago.group(1)) * {"day": 1, "week": 7, "month": 30}[ago.group(2).rstrip("s")]
        return Quantity(days, ago.start(), ago.end())
    return None
