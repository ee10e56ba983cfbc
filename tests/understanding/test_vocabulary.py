def test_a_key_given_twice_is_refused(tmp_path):
    import pytest

    from understanding.vocabulary import load_vocabulary

    path = tmp_path / "vocabulary.yml"
    path.write_text("entities:\n  symptom:\n    giving_way: [a]\n    giving_way: [b]\n")
    with pytest.raises(ValueError, match="giving_way given twice"):
        load_vocabulary(path)


def test_a_yaml_boolean_in_a_word_list_is_refused(tmp_path):
    """An unquoted off/no/yes is read as a boolean and would never match: "can't lift my heel off" was missed."""
    import pytest

    from understanding.vocabulary import load_vocabulary

    path = tmp_path / "vocabulary.yml"
    path.write_text(
        "entities:\n  symptom:\n    giving_way: [a]\ncooccurrence:\n  giving_way:\n    - scope: clause\n      groups: [[up, off]]\n"
    )
    with pytest.raises(ValueError, match="quote it"):
        load_vocabulary(path)


def test_the_project_vocabulary_has_no_boolean_words():
    from understanding.vocabulary import load_vocabulary

    words = {w for rule in load_vocabulary().cooccurrence for group in rule.groups for w in group}
    assert "off" in words and "false" not in words and "true" not in words
