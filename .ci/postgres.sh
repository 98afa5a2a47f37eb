# Starts a throw-away PostgreSQL server for the tests. Meant to be *sourced* by a test script:
#
#   source .ci/postgres.sh && dotnet test ...; autonomy_stop_postgres
#
# Needs root on a Debian-like machine with apt (PostgreSQL is installed when initdb is missing).
# Exports AUTONOMY_TEST_POSTGRES (an Npgsql connection string) and defines autonomy_stop_postgres.
# Does nothing when AUTONOMY_TEST_POSTGRES is already set, so a developer's own server wins.
# Trust authentication on 127.0.0.1 only: the server is private to this machine and this run.

# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

autonomy_stop_postgres() {
  if [ -n "${AUTONOMY_PG_DIR:-}" ] && [ -d "$AUTONOMY_PG_DIR" ]; then
    autonomy_as_root runuser -u postgres -- "$AUTONOMY_PG_BIN/pg_ctl" -D "$AUTONOMY_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    autonomy_as_root rm -rf "$AUTONOMY_PG_DIR"
    rm -f "$AUTONOMY_PG_DIR.initdb.log"
    unset AUTONOMY_TEST_POSTGRES
    echo "==> PostgreSQL stopped"
  fi
  unset AUTONOMY_PG_DIR AUTONOMY_PG_BIN
}

autonomy_start_postgres() {
  local initdb port dir

  initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    echo "==> installing PostgreSQL"
    export DEBIAN_FRONTEND=noninteractive
    autonomy_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    autonomy_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$initdb" ]; then
      echo "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql" >&2
      return 1
    fi
  fi
  AUTONOMY_PG_BIN=$(dirname "$initdb")

  # The postgres user must be able to reach the directory, so it lives directly under /tmp.
  dir=$(mktemp -d /tmp/autonomy-pg-XXXXXX) || return 1
  chmod 755 "$dir"
  mkdir "$dir/data"
  autonomy_as_root chown -R postgres:postgres "$dir" || return 1
  AUTONOMY_PG_DIR=$dir

  if ! autonomy_as_root runuser -u postgres -- "$initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir.initdb.log" 2>&1; then
    cat "$dir.initdb.log" >&2
    autonomy_stop_postgres
    return 1
  fi

  # A port is free when nothing listens on it. Losing a race for it to another process costs one
  # failed start; a few failed starts mean something else is wrong, and the log says what.
  local attempts=0
  for port in $(seq 55432 55531); do
    if ss -Htln "sport = :$port" 2>/dev/null | grep -q .; then
      continue
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    if autonomy_as_root runuser -u postgres -- "$AUTONOMY_PG_BIN/pg_ctl" -D "$dir/data" \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      -l "$dir/log" -w -t 60 start >/dev/null; then
      export AUTONOMY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "==> PostgreSQL on 127.0.0.1:$port"
      return 0
    fi
    attempts=$((attempts + 1))
    if [ "$attempts" -ge 5 ]; then
      break
    fi
  done

  echo "could not start PostgreSQL; its log follows" >&2
  cat "$dir/log" >&2 2>/dev/null
  autonomy_stop_postgres
  return 1
}

if [ -z "${AUTONOMY_TEST_POSTGRES:-}" ]; then
  autonomy_start_postgres
else
  echo "==> using PostgreSQL from AUTONOMY_TEST_POSTGRES"
fi
