#!/usr/bin/env bash
# Build the softlse Docker image, run it, and prove it serves and is healthy.
#
# Usage (as root, on Debian bookworm):  bash scripts/docker_smoke.sh
#
# Made for machines with no Docker engine and no reachable container registry (as in CI):
#   1. apt-get installs docker.io, debootstrap and curl; starts a private dockerd (own data
#      root, exec root, pid file and socket in a temp dir; no bridge, no iptables), so it
#      touches no other Docker on the machine. Every build and run uses --network host.
#   2. Makes a stand-in for python:3.11-slim-bookworm: debootstrap a minbase bookworm from the
#      mirror apt already uses, `docker import` it, and build scripts/docker/
#      standin-base.Dockerfile on it (Debian's python3 3.11, venv, pip, the host's CA bundle).
#   3. Builds ./Dockerfile with --build-arg BASE_IMAGE=<stand-in>; checks the image (no pip,
#      compilers or tests directories; size above its base within SOFTLSE_SMOKE_MAX_MB); runs
#      it on SOFTLSE_SMOKE_PORT and asserts: /_stcore/health is "ok", /lse_vs_max is 200, the
#      server process is not uid 0, Docker reports it healthy from the image's own
#      HEALTHCHECK, and app.py and every page run without an exception inside the image — all
#      with a read-only root, no capabilities and no privilege escalation (as
#      deploy/kubernetes runs it); a websocket from a foreign Host/Origin is refused
#      (STREAMLIT_SERVER_ALLOWED_HOSTS); SOFTLSE_WORKERS=abc fails with a clear error;
#      SOFTLSE_WORKERS=2 serves through HAProxy, sends new browsers to both workers, runs
#      non-root and stops cleanly on docker stop.
#   4. Always (trap on EXIT): removes the container, stops dockerd by its PID, unmounts and
#      deletes the temp dir.
# Exits non-zero with "docker_smoke: FAILED: ..." on the first failed step.
#
# Environment:
#   SOFTLSE_SMOKE_PORT    port the container listens on, host network (default 18501)
#   SOFTLSE_SMOKE_MAX_MB  largest allowed size above the base image, in MB (default 600)
#   SOFTLSE_SMOKE_MIRROR  Debian mirror for debootstrap (default: first URIs: line of
#                         /etc/apt/sources.list.d/debian.sources)
#   SOFTLSE_SMOKE_ROOTFS  optional path of a cached debootstrap tarball: reused if it
#                         exists, written if not (default: none, debootstrap every run)
set -euo pipefail

PORT="${SOFTLSE_SMOKE_PORT:-18501}"
MAX_MB="${SOFTLSE_SMOKE_MAX_MB:-600}"
ROOTFS_CACHE="${SOFTLSE_SMOKE_ROOTFS:-}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOTFS_IMAGE=softlse-smoke/bookworm-minbase
BASE_IMAGE=softlse-smoke/python-base
IMAGE=softlse:smoke
CONTAINER=softlse-smoke
STARTED=$SECONDS
WORK=""
DOCKERD_PID=""
# The docker.io client, which matches its daemon (another client may come first in PATH).
DOCKER_BIN=/usr/bin/docker

say() { printf '==> [%4ds] %s\n' "$((SECONDS - STARTED))" "$*"; }
fail() {
    printf '\ndocker_smoke: FAILED: %s\n' "$*" >&2
    exit 1
}
# Show the tail of a log on failure, then fail.
fail_log() {
    local log="$1"
    shift
    if [[ -f "$log" ]]; then
        printf -- '--- last lines of %s ---\n' "$log" >&2
        tail -n 40 "$log" >&2 || true
    fi
    fail "$*"
}
on_err() { fail "command failed (line $1): $2"; }
trap 'on_err "$LINENO" "$BASH_COMMAND"' ERR

dk() { "$DOCKER_BIN" -H "unix://$WORK/docker.sock" "$@"; }

cleanup() {
    local rc=$?
    trap - ERR
    set +e
    if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
        if [[ $rc -ne 0 ]] && dk inspect "$CONTAINER" >/dev/null 2>&1; then
            echo "--- container logs (last 40 lines) ---" >&2
            dk logs --tail 40 "$CONTAINER" >&2 2>&1
        fi
        dk rm -f "$CONTAINER" >/dev/null 2>&1
        say "stopping dockerd (pid $DOCKERD_PID)"
        kill -TERM "$DOCKERD_PID"
        for _ in $(seq 60); do
            kill -0 "$DOCKERD_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$DOCKERD_PID" 2>/dev/null; then
            echo "dockerd (pid $DOCKERD_PID) did not stop in 30 s: killing it" >&2
            kill -KILL "$DOCKERD_PID"
        fi
        wait "$DOCKERD_PID" 2>/dev/null
    fi
    if [[ -n "$WORK" && -d "$WORK" ]]; then
        say "removing $WORK"
        # Overlay, shm or debootstrap's proc/sys mounts left by a hard stop: innermost first.
        findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r mnt; do
            umount -l "$mnt"
        done
        rm -rf "$WORK"
    fi
    say "cleaned up (exit $rc)"
    exit "$rc"
}
trap cleanup EXIT

