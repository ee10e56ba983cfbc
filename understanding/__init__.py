"""Understanding runners' free text: the spaCy pipeline and the fact extractor.

The vocabulary lives in ``knowledge/vocabulary.yml``; ``spacy_model`` builds a
spaCy pipeline (tokenizer, lookup lemmatizer, entity ruler) from it, and
``facts`` turns a processed message into slot-ready facts (negation, questions,
units). ``component`` plugs that into Rasa's NLU pipeline.
"""
