"""Measurements of the assistant: NLU scores, slot filling, triage on vignettes."""
