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
from datetime import date
from typing import List, Optional, Tuple

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

_TENS = r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_WORD = r"(one|two|three|four|five|six|seven|eight|nine)"
_COMPOUND_NUMBER = re.compile(rf"\b{_TENS}[\s-]{_UNITS_WORD}\b")
_NUM = r"(\d+(?:[.,]\d+)?)"
_KM_UNIT = r"(?:k|ks|km|kms|kilometers?|kilometres?|kay|kpw|kmpw)"  # "two 8ks"
_MILE_UNIT = r"(?:mi|miles?|mls|mpw)"  # "40 mpw": miles per week
_DISTANCE = re.compile(rf"{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM})?\s*({_KM_UNIT}|{_MILE_UNIT})\b")
_FROM_TO = re.compile(
    rf"(?:\bfrom|\b(?:went|gone|jumped|increased|upped|bumped|ramped|built)(?:\s+(?:up|it|things|mileage))?(?=\s+\d))"
    rf"\s+(?:about\s+|around\s+)?{_NUM}\s*(?:{_KM_UNIT}|{_MILE_UNIT})?\s+(?:up\s+)?to\s+"
    rf"(?:about\s+|around\s+)?{_NUM}(?!\s*(?:runs?|times|days?|sessions?|x)\b)"  # "from 3 to 5 runs/week": counts
)
_DAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?"
# A weekday right before a distance: "Mon 5k", "sat long run 16k".
_DAY_BEFORE = re.compile(rf"\b{_DAY_NAME}\b[^.\d,;]{{0,12}}$")
# "Monday Wednesday Friday", "tues and thurs": the days of a week's runs, listed together.
_DAYS_LISTED = re.compile(rf"\b{_DAY_NAME}\b(?:\s*(?:,|and|&|/|\+)?\s*\b{_DAY_NAME}\b)+")
# "three mornings a week"; the singular as non-native runners write it ("4 time a week", "5 day a week")
_OCCASIONS = r"(?:x|times?|days?|runs?|sessions?|mornings?|evenings?|nights?|lunchtimes?|afternoons?)"
_TIMES_PER_WEEK = re.compile(
    rf"{_NUM}\s*{_OCCASIONS}\s*(?:(?:a|per|each|every|in\s+a|in\s+the|in|the|/|this|last)\s*)?(?:week|wk)\b|"
    rf"{_NUM}\s*{_OCCASIONS}\s*weekly"
)
_PER_WEEK = re.compile(
    r"(?:\b(?:a|per|each|every|in\s+a|in\s+the|in)\s*|/\s*)(?:week|wk)\b(?!\s+(?:ago|before|after|of))|\bweekly\b|\bpw\b|/\s*w\b"
)  # "70 km in week", "15 km in the week": how non-native runners say it
_PER_DAY = re.compile(
    r"(?<!\bfor\s)(?:\b(?:a|per|each|every|evry|everyday)\s*|/\s*)day\b(?!\s+(?:after|ago|later|or\s+two))"
    r"|\bdaily\b|\beveryday\b|\bevery\s+(?:morning|evening|night)\b"
)  # not "limping for a day after my first 15k"
_EVERY_OTHER_DAY = re.compile(r"\bevery\s+(?:other|second)\s+day\b")
_PER_MONTH = re.compile(r"\b(?:a|per|each|every|in\s+a|/)\s*month\b(?!\s+ago)|\bmonthly\b")  # not "a month ago"
_DURATION = re.compile(
    rf"\b(?:for|since|past|last(?=\s+(?:\d|few|couple|several))|over|around|about|lasted|lasting)\s+(?:the\s+)?(?:past\s+|last\s+)?"
    rf"(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?"
    rf"(?:{_NUM}|an?(?=\s+(?:day|week|month|year)\b))?\s*(day|days|week|weeks|month|months|year|years)\b"
    r"(?!\s*(?:a|per|each|every)\s+(?:week|month))"
    r"(?!\s+ago)"  # "switched shoes about 6 weeks ago, now it aches": when something else happened
)
# "sprained it 5 weeks ago and it's still sore": how long, when it is still there.
_AGO = re.compile(
    rf"(?:{_NUM}|\ban?)\s*(day|days|week|weeks|month|months)\s+(?:ago|since)\b"
)  # "six weeks since I sprained it", "a month ago"
_STILL = re.compile(r"\bstill\b")
# "still limping 3 weeks after the sprain", "still puffy after 6 days": how long it has gone on, told with "still".
_STILL_AFTER = re.compile(
    rf"\bstill\b[^.!?]{{0,60}}?(?:\bafter\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?{_NUM}\s*"
    rf"(day|days|week|weeks|month|months)\b|(?:{_NUM}|an?)\s*(day|days|week|weeks|month|months)\s+(?:after|on from|post|since)\b)"
)
# "3 weeks of resting it and it still hurts": how long it was rested, with the pain still there
_RESTED_FOR = re.compile(
    rf"(?:{_NUM}|an?)\s*(day|days|week|weeks|month|months)\s+(?:of\s+|off\s+)(?:rest|resting|no\s+running|not\s+running|running)\b"
)
# "10 weeks now", "3 months already"; "since April".
_FOR_NOW = re.compile(rf"{_NUM}\s*(day|days|week|weeks|month|months|year|years)\s+(?:now|already|and counting)\b")
# "it's been 3 weeks of limping", "been a month with it": how long, told as a stretch of time of the complaint
_BEEN_WEEKS_OF = re.compile(
    rf"\bbeen\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?{_NUM}\s*(day|days|week|weeks|month|months)\s+(?:of|with)\b"
)
_AN_AGE_BEFORE = re.compile(r"\b(?:she|he|baby|son|daughter|kid|child|they)\s*(?:'s|is|are|'re)?\s*$")
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_SINCE_MONTH = re.compile(
    r"\bsince\s+(?:early\s+|late\s+|mid\s+)?(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b"
)
_PAIN_WORDS = re.compile(
    r"hurt|pain|sore|ach|ache|niggl|throb|stiff|injur|swoll|swell|puff|problem|issue|bother|itis\b|worse|numb|tingl|pins and needles|burning"
)
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
    text = _COMPOUND_NUMBER.sub(
        lambda m: str(NUMBER_WORDS[m.group(1)] + NUMBER_WORDS[m.group(2)]).ljust(len(m.group(0))), text
    )  # "twenty two k", "thirty-five miles"
    text = _WORD_PATTERN.sub(lambda m: _format(NUMBER_WORDS[m.group(1)]).ljust(len(m.group(1))), text)
    text = re.sub(
        r"\b(\d+)(\s+and\s+a\s+half)\b", lambda m: (m.group(1) + ".5").ljust(len(m.group(0))), text
    )  # "two and a half months"
    text = re.sub(
        r"\b(?:an?|one)\s+(?:full\s+|good\s+|whole\s+)?(day|week|month|year)\s+and\s+a\s+half\b",
        lambda m: f"1.5 {m.group(1)}s".ljust(len(m.group(0))),
        text,
    )  # "a week and a half"
    text = re.sub(
        r"\b(?:c\s?25\s?k|couch\s+to\s+5\s?k|c\s?2\s?5k)\b", lambda m: " " * len(m.group(0)), text
    )  # a programme
    text = text.replace("\u00d7", "x")  # "4 days × 5 km"
    text = re.sub(r"\bjunior parkrun\b", lambda m: "2k".ljust(len(m.group(0))), text)  # a junior parkrun is 2 km
    text = re.sub(r"\bparkrun\b", lambda m: "5k".ljust(len(m.group(0))), text)  # a parkrun is 5 km
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


# A count a week told of something else than running: "do strength twice a week", "yoga 3 times a week"
# (not "the gym": runners run on its treadmill).
_OTHER_ACTIVITY_BEFORE = re.compile(
    r"\b(?:strength|weights|lifting|yoga|pilates|swim|swimming|cycle|cycling|bike|football|netball|classes?|"
    r"crossfit|squash|tennis|hockey|rugby)\b[^.,;]{0,15}$"
)


# "increased to five times a week", "now 4 days a week": the count after a change, which is the current one
_CHANGED_TO_BEFORE = re.compile(r"\b(?:increased|up|upped|went|jumped|moved|bumped|now|added)\b[^.,;]{0,12}$")
# "every morning on weekdays", "Monday to Saturday": the runs of a week told as its days
_WEEKDAYS = re.compile(r"\bweekdays?\b|\bmon(?:day)?\s*(?:to|-|–|till|until|through|thru)\s*fri(?:day)?\b")
_MONDAY_TO_SATURDAY = re.compile(r"\bmon(?:day)?\s*(?:to|-|–|till|until|through|thru)\s*sat(?:urday)?\b")


