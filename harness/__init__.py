"""Starting the real servers for tests, measurements and benchmarks.

``harness.servers`` starts the action server and the Rasa server (and the
production set-up with PostgreSQL and Redis) in a work folder, and talks to
them over REST; ``harness.scripts`` holds the conversations they replay.
tests/, evaluation/ and benchmarks/ all import from here.
"""
