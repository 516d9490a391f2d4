#!/usr/bin/env bash
# A Debian trixie root for the toolchains the host lacks: Swift 6.0.3 (swiftlang,
# Foundation, XCTest) for MachiKit, rustc 1.85 with the wasm32 std for the web
# chatbot, and Debian's chromium-headless-shell (with CJK fonts) that its browser
# tests drive (scripts/test-web.sh). The headless shell, not the full `chromium`:
# the full browser pulls GTK, dconf, dbus-user-session and so systemd into the
# root, whose maintainer scripts can fail in a CI container (they did: "dpkg
# returned an error code (1)"). Made once with debootstrap and cached under target/, then reused.
#
#   scripts/trixie-root.sh setup              # make or update the root, print its path
#   scripts/trixie-root.sh run DIR... -- CMD...  # run CMD inside it, each DIR mounted at its own path
#
# `run` works in a private mount namespace (unshare): /proc, /dev and the bind
# mounts vanish when the command ends, so parallel runs never unmount each
# other's /proc and a killed run leaves nothing mounted (Debian's swiftlang
# needs /proc and /dev). The host's CA bundle is copied in, and
# CARGO_HTTP_CAINFO points at it, since cargo inside the root reaches crates.io
# through it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
root=${MACHI_TRIXIE_ROOT:-$target/trixie-root}
# Everything any step needs, in one list: the stamp records it, so adding a
# package here installs it on the next run without remaking the root.
packages=(ca-certificates swiftlang libc6-dev libstdc++-14-dev rustc cargo libstd-rust-dev-wasm32 lld-19 chromium-headless-shell fonts-noto-cjk)
stamp="$root/.machi-packages"
want="${packages[*]}"

need_host() {
  command -v "$1" >/dev/null && return
  apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
}

setup() {
  # The lock sits beside the root, not in one target dir: worktrees share the root.
  mkdir -p "$(dirname "$root")"
  exec 9>"$root.lock"
  flock 9
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "$root"
    return
  fi
  need_host debootstrap debootstrap
  need_host unshare util-linux
  if [ ! -x "$root/usr/bin/apt-get" ]; then
    echo "== debootstrap trixie into $root (once)" >&2
    rm -rf "$root" && mkdir -p "$root"
    debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian >/dev/null
  fi
  echo "== apt-get install ${packages[*]} (inside the root)" >&2
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # No package may start a daemon in the root: there is no init to own it.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  local log="$root.apt.log"
  local install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $want"
  if ! in_root / -- sh -c "$install" >"$log" 2>&1; then
    # One repair pass (a half-configured package, a dropped mirror connection),
    # then apt's own words if it still fails, so a CI log says which package.
    echo "trixie-root: apt-get failed once; repairing and retrying" >&2
    if ! in_root / -- sh -c "DEBIAN_FRONTEND=noninteractive dpkg --configure -a; $install" >>"$log" 2>&1; then
      echo "trixie-root: apt-get install failed; the last lines of $log:" >&2
      tail -n 60 "$log" >&2
      exit 1
    fi
  fi
  # The downloaded .debs (swiftlang alone is several hundred MB) are not needed
  # once installed, and CI's disk is small.
  in_root / -- apt-get clean >>"$log" 2>&1 || true
  echo "$want" >"$stamp"
  echo "$root"
}

# in_root DIR... -- CMD...: each DIR (absolute) is bind-mounted at the same path.
in_root() {
  local dirs=()
  while [ "$1" != "--" ]; do dirs+=("$1"); shift; done
  shift
  mkdir -p "$root/etc/ssl/machi"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/machi/host-ca.crt" 2>/dev/null || true
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  unshare --mount --propagation private -- sh -c '
    root=$1; dirs=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    for dir in $dirs; do
      if [ "$dir" != / ]; then mkdir -p "$root$dir" && mount --bind "$dir" "$root$dir"; fi
    done
    exec chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root \
      LANG=C.UTF-8 CARGO_HTTP_CAINFO=/etc/ssl/machi/host-ca.crt "$@"
  ' sh "$root" "${dirs[*]}" "$@"
}

case "${1:-}" in
  setup) setup ;;
  run)
    shift
    dirs=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do dirs+=("$(cd "$1" && pwd)"); shift; done
    setup >/dev/null
    in_root "${dirs[@]}" "$@"
    ;;
  *) echo "usage: $0 setup | run DIR -- CMD..." >&2; exit 2 ;;
esac