def _runs_per_week(text: str) -> Optional[float]:
    counts = []
    for match in _TIMES_PER_WEEK.finditer(text):
        if _OTHER_ACTIVITY_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "strength twice a week": not the runs
        changed = bool(_CHANGED_TO_BEFORE.search(text[max(0, match.start() - 30) : match.start()]))
        counts.append((changed, _to_float(match.group(1) or match.group(2))))
    if counts:
        return next((count for changed, count in reversed(counts) if changed), counts[0][1])
    if _EVERY_OTHER_DAY.search(text):
        return 3.5
    if _MONDAY_TO_SATURDAY.search(text):
        return 6.0
    if _WEEKDAYS.search(text):
        return 5.0
    listed = _DAYS_LISTED.search(text)
    if listed:
        return float(len(re.findall(rf"\b{_DAY_NAME}\b", listed.group(0))))
    return None


# A distance that is the week's total: "25 km a week", "40 miles last week", "so 25k", "this week it was 45".
_WEEKLY_AFTER = re.compile(
    r"\s*(?:all\s+up\s+|altogether\s+|in\s+total\s+)?(?:(?:a|per|each|every|/|in(?:\s+(?:a|the))?)\s*(?:week|wk)\b(?!\s+(?:ago|before|after|of))|weekly\b|pw\b|/\s*w\b|(?:this|last|that)\s+week\b|"
    r"(?:-\s*)?weeks?\b(?!\s*\d|\s+ago)|total\b|in\s+total\b|overall\b)"  # "80k weeks", "a 100k week", "30 miles total"
)
_WEEKLY_BEFORE = re.compile(
    r"(?:\b(?:so|total|totals|that's|thats|makes|=)\s*(?:about|around|like|roughly|~)?|"
    r"\b(?:peak|biggest|highest|top)\s+weeks?\s*(?:was|were|is|of|at|hit)?\s*(?:about|around|like|~)?|"
    r"\b(?:this|last)\s+week\b(?:\W+\w+){0,4}?|"
    r"\bweekly\s+(?:mileage|distance|volume|total|kms?|miles)\s*(?:is|was|=|:|of|at)?)\s*(?:about|around|like|~)?\s*$"
)  # "weekly mileage is 60"
# The usual distance, before a change: "normally 25", "usually do 10 miles", "started at 10k", "vs my usual 15".
_USUAL_BEFORE = re.compile(
    r"(?:\b(?:usual|usually|normally|normal|used\s+to|started\s+at|was\s+(?:doing|running)|before|up\s+from)\b|\(\s*was\b)"
    r"(?:\W+[\w']+){0,3}?\W*$"  # "(was 40)"
)
_WAS_BEFORE = re.compile(
    r"(?:(?:\(|\bnow\W+)\s*was|\b(?:up|down)\s+from)\s*(?:about\s+|around\s+|~)?$"
)  # "40 a week now (was 25)", "now, was 25", "up from 15k"
_NOW_BEFORE = re.compile(
    r"\b(?:now|this\s+week|currently|these\s+days|nowadays|back\s+(?:doing|to|at|on))\b(?:\W+[\w']+){0,3}?\W*$"
)
# "training for a 10k", "my first half": a race, not a training distance.
_RACE_BEFORE = re.compile(r"\b(?:for|entered)\s+(?:a\s+|the\s+|my\s+)?(?:first\s+)?$|\b(?:the|my)\s+(?:first\s+)?$")
_RACE_AFTER = re.compile(
    r"\s*(?:race|parkrun|event|in\s+(?:may|june|april|the\s+spring|the\s+autumn)|next|soon|coming)\b|\s*[,.!?]|\s*$"
)
# "this week I did 5k, 8k and 12k": a list of the week's runs.
_WEEK_LIST_BEFORE = re.compile(r"\b(?:this|last)\s+week\b(?:\W+[\w']+){0,4}?\W*$")
_LIST_JOIN = re.compile(r"^\s*(?:,|\+|and|&|then)\s*(?:a\s+|another\s+)?$")
_COUNT_BEFORE = re.compile(r"\b\d+\s*$")  # "two 8k runs": each run, not the week
# "3 runs of 8k", "4 x 8km", "3 miles three times": a count of runs of that distance.
_RUNS_OF_BEFORE = re.compile(
    rf"{_NUM}\s*(?:x|runs?\s+of|times?|(?:days?|runs?|sessions?)\s*x)\s*(?:about\s+|around\s+|roughly\s+|~)?$"
)  # "5 days x 5km"
# "4 runs: 8k, 10k, 8k, 28k": the runs counted, then listed
_RUNS_COUNTED_BEFORE = re.compile(rf"{_NUM}\s*(?:runs?|sessions?)\s*(?::|-|–)\s*$")
_RUNS_AFTER = re.compile(rf"\s*{_NUM}\s*(?:x|times)\b|\s*x\s*{_NUM}\b(?!\s*(?:k|km|mi|miles?|m)\b)")  # "7 km x 5"
_PLUS_BEFORE = re.compile(
    r"(?:\b(?:plus|as\s+well\s+as|and\s+(?:one|1)|then|and(?=\s+a\s+long))|\+)\s+(?:a|an|one|1)?\s*(?:longer\s+|long\s+)?"
    r"(?:run\s+of\s+)?$"  # "2 x 6 miles and a long run of 12 miles"
)
# "walk 15 km a day and run 3 x 8 km": a distance walked, cycled or hiked is no running
_NOT_RUN_BEFORE = re.compile(
    r"(?<![/-])\b(?:walk|walks|walking|walked|hike|hikes|hiking|cycle|cycles|cycling|bike|ride|rides|swim)\s+(?:about\s+|around\s+)?$"
)
_FOR_YEARS_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|every|/|in\s+(?:a|the))\s*(?:week|wk)\s+)?for\s+(?:years|ages|months|a\s+long\s+time|a\s+while)\b"
)
_EACH_WAY = re.compile(r"\s*(?:each|every)\s+way\b")  # "9 km each way": a run commute, twice a day
MOST_KM_PER_WEEK = 120.0  # above this, "N days a week, 50 km" names the week's total, not each run


_BARE = re.compile(
    rf"(?<![\d.,]){_NUM}(?!\s*(?:{_KM_UNIT}|{_MILE_UNIT}|%|x|times|days?|weeks?|runs?|years?|kg|stone|lbs?|min|mins|minutes|hours?)\b)"
    r"(?!\s*(?:long|short|easy|of\s+them)\b)"  # "3 runs, 1 long one": a count
    r"(?!\s*\d)"  # "two 8k runs": a count
)


# "3k into my runs", "at the 5k mark", "after 2 miles": where in a run something happens, not a run's distance
_INTO_A_RUN_AFTER = re.compile(r"\s*(?:into|in\s+to)\b|\s*mark\b")
_AT_POINT_BEFORE = re.compile(r"\b(?:at|after)\s+(?:about\s+|around\s+|roughly\s+|~|the\s+)*$")
_ANY_RATE_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|every|/|in\s+a)\s*(?:week|wk|day|month)\b|weekly|daily|monthly|runs?\b|x\b|times\b)"
)


def _is_point_in_a_run(text: str, start: int, end: int) -> bool:
    """ "it hurts 3k into my runs", "at 5k": a point in a run (not "back at 30k a week", "at 62 km this week",
    "after 10k runs")."""
    if _INTO_A_RUN_AFTER.match(text[end:]):
        return True
    rate_after = _ANY_RATE_AFTER.match(text[end:]) or _WEEKLY_AFTER.match(text[end:])  # "at 62 km this week"
    return bool(_AT_POINT_BEFORE.search(text[max(0, start - 20) : start]) and not rate_after)


_DAY_RIGHT_AFTER = re.compile(rf"\s*(?:on\s+)?(?:the\s+)?{_DAY_NAME}\b")
_DAY_RIGHT_BEFORE = re.compile(
    rf"(?<!the\s)(?<!that\s)(?<!this\s)\b{_DAY_NAME}\s*(?::|-|–)?\s*$"
)  # not "the saturday one"


def _beside_a_day(text: str, start: int, end: int) -> bool:
    """ "4 on Tuesday", "Thu 5", "5 miles saturday": a figure told for a weekday."""
    return bool(_DAY_RIGHT_AFTER.match(text[end:]) or _DAY_RIGHT_BEFORE.search(text[max(0, start - 20) : start]))


