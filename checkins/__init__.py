"""Check-ins over the days after an assessment (the return-to-running coach).

``store``: the schedule, in the tracker store's database; ``timing``: when
check-ins are due; ``scheduler``: fires them from the Rasa server.
"""
