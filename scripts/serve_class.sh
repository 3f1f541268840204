#!/usr/bin/env bash
# Serve softlse to a class: N Streamlit processes behind HAProxy, on one machine.
#
# Usage:  bash scripts/serve_class.sh --workers N --port P [--host ADDRESS] [-- STREAMLIT_OPTIONS]
#
# One Streamlit process runs every rerun of every student in one Python interpreter, so it
# uses one core whatever the machine has. This starts N of them ("workers") on free loopback
# ports and HAProxy (Debian's `haproxy`) in front of them on ADDRESS:P (default 127.0.0.1):
#   - cookie affinity: the first response sets SOFTLSE_WORKER=wK, so a browser's page load, its
#     websocket (/_stcore/stream, where the session lives) and any reconnect reach worker K;
#     new browsers go to the worker with the fewest connections;
#   - websocket-friendly timeouts: an upgraded connection may stay open (and idle) for an hour
#     (`timeout tunnel`), ordinary requests get 30 s;
#   - a health check of /_stcore/health on every worker every 2 s (10 s to answer): a worker
#     that fails twice is marked DOWN and gets no new students until it passes twice again; the
#     students it holds keep their websockets (scripts/serve_class_haproxy.sh says why);
#   - every worker runs the app once before HAProxy starts (Streamlit's script health check),
#     so no student waits for a worker's one-time warm-up; a worker that exits is started
#     again by this script on the same port, and warmed the same way; a worker that is really
#     hung (no answer to this script's own health check for HUNG_S (30) seconds, and stopped
#     or using no CPU: scripts/serve_class_watch.sh) is killed (SIGKILL) and so started again.
#     Its connections close with it: its students' pages reconnect, HAProxy ignores the cookie
#     of a dead or DOWN worker and sends them to a healthy one (a fresh session, the view
#     rebuilt from the URL; `option redispatch`).
# Runs in the foreground; SIGTERM or SIGINT stops HAProxy and every worker, then exits.
#
# Environment:
#   SOFTLSE_WORKERS          default for --workers (default 1); a whole number, 1 to 64
#   STREAMLIT_SERVER_PORT    default for --port (default 8501)
#   STREAMLIT_SERVER_*       read by every worker (e.g. STREAMLIT_SERVER_ALLOWED_HOSTS)
#   STREAMLIT_SERVER_COOKIE_SECRET  shared by the workers; a random one is made if unset
# Exits 2 on a bad argument (before starting anything), 1 if HAProxy or the workers fail.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=serve_class_watch.sh
source "$REPO/scripts/serve_class_watch.sh" || exit 2
# shellcheck source=serve_class_haproxy.sh
source "$REPO/scripts/serve_class_haproxy.sh" || exit 2
# shellcheck source=serve_class_hosts.sh
source "$REPO/scripts/serve_class_hosts.sh" || exit 2
MAX_WORKERS=64
PYTHON="${PYTHON:-python}"
HEALTH_TIMEOUT_S=180
HUNG_S=30

usage() { sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
say() { printf 'serve_class: %s\n' "$*"; }
die() {
    printf 'serve_class: error: %s\n' "$*" >&2
    exit 2
}

workers="${SOFTLSE_WORKERS:-1}"
workers_from="SOFTLSE_WORKERS"
[[ -n "${SOFTLSE_WORKERS+set}" ]] || workers_from="the default"
port="${STREAMLIT_SERVER_PORT:-8501}"
host=127.0.0.1
streamlit_options=()
while (($#)); do
    case "$1" in
    --workers)
        (($# >= 2)) || die "--workers needs a value"
        workers="$2" workers_from="--workers"
        shift 2
        ;;
    --workers=*) workers="${1#*=}" workers_from="--workers" && shift ;;
    --port)
        (($# >= 2)) || die "--port needs a value"
        port="$2"
        shift 2
        ;;
    --port=*) port="${1#*=}" && shift ;;
    --host)
        (($# >= 2)) || die "--host needs a value"
        host="$2"
        shift 2
        ;;
    --host=*) host="${1#*=}" && shift ;;
    -h | --help) usage && exit 0 ;;
    --) shift && streamlit_options=("$@") && break ;;
    *) die "unknown argument '$1' (usage: bash scripts/serve_class.sh --workers N --port P)" ;;
    esac