_ON_THE_SHOES_AFTER = re.compile(
    r"\s*(?:on\s+(?:them|these|those|the\s+(?:shoes|trainers|clock)|my\s+(?:shoes|trainers))|in\s+(?:them|these|those))\b"
)


def _distances(text: str) -> List[Tuple[float, int, int]]:
    """Every distance in km, in order; a number without a unit counts in the message's unit
    when it is a weekly figure or a usual one ("did 22 last week", "normally 25")."""
    found = []
    miles = False
    unit_seen = False  # a unit named, even on a distance that is not a run ("550 miles on them ... 35ish a week")
    for match in _DISTANCE.finditer(text):
        if re.match(r"\s*steps?\b", text[match.end() :]):
            continue  # "10k steps"
        low = _to_float(match.group(1))
        high = _to_float(match.group(2)) if match.group(2) else low
        value = (low + high) / 2
        unit_seen = True
        if re.fullmatch(_MILE_UNIT, match.group(3)):
            value *= KM_PER_MILE
            miles = True
        if _ON_THE_SHOES_AFTER.match(text[match.end() :]):
            continue  # "300 km on them": the shoes' wear (shoe_wear), not a run; its unit still counts
        if _NOT_RUN_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if _is_point_in_a_run(text, match.start(), match.end()):
            continue
        if _EACH_WAY.match(text[match.end() :]):
            value *= 2
        found.append((value, match.start(), match.end()))
    if found or unit_seen:
        by_day = any(_beside_a_day(text, s, e) for _, s, e in found)
        taken = [(s, e) for _, s, e in found]
        for match in _BARE.finditer(text):
            start, end = match.span()
            if any(s <= start < e for s, e in taken):
                continue
            before = text[max(0, start - 40) : start]
            if re.search(r"\bx\s*$", before):
                continue  # "8 km x 3 a week": the count of runs
            if (
                re.search(r"\bat\s*$", before)
                and not re.search(r"\b(?:now|currently|up|am|is|was|i'm|im|be|been|sitting)\s+at\s*$", before)
                and not _WEEKLY_AFTER.match(text[end:])
            ):
                continue  # "back to running at 45": an age (not "now at 35", "back at 45 a week")
            if (
                _WEEKLY_AFTER.match(text[end:])
                or _USUAL_BEFORE.search(before)
                or _NOW_BEFORE.search(before)
                or _WEEKLY_BEFORE.search(before)
                or _WAS_BEFORE.search(before)
                or by_day
                and _beside_a_day(text, start, end)  # "5 miles on Saturday, 4 on Tuesday"
            ):
                value = _to_float(match.group(1)) * (KM_PER_MILE if miles else 1)
                found.append((value, start, end))
    return sorted(found, key=lambda d: d[1])


_DAILY_AFTER = re.compile(r"\s*(?:(?:a|per|each|every|/)\s*day|daily|everyday)\b")


def _is_usual(text: str, start: int) -> bool:
    """ "normally 25", "(was 40)", "up from 15k": the figure before a change, not the one now."""
    before = text[max(0, start - 40) : start]
    return bool(_USUAL_BEFORE.search(before)) and not _NOW_BEFORE.search(before) or bool(_WAS_BEFORE.search(before))


def _up_on_usual(text: str, distances: List[Tuple[float, int, int]], value: float) -> bool:
    """ "4 x 5k and a long 12k (up from 15k total last week)": above an old weekly total told beside it."""
    return any(v < value for v, s, e in distances if _is_usual(text, s) and _WEEKLY_AFTER.match(text[e:]))


def _weekly_total(text: str, distances: List[Tuple[float, int, int]]) -> Optional[Tuple[float, int, int, bool]]:
    """A distance named as the week's total (the latest if the usual one is also given), and
    whether it went up from the usual one."""
    weekly, usual = [], []
    for value, start, end in distances:
        before = text[max(0, start - 40) : start]
        is_usual = _is_usual(text, start)
        if _RUNS_OF_BEFORE.search(text[max(0, start - 25) : start]) or _COUNT_BEFORE.search(before):
            continue  # "3 runs of 5 miles a week", "done two 8k runs": each run
        if len(distances) > 1 and _PLUS_BEFORE.search(text[max(0, start - 20) : start]):
            continue  # "3 x 5 miles and a long run of 10 miles every week": one more run, not the week
        is_weekly = bool(_WEEKLY_AFTER.match(text[end:]) or _WEEKLY_BEFORE.search(before) or text[:end].endswith("pw"))
        if (is_usual or _NOW_BEFORE.search(before)) and _DAILY_AFTER.match(text[end:]):
            value = value * 7  # "before I run 5 km per day, now 10 km per day": the days of a week
            is_weekly = True
        if is_weekly and _FOR_YEARS_AFTER.match(text[end:]):
            is_usual = True  # "15 miles a week for years, now doing 25": the usual one
        if is_usual:
            usual.append(value)
        elif is_weekly or (usual and _NOW_BEFORE.search(before)):
            weekly.append((value, start, end))
    if not weekly and usual and len(distances) == 1 and _WEEKLY_AFTER.match(text[distances[0][2] :]):
        weekly = [distances[0]]  # only a usual distance: still the weekly figure
    if not weekly:
        return None
    value, start, end = weekly[-1]
    return value, start, end, any(u < value for u in usual)


def _long_run_added(text: str, start: int, end: int) -> bool:
    """ "3 x 8km and a 16km long run": one more run, named after its distance."""
    added = re.search(r"\b(?:and|plus)\s+(?:(?:a|an|one|1)\s*)?$", text[max(0, start - 12) : start])
    return bool(added and re.match(r"\s*(?:long|longer)\s+(?:run|one)\b", text[end:]))


# "210 km last month", "80 miles in the past month": the month's total
_LAST_MONTH_AFTER = re.compile(r"\s*(?:in\s+)?(?:the\s+)?(?:last|this|past|previous)\s+month\b(?!\s+ago)")
FEWEST_KM_A_MONTH = 30.0  # "ran a 10k last month" is one run


def _month_total(text: str, value: float, end: int) -> bool:
    """ "180 km last month": a distance told for a whole month just gone."""
    return value >= FEWEST_KM_A_MONTH and bool(_LAST_MONTH_AFTER.match(text[end:]))


# "6k each", "5 miles each time", "4k a time": the distance of each of the runs counted
_EACH_AFTER = re.compile(r"\s*(?:each|a\s+time|per\s+run|each\s+(?:time|run|day|go))\b")
_OCCASIONS_TOLD = re.compile(
    rf"(?<!\bsince\s)(?<!\bfor\s)(?<!\bpast\s)(?<!\blast\s)(?<!\bover\s)(?<![\d.])"  # "since 10 days": how long
    rf"{_NUM}\s*{_OCCASIONS}\b(?!\s*(?:ago|of|off|since|now|later)\b)"
)
MOST_RUNS_PER_WEEK = 14  # twice a day


def _occasions_told(text: str, start: int) -> Optional[float]:
    """ "5 days", "3 runs": a count of runs told without "a week", the last before the distance of each
    (at ``start``) or else the first after it."""
    before = list(_OCCASIONS_TOLD.finditer(text, 0, start))
    match = before[-1] if before else _OCCASIONS_TOLD.search(text, start)
    count = _to_float(match.group(1)) if match else None
    return count if count and count <= MOST_RUNS_PER_WEEK else None


# "on weekends", "on sundays", "every saturday": once a week
_ONCE_A_WEEK_AFTER = re.compile(
    r"\s*(?:on|at|every|each)\s+(?:the\s+)?(?:weekends?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)days)\b|"
    rf"\s*(?:every|each)\s+(?:weekend|{_DAY_NAME})\b"
)


