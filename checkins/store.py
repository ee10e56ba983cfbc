"""Scheduled check-ins, kept in the tracker store's database (one source of truth).

Rasa's reminders live in the memory of one Rasa server: a restart loses them
and two servers would each fire their own. Check-ins are rows of a
``check_ins`` table in the same SQL database as the conversations
(``endpoints.yml`` ``tracker_store``): the action server writes them, the
Rasa servers fire them (``checkins.scheduler``).

Fired once: a server fires a row only after it has claimed it with one
conditional UPDATE (``status`` from ``scheduled`` to ``claimed``), which one
server wins in SQLite and PostgreSQL alike. A claim older than
``STALE_CLAIM_SECONDS`` (its server died while sending) may be claimed again.

"Forget me" is a row of ``forget_requests``: the Rasa server deletes the
conversation under the conversation's lock once the message that asked has
been saved (deleting it from the action server would be undone by that save).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STALE_CLAIM_SECONDS = 600
SCHEDULED, CLAIMED, DONE, CANCELLED = "scheduled", "claimed", "done", "cancelled"

metadata = sa.MetaData()
check_ins = sa.Table(
    "check_ins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("due_at", sa.DateTime, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, default=SCHEDULED),
    sa.Column("claimed_by", sa.String(64)),
    sa.Column("claimed_at", sa.DateTime),
    sa.Column("created_at", sa.DateTime, nullable=False),
)
forget_requests = sa.Table(
    "forget_requests",
    metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("requested_at", sa.DateTime, nullable=False),
)


def now() -> datetime:
    """UTC, without a time zone (SQLite stores none)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class CheckIn:
    id: int
    sender_id: str
    number: int
    due_at: datetime


def endpoints_path() -> Path:
    """The endpoints file both servers read (``RASA_ENDPOINTS``, else endpoints.yml)."""
    return Path(os.environ.get("RASA_ENDPOINTS") or PROJECT_ROOT / "endpoints.yml")


def database_url(endpoints: Optional[Path] = None) -> Any:
    """``CHECK_IN_DB_URL``, else the tracker store's database as ``endpoints.yml`` configures it."""
    configured = os.environ.get("CHECK_IN_DB_URL", "").strip()
    if configured:
        return configured
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints or endpoints_path()), "tracker_store")
    if config is None:
        raise ValueError(f"{endpoints or endpoints_path()}: no tracker_store for the check-ins")
    options: Dict[str, Any] = dict(config.kwargs)
    url = SQLTrackerStore.get_db_url(
        dialect=options.get("dialect", "sqlite"),
        host=config.url,
        port=options.get("port"),
        db=options.get("db", "rasa.db"),
        username=options.get("username"),
        password=options.get("password"),
        login_db=options.get("login_db"),
        query=options.get("query"),
    )
    if str(getattr(url, "drivername", url)).startswith("sqlite"):
        url = str(url)  # no password to hide
    if isinstance(url, str) and url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        url = "sqlite:///" + str(PROJECT_ROOT / url[len("sqlite:///") :])  # relative to the project, as Rasa runs
    return url  # a string, or SQLAlchemy's URL (whose text would hide the password)


class CheckInStore:
    """The ``check_ins`` and ``forget_requests`` tables."""

    def __init__(self, url: Any) -> None:
        self.engine = sa.create_engine(url, future=True, pool_pre_ping=True)
        metadata.create_all(self.engine)

    def schedule(self, sender_id: str, due_at: datetime, number: int) -> int:
        """A check-in for the conversation; any earlier one still waiting is replaced."""
        with self.engine.begin() as db:
            db.execute(
                check_ins.update()
                .where(check_ins.c.sender_id == sender_id, check_ins.c.status == SCHEDULED)
                .values(status=CANCELLED)
            )
            result = db.execute(
                check_ins.insert().values(
                    sender_id=sender_id, number=number, due_at=due_at, status=SCHEDULED, created_at=now()
                )
            )
            return int(result.inserted_primary_key[0])

    def cancel(self, sender_id: str) -> int:
        """Cancel the conversation's waiting check-ins; how many there were."""
        with self.engine.begin() as db:
            result = db.execute(
                check_ins.update()
                .where(check_ins.c.sender_id == sender_id, check_ins.c.status == SCHEDULED)
                .values(status=CANCELLED)
            )
            return int(result.rowcount or 0)

    def waiting(self, sender_id: str) -> List[CheckIn]:
        with self.engine.begin() as db:
            rows = db.execute(
                sa.select(check_ins).where(check_ins.c.sender_id == sender_id, check_ins.c.status == SCHEDULED)
            ).all()
        return [CheckIn(r.id, r.sender_id, r.number, r.due_at) for r in rows]

    def due(
        self, at: Optional[datetime] = None, prefix: Optional[str] = None, sender_id: Optional[str] = None
    ) -> List[CheckIn]:
        """Check-ins due (and claims gone stale), oldest first."""
        at = at or now()
        stale = at - timedelta(seconds=STALE_CLAIM_SECONDS)
        query = sa.select(check_ins).where(
            check_ins.c.due_at <= at,
            sa.or_(
                check_ins.c.status == SCHEDULED,
                sa.and_(check_ins.c.status == CLAIMED, check_ins.c.claimed_at < stale),
            ),
        )
        if prefix:
            query = query.where(check_ins.c.sender_id.like(prefix + "%"))
        if sender_id:
            query = query.where(check_ins.c.sender_id == sender_id)
        with self.engine.begin() as db:
            rows = db.execute(query.order_by(check_ins.c.due_at)).all()
        return [CheckIn(r.id, r.sender_id, r.number, r.due_at) for r in rows]

    def claim(self, check_in: CheckIn, worker: str) -> bool:
        """True for exactly one caller: the one whose UPDATE changed the row."""
        at = now()
        stale = at - timedelta(seconds=STALE_CLAIM_SECONDS)
        with self.engine.begin() as db:
            result = db.execute(
                check_ins.update()
                .where(
                    check_ins.c.id == check_in.id,
                    sa.or_(
                        check_ins.c.status == SCHEDULED,
                        sa.and_(check_ins.c.status == CLAIMED, check_ins.c.claimed_at < stale),
                    ),
                )
                .values(status=CLAIMED, claimed_by=worker, claimed_at=at)
            )
            return result.rowcount == 1

    def done(self, check_in: CheckIn) -> None:
        with self.engine.begin() as db:
            db.execute(check_ins.update().where(check_ins.c.id == check_in.id).values(status=DONE))

    def request_forget(self, sender_id: str) -> None:
        """Delete the conversation soon (the Rasa server does it); its check-ins at once."""
        with self.engine.begin() as db:
            db.execute(check_ins.delete().where(check_ins.c.sender_id == sender_id))
            db.execute(forget_requests.delete().where(forget_requests.c.sender_id == sender_id))
            db.execute(forget_requests.insert().values(sender_id=sender_id, requested_at=now()))

    def forget_requests(self) -> List[str]:
        with self.engine.begin() as db:
            return [r.sender_id for r in db.execute(sa.select(forget_requests.c.sender_id)).all()]

    def forgotten(self, sender_id: str) -> None:
        with self.engine.begin() as db:
            db.execute(forget_requests.delete().where(forget_requests.c.sender_id == sender_id))
            db.execute(check_ins.delete().where(check_ins.c.sender_id == sender_id))


@lru_cache(maxsize=1)
def store() -> CheckInStore:
    """This process's store, on ``database_url()``."""
    return CheckInStore(database_url())
