"""Unit parsing: weekly kilometres, distances, bare numbers, pain duration."""

import pytest

from understanding import units


@pytest.mark.parametrize(
    "text, km",
    [
        ("about 20 km a week", 20.0),
        ("15 miles weekly", 24.1),
        ("5k three times a week", 15.0),
        ("10 km every day", 70.0),
        ("I run 3 times a week, about 5k each", 15.0),
        ("20-25km per week", 22.5),
        ("100 km a month", 23.0),
        ("i run a 10k every other day", 35.0),
        ("went from 10 to 30 km a week", 30.0),
        ("twenty miles a week", 32.2),
    ],
)
def test_weekly_km(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize("text", ["I ran a 10k", "my ankle hurts", "3 days ago", "30 minutes a day"])
def test_no_weekly_km_without_a_distance_and_a_rate(text):
    assert units.weekly_km(text) is None


def test_distance_without_rate_is_a_plain_distance():
    assert units.distance_km("I did 5 miles").value == 8.0
    assert units.distance_km("I ran a 10k").value == 10.0


@pytest.mark.parametrize("text, number", [("30", 30.0), ("about 25", 25.0), ("20ish", 20.0), ("maybe 40 km", 40.0)])
def test_bare_number(text, number):
    assert units.bare_number(text).value == number


def test_a_number_inside_a_sentence_is_not_a_bare_answer():
    assert units.bare_number("I was out for 3 hours on my feet") is None


def test_increase_from_to():
    assert units.distance_increase("went from 10 to 30 km a week")
    assert not units.distance_increase("dropped from 40 to 20 km a week")


@pytest.mark.parametrize(
    "text, days",
    [
        ("it has hurt for 3 weeks", 21),
        ("my ankle hurts since two weeks", 14),
        ("sore for a few days", 3),
        ("the past month my heel aches", 30),
    ],
)
def test_pain_duration(text, days):
    assert units.duration_days(text).value == days


def test_running_duration_is_not_pain_duration():
    assert units.duration_days("I have been running for 3 weeks") is None


def test_spans_point_at_the_original_text():
    text = "I run five kilometres three times a week"
    found = units.weekly_km(text)
    assert text[found.start : found.end].startswith("five")


@pytest.mark.parametrize(
    "text, km, increased",
    [
        ("two runs of 7k a week", 14.0, False),  # each run, not the week
        ("4 x 10km", 40.0, False),
        ("twice a week: 6k and 12k", 18.0, False),  # the runs listed, added up
        ("5 miles twice a week plus a long 10 mile run", 32.2, False),
        ("8k every evening", 56.0, False),
        ("7 days a week, about 70km", 70.0, False),  # a week's total, not 70 km a day
        ("3 runs of 10k, so 30k a week", 30.0, False),
        ("usually 20 km a week, 35 this week", 35.0, True),  # the latest week, up on the usual
        ("ran 50 km last week, my normal is 30", 50.0, True),
        ("I started at 15k a week and now do 25k", 25.0, True),
        ("12k steps a day walking and 6 km runs 3 times a week", 18.0, False),  # steps are not a distance
    ],
)
def test_weekly_distance_in_everyday_words(text, km, increased):
    weekly, up = units.weekly_run(text)
    assert (weekly.value, up) == (km, increased)


@pytest.mark.parametrize("text", ["about 30k now, was 20 a month ago", "did 10 km a week ago"])
def test_a_time_ago_is_not_a_rate(text):
    assert units.weekly_km(text) is None


def test_how_long_told_as_now_or_since_a_month():
    from understanding.units import duration_days

    assert duration_days("achilles pain, 10 weeks now").value == 70
    assert duration_days("my shins have been sore since january").value >= 28


def test_a_junior_parkrun_is_2_km_and_a_parkrun_5():
    assert units.distance_km("she does junior parkrun every sunday").value == 2.0
    assert units.distance_km("I did parkrun on saturday").value == 5.0


def test_shoe_wear_told_as_more_than_or_already():
    assert units.shoe_wear("nike pegasus 39, more than 1000 km already", 2026)[0] == "worn_out"
    assert units.shoe_wear("about 900 km already on my ghosts", 2026)[0] == "worn_out"


def test_how_long_someone_walked_is_not_how_long_it_hurt():
    assert (
        units.duration_days("I was walking for years and in september I started to jog, now my shins are sore") is None
    )
    assert units.duration_days("my shins have been sore for 3 weeks").value == 21


@pytest.mark.parametrize(
    "text, km",
    [
        ("about 5 km four mornings a week", 20.0),  # mornings, evenings: runs
        ("10 km three evenings a week", 30.0),
        ("I run 6 km x 4", 24.0),  # the count after the distance
        ("8 km x 3 a week", 24.0),
        ("3 x 5 miles and a long run of 10 miles every week", 40.2),  # the long run adds to the others
        ("I cycle 20 km a day and run 3 x 5 km a week", 15.0),  # cycling is no running
        ("I walk/run about 12 km a week", 12.0),  # a walk/run is running
        ("commute by running, 7 km each way, 3 days a week", 42.0),  # each way: twice a day
        ("up to 10k three times a week (from 5k), then back to 10k x3", 30.0),  # not a list of one week's runs
    ],
)
def test_weekly_arithmetic_in_round17_shapes(text, km):
    assert units.weekly_km(text).value == km


def test_a_half_in_words_counts():
    assert units.duration_days("sore for two and a half months now").value == 75


@pytest.mark.parametrize(
    "text, km",
    [
        ("2 x 6 km and a 14km long run", 26.0),  # the long run named after its distance
        ("3 x 10k plus a 21k long run", 51.0),  # counted once
        ("3 runs a week: 6 km, 6 km and a 12 km long run", 24.0),  # the runs listed, added up
        ("4 runs a week, 25 miles total", 40.2),  # the total said after
        ("now 5 times in the week, every time 6 km. Before I was running only 15 km in the week", 30.0),
    ],
)
def test_weekly_arithmetic_in_round18_shapes(text, km):
    assert units.weekly_km(text).value == km


def test_a_weekly_figure_kept_for_years_is_the_usual_one():
    value, increased = units.weekly_run("10 miles a week for years, now doing 20 for a marathon")
    assert value.value == 32.2 and increased


@pytest.mark.parametrize(
    "text, wear",
    [
        ("Pegasus, 250 km", "ok"),
        ("adidas, a year old", "ok"),
        ("the same ones for like 1200km", "worn_out"),
        ("been in them since about 3 weeks", "new"),
        ("just hokas", None),
        ("40km a week in them", None),
    ],
)
def test_shoe_wear_in_an_answer_reads_a_bare_age_or_distance(text, wear):
    assert units.shoe_wear_in_answer(text, 2026) == wear


def test_long_run_rise():
    assert units.long_run_rise("my long run went from 10 to 16 miles") is not None
    assert units.long_run_rise("cut my long run from 20 to 15k") is None
    assert units.long_run_rise("from 20 to 30 km a week") is None


@pytest.mark.parametrize(
    "text, km",
    [
        ("I go 3 time a week, 8 km each", 24.0),  # the singular, as non-native runners write it
        ("about 7 km, 4 day a week", 28.0),
        ("ran 3 times this week, 6k each", 18.0),
        ("tue 6k, thu 6k, sun long run 14k", 26.0),
        ("yoga twice a week and 25 km of running", 25.0),  # the count is the yoga's
    ],
)
def test_weekly_km_from_counts_and_weekdays(text, km):
    found = units.weekly_run(text)
    assert found is not None and found[0].value == km, found


@pytest.mark.parametrize(
    "text, km",
    [
        ("3 times the week, each time 8 km", 24.0),  # "the week" as non-native runners write it
        ("6 days x 4km", 24.0),
        ("4 km evry day", 28.0),
        ("2 runs of 6k + a 12k long run", 24.0),
        ("3 runs: 5k, 7k, 12k", 24.0),  # the runs counted, then listed
    ],
)
def test_weekly_arithmetic_in_round27_shapes(text, km):
    assert units.weekly_km(text).value == km


def test_a_weekly_figure_with_the_old_one_in_brackets_went_up():
    quantity, increased = units.weekly_run("40 km a week now (was 25)")
    assert quantity.value == 40.0 and increased


@pytest.mark.parametrize("text", ["Brooks, probably 900 km", "the Asics, 800km at least"])
def test_shoe_wear_with_a_guessed_distance(text):
    assert units.shoe_wear(text, 2026)[0] == "worn_out"


def test_the_duration_told_with_the_pain_wins_over_a_running_history():
    told = units.duration_days("Been doing parkrun every week for 6 years. The heel has been sore for 10 days.")
    assert told.value == 10


@pytest.mark.parametrize(
    "text",
    ["jogged these trails for ten years and now my heel aches", "I stopped for a year when I moved, my shin hurts"],
)
def test_how_long_an_activity_or_break_lasted_is_not_how_long_it_hurts(text):
    assert units.duration_days(text) is None


def test_the_days_since_the_pain_started_told_with_ago():
    assert units.duration_days("took a year out, then about 6 days ago my arch started aching").value == 6


def test_for_days_and_for_weeks_are_a_few():
    assert units.duration_days("my ankle has been sore for weeks").value == 14
    assert units.duration_days("swollen for days, it aches").value == 3


def test_a_daily_distance_before_and_now_is_a_week_of_days():
    quantity, increased = units.weekly_run("before I did 4 km a day, now 8 km a day")
    assert quantity.value == 56 and increased


def test_a_week_and_a_half_is_ten_and_a_half_days():
    from understanding.units import duration_days

    told = duration_days("still swollen a good week and a half after I went over on it")
    assert told is not None and told.value == 10.5


@pytest.mark.parametrize(
    "text, km",
    [
        ("i do a junior parkrun plus three 6ks a week", 20.0),  # a count before each distance
        ("each week: 2 x 7k, then a 14k long one", 28.0),
        ("i run 9k, 9k and 16k every week", 34.0),  # runs listed and summed
        ("10k twice and a 20k a week", 40.0),  # "twice" after the distance
    ],
)
def test_the_runs_of_a_week_told_one_after_the_other_are_summed(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    "text, km",
    [
        ("25k a week and a 12k long run on sundays", 25.0),  # the week's total, then one of its runs
        ("usually 30k, now 45k a week", 45.0),  # before and now, not two runs
        ("10k or 15k a week", 15.0),  # one or the other, not both
    ],
)
def test_a_weekly_total_beside_another_distance_is_not_summed(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    "text, km",
    [
        ("parkrun n two 6ks", 17.0),  # no rate: the question gives the week
        ("about 3 runs of 7k", 21.0),
        ("12 miles across 3 runs", 19.3),  # the distance is already the total
        ("4 miles each run, 3 runs", 19.3),
        ("was 25 now nearly 40", 40.0),  # before and now: now
        ("used to do 10 miles, now 18", 29.0),
        ("maybe 30km", 30.0),
    ],
)
def test_the_answer_to_the_weekly_question_sums_its_runs(text, km):
    assert units.runs_in_a_week(text).value == km


def test_a_lone_distance_with_an_unrelated_number_is_not_multiplied():
    assert units.runs_in_a_week("about 20k, I'm 34") is not None


@pytest.mark.parametrize(
    "text, km",
    [
        ("I was running 25 a week, now it's 35", 35.0),  # no unit: km
        ("my mileage was 20, now nearer to 30", 30.0),
        ("weekly distance is 30 miles now, was 20", 48.3),  # now first, then the old figure
        ("had a 60k week (usually 45)", 60.0),  # "a 60k week": the week's total
        ("roughly 50k overall, up from 35", 50.0),
        ("was at 15 miles a week and now 25", 40.2),  # miles told once: both in miles
    ],
)
def test_the_week_before_and_now_is_now_and_went_up(text, km):
    found = units.weekly_run(text)
    assert found is not None and (found[0].value, found[1]) == (km, True), found


@pytest.mark.parametrize(
    "text",
    ["pain was 4, now 7 out of 10", "the swelling was 2 days, now 5 days", "I was 70 kg now 75"],
)
def test_before_and_now_of_something_else_is_no_weekly_distance(text):
    assert units.weekly_run(text) is None


@pytest.mark.parametrize(
    "text, km, increased",
    [
        ("the past four weeks: 22k, 26k, 31k, 36k", 36.0, True),  # the last week is now
        ("my weeks have been 40, 48 and 57 km", 57.0, True),
        ("recent weeks were 12, 15, 19 miles", 30.6, True),
        ("the last weeks were 50k, 45k, 35k", 35.0, False),  # coming down
    ],
)
def test_a_sequence_of_weeks_is_its_last_week(text, km, increased):
    found = units.weekly_run(text)
    assert found is not None and (found[0].value, found[1]) == (km, increased), found
    assert units.runs_in_a_week(text).value == km


def test_the_runs_of_one_week_listed_are_still_summed():
    assert units.weekly_km("this week: 6k, 9k and 14k").value == 29.0


@pytest.mark.parametrize(
    "text, km, increased",
    [
        ("weekly km 35 -> 42 since the new plan", 42.0, True),
        ("mileage 30→45 this month", 45.0, True),
        ("my week went 20 miles => 30 miles", 48.3, True),
        ("total per week 60k -> 50k", 50.0, False),
        ("weeks went 30->40->48", 48.0, True),  # a chain: the last
    ],
)
def test_an_arrow_between_weekly_figures_is_the_change(text, km, increased):
    found = units.weekly_run(text)
    assert found is not None and (found[0].value, found[1]) == (km, increased), found


def test_an_arrow_answering_the_weekly_question_needs_no_cue():
    assert units.runs_in_a_week("25->32").value == 32.0


@pytest.mark.parametrize("text", ["pain 3->7 after the run", "the swelling went 2 -> 5 cm"])
def test_an_arrow_between_other_numbers_is_no_weekly_distance(text):
    assert units.weekly_run(text) is None


@pytest.mark.parametrize(
    "text, km",
    [
        ("my weeks are 50-60 right now", 55.0),  # a range of weeks: its middle
        ("weeks were around 35-45 before the injury", 40.0),
        ("jogging about 25 a week", 25.0),  # no unit: km
        ("weekly roughly 40", 40.0),
        ("weekly around 20, in miles", 32.2),  # miles when the message says so
        ("doing 30-40 per week", 35.0),
    ],
)
def test_a_weekly_figure_without_a_unit(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize("text", ["I run 4 a week", "3 sessions, 2 a week of them hills", "my weeks are busy, age 45"])
def test_a_small_count_a_week_or_another_number_is_no_distance(text):
    assert units.weekly_km(text) is None


@pytest.mark.parametrize(
    "text, km",
    [
        ("ran 180 km last month", 41.4),  # a month's total: a week is a 4.345th of it
        ("roughly 80 miles in the past month", 29.6),
        ("about 120k a month, hurts at the 5k mark", 27.6),  # a point in a run is no run
        ("pain comes in 2 miles into each run, 25k a week", 25.0),
    ],
)
def test_a_month_told_gives_the_week_and_a_point_in_a_run_is_no_distance(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    "text", ["it starts to ache about 4k into my runs", "niggles after 3k, I run three times a week"]
)
def test_a_point_in_a_run_is_no_distance_run(text):
    assert units.weekly_km(text) is None
    assert units.runs_in_a_week(text) is None


def test_one_race_last_month_is_no_month_of_running():
    assert units.weekly_km("ran a 10k last month") is None


@pytest.mark.parametrize(
    "text, km",
    [
        ("I do 3k daily", 21.0),
        ("4 days, roughly 8k each", 32.0),  # a count of days, then the distance of each
        ("three runs, 5 miles each time", 24.1),
        ("6 days a week, 4k a time", 24.0),
    ],
)
def test_a_count_of_days_and_the_distance_of_each(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    "text, km, increased",
    [
        ("8k every day instead of 4 times a week", 56.0, True),  # the rate before "instead of" is now
        ("10k 3 times a week instead of daily", 30.0, False),
        ("40k a week now instead of 25", 40.0, True),
        ("instead of 2 runs a week I do 6k 5 times a week", 30.0, True),
    ],
)
def test_what_is_done_instead_of_before_is_now(text, km, increased):
    found = units.weekly_run(text)
    assert found is not None and (found[0].value, found[1]) == (km, increased), found


def test_an_old_figure_instead_of_in_miles_is_in_miles():
    quantity, increased = units.weekly_run("20 miles a week instead of 25")
    assert quantity.value == 32.2 and not increased


def test_how_long_in_days_is_no_count_of_runs():
    assert units.weekly_km("sore for 9 days. I do 4 days, 7k each").value == 28.0


@pytest.mark.parametrize(
    "text, km",
    [
        ("6k on monday, 8 on wednesday and 12 on sunday", 26.0),  # the unit told once, for the first day
        ("3 miles tuesday, 3 thursday, 7 saturday", 20.9),
        ("Sat 10 miles, Tue 4, Thu 5", 30.6),
    ],
)
def test_a_week_told_by_days_with_the_unit_once(text, km):
    assert units.weekly_km(text).value == km


def test_the_one_of_a_named_day_is_no_distance():
    assert units.weekly_km("8 km tuesday, 6 friday, and the wednesday one hurt").value == 14.0


@pytest.mark.parametrize(
    "text, km",
    [
        ("3 x 6k plus a long 15k this week, up from 25k total the week before", 33.0),
        ("2 runs of 8k and a 14k long run, up from 20k a week", 30.0),
    ],
)
def test_runs_of_a_week_above_the_old_total_went_up(text, km):
    found = units.weekly_run(text)
    assert found is not None and (found[0].value, found[1]) == (km, True), found


def test_runs_of_a_week_below_the_old_total_did_not_go_up():
    quantity, increased = units.weekly_run("3 x 5k this week, down from 30k a week")
    assert quantity.value == 15.0 and not increased


@pytest.mark.parametrize(
    "text, km",
    [
        ("speedwork twice a week and around 50k overall", 50.0),  # the count is the speedwork's: the total stands
        ("club run on saturdays, 12k, plus 3 x 8k on weekdays", 36.0),  # the weekdays are the 8ks'
        ("long run sundays, 18k, and two 7ks midweek", 32.0),
    ],
)
def test_a_count_of_other_sessions_does_not_multiply_the_week(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    "text, km",
    [
        ("15km on weekends", 15.0),  # once a weekend: the week's running
        ("about 8k on sundays", 8.0),
        ("6 miles every saturday", 9.7),
    ],
)
def test_a_distance_on_a_day_of_every_week_is_the_week(text, km):
    assert units.weekly_km(text).value == km


def test_a_count_of_runs_is_no_usual_distance():
    quantity, increased = units.weekly_run("10 miles a week, normally 3 runs, 1 long one")
    assert quantity.value == 16.1 and not increased


@pytest.mark.parametrize(
    "text",
    [
        "hip hurts ?? 12 miles a week on the road",
        "12 miles a week (I know, couch potato lol)",
        "idk?? 12 miles a week, 1 marathon in my dreams haha",
    ],
)
def test_question_marks_and_jokes_leave_the_week_read(text):
    assert units.weekly_km(text).value == 19.3


@pytest.mark.parametrize(
    "text, km",
    [
        ("a 10k every sunday and 2 x 6k in the week", 22.0),  # the weekly one and the others, summed
        ("parkrun every saturday plus two 4 mile runs", 17.9),
        ("12 km on sundays and one more 5 km run", 17.0),
    ],
)
def test_a_run_of_every_week_and_the_others_are_summed(text, km):
    assert units.weekly_km(text).value == km


def test_a_run_every_week_and_runs_on_listed_days_are_summed():
    assert units.weekly_km("i run 12k every saturday and 6k on mon and wed").value == 24.0


@pytest.mark.parametrize("text, km", [("about forty five k a week", 45.0), ("sixty-two km weekly", 62.0)])
def test_compound_number_words_are_one_number(text, km):
    assert units.weekly_km(text).value == km


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("before I ran twice a week, now 4", "increased"),
        ("used to do 3 days, lately 5 days", "increased"),
        ("normally 40, this week only 25", "decreased"),
        ("was 4 runs, currently 4 runs", "steady"),
    ],
)
def test_a_change_told_as_before_and_now(text, change):
    assert units.change_between(text) == change


def test_the_week_now_when_told_as_usual_and_this_week():
    assert units.runs_in_a_week("usually 18, this week 26").value == 26


def test_shoes_bought_a_year_ago_are_fair_in_an_answer():
    assert units.shoe_wear_in_answer("Asics Nimbus, i buy them one year ago", 2026) == "ok"
    assert units.shoe_wear_in_answer("got them three years ago", 2026) == "worn_out"