def _per_run_total(text: str, distances: List[Tuple[float, int, int]]) -> Optional[Tuple[float, int, int]]:
    """Runs of a distance: "3 runs of 8k", "5k three times a week", "5k, 5k and a 10k (3 runs)",
    "3 miles three times a week plus one 6 mile run", "4 km daily"."""
    value, start, end = distances[0]
    before, after = text[max(0, start - 25) : start], text[end : end + 30]
    rest = text[:start] + " " + text[end:]
    runs = _runs_per_week(rest)
    runs_of = _RUNS_OF_BEFORE.search(before)
    runs_after = _RUNS_AFTER.match(after)
    extra = sum(v for v, s, _ in distances[1:] if _PLUS_BEFORE.search(text[max(0, s - 20) : s]))
    listed = all(_LIST_JOIN.match(text[a[2] : b[1]]) for a, b in zip(distances, distances[1:]))
    counted = _RUNS_COUNTED_BEFORE.search(before)
    if runs is None and counted and int(_to_float(counted.group(1))) == len(distances):
        runs = _to_float(counted.group(1))  # only when every counted run is listed
    if runs is None and _EACH_AFTER.match(after):
        runs = _occasions_told(rest, start)  # "5 days, about 6k each"
    the_runs_listed = runs is not None and len(distances) >= 2 and len(distances) == int(runs) and not extra and listed
    if not the_runs_listed:
        extra += sum(  # "3 x 8km and a 16km long run"
            v
            for v, s, e in distances[1:]
            if _long_run_added(text, s, e) and not _PLUS_BEFORE.search(text[max(0, s - 20) : s])
        )
    if the_runs_listed:
        total = sum(v for v, _, _ in distances)  # "3 times a week: 7 km, 7 km and a 12 km long run"
    elif runs_of or runs_after:
        count = _to_float(next(g for g in (runs_of or runs_after).groups() if g))  # type: ignore[union-attr]
        total = value * count
    elif runs is not None:
        total = value * runs
    elif _PER_WEEK.search(rest):
        total = value
    elif _PER_DAY.search(rest):
        total = value * 7
    elif _PER_MONTH.search(rest) or _month_total(text, value, end):
        total = value / WEEKS_PER_MONTH
    elif len(distances) == 1 and _ONCE_A_WEEK_AFTER.match(after):
        total = value  # "20km on weekends": once a week
    else:
        return None
    if runs is not None and total + extra > MOST_KM_PER_WEEK and not (runs_of or runs_after):
        total = value  # "6 days a week, ~50 km": the week's total
    rate = re.match(r"\s*(?:a|per|each|every|/)\s*(?:week|wk|day|month)\b|\s*(?:weekly|daily|monthly)\b", after)
    return total + extra, start, end + (rate.end() if rate else 0)


# "two 8k", "4 runs of 5k", "3 x 6 km", "5k x 4", "8k twice" (normalised to "2x"): how many runs of that distance
_COUNT_OF_RUNS_BEFORE = re.compile(
    rf"(?<![\d.]){_NUM}\s*(?:x|runs?\s+of|times|(?:runs?|days?|sessions?)\s*x)?\s*"
    r"(?:about\s+|around\s+|~|easy\s+|short\s+|slow\s+|steady\s+|tempo\s+|hilly\s+|flat\s+)?$"
)  # "2 easy 5ks"
# "3 miles per run, 4 runs": the count after the distance of each
_EACH_OF_RUNS_AFTER = re.compile(
    rf"\s*(?:per|a|each|every)\s+(?:run|time|go|session)\W+(?:about\s+)?{_NUM}\s*(?:x|times|runs?)\b"
)
# "15 miles in 3 runs", "20k over 4 runs": the distance is already the total of those runs
_IN_RUNS_AFTER = re.compile(rf"\s*(?:in|over|across|from|spread\s+over)\s+{_NUM}\s*(?:runs?|sessions?|days?|goes)\b")
# what joins the runs of one week: "a parkrun plus two 8k", "5k, 5k and a 10k", "3 x 6k + a 12k long run"
_RUNS_JOIN = re.compile(
    rf"^\s*(?:runs?|each|sessions?|easy|long|(?:(?:on|every|each)\s+(?:the\s+)?)?(?:weekends?|{_DAY_NAME}))?\s*"
    r"(?:,|\+|&|;|and|n|'n'|plus|then|with|as\s+well\s+as)\s*(?:then\s+|also\s+|and\s+|plus\s+)?(?:a|an|one|another|1)?\s*"
    r"(?:more\s+|other\s+)?(?:long\s+|longer\s+|easy\s+|slow\s+|tempo\s+|short\s+)?(?:run\s+of\s+|one\s+of\s+)?$"
)


# "on tues and thurs", "monday wednesday friday": the days of the runs of that distance
_DAYS_AFTER = re.compile(rf"\s*(?:on\s+|every\s+)?{_DAYS_LISTED.pattern}")
# "on saturdays", "weekdays", "midweek", "every sunday": runs told as a week's habit
_WEEKLY_HABIT = re.compile(
    r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)days|weekdays|weekends|midweek)\b|"
    rf"\bevery\s+{_DAY_NAME}\b"
)


def _runs_summed(text: str, distances: List[Tuple[float, int, int]]) -> Optional[Quantity]:
    """The week's runs told one after the other, each with its count: "a parkrun plus two 8k" -> 21,
    "3 x 6k and a 12k long run" -> 30, "15 miles in 3 runs" -> 24.1. None unless every distance
    is joined to the next as one more run."""
    if not distances:
        return None
    total = 0.0
    for index, (value, start, end) in enumerate(distances):
        before, after = text[max(0, start - 16) : start], text[end : end + 24]
        counted_after = _RUNS_AFTER.match(after)  # "8k twice", "5k x 4"
        days_after = _DAYS_AFTER.match(text[end:])  # "5k on tues and thurs": one run each day
        if index + 1 < len(distances):
            told_after = counted_after or days_after
            gap = text[end + (told_after.end() if told_after else 0) : distances[index + 1][1]]
            count_next = _COUNT_OF_RUNS_BEFORE.search(gap)
            if not _RUNS_JOIN.match(gap[: count_next.start()] if count_next else gap):
                return None  # "20k a week and a 10k long run": not one more run
        elif len(distances) == 1:
            counted_after = counted_after or _EACH_OF_RUNS_AFTER.match(after)
        if _IN_RUNS_AFTER.match(after):
            total += value
            continue
        counted = _COUNT_OF_RUNS_BEFORE.search(before) or counted_after
        days = len(_DAY_NEAR.findall(days_after.group(0))) if days_after else 1
        total += value * (_to_float(next(g for g in counted.groups() if g)) if counted else days)
    return Quantity(round(total, 1), distances[0][1], distances[-1][2])


# after a number: it counts something else than kilometres ("7 out of 10", "5 days", "70 kg")
_NOT_DISTANCE_AFTER = r"(?![\d.]|\s*(?:/|%|out\s+of|kg|kgs|kilos?|lbs?|stone|min|mins|minutes|hours?|days?|weeks?|years?|times|x|runs?)\b)"
# "was 30 now 45", "used to be 20, now like 35", "was doing 20 a week, now closer to 40": the week's distance
# before and now
_NOW_FILLER = (
    r"(?:it's|its|it\s+is|i'm|im|i\s+do|at|doing|running|about|around|like|nearly|almost|over|~|roughly|"
    r"clos(?:er|e)\s+to|near(?:er)?\s+to|up\s+to|more\s+like)"
)
_WAS_NOW = re.compile(
    rf"\b(?:was|used\s+to\s+(?:be|do|run)|before|usually|normally|typically)\s+(?:(?:doing|running|at|on|about|around|like|~)\s*)*{_NUM}\s*"
    rf"({_KM_UNIT}|{_MILE_UNIT})?(?:\s*(?:a|per|/)\s*(?:week|wk)|\s*weekly|\s*pw)?\W+"
    rf"(?:(?:and|but|so)\s+)?(?:now|this\s+week|lately|these\s+days)\s+(?:{_NOW_FILLER}\s*)*{_NUM}\s*({_KM_UNIT}|{_MILE_UNIT})?"
    rf"{_NOT_DISTANCE_AFTER}"
)
# what tells a before-and-now is the week's running: "a week", "mileage", "km"
_WEEK_CUE = re.compile(rf"\b(?:weeks?|weekly|wk|mileage|volume|distance|{_KM_UNIT}|{_MILE_UNIT})\b")


def _week_cue_near(text: str, match: "re.Match[str]") -> bool:
    """A word about the week's running in or just before the match: "mileage was 30, now 40"."""
    return bool(_WEEK_CUE.search(text[max(0, match.start() - 25) : match.end()]))


def _was_now(text: str, told_weekly: bool) -> Optional[Tuple[Quantity, bool]]:
    """ "was doing 20 a week, now 40" -> (40, went up): the week's distance now and whether it is up on before.
    Unless ``told_weekly`` (the question asked for the week), a cue to the week must be near."""
    match = _WAS_NOW.search(text)
    if match is None or not (told_weekly or _week_cue_near(text, match)):
        return None  # "pain was 4, now 7"
    unit = match.group(4) or match.group(2)
    miles = re.fullmatch(_MILE_UNIT, unit) if unit else re.search(rf"\b{_MILE_UNIT}\b", text)
    factor = KM_PER_MILE if miles else 1.0
    before, now = _to_float(match.group(1)), _to_float(match.group(3))
    return Quantity(
        round(now * factor, 1), match.start(3), match.end(4) if match.group(4) else match.end(3)
    ), now > before


