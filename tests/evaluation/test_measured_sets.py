"""The measurement sets as tests: single-message slots and triage vignettes.

Each prints its figures (run pytest with -s to see them) and fails below the
targets of the foundation issue.
"""

from evaluation import slot_messages, triage_vignettes


def test_slot_values_from_single_messages(nlp):
    figures, errors = slot_messages.evaluate(nlp)
    print(
        f"\nslot values right: {figures['recall']:.1%} of {figures['slot_values']}, "
        f"precision {figures['precision']:.1%}"
    )
    assert figures["recall"] >= 0.90, errors
    assert figures["precision"] >= 0.90, errors


def test_triage_on_vignettes(nlp):
    results = triage_vignettes.evaluate(nlp)
    for reading in ("facts", "text"):
        r = results[reading]
        print(
            f"\ntriage from {reading}: {r['accuracy']:.1%} exact, emergencies {r['emergency_sensitivity']:.0%}, "
            f"under-triage {r['under_triage']:.1%}"
        )
        assert r["emergency_sensitivity"] == 1.0, results["_mistakes"]
        assert r["under_triage"] == 0.0, results["_mistakes"]
        assert r["accuracy"] >= 0.95, results["_mistakes"]
    assert results["facts"]["causes_exact"] >= 0.90, results["_cause_mistakes"]


# The flags of the first round's vignettes; the flags added with issue #11 are
# judged on the outsiders' safety sets (tests/outsider/) and unit tests.
VIGNETTE_FLAGS = {
    "cannot_bear_weight",
    "deformity",
    "crack_heard",
    "open_wound",
    "bone_tenderness_after_injury",
    "achilles_rupture",
    "circulation",
    "dvt",
    "chest_symptoms",
    "hot_joint_or_fever",
    "rest_or_night_pain",
    "stress_fracture",
    "not_improving",
    "giving_way",
    "snapping_tendon",
    "unclear_bone_check",
}


def test_vignettes_cover_every_red_flag():
    from actions.red_flags import detect

    seen = {}
    for vignette in triage_vignettes.load():
        for flag in detect(triage_vignettes.facts_of(vignette)):
            seen[flag.id] = seen.get(flag.id, 0) + 1
    assert {f for f, n in seen.items() if n >= 2} >= VIGNETTE_FLAGS
