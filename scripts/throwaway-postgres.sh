# Shell helpers shared by build.sh and the bench scripts (sourced, not run): root and postgres-user
# commands, Debian installs, a free loopback port, and a throwaway PostgreSQL server for one run.
# A script that sources this sets `set -euo pipefail` itself and calls stop_postgres from its exit trap.

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# initdb refuses to run as root: as root, the cluster belongs to Debian's unprivileged `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

apt_install() {
  log "installing $* from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

# Waits (up to 60 s) until a `profilehub serve` started in the background answers on loopback PORT; prints its
# log and fails when the process PID died first or never answered.
wait_for_profilehub() {
  local port=$1 pid=$2 server_log=$3
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$server_log" >&2; return 1; }
    sleep 0.5
  done
  echo "profilehub did not answer on port $port within 60 s" >&2
  cat "$server_log" >&2
  return 1
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_dir=""
pg_bin=""

# start_postgres [SERVER OPTIONS...]: initdb and start a server on a free loopback port (installing
# Debian's postgresql when missing), durability off since it lives for one run; the options (`-c name=value`)
# come after the defaults and win over them. Sets PROFILEHUB_TEST_POSTGRES to its connection string.
start_postgres() {
  pg_bin=$(postgres_bin)
  if [ -z "$pg_bin" ]; then
    apt_install postgresql
    pg_bin=$(postgres_bin)
  fi
  pg_dir=$(mktemp -d /tmp/profilehub-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port
  port=$(free_port)
  log "starting a throwaway PostgreSQL ($pg_bin) on 127.0.0.1:$port in $pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U profilehub --auth=trust -E UTF8 --no-instructions >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; return 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start -o \
    "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 $*" >/dev/null \
    || { cat "$pg_dir/server.log"; return 1; }
  export PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=profilehub;Database=postgres;Include Error Detail=true"
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    log "stopping and deleting the throwaway PostgreSQL"
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
