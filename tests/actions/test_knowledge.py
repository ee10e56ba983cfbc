"""The knowledge files: complete, sourced, and quoting the page faithfully."""

import re

import yaml

from actions.causes import RULES
from actions.knowledge import KNOWLEDGE_DIR, load_knowledge
from actions.red_flags import flags_of_level

SEED = KNOWLEDGE_DIR / "source" / "ankle-pain-after-running-qa.txt"  # copy of the source Q&A page
CAUSE_IDS = {
    "overload",
    "sudden_return",
    "no_warm_up",
    "footwear",
    "surface",
    "landing",
    "heel_pain",
    "posture",
    "weak_muscles",
    "body_weight",
    "sprain",
    "achilles",
    "stress_injury",
}
# The levels of docs/clinical-basis.md, written out here so that a changed level fails a test.
EMERGENCY_FLAGS = {
    "cannot_bear_weight",
    "deformity",
    "crack_heard",
    "pop_at_achilles",
    "diabetic_swollen_foot",
    "faint_after_injury",
    "high_energy_injury",
    "open_wound",
    "bone_tenderness_after_injury",
    "achilles_rupture",
    "circulation",
    "dvt",
    "chest_symptoms",
    "hot_joint_or_fever",
    "compartment_syndrome",
    "spreading_infection",
    "diabetic_wound",
    "cauda_equina",
}
SEE_DOCTOR_FLAGS = {
    "bone_tenderness_weeks_after_injury",
    "breathless_lying_flat",
    "growing_child",
    "pop_back_of_leg",
    "rest_or_night_pain",
    "stress_fracture",
    "not_improving",
    "giving_way",
    "snapping_tendon",
    "unclear_bone_check",
    "exertional_numbness",
    "lasting_numbness",
    "inflammatory_signs",
    "tendon_medication",
    "diabetic_foot",
    "red_or_warm_joint",
    "unclear_warning_signs",
    "unclear_tiptoe",
    "corrected_warning",
    "limp_without_injury",
    "lasting_swelling",
    "lasting_limp",
    "weak_push_off",
    "growing_lump",
    "foot_drop",
    "fever",
    "pop_in_foot",
    "walking_pain",
    "exertional_compartment",
    "walking_calf_pain",
    "weight_loss",
    "energy_deficiency",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def all_sources():
    for path in KNOWLEDGE_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text())

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("source", "sources"):
                        yield from value
                    else:
                        yield from walk(value)
            elif isinstance(node, list):
                for item in node:
                    yield from walk(item)

        yield from ((path.name, entry) for entry in walk(data))


def test_every_cause_red_flag_and_faq_topic_is_there():
    knowledge = load_knowledge()
    assert set(knowledge.causes) == CAUSE_IDS == {cause for cause, _ in RULES}
    assert set(knowledge.red_flags) == EMERGENCY_FLAGS | SEE_DOCTOR_FLAGS
    assert flags_of_level("emergency") == EMERGENCY_FLAGS
    assert flags_of_level("see_doctor") == SEE_DOCTOR_FLAGS
    assert all(cause.self_care for cause in knowledge.causes.values())
    assert "diagnos" in knowledge.disclaimer.lower()


def test_seed_quotes_are_on_the_page():
    page = normalise(SEED.read_text(encoding="utf-8"))
    quotes = [(name, entry["seed"]) for name, entry in all_sources() if "seed" in entry]
    assert quotes
    missing = [(name, quote) for name, quote in quotes if normalise(quote) not in page]
    assert not missing


def test_the_faq_questions_have_one_list_that_the_domain_and_rules_agree_with():
    """knowledge/faq.yml answers them; domain.yml declares them; data/rules/digressions.yml lists them once
    (an anchor) and every rule that answers a question repeats that list by alias."""
    answered = set(load_knowledge().faq)
    domain = yaml.safe_load((KNOWLEDGE_DIR.parent / "domain.yml").read_text())
    assert answered <= set(domain["intents"])
    text = (KNOWLEDGE_DIR.parent / "data" / "rules" / "digressions.yml").read_text()
    assert text.count("&faq_questions") == 1 and text.count("- intent: ask_landing") == 1
    rules = yaml.safe_load(text)["rules"]
    listed = [
        {step["intent"] for step in rule["steps"][0]["or"]}
        for rule in rules
        if "or" in rule["steps"][0] and rule["steps"][1:2] and "action_answer_question" in str(rule["steps"])
    ]
    assert len(listed) == 3 and all(intents == answered for intents in listed)


def test_clinical_sources_name_a_section_of_the_clinical_basis():
    basis = (KNOWLEDGE_DIR.parent / "docs" / "clinical-basis.md").read_text(encoding="utf-8")
    anchors = {
        "#" + re.sub(r"[^a-z0-9 -]", "", line[3:].strip().lower()).replace(" ", "-")
        for line in basis.splitlines()
        if line.startswith("## ")
    }
    cited = [(name, entry["clinical"]) for name, entry in all_sources() if "clinical" in entry]
    assert cited
    wrong = [
        (name, c)
        for name, c in cited
        if not c.startswith("docs/clinical-basis.md#")
        or "#" + c.split("#")[1].split(":")[0].split(" ")[0] not in anchors
    ]
    assert not wrong


def test_no_loading_step_is_unmarked():
    """Heel raises and drops load the Achilles: each such step is marked, so none is given while a rupture is possible."""
    knowledge = load_knowledge()
    unmarked = [
        (cause.id, step.text)
        for cause in knowledge.causes.values()
        for step in cause.self_care
        if re.search(r"heel raise|heel drop|calf raise", step.text, re.I) and not step.loads_tendon
    ]
    assert not unmarked


def test_every_side_question_rule_lists_exactly_the_faq_topics():
    """knowledge/faq.yml is the home of the side-question topics; each rule that answers
    them (data/rules/digressions.yml) lists the same intents, and each has training examples."""
    topics = set(load_knowledge().faq)
    project = KNOWLEDGE_DIR.parent
    rules = yaml.safe_load((project / "data" / "rules" / "digressions.yml").read_text())["rules"]
    answering = [r for r in rules if {"action": "action_answer_question"} in r["steps"]]
    assert len(answering) >= 3
    for rule in answering:
        listed = {step["intent"] for step in rule["steps"][0]["or"]}
        assert listed == topics, (rule["rule"], listed ^ topics)
    examples = " ".join(p.read_text() for p in (project / "data" / "nlu").glob("*.yml"))
    assert all(f"intent: {topic}" in examples for topic in topics)


def test_a_short_answer_word_has_one_home():
    """Words read in any short message (vocabulary ``short_answers``) are not listed again as answers to a question."""
    from understanding.vocabulary import load_vocabulary

    anywhere = load_vocabulary().short_answers
    questions = load_knowledge().questions
    repeated = [
        (slot, word)
        for slot, values in anywhere.items()
        for words in values.values()
        for word in words
        for listed in (questions.get(slot, {}).get("answers") or {}).values()
        if word in listed
    ]
    assert not repeated
