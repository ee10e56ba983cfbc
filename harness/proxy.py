"""Debian's nginx with the production proxy configuration (deploy/nginx/proxy.conf.template),
in front of Rasa servers started by the harness (the end-to-end test of issue #13)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

from harness.servers import PROJECT_ROOT, free_port, wait_until_up

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx" / "proxy.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render(values: Dict[str, str]) -> str:
    """The template with its ${NAME} variables filled in (nginx's own $variables are left alone)."""
    text = TEMPLATE.read_text()
    missing = [name for name in re.findall(r"\$\{([A-Z_]+)\}", text) if name not in values]
    if missing:
        raise KeyError(f"no value for {sorted(set(missing))}")
    return re.sub(r"\$\{([A-Z_]+)\}", lambda m: values[m.group(1)], text)


@dataclass
class Proxy:
    workdir: Path
    upstreams: List[str]  # "127.0.0.1:5005", ...
    rate_per_second: int = 5
    burst: int = 10
    total_per_second: int = 100
    port: int = field(default_factory=free_port)
    process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        site = render(
            {
                "RASA_UPSTREAMS": " ".join(f"server {address};" for address in self.upstreams),
                "PROXY_LISTEN": f"127.0.0.1:{self.port}",
                "RATE_PER_SECOND": str(self.rate_per_second),
                "RATE_BURST": str(self.burst),
                "TOTAL_PER_SECOND": str(self.total_per_second),
                "TOTAL_BURST": str(self.total_per_second * 2),
            }
        )
        (self.workdir / "site.conf").write_text(site)
        temp = self.workdir / "temp"
        temp.mkdir(exist_ok=True)
        main = f"""
daemon off;
pid {self.workdir / "nginx.pid"};
error_log {self.workdir / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    log_format upstream '$remote_addr "$request" $status $upstream_addr';
    access_log {self.workdir / "access.log"} upstream;
    client_body_temp_path {temp};
    proxy_temp_path {temp};
    fastcgi_temp_path {temp};
    uwsgi_temp_path {temp};
    scgi_temp_path {temp};
    include {self.workdir / "site.conf"};
}}
"""
        (self.workdir / "nginx.conf").write_text(main)
        check = subprocess.run([NGINX, "-t", "-c", str(self.workdir / "nginx.conf")], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        log = (self.workdir / "nginx.out").open("w")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(self.workdir / "nginx.conf")], stdout=log, stderr=subprocess.STDOUT
        )
        wait_until_up(f"{self.url}/webhooks/rest/", self.process, self.workdir / "error.log")

    def upstreams_used(self) -> List[str]:
        lines = (self.workdir / "access.log").read_text().splitlines()
        return [line.rsplit(" ", 1)[-1] for line in lines]

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(f"{self.url}{path}", timeout=30, **kwargs)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