_UNIT = rf"({_KM_UNIT}|{_MILE_UNIT})"
# "last 3 weeks: 20k, 28k, 38k", "the weeks before were 60, 75, 90k": one figure a week, oldest first
_WEEK_SEQUENCE = re.compile(
    rf"\bweeks\b[^.\d;:]{{0,25}}?(?::|\b(?:were|went|been)\b|\s-|–)\s*(?:about\s+|around\s+|~)?"
    rf"((?:{_NUM}\s*{_UNIT}?\s*(?:,|/|\band\b|\bthen\b)\s*)+{_NUM}\s*{_UNIT}?){_NOT_DISTANCE_AFTER}"
)
_SEQUENCE_ITEM = re.compile(rf"{_NUM}\s*{_UNIT}?")


def _week_sequence(text: str) -> Optional[Tuple[Quantity, bool]]:
    """ "the weeks before were 60, 75, 90k" -> (90, went up): the last week, in the unit the list or message gives."""
    match = _WEEK_SEQUENCE.search(text)
    if match is None:
        return None
    return _last_of(text, list(_SEQUENCE_ITEM.finditer(text, match.start(1), match.end(1))))


# "40->55", "30 → 45 km", "20 miles => 30": the figure before the arrow became the one after it
_ARROW_CHAIN = re.compile(
    rf"(?<![\d.])((?:{_NUM}\s*{_UNIT}?\s*(?:-+>|=+>|→|➡️?)\s*)+{_NUM}\s*{_UNIT}?){_NOT_DISTANCE_AFTER}"
)


def _arrow(text: str, told_weekly: bool) -> Optional[Tuple[Quantity, bool]]:
    """ "week total went 40→55" -> (55, went up): the figure the last arrow points to."""
    match = _ARROW_CHAIN.search(text)
    if match is None or not (told_weekly or _week_cue_near(text, match)):
        return None  # "pain 3->7"
    return _last_of(text, list(_SEQUENCE_ITEM.finditer(text, match.start(1), match.end(1))))


def _last_of(text: str, items: List["re.Match[str]"]) -> Tuple[Quantity, bool]:
    """The last of figures told in order (each a number and maybe a unit), in km, and whether it is above the first;
    a figure with no unit takes the unit of the others, else the message's."""
    unit = next((i.group(2) for i in reversed(items) if i.group(2)), None)
    miles = re.fullmatch(_MILE_UNIT, unit) if unit else re.search(rf"\b{_MILE_UNIT}\b", text)
    first, last = _to_float(items[0].group(1)), _to_float(items[-1].group(1))
    value = last * (KM_PER_MILE if miles else 1.0)
    return Quantity(round(value, 1), items[-1].start(), items[-1].end()), last > first


def _told_as_change(text: str, told_weekly: bool) -> Optional[Tuple[Quantity, bool]]:
    """The week's distance told with an earlier one: before and now, week after week, with an arrow."""
    return _was_now(text, told_weekly) or _week_sequence(text) or _arrow(text, told_weekly)


def runs_in_a_week(text: str) -> Optional[Quantity]:
    """The week's distance from an answer to "how much do you run a week?", where a distance with no rate
    is the week's or one of its runs: "a parkrun and two 8ks" -> 21, "4 runs of 5k, normally 2" -> 20."""
    normalised = normalise_numbers(text)
    changed = _told_as_change(normalised, told_weekly=True)
    if changed:
        return changed[0]
    distances = [d for d in _distances(normalised) if not _is_race(normalised, d)]
    summed = _runs_summed(normalised, distances) if len(distances) > 1 else None
    if summed:
        return summed
    found = weekly_run(text)
    return found[0] if found else _runs_summed(normalised, distances)


def weekly_run(text: str) -> Optional[Tuple[Quantity, bool]]:
    """Kilometres per week and whether that is up on the usual, when the message says."""
    text = normalise_numbers(text)
    changed = _told_as_change(text, told_weekly=False) or _instead_of(text)
    if changed:
        return changed  # "was doing 20 a week, now 40", "last 3 weeks: 20k, 28k, 38k"
    distances = _distances(text)
    training = [d for d in distances if not _is_race(text, d)]
    if training and len(training) < len(distances):
        distances = training
    if not distances:
        return _unit_then_from_to(text) or _bare_weekly(text)
    week_list = _week_list(text, distances)
    if week_list:
        return week_list, False
    weekly_habit = _PER_WEEK.search(text) or _WEEKLY_HABIT.search(text)
    summed = _runs_summed(text, distances) if len(distances) > 1 and weekly_habit else None
    if summed:
        return summed, False  # "a parkrun and two 8ks a week": the runs of a week, summed
    from_to = _FROM_TO.search(text)
    if from_to:
        value = _to_float(from_to.group(2))
        if re.match(rf"\s*{_MILE_UNIT}\b", text[from_to.end() : from_to.end() + 8]):
            value *= KM_PER_MILE
        return Quantity(round(value, 1), from_to.start(), from_to.end()), distance_increase(text)
    total = _weekly_total(text, distances)
    if total:
        value, start, end, increased = total
        rate = _WEEKLY_AFTER.match(text[end:])
        return Quantity(round(value, 1), start, end + (rate.end() if rate else 0)), increased
    by_day = _runs_by_day(text, distances)
    if by_day:
        return by_day, False
    per_run = _per_run_total(text, distances)
    if per_run:
        value, start, end = per_run
        return Quantity(round(value, 1), start, end), _up_on_usual(text, distances, value)
    return None


# A weekly figure with no unit anywhere: "~30 a week", "30-40 per week", "weekly about 35", "my weeks are 70-90".
_BARE_RANGE = rf"(?<![\d.,]){_NUM}(?:\s*(?:-|–)\s*{_NUM})?(?:\s*ish)?"  # not "30 to 45": a change
_BARE_WEEKLY = re.compile(
    rf"{_BARE_RANGE}\s*(?:(?:a|per|/|each|every|in\s+a)\s*(?:week|wk)\b(?!\s+ago)|weekly\b|pw\b)|"
    r"(?:\bweekly|\bweeks\s+(?:are|were)|\bmy\s+week\s+is)\s*(?:about|around|roughly|approx\.?|usually|normally|like|~|\s)*"
    rf"{_BARE_RANGE}{_NOT_DISTANCE_AFTER}"
)
FEWEST_BARE_WEEKLY_KM = 8.0  # "4 a week" counts runs


def _bare_weekly(text: str) -> Optional[Tuple[Quantity, bool]]:
    """ "Running ~30 a week" -> 30: a weekly figure in the message's unit (km unless it says miles)."""
    for match in _BARE_WEEKLY.finditer(text):
        low = match.group(1) or match.group(3)
        high = match.group(2) or match.group(4) or low
        value = (_to_float(low) + _to_float(high)) / 2
        if value < FEWEST_BARE_WEEKLY_KM:
            continue
        if re.search(rf"\b{_MILE_UNIT}\b", text):
            value *= KM_PER_MILE
        start = match.start(1) if match.group(1) else match.start(3)
        return Quantity(round(value, 1), start, match.end()), False
    return None


# "instead of 3 times a week", "rather than 25": what was done before, up to its rate or its number
_INSTEAD_OF = re.compile(
    r"\b(?:instead\s+of|rather\s+than)\b[^.,;!?\n]*?"
    r"(?:\b(?:week|wk|day|daily|weekly|month|monthly)\b|"
    rf"(?<![\d.]){_NUM}\s*{_UNIT}?(?![\d.])(?!\s*(?:{_OCCASIONS}|a|per|every|each|/)\b))"
)
_RATE_WORDS = re.compile(rf"{_TIMES_PER_WEEK.pattern}|{_PER_WEEK.pattern}|{_PER_DAY.pattern}|{_PER_MONTH.pattern}")


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with spaces from ``start`` to ``end`` (spans elsewhere stay where they were)."""
    return text[:start] + " " * (end - start) + text[end:]


def _blank_all(pattern: "re.Pattern[str]", text: str) -> str:
    """ "5k every day" -> "5k          ": ``text`` with spaces where ``pattern`` matches."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _instead_of(text: str) -> Optional[Tuple[Quantity, bool]]:
    """ "5k every day instead of 3 times a week" -> (35, went up): the week now (the message without the
    "instead of" clause), and whether it is above the week it replaced."""
    match = _INSTEAD_OF.search(text)
    now = weekly_run(_blank(text, match.start(), match.end())) if match else None
    if match is None or now is None:
        return None
    old = _week_replaced(text, match, now[0].value)
    return (now[0], now[0].value > old) if old is not None else None


