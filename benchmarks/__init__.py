"""Speed and cost benchmark of the assistant (issue #4).

``python -m benchmarks`` (or ``bash scripts/benchmark``) drives full assessment
conversations over the REST channel against the real action server and Rasa
server (SQLite tracker store), for our bot and for the same bot trained with
Rasa's default config, and writes ``results/benchmark/`` (JSON, chart).

Modules:

- ``servers``            the servers under test (wraps harness/servers.py), timed start-up
- ``memory``             peak resident memory of each server process, sampled from /proc
- ``load``               the load generator: N concurrent scripted conversations
- ``long_conversation``  one long conversation: how latency grows with its length
- ``store``              tracker-store size per conversation (the SQLite file)
- ``stats``              percentiles and the per-bot figures
- ``report``             ratios ours / default, targets, table, JSON, chart
- ``runner``             runs every measurement for one bot
"""