[[ "$(id -u)" -eq 0 ]] || fail "must run as root (apt-get, dockerd, debootstrap)"

# Fail early, with the cause, if something already listens on the port.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    fail "port $PORT is already in use on 127.0.0.1: set SOFTLSE_SMOKE_PORT to a free port"
fi

say "apt-get: docker.io debootstrap curl"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || fail "apt-get update failed"
apt-get install -y -q docker.io debootstrap curl >/dev/null ||
    fail "apt-get install docker.io debootstrap curl failed"
[[ -x "$DOCKER_BIN" ]] || fail "$DOCKER_BIN missing after installing docker.io"

WORK="$(mktemp -d /tmp/softlse-smoke.XXXXXX)"
say "starting dockerd in $WORK"
dockerd --bridge=none --iptables=false --ip6tables=false \
    --data-root "$WORK/data" --exec-root "$WORK/exec" --pidfile "$WORK/dockerd.pid" \
    -H "unix://$WORK/docker.sock" >"$WORK/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for _ in $(seq 60); do
    dk info >/dev/null 2>&1 && break
    kill -0 "$DOCKERD_PID" 2>/dev/null || fail_log "$WORK/dockerd.log" "dockerd exited at start"
    sleep 1
done
dk info >/dev/null 2>&1 || fail_log "$WORK/dockerd.log" "dockerd did not answer docker info in 60 s"
# The legacy builder honours --network host for RUN steps on a daemon without a bridge.
export DOCKER_BUILDKIT=0

if [[ -n "$ROOTFS_CACHE" && -s "$ROOTFS_CACHE" ]]; then
    say "importing cached rootfs $ROOTFS_CACHE"
    dk import - "$ROOTFS_IMAGE" <"$ROOTFS_CACHE" >/dev/null || fail "docker import of $ROOTFS_CACHE failed"
else
    MIRROR="${SOFTLSE_SMOKE_MIRROR:-}"
    if [[ -z "$MIRROR" ]]; then
        MIRROR="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
    fi
    [[ -n "$MIRROR" ]] || fail "no Debian mirror: no URIs: line in /etc/apt/sources.list.d/debian.sources; set SOFTLSE_SMOKE_MIRROR"
    say "debootstrap --variant=minbase bookworm from $MIRROR"
    timeout 900 debootstrap --variant=minbase bookworm "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
        fail_log "$WORK/debootstrap.log" "debootstrap failed"
    if [[ -n "$ROOTFS_CACHE" ]]; then
        mkdir -p "$(dirname "$ROOTFS_CACHE")"
        tar -C "$WORK/rootfs" -c . >"$ROOTFS_CACHE.part" && mv "$ROOTFS_CACHE.part" "$ROOTFS_CACHE"
    fi
    say "docker import $ROOTFS_IMAGE"
    tar -C "$WORK/rootfs" -c . | dk import - "$ROOTFS_IMAGE" >/dev/null || fail "docker import failed"
    rm -rf "$WORK/rootfs"
fi

say "building stand-in base $BASE_IMAGE (python3, venv, pip, host CA bundle)"
mkdir -p "$WORK/base-context"
cp "$REPO/scripts/docker/standin-base.Dockerfile" "$WORK/base-context/Dockerfile"
cp /etc/ssl/certs/ca-certificates.crt "$WORK/base-context/host-ca.crt"
timeout 900 "$DOCKER_BIN" -H "unix://$WORK/docker.sock" build --network host \
    --build-arg "ROOTFS_IMAGE=$ROOTFS_IMAGE" -t "$BASE_IMAGE" "$WORK/base-context" \
    >"$WORK/build-base.log" 2>&1 || fail_log "$WORK/build-base.log" "building the stand-in base failed"
dk run --rm --network host --entrypoint python "$BASE_IMAGE" -c \
    'import sys, venv; assert sys.version_info[:2] == (3, 11), sys.version' ||
    fail "stand-in base has no Python 3.11 with venv as 'python'"

