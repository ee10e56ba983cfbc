import pytest

from tests.e2e.servers import MODEL, Servers


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """The real action server and Rasa server (REST channel, HTTP API, SQLite)."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make setup` (scripts/setup) first")
    running = Servers(tmp_path_factory.mktemp("servers"), extra_args=["--enable-api"])
    running.start_actions()
    running.start_rasa()
    yield running
    running.stop_all()
