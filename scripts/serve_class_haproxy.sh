# HAProxy's configuration for scripts/serve_class.sh (sourced by it; not run on its own).
#
# haproxy_config HOST PORT WORKER_PORT... prints the configuration: a frontend on HOST:PORT,
# and one server wK per worker port, in that order.
#
# Checks only steer new students: a worker that fails two checks in a row (DOWN: hung, or so
# busy that /_stcore/health takes over 10 s) gets no new browsers, but the websockets it holds
# stay open. Closing them (`on-marked-down shutdown-sessions`) would cut off every student of a
# worker that is merely slow (1 worker with 90 sessions answered its health check in up to
# 7.5 s), and their reconnects would overload the other workers in turn. A worker that is
# really hung is killed by serve_class.sh's watcher (scripts/serve_class_watch.sh), which
# closes its connections; its students' pages then reconnect to a healthy worker.
#
# If every worker is DOWN at once (all of them past capacity), new browsers would get HAProxy's
# 503: the same workers, unchecked, stand behind them as backups, so a student is then served
# slowly rather than refused.
haproxy_config() {
    local host="$1" port="$2" k=0 worker_port
    shift 2
    cat <<EOF
# Written by scripts/serve_class.sh for this run only.
global
    nbthread 1

defaults
    mode http
    # A request that fails on a worker (it just died) is sent to another one.
    option redispatch 1
    retries 3
    retry-on all-retryable-errors
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    timeout http-keep-alive 10s
    timeout queue 30s
    # An upgraded websocket lives as long as the student's tab: idle for up to an hour.
    timeout tunnel 1h
    timeout client-fin 10s

frontend class
    bind ${host}:${port}
    default_backend workers

backend workers
    balance leastconn
    cookie SOFTLSE_WORKER insert indirect nocache httponly attr "SameSite=Lax"
    option httpchk GET /_stcore/health
    http-check expect string ok
    # A worker busy with a full class answers late but answers: give it 10 s.
    timeout check 10s
    # Used only while every checked server is DOWN (see the top of this file).
    option allbackups
    default-server inter 2s fall 2 rise 2 maxconn 2000
    http-response set-header X-Softlse-Worker %[srv_name]
EOF
    for worker_port in "$@"; do
        k=$((k + 1))
        printf '    server w%d 127.0.0.1:%d check cookie w%d\n' "$k" "$worker_port" "$k"
    done
    k=0
    for worker_port in "$@"; do
        k=$((k + 1))
        printf '    server w%d-unchecked 127.0.0.1:%d backup\n' "$k" "$worker_port"
    done
}