def _week_replaced(text: str, match: "re.Match[str]", now: float) -> Optional[float]:
    """The week before "instead of": the old figure at the rate now ("40k a week instead of 25" -> 25), or the
    same runs at the old rate ("5k every day instead of 3 times a week" -> 15)."""
    clause = text[match.start() : match.end()]
    old_number = re.search(rf"(?<![\d.]){_NUM}(?![\d.])(?!\s*{_OCCASIONS}\b)", clause)
    now_distances = _distances(_blank(text, match.start(), match.end()))
    if old_number and now_distances:
        miles = KM_PER_MILE if re.search(rf"\b{_MILE_UNIT}\b", text) else 1.0
        return now * _to_float(old_number.group(1)) * miles / now_distances[0][0]
    old_rate = _blank_all(re.compile(r"instead\s+of|rather\s+than"), clause)
    found = weekly_run(
        _blank_all(_RATE_WORDS, text[: match.start()]) + old_rate + _blank_all(_RATE_WORDS, text[match.end() :])
    )
    return found[0].value if found else None


# "bumped my k's from 30 to 60", "I increase kilometers from 30 to 50": the unit told before the change.
_UNIT_THEN_FROM_TO = re.compile(rf"\b({_KM_UNIT}|{_MILE_UNIT}|k's)\b[^.\d]{{0,20}}$")


def _unit_then_from_to(text: str) -> Optional[Tuple[Quantity, bool]]:
    from_to = _FROM_TO.search(text)
    unit = _UNIT_THEN_FROM_TO.search(text[max(0, from_to.start() - 30) : from_to.start()]) if from_to else None
    if from_to is None or unit is None:
        return None
    value = _to_float(from_to.group(2)) * (KM_PER_MILE if re.fullmatch(_MILE_UNIT, unit.group(1)) else 1)
    return Quantity(round(value, 1), from_to.start(), from_to.end()), distance_increase(text)


_DAY_NEAR = re.compile(rf"\b{_DAY_NAME}\b")
# "3 days 7 km and sunday 14 km": a count of days, then the distance of each
_DAYS_COUNT_BEFORE = re.compile(rf"{_NUM}\s*(?:days?|mornings?|evenings?)\s*(?:of\s+)?$")


def _runs_by_day(text: str, distances: List[Tuple[float, int, int]]) -> Optional[Quantity]:
    """A week told day by day: "8k Tuesday, 5 miles Thursday and 10k Saturday", "3 days 7 km and sunday 14 km"."""
    if len(distances) < 2:
        return None
    total = 0.0
    for value, start, end in distances:
        near = text[max(0, start - 14) : start] + " " + text[end : end + 14]
        count = _DAYS_COUNT_BEFORE.search(text[max(0, start - 14) : start])
        days_after = _DAYS_AFTER.match(text[end:])
        if count:
            total += value * _to_float(count.group(1))
        elif days_after:
            total += value * len(re.findall(rf"\b{_DAY_NAME}\b", days_after.group(0)))
        elif _DAY_NEAR.search(near):
            total += value
        else:
            return None
    return Quantity(round(total, 1), distances[0][1], distances[-1][2])


def _is_race(text: str, distance: Tuple[float, int, int]) -> bool:
    """ "training for a 10k", "my first half": the distance names a race."""
    _, start, end = distance
    before, after = text[max(0, start - 20) : start], text[end : end + 20]
    return bool(_RACE_BEFORE.search(before) and _RACE_AFTER.match(after) and not _WEEKLY_AFTER.match(after))


def _week_list(text: str, distances: List[Tuple[float, int, int]]) -> Optional[Quantity]:
    """ "this week I did 5k, 8k and 12k" -> 25, "Mon 5k, Wed 8k, Sat long run 16k" -> 29: the runs of one week."""
    if len(distances) >= 2 and all(_DAY_BEFORE.search(text[max(0, s - 16) : s]) for _, s, _ in distances):
        return Quantity(round(sum(v for v, _, _ in distances), 1), distances[0][1], distances[-1][2])
    if len(distances) < 2 or not _WEEK_LIST_BEFORE.search(text[max(0, distances[0][1] - 40) : distances[0][1]]):
        return None
    for (_, _, end), (_, start, _) in zip(distances, distances[1:]):
        if not _LIST_JOIN.match(text[end:start]):
            return None
    return Quantity(round(sum(v for v, _, _ in distances), 1), distances[0][1], distances[-1][2])


# Shoes: most running shoes are worn after 500-800 km (docs/clinical-basis.md, "Shoes").
WORN_SHOE_KM = 650.0
NEW_SHOE_DAYS = 42
NEW_SHOE_KM = 150.0
WORN_SHOE_YEARS = 2
_SHOE_DISTANCE = re.compile(
    rf"{_NUM}\+?\s*({_KM_UNIT}|{_MILE_UNIT})\s*(?:on|in)\s+(?:them|these|those|the\s+shoes|it)\b|"
    rf"(?:done|had|has|have|with|about|around|nearly|over|than|almost|past|maybe|probably|roughly|like)\s+"
    rf"(?:about\s+|around\s+|nearly\s+|over\s+)?"
    rf"{_NUM}\s*({_KM_UNIT}|{_MILE_UNIT})\b|"
    rf"{_NUM}\+?\s*({_KM_UNIT}|{_MILE_UNIT})\s+(?:already|so\s+far|on\s+the\s+clock|at\s+least)\b"
)
_SHOE_YEARS_OLD = re.compile(rf"{_NUM}\s*(year|years|yr|yrs|month|months|week|weeks)\s+old\b")
_SHOE_BOUGHT_AGO = re.compile(
    rf"\b(?:got|bought|buy|arrived|ordered|had)\b(?:\s+(?!about|around|only)[a-z'-]+){{0,3}}?\s+(?:about\s+|around\s+|only\s+)?"
    rf"{_NUM}?\s*(day|days|week|weeks|month|months|year|years|fortnight)\s+ago\b|"
    r"\b(?:got|bought|arrived|(?:made\s+(?:us|me|him|her)|had\s+to)\s+(?:get|buy))\s+(?:them\s+|these\s+)?(?:last|this)\s+"
    r"(week|month|fortnight)\b"  # "the coach made us get them this month"
)
# "Pegasus from last year", "bought new in spring", "got them last summer": months old, not new, not worn out
_SHOE_LAST_SEASON = re.compile(
    r"\b(?:from|bought|got)\s+(?:them\s+|these\s+|new\s+|it\s+)?(?:in\s+)?(?:last\s+|this\s+)?"
    r"(?:year|spring|summer|autumn|fall|winter)\b(?!\s+(?:ago|before))"
)
_SHOE_YEAR = re.compile(r"\b(?:from|since|bought\s+in|in)\s+((?:19|20)\d\d)\b")


def _wear_after_km(km: float) -> str:
    return "worn_out" if km >= WORN_SHOE_KM else "new" if km < NEW_SHOE_KM else "ok"


def _wear_after_age(count: float, unit: str) -> str:
    """ "worn_out" / "new" / "ok" for shoes ``count`` years, months or weeks old."""
    days = count * (365 if unit.startswith("y") else 30 if unit.startswith("mo") else 7)
    return "worn_out" if days >= WORN_SHOE_YEARS * 365 else "new" if days <= NEW_SHOE_DAYS else "ok"


