"""The fact extractor: what a runner's message says about each slot."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my ankle hurts after running recently, I don't know why", {"body_part": "ankle"}),
        (
            "right ankle hurts since I doubled my distance, I run on concrete in old shoes and never warm up",
            {
                "body_part": "ankle",
                "pain_side": "right",
                "volume_change": "increased",
                "surface": "hard",
                "shoes": "worn_out",
                "warm_up": False,
            },
        ),
        ("old", {"shoes": "worn_out"}),
        ("concrete mostly", {"surface": "hard"}),
        ("no swelling", {"swelling": False}),
        ("I don't stretch but I do warm up", {"stretching": False, "warm_up": True}),
        ("I rolled my anckle and its swolen", {"injury_event": True, "body_part": "ankle", "swelling": True}),
        (
            "back of my heel is sore, the left one",
            {"body_part": "heel", "pain_side": "left", "symptoms": ["back_of_heel"]},
        ),
        ("5k three times a week", {"weekly_km": 15.0}),
    ],
)
def test_facts_from_one_message(facts_of, text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize("text", ["should I stretch?", "not sure if it's swollen", "nope", "no pain at night"])
def test_questions_uncertainty_and_negated_symptoms_state_no_fact(facts_of, text):
    assert facts_of(text) == {}


def test_correction_wins(facts_of):
    assert facts_of("my left ankle, sorry I mean right")["pain_side"] == "right"


def test_red_flag_symptoms_are_kept(facts_of):
    facts = facts_of("I twisted it on a trail and heard a crack, can't walk")
    assert facts["injury_event"] is True
    assert set(facts["symptoms"]) == {"crack_heard", "cannot_walk_said"}  # a bare "can't walk": confirmed by a question


def test_heel_raises_are_not_heel_pain(facts_of):
    assert "body_part" not in facts_of("should I do heel raises?")


# Issue #10: the failure classes seen in real runners' messages (our own examples).
TYPOGRAPHIC = str.maketrans({"'": "\u2019"})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I can't put any weight on my ankle", {"body_part": "ankle", "symptoms": ["cannot_bear_weight"]}),
        ("I don't warm up", {"warm_up": False}),
        ("it isn't swollen", {"swelling": False}),
        ("didn't twist it, it just came on", {"injury_event": False}),
    ],
)
def test_a_typographic_apostrophe_reads_as_a_plain_one(facts_of, text, expected):
    assert facts_of(text) == expected
    assert facts_of(text.translate(TYPOGRAPHIC)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cant walk on it", {"symptoms": ["cannot_walk_said"]}),
        ("dont warm up, never have", {"warm_up": False}),
        ("my ANKLE is sooo sore 😭😭", {"body_part": "ankle"}),
        ("heeeel pain after runs", {"body_part": "heel"}),
        ("it\u2019s \u201cfine\u201d\u2026 but my achilles\u00a0hurts", {"body_part": "achilles"}),
    ],
)
def test_spelling_typography_and_emoji(facts_of, text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my ankles hurt after running",
        "both of my heels ache",
        "pain in my left and right shin",
        "both achilles are sore",
        "my feet are killing me",
    ],
)
def test_both_sides(facts_of, text):
    assert facts_of(text)["pain_side"] == "both"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("had to hop home", {"symptoms": ["cannot_bear_weight"]}),
        ("I was on crutches after it", {"symptoms": ["cannot_bear_weight"]}),
        ("went over on it on a kerb", {"injury_event": True}),
        ("couldn't walk for a few minutes but fine now", {"can_walk": True}),
        (
            "I can walk but with a limp",
            {"can_walk": True, "symptoms": ["limp_told"]},
        ),  # a sign only weeks after an injury
        ("I can walk but with a limp on every step, for days now", {"can_walk": True, "symptoms": ["limping"]}),
    ],
)
def test_tense_and_person(facts_of, text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "i not fall, is little bit swell since 2 week",
            {"injury_event": False, "swelling": True, "duration_days": 14},
        ),
        ("the thin bit above the heel", {"body_part": "achilles"}),
        ("calf stretches help but my heel hurts", {"stretching": True, "body_part": "heel"}),
        ("cheap supermarket ones, quite flat", {"shoes": "unsuitable"}),
    ],
)
def test_non_native_everyday_and_plain_anatomy(facts_of, text, expected):
    assert facts_of(text) == expected


# Issue #11: warning signs in runners' words, and look-alikes that are not warning signs.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("heard a loud pop in my achilles and now I can't go up on my tiptoes", "achilles_rupture"),
        ("my toes are white and cold", "circulation"),
        ("can't feel my toes", "circulation"),
        ("calf is swollen and warm after a long flight", "calf_swelling"),
        ("my shin is rock hard and swollen and the pain is unbearable", "compartment"),
        ("there's a red streak going up from the blister", "spreading_redness"),
        ("it throbs at night even when I'm lying in bed", "rest_or_night_pain"),
        ("Jumped off a wall and something cracked", "crack_heard"),
    ],
)
def test_warning_signs_in_runners_words(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("my ankle clicks when I circle it, no pain", "crack_heard"),
        ("could it be ruptured?", "achilles_rupture"),
        ("my friend broke her ankle and couldn't walk, could that be me?", "cannot_bear_weight"),
        ("I was on crutches years ago but it healed", "cannot_bear_weight"),
        ("bruising after I sprained it", "circulation"),
        ("I'm worried it will snap", "pop_heard"),
        ("compared both calves after a hot bath, same size, just achy", "calf_swelling"),
    ],
)
def test_look_alikes_are_not_warning_signs(facts_of, text, not_symptom):
    assert not_symptom not in facts_of(text).get("symptoms", [])


def test_numbness_that_passes_is_not_a_numb_foot_now(facts_of):
    assert facts_of("my toes go numb during runs but it passes")["symptoms"] == ["transient_numbness"]
    assert facts_of("my foot went numb and pale, still like that an hour later")["symptoms"] == ["circulation"]


@pytest.mark.parametrize(
    "text, reading",
    [
        # the time words belong to the pain, not to the numbness, which is a state now
        ("the outside of my foot aches after long runs and my little toes are numb", "circulation"),
        ("heel was sore after parkrun, now my whole foot is numb", "circulation"),
        # the same words inside the numbness's own clause make it an episode
        ("my little toes are numb after long runs for a bit", "transient_numbness"),
        ("my feet feel numb for the first couple of minutes on frosty mornings then they warm up", None),
    ],
)
def test_numbness_is_read_in_its_own_clause(facts_of, text, reading):
    numbness = {"circulation", "transient_numbness", "lasting_numbness"} & set(facts_of(text).get("symptoms", []))
    assert numbness == ({reading} if reading else set())


@pytest.mark.parametrize(
    "text, reading",
    [
        # numbness that keeps coming at a time of day is a pattern (a nerve), not a numb foot now
        ("my heel hurts and the sole of my foot is numb in the mornings", "transient_numbness"),
        ("achilles is sore after runs, toes feel numb every night in bed", "transient_numbness"),
        # told as now, it stays the emergency
        ("woke up this morning and my foot is numb and cold", "circulation"),
    ],
)
def test_numbness_at_a_time_of_day_is_a_pattern(facts_of, text, reading):
    numbness = {"circulation", "transient_numbness", "lasting_numbness"} & set(facts_of(text).get("symptoms", []))
    assert numbness == {reading}


@pytest.mark.parametrize(
    "text, body_part",
    [
        ("my foot doesn't hurt, it's the ankle", "ankle"),
        ("knees are fine, its the right heel thats the problem", "heel"),
        ("I fell on a run, scraped my knee, and now my ankle hurts", "ankle"),
        ("is that why my heel hurts?", "heel"),
        ("never had ankle trouble before and now this", "ankle"),
        ("not my ankle, my heel", "heel"),
        ("put my foot down and doubled my runs, now my achilles is sore", "achilles"),
    ],
)
def test_the_place_that_hurts_is_the_body_part(facts_of, text, body_part):
    assert facts_of(text)["body_part"] == body_part


def test_putting_weight_on_it_is_not_strength_training(facts_of):
    assert "strength_training" not in facts_of("I can put weight on it now")


def test_an_answer_word_closed_by_a_comma_negates_nothing_after_it(facts_of):
    facts = facts_of("tried standing on it again and nope, it buckles the second I put weight through it")
    assert "cannot_bear_weight" in facts["symptoms"]
    assert "symptoms" not in facts_of("no, pressing on the bones is fine, it's the soft bit in front that's sore")


@pytest.mark.parametrize(
    "text",
    [
        "Didn't check whether the bone is sore to press.",
        "I can't tell if the bone hurts when I press, the whole area is sore",
    ],
)
def test_an_unchecked_bone_press_is_not_a_tender_bone(facts_of, text):
    assert "bone_tenderness" not in facts_of(text).get("symptoms", [])


def test_a_bone_that_hurts_when_touched_is_a_tender_bone(facts_of):
    text = "sprained my foot and now the knobbly bit on the outside edge hurts like hell if i touch it"
    assert "bone_tenderness" in facts_of(text)["symptoms"]


def symptoms_of(facts):
    return set(facts.get("symptoms") or [])


@pytest.mark.parametrize(
    "text, symptom",
    [
        # a sudden event at the back of the heel with weakness: a torn Achilles (anywhere in the message)
        ("something went bang behind my heel on the hill. now the leg feels weak when I walk", "achilles_rupture"),
        ("achilles popped at the track. feels floppy, like it is not connected", "achilles_rupture"),
        # a cough with blood is a chest sign; night pain in other words
        ("been coughing and there was blood in it", "chest_pain"),
        ("the shin aches worse at night", "rest_or_night_pain"),
        # a spot that hurts to press, told anywhere in the message
        ("my foot has been sore for weeks. there is one exact spot that is tender", "bone_tenderness"),
        ("a lump on the tendon is growing", "growing_lump"),
        ("my calf got fat and achy after six hours on a train", "calf_swelling"),
    ],
)
def test_warning_signs_told_in_many_words(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text))


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my running mate ruptured his achilles, mine is just stiff", "achilles_rupture"),
        ("I ran past 30 km this week, the calf aches after the night runs", "rest_or_night_pain"),
        ("a wasp stung my calf, it's swollen and red", "calf_swelling"),
        ("there's a red line where my sock sits, no pain at all", "spreading_redness"),
        ("my ankle pops when I circle it, like cracking knuckles, it doesn't hurt", "pop_heard"),
        ("I pressed all the bony bits and none of the bony bits hurt when I press", "bone_tenderness"),
        ("after the marathon I can't walk properly, stairs are a nightmare", "cannot_bear_weight"),
        ("I tripped on a wonky kerb and grazed my hands", "deformity"),
        ("4 runs a week, 3 times 5k and a long one", "giving_way"),
        ("what shoes are best for a flat foot?", "achilles_rupture"),
    ],
)
def test_look_alikes_raise_no_warning_sign(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "toes went numb at 5k, I loosened my laces and it passed",
        "pins and needles in my foot after sitting on it, came right after a minute",
        "couldn't feel my toes in the snow but they're fine now",
        "my toes go cold and numb on frosty runs and warm up soon after I get in",
    ],
)
def test_numbness_that_passed_is_not_a_numb_foot_now(facts_of, text):
    assert "circulation" not in symptoms_of(facts_of(text))


def test_numbness_that_passes_on_loosening_the_laces_is_the_laces(facts_of):
    facts = facts_of("my toes tingle on long runs until I loosen the laces")
    assert facts.get("shoes") == "poor_fit" and not symptoms_of(facts) & {"circulation", "transient_numbness"}


@pytest.mark.parametrize(
    "text, can_walk",
    [
        ("sprained it on Monday but I'm walking without a limp now", True),
        ("my legs are wrecked, I can't walk normally", True),
        ("I can't walk on it at all", None),
    ],
)
def test_walking_badly_is_walking(facts_of, text, can_walk):
    facts = facts_of(text)
    assert facts.get("can_walk") is can_walk
    assert ("cannot_bear_weight" in symptoms_of(facts)) is (can_walk is None)


@pytest.mark.parametrize(
    "text, side",
    [
        ("Knee fine. Heel. Right.", "right"),  # a side on its own
        ("my calf is tight (left)", "left"),
        ("sore ankle on the outside, right, since Sunday", "right"),
        ("the foot right is painful", "right"),  # non-native order
        ("the achilles on my left aches", "left"),
        ("shins hurt, both legs", "both"),
    ],
)
def test_a_side_said_apart_from_the_body_word(facts_of, text, side):
    assert facts_of(text).get("pain_side") == side


@pytest.mark.parametrize("text", ["Right, so my heel hurts after runs", "turn right at the lights and my shin aches"])
def test_a_side_word_that_is_not_a_side(facts_of, text):
    assert "pain_side" not in facts_of(text)


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("my trainers are held together with tape", "shoes", "worn_out"),
        ("running in my new Saucony since Monday", "shoes", "new"),
        ("I run in canvas pumps", "shoes", "unsuitable"),
        ("only just started running in May", "volume_change", "returning"),
        ("same as last year really", "volume_change", "steady"),
        ("ankle has blown up after I rolled it", "swelling", True),
        ("missed the last step on the stairs after a run", "injury_event", True),
        ("walking is fine, running hurts", "can_walk", True),
    ],
)
def test_everyday_words_for_shoes_volume_swelling_and_walking(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value


@pytest.mark.parametrize(
    "text",
    ["it felt like someone kicked me in the back of the heel", "like somebody whacked my achilles with a stick"],
)
def test_a_comparison_with_someone_is_still_the_runners_sign(facts_of, text):
    assert "achilles_rupture" in symptoms_of(facts_of(text))


def test_a_cold_pale_foot_that_did_not_change_stays_a_circulation_sign(facts_of):
    facts = facts_of("after the twist my foot went cold and pale, I loosened the laces but there was no change")
    assert "circulation" in symptoms_of(facts)


def test_pain_that_comes_back_is_not_a_return_to_running(facts_of):
    assert "volume_change" not in facts_of("my heel eases off after a while but comes back after long runs")


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("my trainers are the ones from the gym, not for running really", "shoes", "unsuitable"),
        ("i am new, never did sport before", "volume_change", "returning"),
        ("3 time 6 km", "weekly_km", 18.0),
    ],
)
def test_non_native_answers_about_shoes_volume_and_distance(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value


def test_rolling_a_ball_under_the_foot_is_not_a_twist(facts_of):
    assert "injury_event" not in facts_of("my arch aches, I rolled a tennis ball under it every night")


@pytest.mark.parametrize("text", ["would a steroid injection help?", "can I fly next week with this?"])
def test_a_medicine_or_trip_only_asked_about_is_not_a_risk_factor(facts_of, text):
    assert not symptoms_of(facts_of(text)) & {"tendon_medication", "clot_risk"}


@pytest.mark.parametrize("text", ["I've tried everything for my heel", "iced it, rested it, nothing\u2019s helped"])
def test_nothing_helping_is_not_improving(facts_of, text):
    assert "not_improving" in symptoms_of(facts_of(text))


# Round 3 classes (tests/outsider/round3, measured before these rules): new sentences of each kind.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my toes have gone purple and feel cold since I strapped it", "circulation"),
        ("the toes on that foot look a bit grey and are freezing", "circulation"),
        ("had my hip operation last month and now my lower leg is fat and warm", "clot_risk"),
        ("fell off the kerb and my ankle is pointing a different way", "deformity"),
        ("I'm type 1 diabetic and there's a blackened spot under my big toe", "diabetic_wound"),
        ("the blister on my heel smells funny and there's some pus", "spreading_redness"),
        ("something hit the back of my leg, I turned round and nobody was there", "achilles_rupture"),
        ("felt like a rock was thrown at my heel, no one there when I looked", "achilles_rupture"),
        ("since then I can't get my heel up off the floor on that side", "achilles_rupture"),
        ("i cannot stand on fingers of foot on left side", "achilles_rupture"),
        ("my foot slaps down when I'm walking and my toes keep catching", "foot_drop"),
        ("I've been losing weight without trying and my shin aches at night", "weight_loss"),
        ("my periods have stopped and this is my second stress fracture", "energy_deficiency"),
        ("my lower back is stiff every morning and both heels ache", "inflammatory"),
        ("the foot aches all the time now, even resting on the sofa", "rest_or_night_pain"),
    ],
)
def test_round3_warning_sign_classes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", []), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("turned my ankle on a root, I can walk on it and pressing the bones doesn't hurt", "cannot_bear_weight"),
        ("burst the blister on my heel last night, popped it with a needle", "pop_heard"),
        ("my foot went dead because I sat on it during the film, it came back in a minute", "circulation"),
        ("kneeling on the floor gave me pins and needles for a few seconds", "circulation"),
        ("a player actually kicked me in the calf at football, I can tiptoe fine", "achilles_rupture"),
        ("my sock rubbed and the skin is red and raw where it chafed", "hot_joint"),
        ("my toenail has gone black after the marathon", "circulation"),
        ("the bruise has gone purple and spread down to my toes", "circulation"),
    ],
)
def test_round3_look_alike_classes(facts_of, text, symptom):
    assert symptom not in facts_of(text).get("symptoms", []), facts_of(text)


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("my trainers have about 700 miles on them", "shoes", "worn_out"),
        ("the Nimbus are from 2017", "shoes", "worn_out"),
        ("got these Ghosts three weeks ago", "shoes", "new"),
        ("Kayanos, about 5 months old, still in good nick", "shoes", "ok"),
        ("I'm 17 stone and started jogging in March", "overweight", True),
        ("I weigh 98 kg and I'm 6 ft 4", "overweight", None),
        ("stubbed my toe on a step running home", "injury_event", True),
        ("a guy stood on my foot at the start", "injury_event", True),
        ("it has been slowly building for a month", "injury_event", False),
        ("fine to walk on, just sore", "can_walk", True),
        ("the ankle bone isn't sore when I press on it", "bone_tenderness", False),
        ("I used to stretch after every run but not lately", "stretching", False),
        ("the swelling has gone down completely", "swelling", False),
        ("my tendon behind the left heel aches", "body_part", "achilles"),
        ("the back of my heel bone is sore", "body_part", "heel"),
        ("back of my left ankle hurts", "body_part", "achilles"),
        ("three weeks off with flu, then straight back to my usual runs", "volume_change", "returning"),
        ("did a half, longer than anything I'd done before", "volume_change", "increased"),
        ("both feet sore after running over a bumpy field", "surface", "uneven"),
        ("this week I ran 6k, 10k and 14k", "weekly_km", 30.0),
        ("training for a half, 4 runs a week of 5 km", "weekly_km", 20.0),
        ("I used to do 60k a week, these days about 20", "weekly_km", 20.0),
    ],
)
def test_round3_everyday_classes(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


def test_a_lower_leg_is_the_calf(facts_of):
    facts = facts_of("had my hip operation last month and now my lower leg is fat and warm")
    assert (facts["body_part"], facts["swelling"]) == ("calf", True), facts


def test_a_runners_no_to_the_bone_press_stands(facts_of):
    facts = facts_of("no, the bones are fine to press, it's tender in the soft bit in front of the bone")
    assert "bone_tenderness" not in facts.get("symptoms", []), facts


def test_numbness_only_in_the_race_is_not_a_numb_foot_now(facts_of):
    assert facts_of("my toes tingled during the race but not now").get("symptoms") == ["transient_numbness"]


# Round 4 classes (tests/outsider/round4, measured before these rules): new sentences of each kind.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("no to all of them. no night pain, toes are warm, calf not swollen", "calf_swelling"),
        ("sometimes aches at night, feet are warm, calf is normal", "calf_swelling"),
        ("pressed all round, only the soft part behind the ankle bone is sore", "bone_tenderness"),
        ("it's a long sore line down the inner edge of the shin bone, not one spot", "bone_tenderness"),
        ("my toes went tingly after runs for a few weeks", "circulation"),
        ("should I worry that my toes went numb earlier?", "circulation"),
    ],
)
def test_round4_look_alike_classes(facts_of, text, symptom):
    assert symptom not in facts_of(text).get("symptoms", []), facts_of(text)


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("no I didn't do anything to it, it just started last month", "injury_event", False),
        ("had a cortisone injection in my heel in May", "symptoms", ["tendon_medication"]),
    ],
)
def test_round4_classes(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


def test_a_calf_told_swollen_in_its_own_clause_is_still_read(facts_of):
    assert "calf_swelling" in facts_of("my calf, it's swollen and hot since the flight")["symptoms"]
    # a hot bath explains warmth, never a swelling
    assert "calf_swelling" in facts_of("right calf swollen up even after a warm bath")["symptoms"]
    assert "calf_swelling" in facts_of("my left calf is warm to touch and tender")["symptoms"]


@pytest.mark.parametrize(
    "text",
    [
        "twisted it and the bony bump in the middle of my arch hurts to press",
        "rolled it, the bone halfway along the outer edge of my foot is sore to press",
    ],
)
def test_a_tender_bone_in_the_arch_or_along_the_edge_stays_a_tender_bone(facts_of, text):
    assert "bone_tenderness" in facts_of(text)["symptoms"]


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("still can't put my foot down on the ground hours after I went over on it", "cannot_bear_weight"),
        ("not able to stand on it at all since the fall", "cannot_bear_weight"),
        ("my calf has ached for days and now my chest feels tight", "chest_pain"),
        ("banged my shin, now it's tight and swollen and the pain is through the roof", "compartment"),
        ("my calves go tight and burning ten minutes in and I have to stop", "exertional_compartment"),
        ("my second toe is pointing sideways after I stubbed it", "deformity"),
        ("there's a lump sticking out on my ankle that wasn't there before I fell", "deformity"),
        ("my heel hurts when I squeeze it from the sides", "bone_tenderness"),
        ("now the shin hurts even walking to the shops", "walking_pain"),
        ("achilles tendinitis for a year and it's worse than ever", "not_improving"),
        ("my left ankle turns over every few weeks, even on flat pavement", "giving_way"),
        ("three sprains on that ankle this year", "giving_way"),
    ],
)
def test_round4_warning_sign_classes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", []), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("walking is fine, it only hurts on runs", "walking_pain"),
        ("my chest is fine, it's just the calf that's tight", "chest_pain"),
        ("legs ache going down the stairs after the half lol", "walking_pain"),
    ],
)
def test_round4_look_alikes_that_name_a_sign_word(facts_of, text, symptom):
    assert symptom not in facts_of(text).get("symptoms", []), facts_of(text)


# Round 5 classes (tests/outsider/round5, measured unseen at 5fce24e): new sentences of each kind.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my daughter went over on her ankle at netball and she can't put any weight on it", "cannot_bear_weight"),
        ("oh and not sure if it matters, but my left calf has been swollen and warm since yesterday", "calf_swelling"),
        ("can't hop on that foot any more without it hurting", "bone_tenderness"),
        ("my heel just won't come up off the floor on that side", "achilles_rupture"),
        ("I turn the same ankle every few weeks now", "giving_way"),
    ],
)
def test_round5_warning_sign_classes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", []), facts_of(text)


def test_a_friends_sign_is_still_not_the_runners(facts_of):
    assert "cannot_bear_weight" not in facts_of("my friend couldn't walk after her sprain, my ankle just aches").get(
        "symptoms", []
    )


@pytest.mark.parametrize(
    "text, symptom",
    [
        # the leg below the knee is the calf; hours of travel are a clot risk
        ("my calf aches since the 9 hour flight home and the leg looks puffy", "calf_swelling"),
        ("after a 6 hour drive my calf is tender", "clot_risk"),
        # a bone through the skin, told as a question
        ("is that bone poking through?? I fell on the scree", "open_wound"),
        # calf pain that walking brings on and standing still eases (claudication)
        ("my calves ache after I walk to the shop and it goes when I stand for a bit", "walking_calf_pain"),
        # still cold or white after an hour is a circulation sign now
        ("my toes went pale and cold on the run and they haven't warmed up in an hour", "circulation"),
    ],
)
def test_round6_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        # numbness that happens at a moment, sometimes, or for years: not a numb foot now
        ("my toes went numb near the end of the run", "circulation"),
        ("my feet tingle a bit sometimes", "circulation"),
        ("my soles have been a bit numb generally for a couple of years", "circulation"),
        ("toes go white in the cold but they're pink again after 10 minutes", "circulation"),
        # out of breath from effort, a denied pain at night, redness where a shoe rubs
        ("I'm out of breath on the hills but that's just effort", "breathless"),
        ("no pain in the night, just after runs", "rest_or_night_pain"),
        ("it doesn't hurt in the night", "rest_or_night_pain"),
        ("a red patch where the sock seam rubs", "hot_joint_or_fever"),
    ],
)
def test_round6_look_alike_classes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, slot, value",
    [
        # two body parts: the one singled out, the narrower one, not a landmark or an old complaint
        ("calves and achilles both sore, mostly the left achilles", "body_part", "achilles"),
        ("my calf and achilles are tight", "body_part", "achilles"),
        ("a sore spot on the shin bone two fingers above the ankle", "body_part", "shin"),
        ("had achilles trouble before but this time it's the heel", "body_part", "heel"),
        ("both my achilleses ache", "body_part", "achilles"),
        # what follows a question mark is told, not asked
        ("could it be the shoes?? my right heel is sore underneath", "body_part", "heel"),
        # shoes, volume and ground in everyday words
        ("my old trainers are pretty dead", "shoes", "worn_out"),
        ("ran in my football trainers", "shoes", "unsuitable"),
        ("wore the new racers on a long run to break them in", "shoes", "new"),
        ("Mizunos, not much used", "shoes", "ok"),
        ("Hokas with 500+ miles on them", "shoes", "worn_out"),
        ("went from two runs a week to four", "volume_change", "increased"),
        ("ran my first ever half", "volume_change", "increased"),
        ("took up jogging in the summer", "volume_change", "returning"),
        ("back from a month of flu and straight into a 10k", "volume_change", "returning"),
        ("same 25 km a week as always", "volume_change", "steady"),
        ("dunno, about the same", "volume_change", "steady"),
        ("we run on dirt roads full of stones", "surface", "uneven"),
        ("cobbled lanes in the old town", "surface", "uneven"),
    ],
)
def test_round6_everyday_classes(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


def test_a_duration_of_something_else_is_not_how_long_it_hurt(facts_of):
    assert "duration_days" not in facts_of("switched to zero drop shoes about 6 weeks ago and now my foot aches")
    assert "duration_days" not in facts_of("my ankle clicks when I circle it, has done for years, no pain")
    assert facts_of("seven weeks since I rolled it and it still swells")["duration_days"] == 49


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("tendon went bang at the track and now I walk flat footed, zero push off", "achilles_rupture"),
        ("my shin feels like it's about to burst, tight and shiny", "compartment"),
        ("I'm diabetic and there's a weeping sore under my big toe", "diabetic_wound"),
        ("ankle red and swollen two days after I cut it, and I feel rough", "fever"),
        ("twisted it and I can't walk, not one step", "cannot_bear_weight"),
        ("my calf is tender and I'm on the combined pill", "clot_risk"),
        ("my feet go numb now and then while sitting at my desk", "transient_numbness"),
    ],
)
def test_round7_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("toes numb on frosty runs until I've warmed up after a mile or two", "transient_numbness"),
        ("toes numb on frosty runs until I've warmed up after a mile or two", "circulation"),
        ("the bruise has gone purple and yellow down my foot", "circulation"),
        ("soles hot after a long run but they cool off within the hour", "redness_or_heat"),
    ],
)
def test_round7_look_alike_classes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_my_foot_fell_asleep_is_not_a_fall(facts_of):
    assert facts_of("my foot fell asleep on the sofa").get("injury_event") is None


def test_a_sign_taken_back_in_a_correction_is_denied_and_a_quoted_word_is_no_sign(facts_of):
    facts = facts_of("sorry, I said numb before, wrong word, it's not numb at all, just stiff")
    assert "circulation" not in symptoms_of(facts) and facts["denied_symptoms"] == ["circulation"]
    assert "denied_symptoms" not in facts_of("no numbness, no night pain")  # a plain no is an answer, not a correction


def test_swollen_and_warm_for_no_reason_is_heat_and_a_cold_white_foot_is_not_weather(facts_of):
    assert "redness_or_heat" in symptoms_of(facts_of("my ankle is swollen and warm, no idea why"))
    assert "redness_or_heat" not in symptoms_of(facts_of("feet a bit swollen and warm after a run in the summer heat"))
    assert "transient_numbness" in symptoms_of(facts_of("my foot goes cold and white on runs, takes ages to come back"))


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my son went over on it at football and hasn't been able to stand on it since", "cannot_bear_weight"),
        ("rolled it on a kerb, now I hop on the other leg to get around", "cannot_bear_weight"),
        ("went over on it yesterday, I manage one step and then I have to hold the wall", "cannot_bear_weight"),
        ("turned my ankle, and if I press the bony bump on the outside it is agony", "bone_tenderness"),
        (
            "landed awkward off a kerb, the bony bit on top of my foot hurts like mad when I push on it",
            "bone_tenderness",
        ),
        ("my wife fell on the trail and her ankle is at a weird angle, she says she's fine", "deformity"),
        ("I marked the edge of the redness round my blister and it's spread past the line", "spreading_redness"),
        ("diabetic, noticed a blister on my sole I never felt", "diabetic_wound"),
        ("my shin hurts even when I'm sat at my desk now", "rest_or_night_pain"),
        ("six weeks on and it isn't getting any better", "not_improving"),
        ("my foot slaps down when I run, I can't lift the front of it", "foot_drop"),
        ("the lump was a pea in spring and now it's the size of a grape", "growing_lump"),
    ],
)
def test_round8_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my ankle crunches when I circle it, always has, never hurts", "not_improving"),
        ("toes went white in the ice bath, normal again 5 minutes later", "circulation"),
        ("foot went to sleep sitting cross-legged, tingly for a minute then normal", "circulation"),
        ("a red patch where my sock rubbed, not hot, not spreading", "redness_or_heat"),
        ("my legs gave way at the finish from sheer tiredness", "giving_way"),
        ("my friend ruptured his achilles last year, mine is just a bit stiff", "achilles_rupture"),
    ],
)
def test_round8_look_alike_classes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_an_unsure_bone_press_is_no_answer_never_a_no(facts_of):
    assert "bone_tenderness" not in facts_of("can't tell if the bone hurts when I press")
    assert "bone_tenderness" not in facts_of("not sure if it hurts when I press the bony bit")
    assert facts_of("the bones aren't sore when I press them")["bone_tenderness"] is False


def test_asking_whether_to_pop_a_blister_is_no_pop_heard(facts_of):
    assert "pop_heard" not in symptoms_of(facts_of("should I pop it?"))
    assert "pop_heard" in symptoms_of(facts_of("heard a pop in my achilles, is it torn?"))


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("it went ping and now I can't lift my heel off the floor on that side", "achilles_rupture"),
        ("my calf cramps after walking to the bus stop and goes if I stand still a minute", "walking_calf_pain"),
        ("shins go hard like wood and burn ten minutes in, gone once I stop", "exertional_compartment"),
        ("a numb patch on my foot comes and goes for weeks, laces are loose", "transient_numbness"),
        ("fell on the scree, a cut over my ankle and I can see something white in it", "open_wound"),
        ("rolled it, I'm using a scooter to get around the flat", "cannot_bear_weight"),
    ],
)
def test_round9_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("a limp first thing in the mornings, gone by lunchtime", "limping"),
        (
            "turned my ankle, couldn't stand on it for about a minute, then it eased and I jogged home",
            "cannot_bear_weight",
        ),
        ("foot went numb in my snug racing flats, fine a few minutes after taking them off", "circulation"),
        ("ran at -12 today, toes went white and numb, pink and normal again after a shower", "transient_numbness"),
        ("calf cramp in the night after my long run, went after a minute", "rest_or_night_pain"),
    ],
)
def test_round9_look_alike_classes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round9_readings(facts_of):
    # "walked the rest" is the rest of the way, not resting: no exertional or walking calf sign
    calf = symptoms_of(facts_of("my calf went tight halfway round the parkrun and I walked the rest"))
    assert not calf & {"exertional_compartment", "walking_calf_pain"}
    # a sign said and taken back in the same message is no sign
    taken_back = facts_of("I am diabetic. Sorry, wrong, I'm NOT diabetic, my dad is")
    assert "diabetes" not in symptoms_of(taken_back) and taken_back["denied_symptoms"] == ["diabetes"]
    # "no one sore spot" denies a sore spot; feet that feel bigger after a baby are no growing lump
    assert "bone_tenderness" not in symptoms_of(facts_of("no one sore spot, it's all along the edge"))
    assert "growing_lump" not in symptoms_of(facts_of("since the baby my feet feel like they got bigger"))


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("turned it in a pothole and my friend heard it crack", "crack_heard"),
        ("pressing the knobbly bone on the outside is agony, the soft bits are fine", "bone_tenderness"),
        ("sprained it in April, again in July and again yesterday", "giving_way"),
        ("both shins tight and burning 10 minutes in. I have to stop, it goes after a rest", "exertional_compartment"),
        ("I can't walk up the hill to work without my calf aching, a minute's rest fixes it", "walking_calf_pain"),
    ],
)
def test_round10_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my friend heard a crack when she fell, I just have a sore heel", "crack_heard"),
        ("I can't walk up the hill to work without my calf aching, a minute's rest fixes it", "cannot_walk_said"),
        ("my toes went numb on Saturday's run", "circulation"),
        ("a numb patch on top of my foot", "circulation"),
    ],
)
def test_round10_look_alike_classes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_last_year_is_when_not_how_long(facts_of):
    assert "duration_days" not in facts_of("my husband ruptured his achilles last year, mine is just stiff")
    assert facts_of("my heel has hurt for the last 3 weeks")["duration_days"] == 21


def test_easing_pain_is_read_and_a_denied_easing_is_not(facts_of):
    assert "improving" in symptoms_of(facts_of("sprained it in May, it's much better now, just aches after long runs"))
    assert "improving" not in symptoms_of(facts_of("it's not getting better at all"))


@pytest.mark.parametrize(
    "text, symptom",
    [
        (
            "my toes have been white and cold since the fall, an hour now, they feel numb even in thick socks",
            "circulation",
        ),
        ("When I rolled my ankle on the trail I heard a loud crack, like a stick snapping", "crack_heard"),
        ("I keep catching my toes and tripping, the foot sort of drags when I'm tired", "foot_drop"),
    ],
)
def test_round11_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


def test_round11_readings(facts_of):
    # a friend's rupture beside "my right one is stiff" is the friend's
    friend = facts_of("my running partner ruptured her achilles last week, my right one is just stiff")
    assert "achilles_rupture" not in symptoms_of(friend)
    # "can't walk on my foot" is a loose "can't walk": confirmed by a question, not emphatic
    assert "cannot_bear_weight" not in symptoms_of(facts_of("can't walk on my left foot since Sunday's long run"))
    # "when should I stretch" still asks
    assert "stretching" not in facts_of("when should I stretch")


@pytest.mark.parametrize(
    "text, label",
    [
        ("let's restart", "volume_change"),  # a restart of the chat is no return to running
        ("how do I improve my ankle strength", "symptoms"),  # "improve" is no pain easing
        ("when is it ok to run again after a sprain", "symptoms"),  # "run again" is no repeat sprain
    ],
)
def test_words_near_a_fact_that_state_none(facts_of, text, label):
    assert label not in facts_of(text), facts_of(text)


# Rounds 12 and 13: classes of over- and under-triage, each in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        # fewer than four steps (Ottawa)
        ("went over on it at the park, took two steps and had to sit down again", "cannot_bear_weight"),
        # a snap heard as the ankle went over is a crack
        ("rolled it coming off the kerb and heard a snap from the side of my foot", "crack_heard"),
        # numb and blue after the injury, not passing: now
        ("since I twisted it the toes have gone bluish and numb and it's not coming back", "circulation"),
        # an ankle that buckles again and again
        ("my left ankle buckles on any uneven bit of path, it's happened loads of times", "giving_way"),
        ("the same ankle goes over about once a month", "giving_way"),
        ("ever since I sprained it in the spring it catches and locks now and then", "giving_way"),
        # a state that began in the past and lasts
        ("my periods stopped last year and my foot bone aches on runs", "energy_deficiency"),
        # the ankle itself cracked, whatever the ground
        ("fell on the pavement and my ankle cracked", "crack_heard"),
        # numbness around the bottom
        ("lower back is bad and it feels numb round my bum and groin", "saddle_numbness"),
        # an open wound that is wet and smells: infected
        ("there's an open blister on my heel, weeping and a bit smelly", "spreading_redness"),
    ],
)
def test_round12_and_13_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        # could not stand for a moment, then walked: Ottawa asks for both right after and now
        ("turned my ankle and for a few seconds I couldn't stand, then I jogged slowly home", "cannot_bear_weight"),
        (
            "had to sit down for a bit, couldn't put weight on it, but ten minutes later I was walking fine",
            "cannot_bear_weight",
        ),
        # one run's numbness that passed, with a clear cause
        ("my toes went numb at mile 8 in my new racers, fine ten minutes after I took them off", "transient_numbness"),
        ("my toes went numb at mile 8 in my new racers, fine ten minutes after I took them off", "circulation"),
        ("foot tingled on the long run, it was the laces", "transient_numbness"),
        # tight burning calves that settle when the run stops: the exertional kind, never the acute one
        (
            "both calves go tight as a drum and burn after 3 miles, I stop and ten minutes later it's gone",
            "compartment",
        ),
        # a guess at a rupture is checked by the tiptoe question, not taken as told
        ("I reckon I've ruptured my achilles, it's so stiff after yesterday's hills", "achilles_rupture"),
        # "wobbly" on tiptoe is balance, not an ankle giving way
        ("yes I can, just a bit wobbly on that side", "giving_way"),
        # feet that spread in pregnancy are no spreading redness
        ("my feet have spread since the baby and my old trainers pinch", "spreading_redness"),
        # the tingling stopped and "hasn't come back": it passed, the feeling did not stay away
        ("toes went tingly mid race, it stopped when I loosened the laces and hasn't come back", "circulation"),
        ("the numbness happened just that once and went straight away", "circulation"),
        # a cracked pavement or cracked skin is no crack heard
        ("the pavements here are cracked and full of holes, I tripped and went over", "crack_heard"),
        ("my heels are dry and cracked", "crack_heard"),
        # smelly sore feet are no wound
        ("my feet get smelly and sore on long runs", "spreading_redness"),
        # hobbling after a long run is sore legs
        ("hobbling about today after the marathon, everything's sore", "limping"),
    ],
)
def test_round12_and_13_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round12_and_13_readings(facts_of):
    # numbness long-standing: a see-a-doctor sign, not a numb foot now
    assert "transient_numbness" in symptoms_of(facts_of("my toes feel numb most of the time these days"))
    # numb now, not passing: the emergency sign (docs/clinical-basis.md), whatever the colour
    numb = facts_of("the top of my foot has been numb since yesterday's run and it hasn't gone away")
    assert "circulation" in symptoms_of(numb)
    # "no problem" says yes
    assert facts_of("I can walk no problem")["can_walk"] is True
    # the bones said fine before the pain is told of another place
    assert (
        facts_of("pressed around, the bones are fine, it only hurts under the heel when I stand")["bone_tenderness"]
        is False
    )
    # a lone "roll" that is not a twist; a warm-up of the feet, not of the runner
    assert "injury_event" not in facts_of("I roll out of bed and straight out the door")
    assert "warm_up" not in facts_of("my feet are cold at first but they warm up fine")
    assert "warm_up" not in facts_of("the tingling went straight away")
    assert facts_of("I head straight out the door")["warm_up"] is False
    # a burst blister is a wound: with diabetes, the emergency sign
    assert {"skin_wound", "diabetes"} <= set(
        symptoms_of(facts_of("type 1 diabetic, my blister has burst and it's raw"))
    )


@pytest.mark.parametrize(
    "text, label, value",
    [
        ("I run on dirt roads full of holes", "surface", "uneven"),
        ("the pavements round my estate are broken and holey", "surface", "uneven"),
        ("went from 2 to 4 runs a week, roughly 6 km each", "weekly_km", 24.0),
        ("went from 2 to 4 runs a week, roughly 6 km each", "volume_change", "increased"),
        ("6k on tuesdays, thursdays and saturdays", "weekly_km", 18.0),
        ("took up jogging in the spring", "volume_change", "returning"),
        ("back at it after a long gap", "volume_change", "returning"),
        ("the foam in my old pair is completely dead", "shoes", "worn_out"),
        ("I'm a size 10 but these were a 9.5", "shoes", "poor_fit"),
        ("I land really heavily, you can hear me coming", "heavy_landing", True),
        ("not sure about swelling. the ankle, right side", "body_part", "ankle"),
    ],
)
def test_round13_first_message_classes(facts_of, text, label, value):
    assert facts_of(text).get(label) == value, facts_of(text)


def test_walking_with_difficulty_is_asked_not_read_as_cannot_bear_weight(facts_of):
    facts = facts_of("rolled it, swelling up, I can barely hobble but I can")
    assert "can_walk" not in facts and "cannot_bear_weight" not in symptoms_of(facts)


# Round 14 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("tripped on the kerb and now the ankle is a funny shape", "deformity"),
        ("every run my lower legs go tight and hard after 2 miles and I have to stop", "exertional_compartment"),
        ("my left calf cramps whenever I walk up to the shops", "walking_calf_pain"),
        ("the shin throbs even when I'm resting on the sofa", "rest_or_night_pain"),
        ("my foot goes numb after 5 km and comes back when I stop", "transient_numbness"),
    ],
)
def test_round14_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("my ankle gave way once on a kerb, no pain since", "giving_way"),
        ("feet get hot on sunny runs, nothing else", "redness_or_heat"),
        ("toes tingly near the end of the long run, gone within minutes of taking the shoes off", "transient_numbness"),
        ("calf cramped on the last climb, walked it off and it's fine now", "walking_calf_pain"),
        ("my legs were hard and sore after the race, had to stop at the feed station", "exertional_compartment"),
    ],
)
def test_round14_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round14_readings(facts_of):
    # a painless clicky ankle "for years" is not years of pain
    assert "duration_days" not in facts_of("clicky ankle for years, no pain at all")
    # "could my achilles be ruptured?? it's just a bit tender": the runner's own achilles, said in a question
    assert facts_of("could my achilles be ruptured?? it's just a bit tender")["body_part"] == "achilles"
    assert "body_part" not in facts_of("could an achilles be ruptured without pain?")
    # "it just got gradually sorer" is no pair of shoes just bought
    assert "shoes" not in facts_of("no pop, it just got gradually sorer")


# Round 15 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("fell off the wall and my leg is not straight anymore below the knee", "deformity"),
        ("tripped on the stairs, the foot is bent the wrong way", "deformity"),
        ("slipped on a rock, a gash over the ankle and you can see something white showing", "open_wound"),
        ("my son (10) limps after every match and says his heel hurts", "child_limp"),
        ("our 12 year old's heels ache after training, she's in a growth spurt", "growth_spurt"),
        ("my 9 year old walks on tiptoe because her heels are sore", "tiptoe_walking"),
    ],
)
def test_round15_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("I snapped at the kids this morning, the heel is so annoying", "pop_heard"),
        ("had flu with a temperature two weeks ago, recovered now, the arch is a bit sore", "fever"),
        ("nicked my toe with the nail clippers, bled a little, plaster on", "open_wound"),
        ("my fingers swell up like sausages on long runs in the heat", "inflammatory"),
        ("a red ring round the calf from the compression sleeve, gone by lunch", "calf_swelling"),
        ("a red ring round the calf from the compression sleeve, gone by lunch", "spreading_redness"),
        ("both calves swell and go tight 3 km into each run and settle after I stop", "calf_swelling"),
    ],
)
def test_round15_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round15_readings(facts_of):
    # "the rolling" is a treatment, not a twist
    assert "injury_event" not in facts_of("I've done the rolling and the calf stretches for weeks")
    # a bare "nothing like that" (an answer to whatever was asked) is no gradual onset
    assert "injury_event" not in facts_of("no, nothing like that")
    # running less is its own change, not "the same as usual"
    assert facts_of("I've cut down my mileage since it started")["volume_change"] == "decreased"
    # a switch to barefoot or minimalist running is a change of shoes
    assert facts_of("a month ago I switched to running barefoot on the beach")["shoes"] == "new"
    # an age is not the shoes' age, and a child's age makes the child the runner
    facts = facts_of("our 11 year old has a sore heel")
    assert "shoes" not in facts and "child_runner" in symptoms_of(facts)
    assert facts_of("my trainers are 3 years old")["shoes"] == "worn_out"
    assert "child_runner" not in symptoms_of(facts_of("I'm 45, heel pain, my son is 12 and runs with me"))
    assert "child_runner" in symptoms_of(facts_of("I'm 14 and my shins hurt after cross country"))


def test_round15_snaps_and_parkruns(facts_of):
    # "I think I've snapped something" is a felt snap, not a tendon that snaps over a bone
    assert "snapping_tendon" not in symptoms_of(facts_of("honestly think I've snapped something in my ankle"))
    assert "snapping_tendon" in symptoms_of(facts_of("a tendon clicks and snaps over my outer ankle bone every stride"))


# Round 16 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my 13 year old has stopped playing hockey because his heels hurt", "stops_sport"),
        ("he grew 8 cm since the summer and now his heels ache", "growth_spurt"),
        ("achilles went ping at the track and my foot just flops when I walk", "achilles_rupture"),
        ("felt a snap in my calf, my partner squeezed it and my foot didn't move", "achilles_rupture"),
    ],
)
def test_round16_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("there's a bony bump on top of my foot, it's always been like that, no pain", "deformity"),
        ("one calf has always been bigger than the other, I'm left footed", "calf_swelling"),
        ("my toes tingle only when I sit on the toilet too long", "circulation"),
        ("both calves look puffy after standing all day in the heat, down by morning", "calf_swelling"),
    ],
)
def test_round16_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round16_readings(facts_of):
    # coming off a kerb "wrong" is a twist
    assert facts_of("my ankle hurts since I came off the kerb wrong on my run")["injury_event"] is True
    # an adult stopping running is no child's sign
    assert "stops_sport" not in symptoms_of(facts_of("I stopped running because my shin hurts"))


def test_round16_shoes(facts_of):
    # a plan to change shoes is no new pair
    assert "shoes" not in facts_of("ok thanks, I will change shoes")
    assert facts_of("I changed shoes last month")["shoes"] == "new"


def test_round16_readings_in_new_words(facts_of):
    # "it doesn't hurt to walk" is walking, never "can't walk"
    facts = facts_of("it doesn't hurt to walk, only to run, left shin")
    assert facts.get("can_walk") is True and "cannot_walk_said" not in symptoms_of(facts)
    # "no change in shoes" says nothing about the weekly volume
    assert facts_of("I upped it to 40 a week for a race, no change in shoes")["volume_change"] == "increased"
    # a couch-to-5k programme is no 25 km run
    assert facts_of("week 6 of c25k, 3 runs a week, about 4k each")["weekly_km"] == 12
    assert facts_of("running in my old chucks round the park")["shoes"] == "unsuitable"


def test_someone_testing_the_runners_leg_is_the_runners_sign(facts_of):
    # Round 16: "when my wife squeezes my calf the foot doesn't move" was read as the wife's
    assert "achilles_rupture" in symptoms_of(
        facts_of("when my partner squeezes my right calf the foot doesn't move at all")
    )
    # written for someone else, the sign is theirs: "my partner's achilles went pop and she can't push off"
    assert "achilles_rupture" in symptoms_of(facts_of("my husband's achilles went pop and now he can't push off"))


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("both feet went pink and tingly in the warm bath after a frosty run, normal again after", "redness_or_heat"),
        ("the skin on the back of my heel is cracked and dry, it doesn't hurt", "crack_heard"),
    ],
)
def test_round16_see_a_doctor_look_alikes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_a_painless_difference_that_has_always_been_there_has_no_pain_duration(facts_of):
    assert "duration_days" not in facts_of("my right achilles looks thicker, it's been like that for years, no pain")


def test_words_that_only_look_like_this_sessions_new_phrases(facts_of):
    # the held-out NLU set showed these: lemmas made "few runs" "fewer runs", "runs ever" "running ever"
    assert "volume_change" not in facts_of("my right ankle has been throbbing after my last few runs")
    assert facts_of("shin pain on my runs ever since I switched shoes").get("volume_change") != "returning"
    assert "shoes" not in facts_of("how many miles before I need new shoes")


# Round 17 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        # fewer than four steps, told as a failed try
        (
            "did the four-step test after I went over and couldn't manage a single one of the steps",
            "cannot_bear_weight",
        ),
        # the ankle "knob" is a bone word
        ("rolled it on the kerb, the outside ankle knob is really sore when I prod it", "bone_tenderness"),
        # an aside with a question mark inside brackets ends no sentence
        ("went over on it, the bony bump (the 5th metatarsal maybe?) is tender to press", "bone_tenderness"),
        # a snap behind the ankle with no push-off; a heel raise impossible, the "can't" far from "raise"
        ("felt a snap behind my left ankle playing squash, zero power to push off now", "achilles_rupture"),
        ("calf went bang on the track and I can't do even one single-leg heel raise", "achilles_rupture"),
        # pain on moving the toes with a swollen, shiny shin after a knock
        ("knocked my shin on a bench, it's tight and shiny and moving my toes is agony", "compartment"),
        # numbness where one sits, in other words
        ("my back aches after the long run and I can't feel anything when I wipe", "saddle_numbness"),
        # the foot pointing to the side after a fall
        ("slipped on ice, now my foot is pointing to the side and it looks wrong", "deformity"),
        ("came off my bike, my foot sits sideways now", "deformity"),
        # the pain wakes the child; swelling weeks after a sprain that keeps coming back
        ("his shin hurts for a month now and wakes him at 3am", "rest_or_night_pain"),
        ("ankle still puffs up with swelling every evening, weeks after I rolled it", "not_improving"),
        # a stress fracture before, the same ache again
        ("I had a stress fracture in my foot two years ago and that same ache is back", "energy_deficiency"),
        # pins and needles on every run: numbness that comes with runs (examined), not a numb foot now
        ("my toes get pins and needles on every run lately", "transient_numbness"),
    ],
)
def test_round17_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        # tingling for the first minutes of a cold run, then fine
        ("my toes tingle for the first few minutes on icy mornings, then it's fine", "circulation"),
        ("my toes tingle for the first few minutes on icy mornings, then it's fine", "transient_numbness"),
        # a heavy calf after a journey that passed, with no swelling
        ("long coach trip, calf felt stiff after, gone after a walk round, no swelling at all", "clot_risk"),
        # a gait compared with crutches
        ("my sister laughs that I run like I need crutches, nothing hurts though", "cannot_bear_weight"),
        # twitching in bed is no pain at night
        ("my calf muscle twitches in bed after a hard session, no pain", "rest_or_night_pain"),
        # hot weather, not a hot joint
        ("my feet puff up a little on hot runs, normal next day", "redness_or_heat"),
        # a heel thud of the landing is no kick
        ("my coach says I'm landing on my heel with a thud every stride", "achilles_rupture"),
        # a noise told as a habit is no pop or snap that happened
        ("my ankles crack all the time when I run, my calves are just sore", "crack_heard"),
        ("my achilles pops whenever I point my foot", "achilles_rupture"),
        # the side of the foot going a bruise colour is no foot pointing sideways
        ("rolled it last week and the side of my foot has gone purple", "deformity"),
    ],
)
def test_round17_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round17_signs_that_stay(facts_of):
    # the look-alike rules above leave these alone
    assert "clot_risk" in symptoms_of(facts_of("long flight home, my left calf aches, no swelling"))
    assert "circulation" in symptoms_of(facts_of("my toes went numb after the fall and they're still numb"))
    assert "crack_heard" in symptoms_of(facts_of("heard a crack when I fell on the trail"))
    assert "pop_heard" in symptoms_of(facts_of("felt a pop in my calf on the hill"))
    assert "energy_deficiency" not in symptoms_of(facts_of("could it be a stress fracture? my foot aches"))


def test_round17_readings(facts_of):
    # Scots and Irish forms
    facts = facts_of("I cannae put it doon since I went ower on it")
    assert facts["injury_event"] is True and "cannot_bear_weight" in symptoms_of(facts)
    # slip-on shoes are shoes, not a slip
    facts = facts_of("I run in my old slip-ons")
    assert facts["shoes"] == "unsuitable" and "injury_event" not in facts
    assert facts_of("the coach made me buy them this month")["shoes"] == "new"
    assert facts_of("sure, I still walk the dog")["can_walk"] is True
    # a walk-run habit is no return to running; trying to get fit is
    assert "volume_change" not in facts_of("I do a walk-run 3 times a week, my heel hurts")
    assert facts_of("trying to get fit, doing run-walk, my feet ache")["volume_change"] == "returning"
    # the bone told fine to press across commas, after a first "yes"
    facts = facts_of("yes... no wait. Pressing the bone, at the tip and the back, doesn't hurt at all.")
    assert facts["bone_tenderness"] is False
    assert facts_of("pressing the bone doesn't hurt but the tip does").get("bone_tenderness") is not False


@pytest.mark.parametrize(
    "text, expected",
    [
        # a statement with the "I" left out is no question ("Can walk." tells; "can I walk?" asks)
        ("Rolled it on a trail. Can walk. Bit swollen.", {"can_walk": True, "swelling": True}),
        ("Could feel it swelling up straight after", {"swelling": True}),
        # walking told as getting home on it
        ("went over on it near the end but jogged home on it", {"can_walk": True}),
        ("I could not get home on it, my wife came to get me", {"can_walk": False}),
        ("I can weight bear, it just aches", {"can_walk": True}),
        # swelling told as the size of something
        ("the outside of my ankle is up like a cricket ball", {"swelling": True}),
    ],
)
def test_round17_readings_told_in_other_shapes(facts_of, text, expected):
    facts = facts_of(text)
    assert {k: facts.get(k) for k in expected} == expected, facts


def test_questions_and_treatments_that_only_look_like_these_readings(facts_of):
    assert "can_walk" not in facts_of("can I walk on it?")
    assert "stretching" not in facts_of("should stretch more probably")
    assert "injury_event" not in facts_of("rolling my foot on a spiky ball helps a bit")
    assert facts_of("rolled my ankle on a ball at five-a-side")["injury_event"] is True


# Round 18 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        # walking told as a try that failed; held up by someone
        ("rolled it, I'm leaning on my brother's shoulder to get about", "cannot_bear_weight"),
        # a joint at an odd angle, not the same shape as the other side
        ("my ankle is at a weird angle since the fall", "deformity"),
        ("after the slip the ankle is not the same shape as my good one", "deformity"),
        # a crack told as what the ankle did
        ("ankle went crack on the stairs", "crack_heard"),
        # a child kept from their sport
        ("my 12 year old's heel pain keeps him off football, he's been off training for weeks", "stops_sport"),
        # time off that changed nothing
        ("two weeks off running made no difference to my shin", "not_improving"),
    ],
)
def test_round18_warning_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("my toes went purple, oh no wait, it's ink from my pen on my foot", "circulation"),
        ("the top of my foot goes numb under the laces, it goes once I loosen them", "circulation"),
        ("drove six hours to the start and my legs were stiff, no pain now", "inflammatory"),
        ("landed at a funny angle off the step and twisted it", "deformity"),
        ("my son is 16, one spot on the shin he can't bear me pressing", "cannot_bear_weight"),
        ("heard a crack when I rolled my neck before the run, ankles fine", "crack_heard"),
    ],
)
def test_round18_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round18_readings(facts_of):
    # walking told as a try that failed
    assert facts_of("went over on a root, tried walking on it and couldn't")["can_walk"] is False
    # the back of the heel is the heel (where the tendon meets the bone); the tendon named there is the Achilles
    facts = facts_of("the back of my left heel is sore where my trainers dig in")
    assert facts["body_part"] == "heel" and "back_of_heel" in symptoms_of(facts)
    assert facts_of("the tendon bit at the back of my heel aches")["body_part"] == "achilles"
    assert facts_of("back of the heel bone is sore, not the tendon")["body_part"] == "heel"
    # "no X or Y" denies both; a son of 17 is no child; weights never done; a running club is no return
    assert facts_of("flew home yesterday, no calf pain or swelling")["swelling"] is False
    assert "child_runner" not in symptoms_of(facts_of("my son Tom is 17 and his shin hurts when he runs"))
    assert "child_runner" in symptoms_of(facts_of("my daughter has sore heels after netball"))
    assert facts_of("I have never done any weights, my calf aches")["strength_training"] is False
    assert facts_of("joined a running club as well as football, so more than before")["volume_change"] == "increased"
    # a shouted message reads like any other
    assert "cannot_walk_said" in symptoms_of(facts_of("I CANT WALK ON IT"))


def test_round18_readings_in_other_shapes(facts_of):
    assert facts_of("same old loop every week, my arch aches")["volume_change"] == "steady"
    assert facts_of("rolled it on a rocky jeep track")["surface"] == "uneven"
    assert facts_of("got kicked on the shin at five-a-side")["injury_event"] is True
    assert facts_of("jumped down from a bench and my heel hurts")["injury_event"] is True


@pytest.mark.parametrize(
    "question",
    ["is grass a good surface for running", "do calf raises help heel pain", "does being overweight make it worse"],
)
def test_a_question_without_a_question_mark_still_asks(facts_of, question):
    # the held-out NLU set caught this: only a telling word after "can", "could", "is", "do" drops the "I"
    assert facts_of(question) == {}


# Round 19 classes (measured first at 23ee8a9), in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("fell off the kerb and a bone is pushing against the skin on my ankle", "deformity"),
        ("there's a gap where my achilles should be. I can only shuffle", "achilles_rupture"),
        ("my calf aches after ten minutes of jogging and eases when I stop, I'm a smoker", "walking_calf_pain"),
        ("numb toes on my left foot for 3 weeks now, the foot looks normal", "lasting_numbness"),
    ],
)
def test_round19_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("my shins burn on the hill reps, gone a minute after I stop", "exertional_compartment"),
        ("my toes feel cold in my thin trainers in winter but they're warm as soon as I'm indoors", "circulation"),
        ("I've been reading about ruptured achilles tendons, mine just aches a bit", "achilles_rupture"),
        ("it was only a cramp, the calf went rock hard and then it went", "compartment"),
        ("my 9yo gets achy legs at night, both of them, fine in the morning", "rest_or_night_pain"),
        ("numb toes on my left foot for 3 weeks now and the foot is cold and pale", "lasting_numbness"),
    ],
)
def test_round19_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


# Round 20 classes (measured first at 99be43a), in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("tripped on the stairs while jogging and my lower leg looks bent halfway down", "deformity"),
        ("the puffiness round my ankle returns after each run, it's been like that for a month", "not_improving"),
        ("on every long run my shins go tight and then my toes go tingly", "exertional_compartment"),
    ],
)
def test_round20_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("heard a snap behind me, it was just a stick my dog stepped on. my arch aches", "crack_heard"),
        ("the crack was my bottle of water getting squashed, ankle is only a bit sore", "crack_heard"),
        ("my legs are red and hot, it's sunburn from the beach run, the calf muscles ache", "calf_swelling"),
        ("calf looks pumped after the calf raises, both legs, back to normal by lunch", "calf_swelling"),
        ("the toenail went purple from the downhill, the toe moves fine and doesn't hurt to walk", "achilles_rupture"),
        ("toes tingle when I warm them up in the shower after a snowy run, gone in a minute", "circulation"),
        ("toes tingle when I warm them up in the shower after a snowy run, gone in a minute", "transient_numbness"),
        ("my leg went numb from kneeling in church, it passed in a minute. my heel still hurts", "circulation"),
        (
            "thinking about it the pop was my knee, the achilles just got slowly sore, nothing sudden",
            "achilles_rupture",
        ),
        ("my calf is not warm and has a normal temperature", "fever"),
    ],
)
def test_round20_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_round20_readings(facts_of):
    # tenderness spread along the shin is not a tender spot on the bone (shin splints, not a stress fracture)
    assert facts_of("both shins are sore to press all along the inner edge")["bone_tenderness"] is False
    assert facts_of("pressing my shin hurts but there's no particular spot")["bone_tenderness"] is False
    assert "bone_tenderness" in symptoms_of(facts_of("pressing one spot on my shin bone really hurts"))
    # a simile keeps the noise: "like a twig snapping"
    assert "crack_heard" in symptoms_of(facts_of("I went over and heard a crack like a twig snapping"))
    # the maker is no new pair; a calf gone tight is no tight shoe; travel home is no return to running
    assert "shoes" not in facts_of("I run in New Balance 880s")
    assert facts_of("bought new shoes on Saturday")["shoes"] == "new"
    assert "shoes" not in facts_of("my calf goes tight and my foot goes numb halfway through runs")
    assert "volume_change" not in facts_of("my calf aches since I flew back from Lisbon on Monday")


def test_round21_readings(facts_of):
    # numb and colder since a fall is the emergency sign, not numbness that passes
    assert "circulation" in symptoms_of(facts_of("took a tumble jogging and since then my toes are numb and colder"))
    # a complaint asked about still says where ("is it normal for my achilles to creak?")
    assert facts_of("is it normal that my heels creak like that??")["body_part"] == "heel"
    # context told of oneself before a question counts; asked about alone it does not
    assert "clot_risk" in symptoms_of(facts_of("I'm on the pill, is that a problem?"))
    assert "clot_risk" not in symptoms_of(facts_of("would a long flight matter?"))


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("went over on it badly and came over all faint, I was sick on the verge", "faint_after_injury"),
        ("rolled my ankle, hurt so much I nearly blacked out", "faint_after_injury"),
        ("a van clipped me at the crossing on my run and my ankle is swelling", "high_energy_injury"),
        ("slipped and fell off the ladder onto my heels before my run", "high_energy_injury"),
        ("twisted it and my ankle looks out of line with the leg", "deformity"),
        ("pins and needles in my sole for about a month now", "lasting_numbness"),
        ("oh I forgot to mention I'm diabetic, is that relevant?", "diabetes"),
        ("the achilles has flared up again, that's the fifth time since spring", "not_improving"),
        ("every time I go back to running the shin pain returns", "not_improving"),
    ],
)
def test_round21_sign_classes(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


def test_a_noise_compared_with_knuckles_is_still_a_noise_heard(facts_of):
    heard = symptoms_of(facts_of("I heard a pop like knuckles cracking when I went over on it"))
    assert heard & {"pop_heard", "crack_heard"}, heard


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("felt light-headed after the 10k in the heat, my calves ache", "faint_after_injury"),
        ("a car nearly hit me at the junction, my heel is sore from the run", "high_energy_injury"),
        ("my mum's diabetic but I'm not, my arch aches", "diabetes"),
        ("haven't tried to walk yet, I'm sat in the car", "rest_or_night_pain"),
        ("my foot went numb mid-run today and came back when I slowed down", "transient_numbness"),
        ("third time this month I did the hill session and my calves ache", "not_improving"),
        ("my achilles flares up every time I run", "not_improving"),
    ],
)
def test_round21_look_alike_classes(facts_of, text, not_symptom):
    assert not_symptom not in symptoms_of(facts_of(text)), facts_of(text)


# Round 22 classes (measured first at 721937c), in new words.
def test_round22_readings(facts_of):
    # "number" is no numbness (spaCy reads it as "more numb")
    assert "circulation" not in symptoms_of(facts_of("the number I gave you was miles, not km"))
    # numb toes on long runs: the exertional kind (see a doctor soon), not a numb foot now
    assert "transient_numbness" in symptoms_of(facts_of("my toes go numb on longer runs"))
    # first steps after sitting is start-up pain (plantar heel pain), not pain at rest; throbbing at rest is
    assert "rest_or_night_pain" not in symptoms_of(
        facts_of("my heel is sore on the first steps after sitting in the car")
    )
    assert "rest_or_night_pain" in symptoms_of(facts_of("my heel aches even while I'm sitting on the sofa"))
    # a child's age is no duration of pain
    assert "not_improving" not in symptoms_of(
        facts_of("back to jogging after my son was born (he's 10 months now), feet ache")
    )
    # "it was very hot, I didn't drink enough": the weather, not a hot joint
    assert "redness_or_heat" not in symptoms_of(
        facts_of("the day was so hot and I hardly drank anything, calf cramped")
    )
    # a child who will not put weight on it
    assert "cannot_bear_weight" in symptoms_of(
        facts_of("my son twisted his ankle at football and refuses to stand on it")
    )
    # white toes on one winter run are left to the screening question ("now?")
    assert "circulation" not in symptoms_of(facts_of("my toes got white and numb on my snowy run this morning"))


def test_round22_bone_and_weight_readings(facts_of):
    assert "bone_tenderness" in symptoms_of(facts_of("when I squeeze both sides of my heel it's really sore"))
    assert "bone_tenderness" in symptoms_of(facts_of("there's a sore point on top of my foot when I hop"))
    assert "bone_tenderness" not in symptoms_of(facts_of("hopping is fine, it doesn't hurt"))
    # "still can't ... even for a second" is not a brief spell that passed
    assert "cannot_bear_weight" in symptoms_of(facts_of("went over on it, still can't stand on it even for a moment"))
    assert facts_of("couldn't stand on it for a few seconds, then walked home fine").get("can_walk") is True


def test_round22_rupture_told_as_a_blow_at_the_back_of_the_leg(facts_of):
    told = facts_of("sprinting on the track I felt like a punch in the back of my leg, just above the heel")
    assert "achilles_rupture" in symptoms_of(told) and told["body_part"] == "achilles", told
    at_the_heel = facts_of("mid race it felt like a hit in back of my leg, at the heel")
    assert "achilles_rupture" in symptoms_of(at_the_heel) and "back_of_heel" in symptoms_of(at_the_heel), at_the_heel
    assert "achilles_rupture" not in symptoms_of(facts_of("I hit the wall at 35k, my heel hurts"))


def test_breathless_lying_flat_is_a_sign_and_breathless_running_is_not(facts_of):
    told = facts_of("my feet and ankles puff up by evening and I can't get my breath lying flat in bed")
    assert "breathless_lying_flat" in symptoms_of(told), told
    assert "breathless_lying_flat" not in symptoms_of(
        facts_of("out of breath on the hill repeats, fine lying down after")
    )


def test_round23_signs_in_runners_words(facts_of):
    fainted = facts_of("blacked out for a moment after twisting my ankle on the trail, ankle massive")
    assert "faint_after_injury" in symptoms_of(fainted), fainted
    # a sprain long ago that still gives way now is the repeat-sprain sign
    assert "giving_way" in symptoms_of(facts_of("hurt this ankle years ago and it still gives way on kerbs"))
    assert "giving_way" not in symptoms_of(facts_of("my ankle used to give way years ago, all fine since"))
    # numbness that comes with every run and wears off is the exertional kind, not a numb foot now
    assert symptoms_of(facts_of("the top of my foot goes numb whenever I run, wears off after a bit")) == {
        "transient_numbness"
    }
    # toes white on a snowy run that pinked up indoors: the cold, not a sign
    assert "circulation" not in symptoms_of(facts_of("on the snowy run my toes went white, pinked up once home"))
    # tingling like electric shocks with no cold or colour: a nerve, seen soon
    assert symptoms_of(facts_of("my sole gets tingling like electric zaps most evenings")) == {"lasting_numbness"}


def test_round23_look_alikes(facts_of):
    assert "achilles_rupture" not in symptoms_of(
        facts_of("watched a clip of a footballer's achilles snapping, mine's ok")
    )
    assert (
        facts_of("calves and hamstrings feel tight, been doing the stretches and rolling").get("injury_event") is None
    )
    assert "clot_risk" not in symptoms_of(facts_of("my new Vaporfly 3s give me blisters"))
    assert facts_of("just back from Spain, heel sore").get("injury_event") is None
    # "doesn't hurt at rest or in bed": both denied
    assert "rest_or_night_pain" not in symptoms_of(facts_of("it doesn't ache when I'm resting or in bed"))


def test_a_long_run_that_grew_is_more_load_not_the_weekly_distance(facts_of):
    told = facts_of("upped my long run from 12 to 20k over a month")
    assert told.get("volume_change") == "increased" and "weekly_km" not in told, told


@pytest.mark.parametrize(
    "text, side",
    [
        ("Heel pain (L) since the marathon", "left"),
        ("calf sore right. came on during intervals", "right"),
        ("shins aching both after the hill session", "both"),
        ("my left heel hurts right at the back", "left"),  # "right" as an adverb
    ],
)
def test_a_side_told_after_the_pain_word(facts_of, text, side):
    assert facts_of(text).get("pain_side") == side


def test_bones_pressed_and_fine_beside_the_soft_tissue_that_hurts(facts_of):
    told = facts_of("ok I pushed on them again, the bones don't hurt, it's the soft squishy part in front")
    assert told.get("bone_tenderness") is False, told
    assert "bone_tenderness" in symptoms_of(facts_of("pressing the soft bit is ok but the bone itself is tender"))


def test_round24_signs_in_runners_words(facts_of):
    assert "circulation" in symptoms_of(facts_of("toes have gone white and cold since my run, and they're numb"))
    assert symptoms_of(facts_of("tingling in my toes during long runs, it goes off afterwards")) == {
        "transient_numbness"
    }
    assert "high_energy_injury" in symptoms_of(facts_of("a van clipped me at a junction mid run, knee and ankle sore"))
    assert "high_energy_injury" in symptoms_of(facts_of("got clipped by a cyclist on the towpath, my foot hurts"))


def test_round24_look_alikes(facts_of):
    assert "rest_or_night_pain" not in symptoms_of(facts_of("achilles much better since I rested, fine at night"))
    assert "rest_or_night_pain" not in symptoms_of(facts_of("shins ache, my coach says I run like I'm sitting down"))
    brief = facts_of("rolled it and couldn't put it down for about two minutes, then I ran the last 3k home")
    assert "cannot_bear_weight" not in symptoms_of(brief) and brief.get("can_walk") is True, brief
    assert "not_improving" not in symptoms_of(facts_of("my heel is most worst in the morning when I wake"))
    assert "not_improving" in symptoms_of(facts_of("my heel gets more worse every week"))
    assert facts_of("my right achilles hurts, and the left one, so both of them").get("pain_side") == "both"


def test_a_complaint_asked_about_still_says_where_it_hurts(facts_of):
    assert facts_of("do you reckon I've sprained my foot?? went over on a root").get("body_part") == "foot"
    assert facts_of("can I still race on a sore heel? left one").get("body_part") == "heel"
    assert "body_part" not in facts_of("what stretches are good for ankles?")


def test_round25_signs_in_runners_words(facts_of):
    assert "cannot_bear_weight" in symptoms_of(
        facts_of("my lad went over on his ankle at rugby and has been hopping all day")
    )
    assert "not_improving" in symptoms_of(facts_of("the ankle's been swollen for weeks now, never fully goes down"))


def test_round25_look_alikes(facts_of):
    assert "crack_heard" not in symptoms_of(
        facts_of("my ankle clicked when I rolled it around before the run, no pain")
    )
    assert facts_of("my ankle clicked when I rolled it around before the run, no pain").get("injury_event") is None
    assert "diabetes" not in symptoms_of(facts_of("diabetes runs in the family but I don't have it, sore arch"))
    assert "circulation" not in symptoms_of(facts_of("went blue in the face on the climb, calf a bit tight"))
    assert facts_of("I can do single leg raises on both legs, the achilles is just sore").get("pain_side") is None
    # the symptom's first time, not a run's
    assert "volume_change" not in facts_of(
        "tingly foot on my run, went after a minute and hasn't come back. first time ever"
    )


def test_stairs_after_a_race_are_not_bearing_weight(facts_of):
    told = facts_of("after the half I could barely get down the stairs, quads and calves wrecked, easing now")
    assert "cannot_walk_said" not in symptoms_of(told), told


def test_the_runner_quoting_their_own_words_does_not_tell_the_sign_again(facts_of):
    told = facts_of("sorry, when I said I can't walk I meant I can't run. walking is ok, it's the mornings")
    assert "cannot_walk_said" not in symptoms_of(told) and told.get("can_walk") is True, told


@pytest.mark.parametrize(
    "text, label, value",
    [
        ("pretty sure I felt something snap at the back?? calf still sore", "symptoms", ["pop_heard"]),
        ("left knee feels wobbly?? like it might go", "body_part", "knee"),
        ("all of a sudden really sore arch??", "body_part", "foot"),
    ],
)
def test_a_statement_typed_with_a_question_mark_still_tells(facts_of, text, label, value):
    """ "?" after a sentence with no question word is a doubt or an exclamation, not a question."""
    assert facts_of(text).get(label) == value


@pytest.mark.parametrize("text", ["Warm up? never bother", "Stretching? nope"])
def test_a_topic_asked_and_answered_by_the_runner_keeps_its_answer_or_none(facts_of, text):
    assert facts_of(text).get("warm_up") is not True and facts_of(text).get("stretching") is not True


def test_a_sentence_that_asks_still_asks(facts_of):
    assert "pop_heard" not in symptoms_of(facts_of("does a snap always mean a tear?"))


def test_trying_tiptoe_again_after_saying_yes_and_the_leg_collapsing_is_a_rupture_sign(facts_of):
    told = facts_of("earlier I said yes to tiptoe. tried it properly on the right only and it just collapses")
    assert "achilles_rupture" in symptoms_of(told), told


def test_landing_loudly_on_the_heels_is_no_blow_to_the_tendon(facts_of):
    told = facts_of("I land on my heels hard, the neighbours hear me thudding past")
    assert "achilles_rupture" not in symptoms_of(told), told


def test_a_sign_word_asked_about_is_not_told(facts_of):
    assert "circulation" not in symptoms_of(facts_of("what is mean numb? I am not sure of this word"))
    assert "circulation" in symptoms_of(facts_of("what is this numbness in my toes, they're cold and white?"))


def test_a_place_with_nothing_hurting_there_is_no_rest_pain(facts_of):
    assert "rest_or_night_pain" not in symptoms_of(facts_of("writing this on the sofa lol"))
    assert "rest_or_night_pain" in symptoms_of(facts_of("it aches even lying down"))


def test_pressing_and_nothing_hurting_on_the_bones_is_a_no(facts_of):
    told = facts_of("Did the pressing. No bone hurts at all, just the squishy part under the bump")
    assert told.get("bone_tenderness") is False, told


@pytest.mark.parametrize(
    "text, expected",
    [
        ("stumbled on a root and didn't fall, ankle sore since", True),  # the stumble was the event
        ("went over on it on the kerb, no snap though", True),
        ("can't remember anything happening to it, just sore", False),
    ],
)
def test_an_event_detail_denied_does_not_undo_the_event(facts_of, text, expected):
    assert facts_of(text).get("injury_event") is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("just started running in january, arches ache", {"volume_change": "returning"}),
        ("I just start running, no warm-up or anything", {"warm_up": False}),
        ("the pain is in the tendon over my heel", {"body_part": "achilles"}),
        ("sore between my calf and my heel on the right", {"body_part": "achilles", "pain_side": "right"}),
        ("my calfs are both tight", {"pain_side": "both"}),
        ("only run on the tredmill at home", {"surface": "soft"}),
        ("this was my biggest week ever", {"volume_change": "increased"}),
        ("is it my weight, I'm 120 kg", {"strength_training": None}),
    ],
)
def test_round27_everyday_words(facts_of, text, expected):
    told = facts_of(text)
    assert {k: told.get(k) for k in expected} == expected, told


def test_a_quoted_earlier_answer_taken_back_is_the_opposite(facts_of):
    assert facts_of("I told you I warm up, I said I warm up, but honestly I don't").get("warm_up") is False
    assert facts_of("yes like I said I stretch after").get("stretching") is None  # quoted, nothing new


def test_round27_signs_and_look_alikes(facts_of):
    assert "cannot_bear_weight" in symptoms_of(facts_of("went over on the stairs at the track and can only hop now"))
    assert "cannot_bear_weight" in symptoms_of(facts_of("twisted it badly, just hopping since"))
    itchy = facts_of("itchy red blotches all over my calves after the hot 10k, no pain")
    assert not {"calf_swelling", "redness_or_heat"} & set(symptoms_of(itchy)), itchy


def test_round26_signs_and_look_alikes(facts_of):
    # a crack in the pavement is no crack heard
    assert "crack_heard" not in symptoms_of(facts_of("turned my ankle when my foot went in a crack on the path"))
    assert "crack_heard" in symptoms_of(facts_of("turned my ankle and heard a crack, can't stand on it"))
    # numbness in episodes during runs, for weeks, that looser laces did not help: see someone, not A&E
    episodes = symptoms_of(facts_of("for weeks my toes go numb halfway through runs, looser laces didn't help"))
    assert "transient_numbness" in episodes and "circulation" not in episodes, episodes
    # a recent operation is a clot risk
    assert "clot_risk" in symptoms_of(facts_of("had my appendix out a fortnight ago, calf aching since"))


def test_a_quoted_earlier_answer_is_not_told_again(facts_of):
    told = facts_of("I said no swelling before, but the left calf is clearly bigger than the right")
    assert told.get("swelling") is not False, told
    assert facts_of("I said it was swollen but it isn't, I was wrong").get("swelling") is False


def test_non_native_paining_after_pressing_the_bone_is_a_no(facts_of):
    told = facts_of("I pressed the bones again. The bone is not paining, only the soft part in front")
    assert told.get("bone_tenderness") is False, told


def test_walking_on_a_pebble_is_how_forefoot_pain_feels_not_walking_pain(facts_of):
    assert "walking_pain" not in symptoms_of(facts_of("ball of my foot aches, like walking on a marble all day"))
    assert "walking_pain" in symptoms_of(facts_of("the top of my foot hurts when I walk now, nothing happened"))


def test_a_best_guess_about_how_it_started_is_kept(facts_of):
    assert facts_of("not totally sure, came slowly I reckon").get("injury_event") is False


def test_checked_again_and_the_bone_is_not_sore(facts_of):
    told = facts_of("I checked again. The bone is not sore, just the soft bit next to it")
    assert told.get("bone_tenderness") is False, told


def test_a_request_typed_with_a_question_mark_still_asks(facts_of):
    # the held-out NLU set: "exercises to stop ankle sprains?" names no complaint
    assert facts_of("best stretches to prevent heel pain?") == {}


def test_no_better_after_weeks_off_is_not_improving(facts_of):
    told = facts_of("stopped running a month ago and honestly it is not better at all")
    assert "not_improving" in symptoms_of(told), told


@pytest.mark.parametrize(
    "text, symptom, told",
    [
        ("3 weeks off running, the arch hurts as bad as day one", "not_improving", True),
        ("my shin aches even sitting on the couch now", "rest_or_night_pain", True),
        ("week 4 of couch to 5k and my calves ache", "rest_or_night_pain", False),
        ("had a temp yesterday and the ankle aches", "fever", True),
        ("a numb spot on the ball of my foot where the callus is", "circulation", False),
    ],
)
def test_round28_signs_and_look_alikes(facts_of, text, symptom, told):
    assert (symptom in symptoms_of(facts_of(text))) is told


def test_round28_facts(facts_of):
    assert facts_of("feeling a bit run down lately, heel sore").get("surface") is None
    walking = facts_of("felt a pop at the ankle doing a stretch, no pain and walking fine")
    assert walking.get("can_walk") is True, walking
    assert facts_of("heard a snap as I jumped off the step, can't put it down").get("injury_event") is True


# Round 29 classes, in new words: a season is no fall; pre-diabetes is no diabetes; "all the time when I run" is no
# rest pain; a brand with a colour is no redness; a walk before the run is a warm-up; weekly arithmetic told as days.
@pytest.mark.parametrize(
    "text, absent",
    [
        ("did more hills last fall and my shin aches", "injury_event"),
        ("training for a fall half, heel sore", "injury_event"),
        ("my GP says I'm borderline diabetic, ankle sore after runs", "symptoms"),
        ("it throbs all the time during my runs, fine after", "symptoms"),
        ("I wear Red Wing boots at work, foot aches", "symptoms"),
        ("had a bump on my heel for ages, it never hurts", "duration_days"),
    ],
)
def test_everyday_words_that_are_no_sign(facts_of, text, absent):
    assert absent not in facts_of(text)


def test_a_real_fall_is_still_a_fall(facts_of):
    assert facts_of("had a fall on the ice last week and my ankle swelled")["injury_event"] is True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I stroll to the corner first then start running", {"warm_up": True}),
        ("5k before work on weekdays", {"weekly_km": 25.0}),
        ("8 km Monday to Saturday", {"weekly_km": 48.0}),
        ("I do 6 km 3 times week", {"weekly_km": 18.0}),
        ("went up to 30 mpw and my arch hurts", {"weekly_km": 48.3}),
        ("biggest week was 70 km, now my achilles is sore", {"weekly_km": 70.0}),
        ("took my kms from 20 to 35 and the shin hurts", {"weekly_km": 35.0, "volume_change": "increased"}),
        ("a few runs plus a long one, roughly 30k all up each week", {"weekly_km": 30.0}),
        ("I run 6 km, twice a week, then I increased to 4 times a week", {"weekly_km": 24.0}),
        ("still hobbling 16 days after I rolled it", {"duration_days": 16.0}),
    ],
)
def test_round_29_everyday_readings(facts_of, text, expected):
    facts = facts_of(text)
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("fell off the kerb, there's a dip and a lump where the bone should sit", "deformity"),
        ("my foot has been puffy for 5 days still, no injury", "swelling_not_settling"),
        ("two weeks off running and it's still just as bad as before", "not_improving"),
    ],
)
def test_round_29_signs(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


def test_unable_to_stand_for_half_a_minute_then_fine_is_no_emergency(facts_of):
    facts = facts_of("turned my ankle, couldn't put my foot down for twenty seconds, now walking is ok")
    assert facts.get("can_walk") is True and "cannot_bear_weight" not in facts.get("symptoms", [])


# Round 30 classes, in new words.
@pytest.mark.parametrize(
    "text, absent",
    [
        ("red faced and wheezing after the hill reps, legs are fine", "symptoms"),
        ("I can jog and hop on it no bother, foot a bit achy", "symptoms"),
        ("woke up at 3am with a calf cramp, stretched it and it went", "symptoms"),
        ("achilles sore since a family trip to the coast", "injury_event"),
        ("I try to go up on my toes and nothing happens", "injury_event"),
    ],
)
def test_round_30_look_alikes_read_no_sign(facts_of, text, absent):
    assert absent not in facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("the red is creeping up my ankle from the blister", "spreading_redness"),
        ("2 weeks of rest and it still hurts the same", "not_improving"),
        ("the swelling doesn't go down at all, even overnight", "swelling_not_settling"),
        ("my toes go numb for twenty minutes, then it's fine", "transient_numbness"),
    ],
)
def test_round_30_signs(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2 weeks of rest and it still hurts the same", {"duration_days": 14.0}),
        ("still hobbling a week after the sprain", {"duration_days": 7.0}),
        ("4k on Tue and Thu and 10k Saturday", {"weekly_km": 18.0}),
        ("2 days 5 km and saturday 12 km", {"weekly_km": 22.0}),
        ("swollen ankle but I can run on it", {"can_walk": True}),
    ],
)
def test_round_30_everyday_readings(facts_of, text, expected):
    facts = facts_of(text)
    assert {k: facts.get(k) for k in expected} == expected


# Round 31 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("third time I've turned it this spring, it goes from under me", "giving_way"),
        ("my calf is tense and shiny and it's much worse when I move my toes", "compartment"),
        ("the pink ring round the blister has grown bigger since lunch", "spreading_redness"),
        ("took ten days off, one easy jog and I'm back to square one", "not_improving"),
        ("since my sprain in the spring it gives way on uneven ground", "giving_way"),
        ("now and then my toes go numb for a bit, like when you sit on your foot", "transient_numbness"),
    ],
)
def test_round_31_signs(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


def test_is_my_toe_broken_names_the_sore_place(facts_of):
    assert facts_of("stubbed it on a step mid run, is my toe broken?")["body_part"] == "foot"


def test_feet_red_after_a_run_that_go_back_to_normal_are_no_sign(facts_of):
    assert "symptoms" not in facts_of("feet red and hot after the run, back to normal in half an hour")


@pytest.mark.parametrize("text, expected", [("✅", "yes"), ("👎🏼", "no"), ("❌", "no"), ("sore 👍", "sore")])
def test_a_yes_or_no_emoji_alone_is_the_word(text, expected):
    from understanding.normalize import normalize

    assert normalize(text) == expected


# Round 32 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("took a kick to the shin, it's swollen and tight and hurts far more than it should", "compartment"),
        ("twisted it a fortnight ago and it's still as swollen as the first day", "not_improving"),
        ("it's been puffy for 8 days and resting it isn't changing it", "not_improving"),
    ],
)
def test_round_32_signs(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text",
    [
        "a loud snap mid run, it was my shoelace breaking, arch a little sore",
        "a crack on the path, I'd trodden on a dead branch, ankle fine",
        "numb bum from the bike saddle on my spin class, achilles a bit stiff",
        "pins and needles in my hands on long runs, feet fine",
    ],
)
def test_round_32_noises_and_numbness_explained_are_no_sign(facts_of, text):
    signs = set(facts_of(text).get("symptoms", []))
    assert not signs & {"pop_heard", "crack_heard", "saddle_numbness", "circulation"}


def test_running_since_a_month_is_not_how_long_it_hurts(facts_of):
    assert "duration_days" not in facts_of("back running since March after the baby, heel sore in the mornings")


def test_back_running_for_weeks_with_a_swollen_ankle_is_no_swelling_that_never_settles(facts_of):
    # round 32: "back running for 6 weeks, my left ankle is swollen" was read as "not getting better"
    assert "not_improving" not in facts_of("back jogging for 5 weeks now, right ankle swollen").get("symptoms", [])
    assert "not_improving" in facts_of("the swelling returns every night, weeks after I twisted it").get("symptoms", [])


# Round 33 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("since this morning my toes are really cold and look whitish", "circulation"),
        ("I can get about but I'm walking flat footed, no spring at all", "achilles_rupture"),
        ("there's a hollow at the back above my heel where it hurts", "achilles_rupture"),
    ],
)
def test_round_33_signs(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize("text", ["my toes are always cold in winter", "I'm flat footed and my arch aches"])
def test_round_33_look_alikes(facts_of, text):
    assert not {"circulation", "achilles_rupture"} & set(facts_of(text).get("symptoms", []))


def test_a_quoted_no_and_then_the_sign_keeps_the_sign(facts_of):
    # round 33: "I said no pain at night, but ... it has woken me up several nights" kept the old "no"
    told = "I told you no pain at night but honestly it wakes me up most nights, a dull ache"
    assert "rest_or_night_pain" in facts_of(told).get("symptoms", [])
    assert "symptoms" not in facts_of("it aches on runs but there's no pain at night")


# Round 34 and 35 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("tried about three steps on it and had to sit straight back down", "cannot_bear_weight"),
        ("my foot is bent off to the side after the fall", "deformity"),
        ("I've had a limp for two weeks now even though I can walk", "limping"),
        ("my calf went tight and hard like a rock, the pain is insane and the shin is swollen", "compartment"),
        ("rested it ten days but nothing changed", "not_improving"),
        ("the top of my foot has been swollen for five days now", "swelling_not_settling"),
    ],
)
def test_warning_signs_in_round34_and_35_shapes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("the new track is that red rubber stuff", "redness_or_heat"),
        (
            "ran in the snow, my toes went white and numb, warmed them by the heater and they're back to normal now",
            "circulation",
        ),
        ("my leg went dead from sitting on it in the car, pins and needles, then totally fine", "circulation"),
        ("could my achilles be snapping?? it's only a bit tight", "pop_heard"),
        ("couldn't walk for a second after I stubbed my toe, all good now", "achilles_rupture"),
        ("I was sitting on it funny on the sofa", "deformity"),
        ("I checked again and it was the wrong bit I was looking at, it's the same as the other side", "deformity"),
        ("the back of my ankle, that big tendon, is stiff in the morning", "inflammatory"),
        ("type 1 diabetic, my arch is sore and I feel it in bed", "diabetic_wound"),
    ],
)
def test_look_alikes_in_round34_and_35_shapes(facts_of, text, symptom):
    assert symptom not in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, part",
    [
        ("the cords behind both my ankles ache", "achilles"),
        ("pain in my a kill ease on the right", "achilles"),
        ("sore where the tendon goes into the heel", "achilles"),
        ("my planter fasciitis is back", "heel"),
    ],
)
def test_plain_and_dictated_anatomy(facts_of, text, part):
    assert facts_of(text)["body_part"] == part


def test_a_bone_spot_told_before_walking_is_fine_stays_tender(facts_of):
    facts = facts_of("pressed on top of my foot and one spot on the bone made me jump, walking is fine though")
    assert "bone_tenderness" in facts["symptoms"] and facts.get("bone_tenderness") is not False


# Round 36 and 37 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("I reckon my calf is a little puffy and warm? compared to the other", "redness_or_heat"),
        ("MY ARCH THROBS IN BED NOW, NEVER USED TO", "rest_or_night_pain"),
        ("the puffiness round my ankle hasn't changed in a week", "swelling_not_settling"),
        ("ankle still swollen after 6 days of ice, not going down at all", "swelling_not_settling"),
    ],
)
def test_warning_signs_in_round36_and_37_shapes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("getting cold feet about the half on Sunday, legs are fine", "circulation"),
        ("my foot went numb with fright when the cyclist nearly hit me, all fine", "circulation"),
        ("it was so hot out my ankles swelled a touch, gone by the evening", "redness_or_heat"),
        ("heard a crunch but it was the ice under my spikes", "crack_heard"),
        ("no swelling, calf isn't warm. I fly to Spain next week though", "clot_risk"),
        ("toes are cold at the start but they warm up after a mile, calf normal", "calf_swelling"),
        ("my foot is purple on the side where I knocked it", "circulation"),
        ("legs wrecked after my first half, quads so sore walking downstairs", "walking_pain"),
        ("not red, just had a hot shower, the calf is only sore", "redness_or_heat"),
    ],
)
def test_look_alikes_in_round36_and_37_shapes(facts_of, text, symptom):
    assert symptom not in facts_of(text).get("symptoms", [])


def test_a_flight_taken_is_a_risk_and_one_to_come_is_not(facts_of):
    assert "clot_risk" in facts_of("long flight last week, now my calf aches").get("symptoms", [])
    assert "clot_risk" not in facts_of("my calf aches, long flight next week").get("symptoms", [])


def test_pain_that_started_out_of_nowhere_had_no_injury(facts_of):
    assert facts_of("both heels, no new shoes, it just started out of nowhere")["injury_event"] is False


def test_a_flight_home_is_a_clot_risk_not_a_return_to_running(facts_of):
    # round 36: "flew back from Lagos on Sunday" was ignored as a phrase, so the flight was never read
    facts = facts_of("flew back from Bali on Tuesday and now my calf aches")
    assert "clot_risk" in facts["symptoms"] and facts.get("volume_change") is None


# Round 38 and 39 classes, in new words.
@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my calf is a bit warm and a bit bigger than the other", "calf_swelling"),  # "a bit" is no insect "bite"
        ("did a 9 hr drive back from the coast yesterday", "clot_risk"),
        ("it's been 8 days since I turned it and the swelling hasn't gone down at all", "swelling_not_settling"),
        ("foot still bad after resting it a fortnight", "not_improving"),
    ],
)
def test_warning_signs_in_round38_and_39_shapes(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("the puffiness refuses to go down but I walk fine", "cannot_bear_weight"),
        ("my foot looks odd with that bump on the side, I've always had it, no pain", "deformity"),
        ("sore on top of my foot right where the laces go over", "injury_event"),
    ],
)
def test_look_alikes_in_round38_and_39_shapes(facts_of, text, symptom):
    facts = facts_of(text)
    assert symptom not in facts.get("symptoms", []) and facts.get(symptom) is not True


def test_how_long_told_as_a_day_count():
    from understanding import units

    assert units.duration_days("ankle still puffy, it's day 6 now").value == 6
    assert units.duration_days("it's been 12 days since I rolled it and it still aches").value == 12


@pytest.mark.parametrize(
    "text, symptom",
    [
        # a hedge after the negation keeps the phrase ("can't really", "can't even")
        ("since the fall I can't properly feel my toes", "circulation"),
        ("rolled it on a kerb and I can't even put my weight on it", "cannot_bear_weight"),
        # an attempt that failed, and a foot that cannot touch the ground
        ("went over on a root, tried to walk on it but couldn't", "cannot_bear_weight"),
        ("tripped on the stairs, even touching the ground with that foot is agony", "cannot_bear_weight"),
        # a colour told as strange
        ("came in from a frosty run and my toes are a funny colour", "circulation"),
        # a bend where there was none
        ("after the fall my ankle has an odd bend to it", "deformity"),
    ],
)
def test_warning_signs_in_loose_words(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", []), facts_of(text)


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("what do you mean by pain at night? no, nothing like that", "rest_or_night_pain"),
        ("why do you need to know about numbness? none", "circulation"),
        ("I lace them really tight so my feet don't move in them", "achilles_rupture"),
        ("calves stiff 36 hours after the half, easing off", "inflammatory"),
        ("sore to walk on barefoot on the tiles but fine in trainers", "walking_pain"),
        ("back of my heel stiff for a couple of minutes in the morning then it's fine", "inflammatory"),
    ],
)
def test_named_or_explained_signs_are_not_told(facts_of, text, not_symptom):
    assert not_symptom not in facts_of(text).get("symptoms", []), facts_of(text)


def test_right_as_an_adverb_is_not_a_side(facts_of):
    assert facts_of("it's right under my left heel, like a bruise").get("pain_side") == "left"
    assert facts_of("the calf on the right where it meets the tendon").get("pain_side") == "right"


def test_volume_and_onset_words_read_in_their_sense(facts_of):
    assert facts_of("my heels hurt and I haven't run further than usual").get("volume_change") == "steady"
    assert facts_of("the ache only just started, no idea why").get("volume_change") is None
    assert facts_of("hadn't run at all for a year before this").get("volume_change") == "returning"


def test_laces_ruled_out_leave_the_numbness(facts_of):
    facts = facts_of("my toes go tingly on longer runs and then settle, the laces aren't tight")
    assert "transient_numbness" in facts["symptoms"] and facts.get("shoes") != "poor_fit"


def test_numbness_with_diabetes_and_no_cold_is_a_nerve(facts_of):
    assert facts_of("type 2 diabetic and I can't feel my toes properly")["symptoms"].count("lasting_numbness") == 1


def test_not_better_after_rest_in_loose_words(facts_of):
    assert "not_improving" in facts_of("three weeks off running and it's not a bit better")["symptoms"]


def test_tiptoe_refused_in_a_short_clause_after_a_snap(facts_of):
    facts = facts_of("felt a snap at the back of my right heel, I can stand on both but not on the right tiptoe")
    assert "achilles_rupture" in facts["symptoms"]


def test_laces_told_normal_leave_the_numbness(facts_of):
    facts = facts_of("my big toe goes numb now and then for a few weeks, laces are normal")
    assert {"transient_numbness", "lasting_numbness"} & set(facts["symptoms"]) and facts.get("shoes") != "poor_fit"


def test_swelling_that_comes_back_each_evening_weeks_after_a_sprain(facts_of):
    facts = facts_of("went over on it a month ago and it still puffs up every evening")
    assert "swelling_not_settling" in facts["symptoms"] and facts.get("duration_days") == 30


def test_looking_at_the_wrong_foot_is_a_mix_up_not_a_deformity(facts_of):
    assert "deformity" not in facts_of("sorry, I was looking at the wrong foot, it's the right one").get("symptoms", [])
    assert "deformity" in facts_of("rolled it and now my ankle looks wrong, kind of sideways")["symptoms"]


def test_the_toes_of_the_tiptoe_check_are_not_the_sore_place(facts_of):
    facts = facts_of("hang on, went out again and felt a pop at the back of the heel, now I can't get up on my toes")
    assert facts.get("body_part") == "heel" and "achilles_rupture" in facts["symptoms"]


@pytest.mark.parametrize(
    "text, slot, value",
    [
        ("did my 5k in jandals for a bet and now my arch is killing me", "shoes", "unsuitable"),
        ("ran home in my office trainers, the flat leather ones, and my heels ache", "shoes", "unsuitable"),
        ("clipped a kerb and went down hard, ankle sore", "injury_event", True),
        ("went right over on it on the towpath", "injury_event", True),
    ],
)
def test_everyday_shoes_and_falls(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


@pytest.mark.parametrize(
    "text, symptom",
    [
        # a tight, swollen shin or calf whose pain is extreme and does not settle at rest: acute, not exertional
        ("after hill reps my calf went rock hard and swollen, pain 11/10 and worse even at rest", "compartment"),
        # a reaction to pressing a bone is its tenderness
        ("I pushed on the bone on top of my foot and yelped", "bone_tenderness"),
        # rest that changed nothing
        ("two weeks off running and it's still the same", "not_improving"),
        # a joint out of its place told as its position
        ("since the fall my ankle sits in an odd position", "deformity"),
        # numbness told as a foot asleep, coming and going
        ("my toes feel like they've gone to sleep now and then", "transient_numbness"),
        # swelling that stays
        ("the ankle remains puffy for days after each run", "swelling_not_settling"),
        # a limp that has lasted, told with "since"
        ("limping since 10 days, no injury", "limping"),
        # the feeling of a kick at the heel is a torn Achilles until examined
        ("felt like someone kicked my heel during intervals", "achilles_rupture"),
    ],
)
def test_round_43_44_sign_classes_in_new_words(facts_of, text, symptom):
    assert symptom in facts_of(text).get("symptoms", [])


@pytest.mark.parametrize(
    "text, not_symptom",
    [
        ("pushed on the bones, didn't flinch at all", "bone_tenderness"),
        ("the heel pad is sore when I press, the bones are fine", "bone_tenderness"),
        ("my foot falls asleep when I kneel in church", "circulation"),
        ("my foot falls asleep when I kneel in church", "transient_numbness"),
        ("my shins get tight during reps and settle when I stop", "compartment"),
        # in the calf the same feeling may be a torn muscle: the tiptoe check decides, not the words alone
        ("felt like someone punched my calf during intervals", "achilles_rupture"),
    ],
)
def test_round_43_44_look_alikes_in_new_words(facts_of, text, not_symptom):
    assert not_symptom not in facts_of(text).get("symptoms", [])


def test_a_kick_felt_in_the_calf_is_a_pop_the_tiptoe_check_decides(facts_of):
    assert "pop_heard" in facts_of("felt like someone punched my calf during intervals")["symptoms"]


@pytest.mark.parametrize(
    "text, side",
    [
        ("grass and tarmac, both", None),  # both of the surfaces just named
        ("trainers and spikes both", None),
        ("both", "both"),  # the side question answered
        ("left and right, both", "both"),
        ("my heels hurt on road and grass, both", "both"),  # a body word: the sides of it
    ],
)
def test_both_after_two_things_named_is_not_both_sides(facts_of, text, side):
    assert facts_of(text).get("pain_side") == side


@pytest.mark.parametrize(
    "text, swollen",
    [
        ("puffy on day one but it's gone down now", False),  # swelling told as past and gone
        ("the swelling went down after a night with ice", False),
        ("it has gone down a little but it's still puffy", True),  # still there
    ],
)
def test_swelling_gone_down_is_no_swelling_now(facts_of, text, swollen):
    assert facts_of(text).get("swelling") is swollen


def test_numbness_gone_by_the_next_day_is_not_a_numb_foot_now(facts_of):
    assert facts_of("tingly toes last night, fine today")["symptoms"] == ["transient_numbness"]


def test_a_calf_swelling_told_past_and_gone_is_not_a_swollen_calf_now(facts_of):
    assert "calf_swelling" not in facts_of("my calf swelled up after the race but it's back to normal").get(
        "symptoms", []
    )
    assert "calf_swelling" in facts_of("my calf swelled up after the race and is still big").get("symptoms", [])


@pytest.mark.parametrize(
    "text, symptom, present",
    [
        ("Oi mate my foot is bent sideways after the fall", "deformity", True),  # "mate" addresses the reader
        ("shin went rock hard and shiny after the 10k, getting worse, ibuprofen does nothing", "compartment", True),
        ("limping for about 10 days now, can't walk right", "limping", True),
        ("was limping for a day after the half but walking normal now", "limping", False),
        ("toes went a weird blue after the run... oh it's the dye from my new socks", "circulation", False),
        ("numb toes? nope. just a tight calf", "circulation", False),  # asked and answered no
        ("night pain? yes most nights", "rest_or_night_pain", True),
        ("worried it's a stress fracture but pressing the bones doesn't hurt at all", "bone_tenderness", False),
    ],
)
def test_round_45_classes_in_new_words(facts_of, text, symptom, present):
    assert (symptom in facts_of(text).get("symptoms", [])) is present


def test_a_day_after_a_run_is_no_daily_distance():
    from understanding import units

    assert units.weekly_km("sore for a day after my first 21k") is None
    assert units.weekly_km("I do 4k every day").value == 28.0


def test_they_after_toes_are_the_toes_not_other_people(facts_of):
    # "they" was read as other people unless a plural body word came first, and "toes" was not one
    assert "circulation" in facts_of("my toes are a bit odd, they've gone numb and icy since the fall")["symptoms"]


def test_leaning_back_and_landing_with_a_thud_is_form_not_a_kick(facts_of):
    facts = facts_of("my physio says I lean back a lot and land hard with a thud")
    assert "achilles_rupture" not in facts.get("symptoms", [])


def test_both_calves_compared_is_no_side(facts_of):
    assert facts_of("measured both calves, same size, no swelling").get("pain_side") is None
    assert facts_of("both calves ache after the hills").get("pain_side") == "both"


def test_giving_me_grief_is_no_ankle_giving_way(facts_of):
    assert "giving_way" not in facts_of("achilles has been giving me gyp for weeks, worse getting out of bed").get(
        "symptoms", []
    )
    assert "giving_way" in facts_of("the ankle goes out on me a few times a month").get("symptoms", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok so it WAS a roll, not a slow build up", True),
        ("it wasn’t gradual at all, I rolled it off a kerb", True),
        ("wasn't out of nowhere, I think", None),
        ("no fall, no twist, it just came on gradually", False),
    ],
)
def test_a_denied_gradual_start_is_no_value_never_a_twist(facts_of, text, expected):
    assert facts_of(text).get("injury_event") is expected


# Session 12, rounds 46 and 47 (classes seen there; the sentences below are new)
@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("since the fall I'm just hopping on one leg to get around the flat", "cannot_bear_weight"),
        ("it's been 2 days and I only hop on the other foot", "cannot_bear_weight"),
        ("the foot is pointing a funny direction since I came off the bike", "deformity"),
        ("my foot isn't straight in line with my leg any more after the tumble", "deformity"),
        ("no strength to get up on my toes on that side since the snap", "achilles_rupture"),
        ("toes feel dead and the whole foot is colder than my other one", "circulation"),
        ("shin is tight like a drum after the race and getting worse by the hour", "compartment"),
        ("I keep waking in the middle of the night with it throbbing", "rest_or_night_pain"),
        ("still a bit puffy ten days on and it's not getting any smaller", "swelling_not_settling"),
        ("the bump hasn't gone away after three weeks off running", "not_improving"),
    ],
)
def test_session12_warning_signs_in_new_words(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("my achilles makes a creaky crack sound whenever I do stairs, no pain at all", "crack_heard"),
        ("hopping on one leg hurts at the top of my foot", "cannot_bear_weight"),
        ("my legs feel dead after yesterday's long run", "transient_numbness"),
        ("my legs feel dead after yesterday's long run", "circulation"),
        ("I think it's just muscle fever from the hill session", "fever"),
        ("my eyes were red and itchy last week, hay fever probably", "redness_or_heat"),
        ("scraped my knee on the army crawl at the obstacle race", "cannot_bear_weight"),
        ("my ankle went sideways off the kerb but I walked it off", "deformity"),
        ("can I do the same session again tomorrow?", "giving_way"),
        ("limping a bit today after the fell race but I walked round town fine", "limping"),
    ],
)
def test_session12_look_alikes_are_not_signs(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_a_question_said_back_then_answered_no_states_no_sign(facts_of):
    facts = facts_of("swollen or hot calf? hmm let me look. nope, both calves look identical, not warm either")
    assert not symptoms_of(facts) & {"calf_swelling", "redness_or_heat"}, facts
    confirmed = facts_of("swollen calf? yes, and it's hot to touch")
    assert "calf_swelling" in symptoms_of(confirmed), confirmed


@pytest.mark.parametrize(
    "text",
    [
        "will pick up a new pair of shoes next week",
        "i buy new trainers this saturday",
        "gonna order new shoes online after payday",
    ],
)
def test_shoes_still_to_be_bought_are_not_the_shoes_run_in(facts_of, text):
    assert "shoes" not in facts_of(text)


def test_back_from_a_trip_or_race_is_not_a_return_to_running(facts_of):
    assert "volume_change" not in facts_of("just back from a work trip and my heel is sore")
    assert facts_of("back from a stress fracture and my heel is sore")["volume_change"] == "returning"


def test_a_week_old_twist_times_the_pain_and_swelling_that_will_not_go_down_is_a_sign(facts_of):
    facts = facts_of("went over on my ankle on the canal path 9 days ago, I expected it to be better by now")
    assert facts["duration_days"] == 9.0 and facts["injury_event"] is True, facts
    swollen = facts_of("heel still puffy after 6 days, and it's not going down with my leg up on the sofa")
    assert "swelling_not_settling" in symptoms_of(swollen) and swollen.get("pain_side") != "both", swollen


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("i just start to jog from the door, no warm up thing", "warm_up", False),
        ("my trainers are from a supermarket, made for walking", "shoes", "unsuitable"),
        ("i began to run in march after 10 years without sport", "volume_change", "returning"),
    ],
)
def test_session12_everyday_answers(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("tried getting up on my toes on the right after the pop and I can't, it just won't go", "achilles_rupture"),
        ("my ankle is wobbly and gives me no confidence since the sprain in spring", "giving_way"),
    ],
)
def test_round48_signs_in_new_words(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("tried going up on my toes and it doesn't hurt at all", "achilles_rupture"),
        ("legs felt wobbly at the end of the half, normal I think", "giving_way"),
    ],
)
def test_round48_look_alikes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # breathless on light effort with a racing heart: "racing" is the heart, not a race
        (
            "my calf aches since the long coach ride and now I get puffed on the stairs, heart is racing too",
            "breathless",
        ),
        # pain out of proportion: crying with it, painkillers that do nothing
        ("my shin is swollen and tight and I was in tears with it all evening", "compartment"),
        ("calf gone tight and shiny, had some ibuprofen and nothing, it is only getting worse", "compartment"),
        # on tiptoe, but weakly
        ("can get up on my tiptoes on the sore side but it feels really weak", "weak_push_off"),
    ],
)
def test_round49_signs_in_new_words(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("out of breath on the hill reps and my calf is sore", "breathless"),
        ("I can go up on tiptoe fine, no weakness at all", "weak_push_off"),
        ("my left calf is bigger than the right, but it always has been", "calf_swelling"),
    ],
)
def test_round49_look_alikes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)


def test_a_word_kept_for_always_still_leaves_a_swollen_calf(facts_of):
    assert "calf_swelling" in symptoms_of(facts_of("my calf is swollen and I'm always so tired"))


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("jogging again after my second kid, ankle is sore", "volume_change", "returning"),
        ("back at it after a fifteen year gap and now the heel hurts", "volume_change", "returning"),
        ("i jog only 3 weeks and my shins ache", "volume_change", "returning"),
        ("my first 5k in ages and now the foot is sore", "volume_change", "returning"),
        ("new shoes and my heel keeps slipping in them", "shoes", "poor_fit"),
    ],
)
def test_round49_everyday_words(facts_of, text, slot, value):
    assert facts_of(text).get(slot) == value, facts_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have been running for 20 years with no problems, now the heel hurts",
        "it hurts again when I run",
        "only 2 weeks until my marathon and my ankle is sore",
    ],
)
def test_round49_not_a_return(facts_of, text):
    assert facts_of(text).get("volume_change") != "returning", facts_of(text)


@pytest.mark.parametrize(
    ("text", "body_part"),
    [
        ("i not can go up on the toes of my left foot, something snapped at the back of the ankle", "achilles"),
    ],
)
def test_round49_the_narrower_place_is_the_body_part(facts_of, text, body_part):
    assert facts_of(text).get("body_part") == body_part, facts_of(text)


def test_i_was_sitting_on_it_is_no_rest_pain(facts_of):
    # lowercased as the Rasa pipeline reads it, "i was sitting" matched the lemmas of "I'm sat"
    assert "rest_or_night_pain" not in symptoms_of(facts_of("it went tingly because i was sitting on it on the sofa"))


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("came off a kerb and now my ankle points a strange way, it's not straight", "deformity"),
        ("the shin used to ease once I warmed up, now it hurts all day", "rest_or_night_pain"),
    ],
)
def test_round50_signs_in_new_words(facts_of, text, symptom):
    assert symptom in symptoms_of(facts_of(text)), facts_of(text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("felt my calf grab on a sprint, stopped at once, walking normally now", "walking_calf_pain"),
        ("a red line on top of my foot where the laces pressed, gone once the shoe was off", "redness_or_heat"),
        ("since 3 week the heel hurts, more worst after I sit long time", "not_improving"),
        ("my foot points a weird way when I run", "deformity"),
    ],
)
def test_round50_look_alikes(facts_of, text, symptom):
    assert symptom not in symptoms_of(facts_of(text)), facts_of(text)