say "building $IMAGE from $REPO/Dockerfile on $BASE_IMAGE"
timeout 900 "$DOCKER_BIN" -H "unix://$WORK/docker.sock" build --network host \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$IMAGE" "$REPO" \
    >"$WORK/build-image.log" 2>&1 || fail_log "$WORK/build-image.log" "building the project image failed"
grep -E '^Sending build context' "$WORK/build-image.log" || true

say "checking the image's contents"
# shellcheck disable=SC2016 # the script is expanded by the container's shell
dk run --rm --network host --entrypoint /bin/sh "$IMAGE" -c '
    set -e
    for tool in gcc cc c++ g++ clang make; do
        if command -v "$tool" >/dev/null; then echo "compiler left in image: $tool"; exit 1; fi
    done
    if [ -e /opt/venv/bin/pip ]; then echo "pip left in /opt/venv"; exit 1; fi
    left=$(find /opt/venv /app -type d \( -name tests -o -name .git -o -name __pycache__ -path "/app/*" \) | head -5)
    if [ -n "$left" ]; then echo "left in image: $left"; exit 1; fi
    if [ -e /root/.cache/pip ] || [ -e /home/softlse/.cache/pip ]; then echo "pip cache left"; exit 1; fi
    test -f /app/app.py && test -d /app/pages && test -f /app/.streamlit/config.toml
' || fail "image contents check failed (see the line above)"

BASE_BYTES="$(dk image inspect -f '{{.Size}}' "$BASE_IMAGE")"
IMAGE_BYTES="$(dk image inspect -f '{{.Size}}' "$IMAGE")"
ABOVE_BYTES=$((IMAGE_BYTES - BASE_BYTES))
ABOVE_MB=$((ABOVE_BYTES / 1000000))
echo "image size: base $((BASE_BYTES / 1000000)) MB, image $((IMAGE_BYTES / 1000000)) MB," \
    "above base ${ABOVE_MB} MB ($((ABOVE_BYTES / 1048576)) MiB)"
echo "layers above the base (docker history):"
dk history --format '  {{.Size}}\t{{.CreatedBy}}' "$IMAGE" | cut -c1-110 |
    awk 'done { next } { print } /useradd/ { done = 1 }'
((ABOVE_MB <= MAX_MB)) || fail "image is ${ABOVE_MB} MB above its base: more than the ${MAX_MB} MB allowed"

say "running $CONTAINER on port $PORT (host network)"
# Only the interval is shortened: the check run is the image's own HEALTHCHECK command.
# Locked down as deploy/kubernetes runs it: read-only root with scratch space only in /tmp and
# HOME, no capabilities, no privilege escalation.
LOCKED_DOWN=(--read-only --tmpfs /tmp --tmpfs /home/softlse --cap-drop ALL
    --security-opt no-new-privileges)
dk run -d --name "$CONTAINER" --network host -e "STREAMLIT_SERVER_PORT=$PORT" \
    "${LOCKED_DOWN[@]}" --health-interval=2s "$IMAGE" >/dev/null || fail "docker run failed"

health=""
for _ in $(seq 90); do
    health="$(curl -sS --noproxy '*' --max-time 3 "http://127.0.0.1:$PORT/_stcore/health" 2>/dev/null || true)"
    [[ "$health" == "ok" ]] && break
    [[ "$(dk inspect -f '{{.State.Running}}' "$CONTAINER")" == "true" ]] || fail "container exited"
    sleep 1
done
[[ "$health" == "ok" ]] || fail "/_stcore/health answered '${health}' after 90 s, not 'ok'"
echo "GET /_stcore/health -> $health"

status="$(curl -sS --noproxy '*' --max-time 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/lse_vs_max" || true)"
[[ "$status" == "200" ]] || fail "GET /lse_vs_max answered HTTP '${status}', not 200"
echo "GET /lse_vs_max -> $status"

pid="$(dk inspect -f '{{.State.Pid}}' "$CONTAINER")"
uids="$(awk '/^Uid:/ { print $2, $3, $4, $5 }' "/proc/$pid/status")"
cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
[[ "$cmd" == *"streamlit run app.py"* ]] || fail "container PID 1 is not streamlit: $cmd"
for uid in $uids; do
    [[ "$uid" != "0" ]] || fail "the server process runs as root (uids: $uids)"
done
echo "server process (host pid $pid) uids: $uids; command: $cmd"

for _ in $(seq 60); do
    health="$(dk inspect -f '{{.State.Health.Status}}' "$CONTAINER")"
    [[ "$health" == "healthy" || "$health" == "unhealthy" ]] && break
    sleep 1
done
[[ "$health" == "healthy" ]] ||
    fail "Docker reports the container '$health', not healthy: $(dk inspect -f '{{json .State.Health}}' "$CONTAINER")"
