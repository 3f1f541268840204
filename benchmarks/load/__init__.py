"""Load benchmark: simulated students over Streamlit's own websocket protocol.

``python -m benchmarks.load --sessions N --edits E --think SECONDS [--url URL | --start-server]``
(``--help`` for all options; ``--soak`` for the memory soak). Modules: :mod:`.client` (one
browser tab speaking the protocol), :mod:`.values` (new widget values), :mod:`.scenarios`
(what a student does on each page), :mod:`.server` (targets, starting a server, CPU and memory
of its process tree), :mod:`.run` (the class run and the soak), :mod:`.report` (figures).
"""
