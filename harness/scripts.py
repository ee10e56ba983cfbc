"""Conversations replayed against the real servers, each in one place."""

# A whole assessment in a few rich messages (the load benchmark, the scale-out test).
ASSESSMENT = [
    "right ankle hurts since I doubled my distance, I run on concrete in old shoes and never warm up",
    "no, it came on gradually",
    "no, nothing hurts when I press",
    "none of these",
    "no swelling",
    "nothing else",
    "about 20 miles a week, I stretch after every run",
]

# A whole assessment answered the way the buttons answer: one short reply per question, in order
# (the web page test).
BUTTON_ANSWERS = [
    "my ankle hurts after running",
    "no it came on gradually",
    "no",
    "none of these",
    "no",
    "no, that's all",
    "same as usual",
    "old",
    "road",
    "no",
]