echo "Docker health status: $health (HEALTHCHECK: $(dk inspect -f '{{join .Config.Healthcheck.Test " "}}' "$IMAGE" | cut -c1-60)...)"

say "running app.py and each page inside the image (streamlit AppTest)"
dk exec -i "$CONTAINER" python - <"$REPO/scripts/docker/check_app_in_image.py" ||
    fail "the app raised an exception inside the image (see FAIL lines above)"

say "the image pins hosts: a websocket from a foreign Host/Origin is refused"
dk inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | grep -q '^STREAMLIT_SERVER_ALLOWED_HOSTS=.' ||
    fail "the image sets no STREAMLIT_SERVER_ALLOWED_HOSTS"
python "$REPO/scripts/docker/check_hosts.py" "$PORT" || fail "the image's websocket is not pinned to its hosts"

say "stopping the container"
dk stop -t 20 "$CONTAINER" >/dev/null || fail "docker stop failed"
dk rm "$CONTAINER" >/dev/null

say "SOFTLSE_WORKERS=abc: a clear error at start"
bad_log="$(dk run --rm --network host -e SOFTLSE_WORKERS=abc -e "STREAMLIT_SERVER_PORT=$PORT" "$IMAGE" 2>&1)" &&
    fail "the container started with SOFTLSE_WORKERS=abc"
[[ "$bad_log" == *"(SOFTLSE_WORKERS) must be a whole number"* ]] ||
    fail "no clear error for SOFTLSE_WORKERS=abc: $bad_log"
echo "$bad_log"

say "SOFTLSE_WORKERS=2: two app processes behind HAProxy"
dk run -d --name "$CONTAINER" --network host -e "STREAMLIT_SERVER_PORT=$PORT" -e SOFTLSE_WORKERS=2 \
    "${LOCKED_DOWN[@]}" --health-interval=2s "$IMAGE" >/dev/null || fail "docker run with SOFTLSE_WORKERS=2 failed"
health=""
for _ in $(seq 120); do
    health="$(curl -sS --noproxy '*' --max-time 3 "http://127.0.0.1:$PORT/_stcore/health" 2>/dev/null || true)"
    [[ "$health" == "ok" ]] && break
    [[ "$(dk inspect -f '{{.State.Running}}' "$CONTAINER")" == "true" ]] || fail "container with 2 workers exited"
    sleep 1
done
[[ "$health" == "ok" ]] || fail "with 2 workers /_stcore/health answered '${health}' after 120 s"
workers_seen=""
for _ in $(seq 20); do
    cookie="$(curl -sS --noproxy '*' --max-time 5 -o /dev/null -D - "http://127.0.0.1:$PORT/vector_lab" |
        tr -d '\r' | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: softlse_worker=/ { print $2 }')"
    [[ -n "$cookie" ]] || fail "no SOFTLSE_WORKER cookie from the balancer"
    [[ " $workers_seen " == *" $cookie "* ]] || workers_seen="$workers_seen $cookie"
done
echo "new browsers were sent to:$workers_seen"
[[ "$workers_seen" == *w1* && "$workers_seen" == *w2* ]] || fail "the balancer did not use both workers"
pid="$(dk inspect -f '{{.State.Pid}}' "$CONTAINER")"
procs=0
for child in $(pgrep -P "$pid"); do
    cmd="$(tr '\0' ' ' <"/proc/$child/cmdline" 2>/dev/null || true)"
    [[ "$cmd" == *"streamlit run"* || "$cmd" == haproxy* ]] || continue
    uid="$(awk '/^Uid:/ { print $2 }' "/proc/$child/status")"
    [[ "$uid" != "0" ]] || fail "runs as root in the container: $cmd"
    [[ "$cmd" == *"streamlit run"* ]] && procs=$((procs + 1))
done
((procs == 2)) || fail "expected 2 streamlit workers in the container, found $procs"
python "$REPO/scripts/docker/check_hosts.py" "$PORT" || fail "with 2 workers the websocket is not pinned to its hosts"
say "stopping the container with 2 workers (SIGTERM to serve_class.sh)"
dk stop -t 20 "$CONTAINER" >/dev/null || fail "docker stop failed"
code="$(dk inspect -f '{{.State.ExitCode}}' "$CONTAINER")"
[[ "$code" == "0" ]] || fail "serve_class.sh exited with $code on docker stop, not 0"
dk rm "$CONTAINER" >/dev/null

say "docker smoke test passed: image ${ABOVE_MB} MB above its base, wall time $((SECONDS - STARTED)) s"
