import pytest

from harness.servers import MODEL, Servers, free_port
from tests.e2e.fake_platforms import fake_slack, fake_telegram
from tests.e2e.platforms import Platforms, PlatformSettings


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """The real action server and Rasa server (REST channel, HTTP API, SQLite)."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make setup` (scripts/setup) first")
    channels_off = {name: "" for name in ("TELEGRAM_TOKEN", "SLACK_TOKEN", "SLACK_SIGNING_SECRET")}
    running = Servers(tmp_path_factory.mktemp("servers"), extra_args=["--enable-api"], env=channels_off)
    running.start_actions()
    running.start_rasa()
    yield running
    running.stop_all()


@pytest.fixture(scope="session")
def platforms(tmp_path_factory):
    """Servers with Telegram and Slack switched on, talking to local fakes.

    The fake Telegram starts only after the Rasa server is up, so start-up
    happens while "Telegram" cannot be reached, as when its API is down.
    """
    if not MODEL.exists():
        pytest.fail("no trained model: run `make setup` (scripts/setup) first")
    telegram_port = free_port()
    slack = fake_slack()
    settings = PlatformSettings(telegram_api=f"http://127.0.0.1:{telegram_port}", slack_api=f"{slack.url}/api/")
    running = Servers(tmp_path_factory.mktemp("platforms"), extra_args=["--enable-api"], env=settings.environment())
    running.start_actions()
    running.start_rasa()
    telegram = None
    try:
        settings.wait_for_log(running.workdir / "rasa.log", "Telegram could not be reached")
        telegram = fake_telegram(port=telegram_port)
        yield Platforms(running, telegram, slack, settings)
    finally:
        running.stop_all()
        slack.stop()
        if telegram:
            telegram.stop()
