#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server and AVIARY_TEST_POSTGRES_URL pointing at it.
#
#   scripts/with-postgres.sh swift test --skip-build --parallel
#
# - AVIARY_TEST_POSTGRES_URL already set: runs the command against that server, nothing else.
# - Otherwise finds the server binaries (/usr/lib/postgresql/*/bin); when they are missing it
#   installs the Debian package `postgresql` with apt-get (as root, or with passwordless sudo).
# - Creates a cluster in a temporary folder (initdb), starts it on 127.0.0.1 on a free port
#   (AVIARY_TEST_POSTGRES_PORT to fix one; the Unix socket stays in the folder), creates the
#   role `aviary` (password `aviary`, SCRAM) and the database `aviary_test`, exports
#   AVIARY_TEST_POSTGRES_URL=postgres://aviary:aviary@127.0.0.1:PORT/aviary_test?sslmode=disable,
#   runs the command, then stops the server and deletes the folder, whatever happens.
#   PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user.
# - No server available: fails when CI=true; otherwise warns and runs the command without the
#   URL (the PostgreSQL test cases then skip).
# Exits with the command's status; non-zero when the server cannot be set up.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
if [ -n "${AVIARY_TEST_POSTGRES_URL:-}" ]; then
    exec "$@"
fi

say() { echo "with-postgres: $*" >&2; }

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else return 1; fi
    fi
    command -v apt-get >/dev/null || return 1
    say "installing PostgreSQL from Debian packages (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y -q --no-install-recommends postgresql >&2; then
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q --no-install-recommends postgresql >&2
    fi
}

no_server() {
    if [ "${CI:-}" = "true" ]; then
        say "error: no PostgreSQL server available and CI=true: refusing to skip the PostgreSQL tests"
        exit 1
    fi
    say "warning: no PostgreSQL server available; running without it (PostgreSQL tests skip)"
    exec "$@"
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
    install_postgres || true
    BIN="$(find_bin || true)"
fi
[ -n "$BIN" ] || no_server "$@"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/aviary-pg.XXXXXX")"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$WORK"
    RUN_AS=(runuser -u postgres --)
fi
chmod 700 "$WORK"
DATA="$WORK/data"

cleanup() {
    if [ -f "$DATA/postmaster.pid" ]; then
        "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

printf 'postgres\n' > "$WORK/superuser.pw"
chmod 644 "$WORK/superuser.pw"
"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$WORK/superuser.pw" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; say "error: initdb failed"; exit 1; }

if [ -n "${AVIARY_TEST_POSTGRES_PORT:-}" ]; then
    PORTS=("$AVIARY_TEST_POSTGRES_PORT")
else
    PORTS=("$(free_port)" "$(free_port)" "$(free_port)")
fi
started=""
for PORT in "${PORTS[@]}"; do
    if "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 60 start \
        -o "-h 127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        >/dev/null; then
        started=yes
        break
    fi
    say "could not start on port $PORT"
done
if [ -z "$started" ]; then
    cat "$WORK/server.log" >&2 || true
    say "error: PostgreSQL did not start"
    exit 1
fi

PSQL=("${RUN_AS[@]}" "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres -d postgres)
"${PSQL[@]}" -c "CREATE ROLE aviary LOGIN CREATEDB PASSWORD 'aviary'" -c "CREATE DATABASE aviary_test OWNER aviary" >/dev/null
export AVIARY_TEST_POSTGRES_URL="postgres://aviary:aviary@127.0.0.1:$PORT/aviary_test?sslmode=disable"
say "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (cluster in $WORK)"

status=0
"$@" || status=$?
exit "$status"
