"""Rasa NLU component: runner facts from the project's spaCy pipeline.

Used in ``config.yml`` after ``SpacyNLP`` and ``SpacyTokenizer``::

    - name: understanding.component.RunnerFactExtractor

It adds one entity per fact (``entity`` = slot name, ``value`` = slot value),
plus ``symptom`` entities for red-flag symptoms and ``distance_km``,
``number`` and ``duration_days`` for numbers that need the question's context.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import rasa_patches
from understanding.answers import corrected_intent
from understanding.facts import CONTEXT_IN_QUESTIONS, extract_facts
from understanding.language import english_words, is_other_language
from understanding.normalize import normalize_message
from understanding.vocabulary import symptoms_raising_flags, vocabulary

MAX_TOKENS = 400
# After AnswerIntentGuard decides an intent (confidence 1.0), no other intent
# scores above this: well below the FallbackClassifier's ambiguity threshold.
RUNNER_UP_CEILING = 0.5
# Symptoms that are warning signs: those that raise a flag by themselves
# (knowledge/red_flags.yml) and those that raise one with the story around them.
# Context a question may carry ("I'm on cipro, can I run?", a long flight,
# diabetes) is not: such a message stays a question.
WARNING_SYMPTOMS = (
    symptoms_raising_flags() | {"crack_heard", "pop_heard", "bone_tenderness", "fever"}
) - CONTEXT_IN_QUESTIONS

# Rasa loads this module with our model: install this project's patches to Rasa
# (rasa_patches/: speed fixes and the action-server fault handling), so they are
# in place however the bot was started (rasa run, rasa shell, rasa test).
rasa_patches.install()


# Shoe words that are also everyday words ("peak week", "ride my bike", "other runners"): not a shoe named.
EVERYDAY_SHOE_WORDS = {
    "them", "they", "these", "pair", "pairs", "runners", "ride", "rider", "riders", "wave", "peak", "lone", "fresh",
    "foam", "gel", "gels", "boston", "zoom", "mach", "ghost", "ghosts", "triumph", "invincible", "adrenaline", "1080",
    "880", "860", "trainer", "newton", "endorphin",
}  # fmt: skip


def names_shoes(text: str) -> bool:
    """The message names shoes or a shoe brand ("my Nike Zoom Flys"): about shoes, so never out of scope."""
    words = set(re.findall(r"[a-z0-9]+", text.lower()))
    return bool(words & (vocabulary().shoe_words - EVERYDAY_SHOE_WORDS))


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    is_trainable=False,
    model_from="SpacyNLP",
)
class RunnerFactExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts slot-ready facts (negation, questions, units handled)."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config)

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Add the facts of each message to its entities."""
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            if not text:
                continue
            doc = message.get(SPACY_DOCS[TEXT]) or model.model(text)
            if len(doc) > MAX_TOKENS:
                doc = doc[:MAX_TOKENS].as_doc()  # a runner's facts fit in far fewer words
            entities = [fact.as_entity() for fact in extract_facts(doc)]
            for entity in entities:
                entity["confidence"] = 1.0
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(entities),
                add_to_output=True,
            )
        return messages


OTHER_LANGUAGE_INTENT = "other_language"


class PreparedComponent(GraphComponent):
    """An untrained component that loads what it needs when the model loads."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        cls.prepare()
        return cls()

    @classmethod
    def prepare(cls) -> None:
        """Load what the component needs when the model loads, not on the first message."""


class IntentRule(PreparedComponent):
    """An untrained component that may overrule the classifier's intent."""


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class TextNormalizer(PreparedComponent):
    """First in the pipeline: typographic characters, emoji, stretched letters
    and apostrophe-less contractions become plain text, for training examples
    and live messages alike ("I can’t" reads as "I can't")."""

    @classmethod
    def prepare(cls) -> None:
        english_words()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if text and not text.startswith("/"):
                message.set(TEXT, normalize_message(text))
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OtherLanguageDetector(IntentRule):
    """Sets the intent ``other_language`` for messages that are clearly not
    English (understanding/language.py), whatever the classifier guessed."""

    @classmethod
    def prepare(cls) -> None:
        english_words()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            has_facts = bool(message.get(ENTITIES))
            if text.startswith("/") or not is_other_language(text, has_facts):
                continue
            message.set(INTENT, {"name": OTHER_LANGUAGE_INTENT, "confidence": 1.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": OTHER_LANGUAGE_INTENT, "confidence": 1.0}], add_to_output=True)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AnswerIntentGuard(IntentRule):
    """Corrects the intent of short answers the classifier misreads
    (understanding/answers.py): "I don't know" stays unknown, a leading
    "no" or "yes" is an answer, not a question."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            predicted = message.get(INTENT) or {}
            facts = [e for e in message.get(ENTITIES, []) if e.get("entity") not in ("number",)]
            corrected = corrected_intent(
                message.get(TEXT) or "",
                predicted.get("name"),
                bool(facts),
                predicted.get("confidence") or 0.0,
                any(e.get("entity") == "body_part" for e in facts),
                any(e.get("entity") == "symptom" and e.get("value") in WARNING_SYMPTOMS for e in facts),
                any(
                    e.get("entity") == "injury_event" and e.get("value") is True or e.get("entity") == "symptom"
                    for e in facts
                ),
                names_shoes=names_shoes(message.get(TEXT) or ""),
            )
            if corrected:  # also when it agrees: made sure, so a close runner-up never turns it into a fallback
                message.set(INTENT, {"name": corrected, "confidence": 1.0}, add_to_output=True)
                ranking = [{"name": corrected, "confidence": 1.0}]
                # The runner-up keeps its rank but not a score near 1.0, or the
                # FallbackClassifier's ambiguity check would undo the decision.
                ranking += [
                    {**r, "confidence": min(r.get("confidence") or 0.0, RUNNER_UP_CEILING)}
                    for r in message.get(INTENT_RANKING_KEY) or []
                    if r.get("name") != corrected
                ]
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
