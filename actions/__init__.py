"""Custom actions of the running-injury assistant (rasa-sdk action server).

Small modules, one job each:

- ``knowledge``        loads the knowledge YAML files (causes, red flags, triage, FAQ, questions)
- ``runner``           reads the runner's facts from the tracker's slots
- ``red_flags``        which red flags the facts raise, and the triage level
- ``causes``           which likely causes the answers support, ranked
- ``messages``         the texts the assistant sends, built from the knowledge
- ``slot_mappings``    ``action_validate_slot_mappings``: red flags on every turn
- ``form_validation``  ``validate_assessment_form``: what to ask next
- ``assessment``       ``action_assess``: causes, self-care, triage, summary;
                       ``action_stop_questions``: "stop" mid-questions assesses what was said
- ``questions``        ``action_answer_question`` (FAQ) and ``action_explain_question``
- ``greeting``         ``action_greet``: before an assessment, a hello starts the questions at "where does it hurt?"
- ``not_understood``   what the assistant could not place, never the same "say it another way" twice
"""