def shoe_wear(text: str, this_year: int) -> Optional[Tuple[str, int, int]]:
    """ "worn_out" / "new" / "ok" from a shoe's age or distance, with its span, or None:
    "600 miles on them", "about 3 years old", "from 2015", "got them two weeks ago"."""
    text = normalise_numbers(text)
    match = _SHOE_DISTANCE.search(text)
    if match:
        number, unit = next((match.group(i), match.group(i + 1)) for i in (1, 3, 5) if match.group(i))
        km = _to_float(number) * (KM_PER_MILE if re.fullmatch(_MILE_UNIT, unit) else 1)
        if re.search(
            r"\b(?:ran|run|did|running|jogged|raced)\s+(?:about\s+)?$", text[max(0, match.start() - 12) : match.start()]
        ):
            return None  # "ran 10 km in them": one run, not the shoes' wear
        return _wear_after_km(km), match.start(), match.end()
    match = _SHOE_YEARS_OLD.search(text)
    if match:
        return _wear_after_age(_to_float(match.group(1)), match.group(2)), match.start(), match.end()
    match = _SHOE_BOUGHT_AGO.search(text)
    if match:
        if match.group(3):  # "last week"
            return "new", match.start(), match.end()
        count = _to_float(match.group(1)) if match.group(1) else 1
        unit = match.group(2)
        days = count * {"d": 1, "w": 7, "f": 14, "m": 30, "y": 365}[unit[0]]
        bought = "new" if days <= NEW_SHOE_DAYS else "worn_out" if days >= WORN_SHOE_YEARS * 365 else None
        return (bought, match.start(), match.end()) if bought else None
    match = _SHOE_LAST_SEASON.search(text)
    if match:
        return "ok", match.start(), match.end()  # "from last year", "bought new in spring": months old
    match = _SHOE_YEAR.search(text)
    if match and this_year - int(match.group(1)) >= WORN_SHOE_YEARS:
        return "worn_out", match.start(), match.end()
    return None


_BARE_SHOE_DISTANCE = re.compile(
    rf"(?<![\w.]){_NUM}\+?\s*({_KM_UNIT}|{_MILE_UNIT})\b(?!\s*(?:a|per|/|each|every)\s*(?:week|wk|month|run|day))"
)
_BARE_SHOE_AGE = re.compile(
    rf"(?<![\w.]){_NUM}\+?\s*(year|years|yr|yrs|month|months|mo|mos|week|weeks|wk|wks)\b(?!\s*ago)"
)


_SHOE_SINCE_AGO = re.compile(
    rf"\b(?:since|for)\s+(?:like\s+|about\s+|around\s+|maybe\s+)?{_NUM}\s*(year|years|month|months|week|weeks)\b"
)


def shoe_wear_in_answer(text: str, this_year: int) -> Optional[str]:
    """The shoes' wear from an answer to "what are your running shoes like?", where a bare distance or age
    is theirs ("Hoka Clifton, 300km", "brooks, about 6 months"); ``shoe_wear`` reads any message."""
    found = shoe_wear(text, this_year)
    if found:
        return found[0]
    text = re.sub(r"\b(?:a|an|one)\s+(year|month)\b", r"1 \1", normalise_numbers(text))  # "a year old"
    match = _BARE_SHOE_DISTANCE.search(text)
    if match and not _SHOE_SINCE_AGO.search(text):
        return _wear_after_km(
            _to_float(match.group(1)) * (KM_PER_MILE if re.fullmatch(_MILE_UNIT, match.group(2)) else 1)
        )
    bought = _SHOE_BOUGHT_AGO.search(text)
    if bought and bought.group(1) and bought.group(2) and bought.group(2)[0] in "wmy":
        return _wear_after_age(_to_float(bought.group(1)), bought.group(2))  # "I buy them one year ago": fair
    match = _SHOE_SINCE_AGO.search(text) or _BARE_SHOE_AGE.search(text)  # "since like a month ago", "6 months"
    return _wear_after_age(_to_float(match.group(1)), match.group(2)) if match else None


# Body weight: a BMI of 28 or more when the height is given, else 95 kg or more, reads as a heavy build.
HEAVY_BMI = 28.0
HEAVY_KG = 95.0
KG_PER_STONE = 6.35029
KG_PER_POUND = 0.453592
_BODY_WEIGHT = re.compile(
    rf"(?<![\w.]){_NUM}\s*(kg|kgs|kilos?|kilograms?|stone|st|lbs?|pounds)\b(?:\s*(\d+)\s*(?:lbs?|pounds)?\b)?"
)
_WEIGHT_CHANGE_BEFORE = re.compile(
    r"\b(?:lost|lose|losing|gained|gain|gaining|put\s+on|dropped|drop|down|up|carry|carrying|pack|bag)\s+(?:about\s+|around\s+|a\s+)?$"
)
_HEIGHT = re.compile(
    r"\b([4-7])\s*(?:ft|foot|feet|')\s*(\d{1,2})?\s*(?:in|inches|\"|'')?|\b(1[.,]\d{2})\s*m\b|\b(1\d\d)\s*cm\b"
)


def heavy_build(text: str) -> Optional[Quantity]:
    """A body weight that reads as heavy ("I'm 105kg and 5 ft 7", "about 16 stone"), or None."""
    text = normalise_numbers(text)
    for match in _BODY_WEIGHT.finditer(text):
        if _WEIGHT_CHANGE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # "lost a stone", "a 10 kg backpack"
        value, unit = _to_float(match.group(1)), match.group(2)
        if unit.startswith("st"):
            kg = value * KG_PER_STONE + (_to_float(match.group(3)) * KG_PER_POUND if match.group(3) else 0)
        elif unit.startswith(("lb", "pound")):
            kg = value * KG_PER_POUND
        else:
            kg = value
        if not 35 <= kg <= 250:
            continue
        height = _HEIGHT.search(text)
        metres = None
        if height and height.group(1):
            metres = (int(height.group(1)) * 12 + int(height.group(2) or 0)) * 0.0254
        elif height and height.group(3):
            metres = _to_float(height.group(3))
        elif height and height.group(4):
            metres = int(height.group(4)) / 100
        heavy = kg / metres**2 >= HEAVY_BMI if metres else kg >= HEAVY_KG
        return Quantity(round(kg, 1), match.start(), match.end()) if heavy else None
    return None


def weekly_km(text: str) -> Optional[Quantity]:
    """Kilometres per week, when the message gives a distance and a rate."""
    found = weekly_run(text)
    return found[0] if found else None


def distance_km(text: str) -> Optional[Quantity]:
    """A distance with no rate ("I ran 10k"); in km."""
    text = normalise_numbers(text)
    found = _distance(text)
    if found is None:
        return None
    value, start, end = found
    return Quantity(round(value, 1), start, end)


_FROM_TO_ANY = re.compile(
    rf"\bfrom\s+(?:about\s+)?{_NUM}\s*[a-z]*\s+(?:a\s+week\s+|per\s+week\s+)?(?:up\s+|down\s+)?to\s+(?:about\s+)?{_NUM}"
)


# "my long run went from 16 to 24k": one run's distance, not the week's; its rise is a rise in load.
_LONG_RUN_FROM_TO = re.compile(
    rf"\blong(?:est)?\s+runs?\b[^.;]{{0,25}}?\bfrom\s+(?:about\s+|around\s+)?{_NUM}\s*(?:{_KM_UNIT}|{_MILE_UNIT})?"
    rf"\s+(?:up\s+)?to\s+(?:about\s+|around\s+)?{_NUM}"
)


def _rise(pattern: "re.Pattern[str]", text: str) -> Optional[Quantity]:
    """The span of a "from X to Y" the pattern finds, when Y is more than X; else None."""
    match = pattern.search(normalise_numbers(text))
    if match is None or _to_float(match.group(2)) <= _to_float(match.group(1)):
        return None
    return Quantity(_to_float(match.group(2)), match.start(), match.end())


def long_run_rise(text: str) -> Optional[Quantity]:
    """ "upped my long run from 8 to 14 miles" -> the span, when one long run grew; else None."""
    return _rise(_LONG_RUN_FROM_TO, text)


# "before i run 3 times in week, now 4", "usually 15, this week 20", "was 2 days, these days 4": before and now
_BEFORE_THEN_NOW = re.compile(
    rf"\b(?:before|was|were|used\s+to|usually|normally|previously)\b[^.;!?\d]{{0,25}}?{_NUM}(?!\d|[.,]\d)[^.;!?\d]{{0,30}}?"
    rf"\b(?:now|this\s+(?:week|month|year|block)|lately|recently|these\s+days|currently)\b[^.;!?\d]{{0,20}}?{_NUM}(?!\d|[.,]\d)"
)


def change_between(text: str) -> Optional[str]:
    """ "from 1 night to 3 nights" or "before 3 days, now 5" -> "increased"; "from 40 to 20" -> "decreased";
    else None."""
    normalised = normalise_numbers(text)
    match = _FROM_TO_ANY.search(normalised) or _BEFORE_THEN_NOW.search(normalised)
    if not match:
        return None
    before, after = _to_float(match.group(1)), _to_float(match.group(2))
    return "increased" if after > before else "decreased" if after < before else "steady"


