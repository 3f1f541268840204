# Health probes and the hung-worker watcher of scripts/serve_class.sh (sourced by it; not run
# on its own). Uses the script's RUN_DIR, HUNG_S, HEALTH_TIMEOUT_S, workers, worker_ports,
# worker_pids and say.
#
# Every WATCH_EVERY_S seconds the watcher asks each worker for /_stcore/health in the
# background (10 s to answer, as HAProxy allows); a probe that gets "ok" leaves the file
# $RUN_DIR/answered.K. Each round counts, per worker, the consecutive rounds without such an
# answer (failures[K]; no clock is compared, so a clock step or a resume from suspend does
# not make every worker look stale at once). A worker is killed, and so started again, only
# when it is really hung: no answer for HUNG_S seconds AND either stopped (state T) or using
# no CPU since the previous round. A worker that answers late because a full class keeps it
# busy burns CPU and is left running: killing it would cut off all its students and send them
# to the other workers, overloading those in turn. (An idle Streamlit process still uses a
# few clock ticks every 5 s on its event loop; one whose loop is blocked uses none.)
WATCH_EVERY_S=5
failures=()    # per worker: consecutive rounds without an answer (negative: start-up grace)
cpu_seen=()    # per worker: its CPU clock ticks at the previous round
probe_pids=()  # per worker: its probe still running, if any

# Whether 127.0.0.1:$1 answers GET $2 (default /_stcore/health) with "ok" within $3 seconds
# (default 3); bash only: the image has no curl.
answers_ok() {
    timeout "${3:-3}" bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3
        tail -n 1 <&3 | grep -qx "ok"
    ' _ "$1" "${2:-/_stcore/health}" 2>/dev/null
}
healthy() { answers_ok "$1"; }

# "STATE TICKS" of process $1 from /proc/PID/stat: its state letter (field 3) and its CPU
# time, user + system (fields 14 and 15), in clock ticks. Fails if there is no such process.
# (Fields are counted after the ")" that ends the command name, which may hold spaces.)
proc_cpu_state() {
    local stat fields
    { stat="$(<"/proc/$1/stat")"; } 2>/dev/null || return 1
    read -ra fields <<<"${stat##*) }"
    printf '%s %s\n' "${fields[0]}" "$((fields[11] + fields[12]))"
}

# The decision, on its own so that it can be tested: worker_is_hung FAILURES LIMIT
# CPU_BEFORE CPU_NOW STATE succeeds when the worker has missed LIMIT rounds in a row and is
# either stopped (T) or has used no CPU since the previous round (CPU_BEFORE empty: unknown).
worker_is_hung() {
    local failed="$1" limit="$2" before="$3" now="$4" state="$5"
    ((failed >= limit)) || return 1
    [[ "$state" == T ]] && return 0
    [[ -n "$before" && "$before" == "$now" ]]
}

# A worker just (re)started: it gets HEALTH_TIMEOUT_S to answer first, not HUNG_S (its first
# answer, to this watcher or to the script, ends that grace: failures 0).
watch_started() {
    failures[$1]=$((-(HEALTH_TIMEOUT_S - HUNG_S) / WATCH_EVERY_S))
    cpu_seen[$1]=""
    rm -f "$RUN_DIR/answered.$1"
}

# One round of the watcher over every worker.
watch_workers() {
    local k state cpu limit=$((HUNG_S / WATCH_EVERY_S)) name
    for ((k = 0; k < workers; k++)); do
        name="worker w$((k + 1)) (pid ${worker_pids[k]})"
        if [[ -e "$RUN_DIR/answered.$k" ]]; then
            rm -f "$RUN_DIR/answered.$k"
            failures[k]=0
        else
            failures[k]=$((failures[k] + 1))
        fi
        # Gone: the supervising loop starts it again.
        read -r state cpu < <(proc_cpu_state "${worker_pids[k]}") || continue
        if worker_is_hung "${failures[k]}" "$limit" "${cpu_seen[k]}" "$cpu" "$state"; then
            if [[ "$state" == T ]]; then state="is stopped (state T)"; else
                state="has used no CPU for ${WATCH_EVERY_S} s"
            fi
            say "$name has not answered its health check for $((failures[k] * WATCH_EVERY_S)) s" \
                "and $state: killing it" >&2
            kill -KILL "${worker_pids[k]}" 2>/dev/null
        elif ((failures[k] >= limit && failures[k] % limit == 0)); then
            say "$name has not answered its health check for $((failures[k] * WATCH_EVERY_S)) s" \
                "but is using CPU (busy, not hung): leaving it and its students be" >&2
        fi
        cpu_seen[k]="$cpu"
        if [[ -z "${probe_pids[k]:-}" ]] || ! kill -0 "${probe_pids[k]}" 2>/dev/null; then
            (answers_ok "${worker_ports[k]}" /_stcore/health 10 && : 2>/dev/null >"$RUN_DIR/answered.$k") &
            probe_pids[k]=$!
        fi
    done
}
