# Stand-in for python:3.11-slim-bookworm, used only by scripts/docker_smoke.sh
# on machines that cannot pull from a container registry. It is built FROM a
# debootstrapped Debian bookworm (minbase) imported with `docker import`, and
# gives what the project Dockerfile relies on from the official image: a
# Python 3.11 reachable as `python`, with the venv module and pip.
ARG ROOTFS_IMAGE=softlse-smoke/bookworm-minbase
FROM ${ROOTFS_IMAGE}

ENV DEBIAN_FRONTEND=noninteractive \
    LANG=C.UTF-8

# The machine's package mirrors may be dated snapshots: do not reject their
# Release files for age, as the host's apt does not either.
RUN printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' \
        > /etc/apt/apt.conf.d/99smoke-snapshot \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
        python3 python3-venv python3-pip python-is-python3 ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# Trust the same CAs as the host, so pip inside later builds can reach the
# package index through this network's TLS interception.
COPY host-ca.crt /usr/local/share/ca-certificates/host-ca.crt
RUN update-ca-certificates
ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt

CMD ["python"]
