"""Rasa input channels for the runners' chat: REST, Telegram and Slack.

Each connector is registered by its module path in ``credentials.yml``. The
Telegram and Slack connectors take every secret from environment variables
and stay off (their webhooks answer 503) when those are not set, so the
server always starts.

Importing this package also installs this project's patches to Rasa
(``rasa_patches``), among them the guard that tells the runner when the
action server cannot be reached (``channels.action_failures``).
"""

import rasa_patches

rasa_patches.install()
