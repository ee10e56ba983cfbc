def test_a_key_given_twice_is_refused(tmp_path):
    import pytest

    from understanding.vocabulary import load_vocabulary

    path = tmp_path / "vocabulary.yml"
    path.write_text("entities:\n  symptom:\n    giving_way: [a]\n    giving_way: [b]\n")
    with pytest.raises(ValueError, match="giving_way given twice"):
        load_vocabulary(path)
