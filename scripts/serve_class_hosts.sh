# The allowed host names check and the ready line of scripts/serve_class.sh (sourced by it;
# not run on its own).
#
# On an address other machines reach, students' pages carry a host name of this machine that
# loopback-only allowed hosts refuse (the app's default, .streamlit/config.toml, and the Docker
# image's STREAMLIT_SERVER_ALLOWED_HOSTS): the page would load and stay a grey skeleton, its
# websocket refused with 403 and nothing said in the browser. Say so at start, loudly.
# normalise_allowed_hosts: STREAMLIT_SERVER_ALLOWED_HOSTS as Streamlit reads it, exported for
# the workers. Streamlit splits the list on spaces only, so "class.example.edu,localhost" is one
# name that matches nothing (a grey page on every address): commas become spaces, with a note.
# A list that is set also gets the loopback names this script's own ready line and checks use
# (localhost, 127.0.0.1), which no other machine can send: without them the address printed as
# ready, http://127.0.0.1:PORT, loaded a grey page on this machine. Unset stays unset (the
# app's default already allows loopback only).
normalise_allowed_hosts() {
    local list="${STREAMLIT_SERVER_ALLOWED_HOSTS:-}" name names kept=()
    [[ -n "${list//[ ,]/}" ]] || return 0
    if [[ "$list" == *,* ]]; then
        say "note: STREAMLIT_SERVER_ALLOWED_HOSTS is separated by spaces, not commas:" \
            "reading \"$list\" as \"${list//,/ }\""
        list="${list//,/ }"
    fi
    read -ra names <<<"$list"
    for name in "${names[@]}" localhost 127.0.0.1; do
        [[ " ${kept[*]} " == *" $name "* ]] || kept+=("$name")
    done
    export STREAMLIT_SERVER_ALLOWED_HOSTS="${kept[*]}"
}

is_loopback() { [[ "$1" == 127.* || "$1" == localhost || "$1" == ::1 || "$1" == "[::1]" ]]; }
first_outside_name() {
    local name names
    read -ra names <<<"${STREAMLIT_SERVER_ALLOWED_HOSTS:-}"
    for name in "${names[@]}"; do
        is_loopback "$name" || { printf '%s\n' "$name" && return 0; }
    done
    return 1
}

# warn_if_students_are_refused ADDRESS: the warning above, on stderr, if it applies.
warn_if_students_are_refused() {
    if is_loopback "$1" || first_outside_name >/dev/null; then return 0; fi
    local allowed="is unset"
    [[ -n "${STREAMLIT_SERVER_ALLOWED_HOSTS:-}" ]] && allowed="is \"$STREAMLIT_SERVER_ALLOWED_HOSTS\""
    {
        say "warning: serving on $1, but the app's websocket accepts only the host names" \
            "localhost, 127.0.0.1 and ::1 (STREAMLIT_SERVER_ALLOWED_HOSTS $allowed)"
        say "warning: a student who opens this machine by its name gets a grey page that never" \
            "loads (websocket refused, 403)"
        say "warning: set STREAMLIT_SERVER_ALLOWED_HOSTS to the names students type, space-separated," \
            "and localhost to open it on this machine too, e.g." \
            "STREAMLIT_SERVER_ALLOWED_HOSTS=\"class.example.edu localhost\"" \
            "(Docker: -e STREAMLIT_SERVER_ALLOWED_HOSTS=\"class.example.edu localhost\")"
    } >&2
}

# ready_line ADDRESS PORT: the line that says the class is served, with the URL to share. On
# an outside address it names the machine as students' pages must: the first allowed host name
# that is not loopback. With none (e.g. the Docker image's default), no name works yet: it says
# so, and names no machine ($HOSTNAME, in Docker, is the container's ID).
ready_line() {
    local share
    if is_loopback "$1"; then
        say "ready: http://$1:$2"
    elif share="$(first_outside_name)"; then
        say "ready: students open http://${share}:$2 (listening on $1:$2; behind Docker's -p" \
            "or a proxy, use the port they reach)"
    else
        say "ready: listening on $1:$2, but no host name students can use is allowed yet:" \
            "set STREAMLIT_SERVER_ALLOWED_HOSTS (see the warning above)"
    fi
}
