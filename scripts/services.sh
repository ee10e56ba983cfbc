# PostgreSQL and Redis binaries for the scale-out test (tests/e2e/test_scale_out.py)
# and for running endpoints.production.yml on this machine. Source after common.sh.
# shellcheck shell=bash

# Debian's postgresql and redis-server packages, installed when missing and we
# are root. Only the binaries are used: the test starts its own throwaway
# PostgreSQL (initdb in a temporary directory) and redis-server on random
# ports, so it never depends on the system services; if apt starts them, they
# are left alone (they listen on 5432/6379, which the test does not use).
postgres_binary() {
  ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -1
}

ensure_postgres_redis() {
  local missing=()
  [ -n "$(postgres_binary)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing ${missing[*]} (Debian packages) for the scale-out test"
    # Debian's postinst scripts start the services through invoke-rc.d; a
    # policy-rc.d that answers 101 ("action forbidden") keeps them stopped.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
    fi
    local status=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null; } || status=$?
    [ "$created_policy" = 1 ] && rm -f "$policy"
    return "$status"
  else
    log "PostgreSQL/Redis missing (${missing[*]}). Install them with: sudo apt-get install -y postgresql redis-server"
    return 1
  fi
}

# make test only checks: installing host packages is make provision's job.
require_host_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -n "$(postgres_binary)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Missing host packages: ${missing[*]}. Run: make provision (as root), or sudo apt-get install -y ${missing[*]}"
    return 1
  fi
}