done

normalise_allowed_hosts
warn_if_students_are_refused "$host"

# A whole number of workers between 1 and MAX_WORKERS, said plainly otherwise.
if ! [[ "$workers" =~ ^[0-9]+$ ]]; then
    die "the number of workers ($workers_from) must be a whole number from 1 to $MAX_WORKERS, not '$workers'"
fi
# (Compared as text first: bash arithmetic would wrap a 20-digit number around.)
if ((${#workers} > 3)) || ((10#$workers < 1 || 10#$workers > MAX_WORKERS)); then
    die "the number of workers ($workers_from) must be from 1 to $MAX_WORKERS, not $workers" \
        "(about one per core; see the README's capacity table)"
fi
workers=$((10#$workers))
[[ "$port" =~ ^[0-9]{1,5}$ ]] && ((10#$port >= 1 && 10#$port <= 65535)) ||
    die "the port must be a number from 1 to 65535, not '$port'"
port=$((10#$port))
command -v haproxy >/dev/null || die "haproxy is not installed (Debian: apt-get install haproxy)"
command -v "$PYTHON" >/dev/null || die "no '$PYTHON' on PATH (set PYTHON)"

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/softlse-class.XXXXXX")" || die "cannot make a temp dir"
worker_pids=()
worker_ports=()
haproxy_pid=""
helper_pids=() # background health probes and warm-ups, killed first when stopping
stopping=0

stop_all() {
    local pid
    # (A warm-up of a restarted worker may poll for minutes: the final `wait` would hang on it.)
    for pid in "${helper_pids[@]}" "${probe_pids[@]}"; do
        [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null
    done
    for pid in "$haproxy_pid" "${worker_pids[@]}"; do
        [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null
    done
    for _ in $(seq 50); do
        local alive=0
        for pid in "$haproxy_pid" "${worker_pids[@]}"; do
            [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && alive=1
        done
        ((alive)) || break
        sleep 0.2
    done
    for pid in "$haproxy_pid" "${worker_pids[@]}"; do
        [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null &&
            say "pid $pid did not stop within 10 s of SIGTERM: killing it" >&2 &&
            kill -KILL "$pid" 2>/dev/null
    done
    wait 2>/dev/null
    rm -rf "$RUN_DIR"
}
on_signal() {
    ((stopping)) && return
    stopping=1
    say "stopping HAProxy and $workers worker(s)"
    stop_all
    say "stopped"
    exit "$1"
}
trap 'on_signal 0' TERM
trap 'on_signal 130' INT
trap 'stop_all' EXIT

# One secret for all workers, so a cookie Streamlit signs on one is valid on the others.
if [[ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]]; then
    STREAMLIT_SERVER_COOKIE_SECRET="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')"
    export STREAMLIT_SERVER_COOKIE_SECRET
fi

# N distinct free loopback ports, held open together while they are picked.
mapfile -t worker_ports < <("$PYTHON" - "$workers" <<'EOF'
import socket, sys
sockets = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print("\n".join(str(s.getsockname()[1]) for s in sockets))
EOF
)
((${#worker_ports[@]} == workers)) || die "could not find $workers free loopback ports"

# Copy stdin to stdout with "$1" before every line. It ignores SIGTERM, SIGINT and SIGHUP and
# ends when its writer does: Ctrl-C or `kill -TERM -PGID` reaches the whole process group,
# and a prefixer that died with it left its worker writing its shutdown lines into a closed
# pipe, where the worker's shutdown failed and it ran on until the SIGKILL 10 s later.
prefix_lines() {
    trap '' TERM INT HUP
    exec sed -u "s/^/$1/"
}

start_worker() {
    local k="$1"
    "$PYTHON" -m streamlit run "$REPO/app.py" \
        --server.address 127.0.0.1 --server.port "${worker_ports[k]}" \
        --server.headless true --browser.gatherUsageStats false \
        --server.scriptHealthCheckEnabled true \
        "${streamlit_options[@]}" > >(prefix_lines "[w$((k + 1))] ") 2>&1 &
    worker_pids[k]=$!
    watch_started "$k"
    say "worker w$((k + 1)) pid ${worker_pids[k]} on 127.0.0.1:${worker_ports[k]}"
}

# Run the app once inside worker $1 (Streamlit's script health check), so its one-time
# warm-up (softlse_app.common.warm_up) is done before students arrive, not by the first one.
warm_worker() {
    local k="$1"
    answers_ok "${worker_ports[k]}" /_stcore/script-health-check 120 ||
        say "worker w$((k + 1)): the warm-up run did not answer ok (it still serves)"
}

cd "$REPO" || die "cannot enter $REPO"
for ((k = 0; k < workers; k++)); do
    start_worker "$k"
done

deadline=$((SECONDS + HEALTH_TIMEOUT_S))
for ((k = 0; k < workers; k++)); do
    until healthy "${worker_ports[k]}"; do
        kill -0 "${worker_pids[k]}" 2>/dev/null || { say "worker w$((k + 1)) exited at start" >&2; exit 1; }
        ((SECONDS < deadline)) || { say "worker w$((k + 1)) not healthy after ${HEALTH_TIMEOUT_S} s" >&2; exit 1; }
        sleep 0.5
    done
    failures[k]=0 # its start-up grace ends (scripts/serve_class_watch.sh)
done
warm_pids=()
for ((k = 0; k < workers; k++)); do
    warm_worker "$k" &
    warm_pids+=($!)
done
wait "${warm_pids[@]}"
say "every worker has run the app once"

haproxy_config "$host" "$port" "${worker_ports[@]}" >"$RUN_DIR/haproxy.cfg"
haproxy -c -q -f "$RUN_DIR/haproxy.cfg" || { say "HAProxy rejected its configuration" >&2; exit 1; }
haproxy -db -f "$RUN_DIR/haproxy.cfg" > >(prefix_lines "[haproxy] ") 2>&1 &
haproxy_pid=$!
say "HAProxy pid $haproxy_pid on ${host}:${port} in front of $workers worker(s)"

until healthy "$port" || [[ "$host" != 127.0.0.1 && "$host" != 0.0.0.0 ]]; do
    kill -0 "$haproxy_pid" 2>/dev/null || { say "HAProxy exited at start" >&2; exit 1; }
    sleep 0.2
done
ready_line "$host" "$port"
say "(the workers' own \"URL: http://127.0.0.1:...\" lines above bypass the balancer: do not" \
    "share them)"

# Supervise: restart a worker that exits or hangs; stop everything if HAProxy exits.
tick=0
while true; do
    sleep 1 &
    wait $! 2>/dev/null
    if ! ((++tick % WATCH_EVERY_S)); then
        watch_workers
        # Forget the helpers that have finished.
        running=()
        for pid in "${helper_pids[@]}"; do
            kill -0 "$pid" 2>/dev/null && running+=("$pid")
        done
        helper_pids=("${running[@]}")
    fi
    if ! kill -0 "$haproxy_pid" 2>/dev/null; then
        wait "$haproxy_pid"
        say "HAProxy exited (status $?): stopping" >&2
        exit 1
    fi
    for ((k = 0; k < workers; k++)); do
        if ! kill -0 "${worker_pids[k]}" 2>/dev/null; then
            wait "${worker_pids[k]}" 2>/dev/null
            say "worker w$((k + 1)) (pid ${worker_pids[k]}) exited with status $?: starting it again"
            start_worker "$k"
            # Warm it in the background as soon as it answers (HAProxy adds it once healthy).
            (
                for _ in $(seq 240); do
                    # (An answer ends its start-up grace in the watcher.)
                    healthy "${worker_ports[k]}" && : 2>/dev/null >"$RUN_DIR/answered.$k" && break
                    sleep 0.5
                done
                warm_worker "$k"
            ) &
            helper_pids+=($!)
        fi
    done
done
