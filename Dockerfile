# softlse: the soft-maximum explorer, as a Streamlit server on port 8501.
#
#   docker build -t softlse .
#   docker run --rm -p 8501:8501 softlse            # then open http://localhost:8501
#   docker run --rm -p 8080:8501 softlse            # same app on host port 8080
#   docker run --rm --network host -e STREAMLIT_SERVER_PORT=8080 softlse
#                                                   # container itself listens on 8080
#   docker run --rm -e SOFTLSE_WORKERS=4 -p 8501:8501 softlse
#                                                   # 4 app processes behind HAProxy
#   docker run --rm -e STREAMLIT_SERVER_ALLOWED_HOSTS="class.example.edu localhost" \
#       -p 8501:8501 softlse                        # the host name students type, and
#                                                   # localhost to check it on the server
#
# Two stages on the same base: the builder makes /opt/venv with the pinned runtime
# requirements (binary wheels only, so no compiler is needed anywhere), prunes what the app
# never loads, and the final stage copies only that venv and the app's own files.
# BASE_IMAGE can be swapped for any Debian-like image with `python` (3.11), its venv module,
# pip and useradd: scripts/docker_smoke.sh builds such a stand-in where no registry is
# reachable.
ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

COPY requirements.txt /tmp/requirements.txt

# --only-binary: fail rather than compile anything from source.
# Pruning, after the install (the app must still run; scripts/docker_smoke.sh proves it):
# - pip and setuptools: nothing installs into the venv at run time;
# - `tests` directories inside packages (numpy, pandas, pyarrow, ...): never imported by them;
# - C/C++ headers and Cython sources: only for compiling against these packages.
RUN python -m venv /opt/venv \
 && /opt/venv/bin/python -m pip install --only-binary=:all: -r /tmp/requirements.txt \
 && /opt/venv/bin/python -m pip uninstall -y pip setuptools \
 && site=$(/opt/venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
 && find "$site" -mindepth 2 -depth -type d -name tests -exec rm -rf {} + \
 && find "$site" -mindepth 2 -depth -type d -name include -path '*/numpy/*' -exec rm -rf {} + \
 && find "$site" -mindepth 2 -depth -type d -name include -path '*/pyarrow/*' -exec rm -rf {} + \
 && find "$site" -type f \( -name '*.pyx' -o -name '*.pxd' -o -name '*.pxi' \) -delete \
 && /opt/venv/bin/python -c 'import streamlit, numpy, plotly, pandas, pyarrow'

FROM ${BASE_IMAGE}

# Headless, no usage statistics, no .pyc writes (the app's files are read-only to its user).
# STREAMLIT_SERVER_PORT is the container's listening port: the entrypoint and the
# HEALTHCHECK both read it, so `-e STREAMLIT_SERVER_PORT=...` moves both together.
# STREAMLIT_SERVER_ALLOWED_HOSTS pins the host names whose pages may open the app's websocket
# (space-separated; a page on any other name, e.g. a rebound DNS name, is refused): set it to
# the name students use, and localhost. Left at these loopback names, the container warns at
# start: a student's page on the server's name would stay a grey skeleton (websocket 403).
# SOFTLSE_WORKERS, if set, is the number of app processes behind HAProxy
# (scripts/serve_class.sh); unset, one process serves directly.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_ALLOWED_HOSTS="localhost 127.0.0.1 ::1" \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

# HAProxy for SOFTLSE_WORKERS (Debian's, no recommends; no apt lists, package caches or logs
# left behind: they would be most of the layer).
RUN apt-get update \
 && apt-get install -y --no-install-recommends haproxy \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/softlse \
        --shell /usr/sbin/nologin softlse

COPY --from=builder /opt/venv /opt/venv

# The app only (see .dockerignore): owned by root, readable by the app user.
WORKDIR /app
COPY requirements.txt app.py ./
COPY .streamlit/ ./.streamlit/
COPY pages/ ./pages/
COPY softlse_core/ ./softlse_core/
COPY softlse_app/ ./softlse_app/
COPY scripts/serve_class*.sh ./scripts/

USER softlse
EXPOSE 8501

# The slim base has no curl: ask /_stcore/health with Python, bypassing any proxy settings.
# 10 s to answer, as HAProxy's check of each worker: a worker busy with a full class answers
# late (up to 7.5 s measured, see the README), and busy is not unhealthy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request as u; port = os.environ.get('STREAMLIT_SERVER_PORT', '8501'); r = u.build_opener(u.ProxyHandler({})).open('http://127.0.0.1:%s/_stcore/health' % port, timeout=9); sys.exit(0 if r.status == 200 and r.read().strip() == b'ok' else 1)"]

# exec: streamlit (or, with SOFTLSE_WORKERS, serve_class.sh, which stops HAProxy and its
# workers) becomes PID 1 and receives `docker stop`'s SIGTERM itself. A host list separated by
# commas is read with spaces, with a note (Streamlit splits on spaces only: the list would be
# one name that matches nothing; serve_class.sh does the same). With the default port and no
# SOFTLSE_WORKERS this runs:
#   streamlit run app.py --server.port=8501 --server.address=0.0.0.0
# after a warning on stderr if STREAMLIT_SERVER_ALLOWED_HOSTS names only loopback hosts
# (serve_class.sh warns the same way).
# Arguments given to `docker run IMAGE ...` are appended as further streamlit options.
ENTRYPOINT ["/bin/sh", "-c", "if [ -n \"${SOFTLSE_WORKERS:-}\" ]; then exec bash scripts/serve_class.sh --port \"${STREAMLIT_SERVER_PORT}\" --host 0.0.0.0 -- \"$@\"; fi; case \"${STREAMLIT_SERVER_ALLOWED_HOSTS:-}\" in *,*) spaced=$(printf '%s' \"$STREAMLIT_SERVER_ALLOWED_HOSTS\" | tr ',' ' '); echo \"softlse: note: STREAMLIT_SERVER_ALLOWED_HOSTS is separated by spaces, not commas: reading '$STREAMLIT_SERVER_ALLOWED_HOSTS' as '$spaced'\" >&2; export STREAMLIT_SERVER_ALLOWED_HOSTS=\"$spaced\";; esac; set -f; outside=; for name in ${STREAMLIT_SERVER_ALLOWED_HOSTS:-}; do case \"$name\" in localhost|127.*|::1|'[::1]') ;; *) outside=1 ;; esac; done; set +f; [ -n \"$outside\" ] || echo \"softlse: warning: serving on 0.0.0.0, but STREAMLIT_SERVER_ALLOWED_HOSTS ('${STREAMLIT_SERVER_ALLOWED_HOSTS:-}') holds only loopback names: a page opened by any other host name stays grey (websocket refused, 403). To serve students: -e STREAMLIT_SERVER_ALLOWED_HOSTS='class.example.edu localhost' (the name they type, and localhost for this machine)\" >&2; exec streamlit run app.py --server.port=\"${STREAMLIT_SERVER_PORT}\" --server.address=0.0.0.0 --server.headless=true --browser.gatherUsageStats=false \"$@\"", "streamlit"]
