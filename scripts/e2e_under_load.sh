#!/usr/bin/env bash
# The browser suite N times in a row while another process keeps one core busy (issue 12's
# proof that the e2e tests wait for conditions, not for time):
#
#     bash scripts/e2e_under_load.sh [RUNS=5]
#
# The busy process is a bounded Python loop on one core (it stops by itself after two hours
# and is killed when this script exits). Stops at the first failing run; exits non-zero then.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
busy_seconds=7200
python -c "
import time
end = time.monotonic() + $busy_seconds
while time.monotonic() < end:
    sum(i * i for i in range(10_000))
" &
busy=$!
trap 'kill "$busy" 2>/dev/null || true' EXIT

for run in $(seq 1 "$runs"); do
    start=$(date +%s)
    echo "::: e2e run $run of $runs (one core kept busy by pid $busy; load $(cut -d' ' -f1 /proc/loadavg))"
    if ! python -m pytest -m e2e -q -p no:cacheprovider; then
        echo "::: e2e run $run FAILED"
        exit 1
    fi
    echo "::: e2e run $run passed in $(($(date +%s) - start)) s"
done
echo "::: all $runs e2e runs passed with one core busy"
