"""Throwaway PostgreSQL and Redis servers for the scale-out tests.

Both run from Debian's binaries (`make provision` installs them) on random
free ports, keep their data in a temporary directory and are removed on
stop(). Neither touches the system services (ports 5432/6379, /var/lib/...).
PostgreSQL's initdb and server refuse to run as root, so when we are root they
run as the `postgres` user (Popen(user=...), the same as `runuser -u postgres`
but with the server as our direct child, so stop() signals it directly).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from harness.servers import free_port


def postgres_bin_dir() -> Optional[Path]:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def redis_binary() -> Optional[str]:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.access("/usr/bin/redis-server", os.X_OK) else None
    )


def missing_engines() -> List[str]:
    return [name for name, found in (("postgresql", postgres_bin_dir()), ("redis-server", redis_binary())) if not found]


def _wait(check, process: subprocess.Popen, log: Path, what: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    last: Exception = TimeoutError(what)
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            check()
            return
        except Exception as error:  # not up yet
            last = error
            time.sleep(0.2)
    raise TimeoutError(f"{what} not up after {timeout} s ({last}):\n{log.read_text()[-3000:]}")


def _stop(process: Optional[subprocess.Popen], sig: int) -> None:
    if process and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Postgres:
    """initdb into a temporary directory, a server on 127.0.0.1:<random port>,
    password authentication (scram-sha-256), one application role and database."""

    port: int = field(default_factory=free_port)
    db: str = "rasa"
    user: str = "rasa"
    password: str = field(default_factory=lambda: os.urandom(8).hex())
    superuser_password: str = field(default_factory=lambda: os.urandom(8).hex())
    root: Optional[Path] = None
    process: Optional[subprocess.Popen] = None

    def _as_owner(self) -> Dict:
        """Popen arguments that drop root to the `postgres` user."""
        if os.geteuid() != 0:
            return {}
        owner = pwd.getpwnam("postgres")
        return {
            "user": owner.pw_uid,
            "group": owner.pw_gid,
            "extra_groups": [],
            "env": {"PATH": "/usr/bin:/bin", "HOME": str(self.root), "LC_ALL": "C.UTF-8"},
        }

    def start(self) -> "Postgres":
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed: run `make provision` (as root) first")
        # Not under pytest's tmp_path: /tmp/pytest-of-root is 0700, closed to `postgres`.
        self.root = Path(tempfile.mkdtemp(prefix="scale-out-pg-"))
        data, sockets, pwfile, log = (
            self.root / "data",
            self.root / "sockets",
            self.root / "pwfile",
            self.root / "postgres.log",
        )
        sockets.mkdir()
        pwfile.write_text(self.superuser_password + "\n")
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.root, sockets, pwfile):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        subprocess.run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--pwfile",
                str(pwfile),
                "--auth",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--locale",
                "C.UTF-8",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            **self._as_owner(),
        )
        self.process = subprocess.Popen(
            [
                str(bin_dir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(self.port),
                "-k",
                str(sockets),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=60",
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            **self._as_owner(),
        )
        _wait(lambda: self.connect(superuser=True).close(), self.process, log, "PostgreSQL")
        connection = self.connect(superuser=True)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE ROLE {self.user} LOGIN PASSWORD %s", (self.password,))
            cursor.execute(f"CREATE DATABASE {self.db} OWNER {self.user}")
        connection.close()
        return self

    def connect(self, superuser: bool = False):
        import psycopg2

        return psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            connect_timeout=3,
            dbname="postgres" if superuser else self.db,
            user="postgres" if superuser else self.user,
            password=self.superuser_password if superuser else self.password,
        )

    def query(self, sql: str, *args) -> list:
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, args)
                return cursor.fetchall()
        finally:
            connection.close()

    def env(self) -> Dict[str, str]:
        """The variables endpoints.production.yml reads for the tracker store."""
        return {
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(self.port),
            "DB_NAME": self.db,
            "DB_USER": self.user,
            "DB_PASSWORD": self.password,
        }

    def stop(self) -> None:
        _stop(self.process, signal.SIGINT)  # "fast" shutdown: disconnects clients
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class Redis:
    """redis-server on 127.0.0.1:<random port>, a password, no persistence."""

    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: os.urandom(8).hex())
    root: Optional[Path] = None
    process: Optional[subprocess.Popen] = None

    def start(self) -> "Redis":
        binary = redis_binary()
        if binary is None:
            raise RuntimeError("redis-server is not installed (scripts/services.sh: ensure_postgres_redis)")
        self.root = Path(tempfile.mkdtemp(prefix="scale-out-redis-"))
        log = self.root / "redis.log"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.root),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--requirepass",
                self.password,
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        _wait(lambda: self.client().ping(), self.process, log, "redis-server")
        return self

    def client(self, db: int = 1):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password, db=db, socket_timeout=3)

    def env(self) -> Dict[str, str]:
        """The variables endpoints.production.yml reads for the lock store."""
        return {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(self.port), "REDIS_PASSWORD": self.password}

    def stop(self) -> None:
        _stop(self.process, signal.SIGTERM)
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)