# "went from 3 to 5 runs a week", "from two to four times a week": more runs, whatever their distance.
_MORE_RUNS = re.compile(
    rf"\bfrom\s+{_NUM}\s+(?:runs?\s+|times\s+|days\s+|sessions\s+)?(?:a\s+week\s+|per\s+week\s+)?(?:up\s+)?to\s+{_NUM}"
    rf"\s*(?:runs?|times|days?|sessions?|x)\b"
)


def more_runs(text: str) -> Optional[Quantity]:
    """ "from 3 to 5 runs/week" -> the span, when the number of runs went up; else None."""
    return _rise(_MORE_RUNS, text)


def distance_increase(text: str) -> bool:
    """True for "from 10 to 30 km": the weekly distance went up."""
    match = _FROM_TO.search(normalise_numbers(text))
    return match is not None and _to_float(match.group(2)) > _to_float(match.group(1))


def lone_number(text: str) -> Optional[float]:
    """The only number in an answer, in km ("my normal 25", "about 15 miles"), or None."""
    text = normalise_numbers(text)
    numbers = re.findall(r"(?<![\d.])\d+(?:[.,]\d+)?(?![\d.])", text)
    if len(numbers) != 1:
        return None
    value = _to_float(numbers[0])
    if re.search(rf"\b{_MILE_UNIT}\b", text):
        value *= KM_PER_MILE
    return round(value, 1) if 0 < value <= 300 else None


def bare_number(text: str) -> Optional[Quantity]:
    """A lone number answer ("30", "about 25", "20ish")."""
    text = normalise_numbers(text.strip())
    if len(text.split()) > 4:
        return None
    match = _BARE_NUMBER.match(text)
    if not match:
        return None
    return Quantity(_to_float(match.group(1)), match.start(1), match.end(1))


# "been running for 3 years", "running these hills for twenty year", "stopped for a year": how long an
# activity (or a break from it) has gone on, up to five words before the "for"
_ACTIVITY_BEFORE = re.compile(
    r"(?:\bbeen|\b(?:running|run|ran|jogging|training|walking|walked|cycling|swimming|playing|doing|jogged|stopped|quit|"
    r"paused|break)\b(?:\s+[a-z'.]+){0,5})\s*$"
)


# the injury itself, told as an event ("rolled my ankle ... 8 days ago"; not "a toenail falling off")
_INJURED_AT = re.compile(r"\b(?:twist(?:ed)?|rolled|sprain(?:ed)?|turned|went\s+over|fell|tripped|injured|hurt\s+it)\b")
# "twisted it 10 days ago", "rolled my ankle on the trail a week ago": the injury, told just before the time
_INJURED_BEFORE = re.compile(r"\b(?:twist|rolled|roll|sprain|turned|went\s+over|fell|fall|injur|hurt)")
_BEEN_SINCE = re.compile(
    rf"\bbeen\s+(?:about\s+|almost\s+|over\s+)?{_NUM}\s*(day|days|week|weeks|month|months)\s+since\b"
)
_DAY_NOW = re.compile(rf"\b(?:it's|it\s+is|its|on)\s+day\s+{_NUM}\b")
# "... started hurting", "began to ache": the pain began at the time just told
_STARTED_HURTING = re.compile(
    r"\b(?:start|started|starting|began|begin|came\s+on)\s+(?:to\s+)?(?:\w+\s+){0,1}?(?:hurt|ach|pain|sore|niggl|throb)"
)


def _activity_duration(text: str, match: "re.Match[str]") -> bool:
    """ "been running for 3 years": how long an activity has gone on, not the pain."""
    before = text[max(0, match.start() - 45) : match.start()]
    return bool(_ACTIVITY_BEFORE.search(before)) and not _PAIN_WORDS.search(before)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding the span from ``start`` to ``end``."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


def _sentence_before(text: str, start: int, reach: int = 60) -> str:
    """The words of its sentence just before ``start``, at most ``reach`` characters."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    return text[max(left + 1, start - reach) : start]


# "doesn't hurt", "zero pain", "no bother": pain denied, so a "for years" beside it is not how long it has hurt
_DENIED_PAIN = re.compile(
    r"\b(?:no|0|zero|not|never|without|doesn'?t|does\s+not|don'?t|isn'?t|hasn'?t)\s+(?:\w+\s+){0,2}?"
    r"(?:hurt\w*|pain\w*|sore\w*|bother\w*|ach\w*|problem\w*|issue\w*)"
)


def _told_pain(text: str) -> bool:
    return bool(_PAIN_WORDS.search(_DENIED_PAIN.sub(" ", text)))


DAYS_IN = {"day": 1, "week": 7, "month": 30, "year": 365}


def _told_span(match: "re.Match[str]", count: Optional[str], unit: str) -> Quantity:
    """ "3 weeks" (no count: one) in days, with the span of the match that told it."""
    if count is None and unit.endswith("s"):
        count = "3" if unit == "days" else "2"  # "for days", "for weeks": a few, not one
    return Quantity(_to_float(count or "1") * DAYS_IN[unit.rstrip("s")], match.start(), match.end())


def duration_days(text: str) -> Optional[Quantity]:
    """How long the pain has lasted, in days, when the message says so."""
    text = normalise_numbers(text)
    told_pain = _told_pain(text)
    candidates = [m for m in _DURATION.finditer(text) if told_pain and not _activity_duration(text, m)]
    # "done parkrun for 8 years. My Achilles has been sore over the last month": the one told with the pain
    told_with_pain = [m for m in candidates if _PAIN_WORDS.search(_sentence_around(text, m.start(), m.end()))]
    if candidates:
        match = (told_with_pain or candidates)[0]
        return _told_span(match, match.group(1), match.group(2))
    now_for = _FOR_NOW.search(text) or _BEEN_WEEKS_OF.search(text)
    if now_for and _AN_AGE_BEFORE.search(text[max(0, now_for.start() - 20) : now_for.start()]):
        now_for = None  # "since having my baby (she's 8 months now)": an age, not how long it hurts
    if now_for and _PAIN_WORDS.search(text):
        return _told_span(now_for, now_for.group(1), now_for.group(2))
    since = _SINCE_MONTH.search(text)
    if since and _activity_duration(text, since):
        since = None  # "back running since March": how long the running has gone on
    if since and _PAIN_WORDS.search(text):
        today = date.today()
        month = MONTHS.index(since.group(1)[:3]) + 1
        days = (today - date(today.year if month <= today.month else today.year - 1, month, 1)).days
        return Quantity(float(days), since.start(), since.end())
    still_after = _STILL_AFTER.search(text)
    if still_after and (_PAIN_WORDS.search(text) or re.search(r"\b(?:limp|puff|hobbl)", text)):
        told_count, told_unit = (
            (still_after.group(1), still_after.group(2)) if still_after.group(2) else still_after.group(3, 4)
        )
        return _told_span(still_after, told_count, told_unit)
    rested = _RESTED_FOR.search(text)
    if rested and _STILL.search(text) and _told_pain(text):
        return _told_span(rested, rested.group(1), rested.group(2))
    ago = _AGO.search(text)
    if ago and _STILL.search(text[ago.end() :]) and _PAIN_WORDS.search(text):
        return _told_span(ago, ago.group(1), ago.group(2))
    if (
        ago
        and _STILL.search(_sentence_around(text, ago.start(), ago.end()))
        and _INJURED_BEFORE.search(text[max(0, ago.start() - 30) : ago.start()])
    ):
        return _told_span(ago, ago.group(1), ago.group(2))  # "still swollen, I twisted it 10 days ago"
    if (
        ago
        and ago.group(2).startswith(("day", "week"))
        and _INJURED_AT.search(_sentence_before(text, ago.start()))
        and not re.search(r"\b(?:now|this time|but)\b", text[ago.end() : ago.end() + 20])
    ):
        return _told_span(ago, ago.group(1), ago.group(2))  # "rolled my ankle at a parkrun 8 days ago": since then
    been_since = _BEEN_SINCE.search(text)
    if been_since and _PAIN_WORDS.search(text):
        return _told_span(been_since, been_since.group(1), been_since.group(2))  # "it's been 9 days since the twist"
    day_now = _DAY_NOW.search(text)
    if day_now:
        return Quantity(_to_float(day_now.group(1)), day_now.start(), day_now.end())  # "it's day 8 now"
    if ago and _STARTED_HURTING.search(re.split(r"[.!?\n]", text[ago.end() :])[0]):
        return _told_span(ago, ago.group(1), ago.group(2))  # "about 10 days ago my heel started hurting"
    return None
