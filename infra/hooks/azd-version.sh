#!/bin/sh
# Sourced by the azd hooks: stops when azd is older than the version this deployment is written for. Older azd versions
# zip the package without the custom handler's executable bit, and do not re-read values the preprovision hook sets.
# SMARTNUMBERS_SKIP_AZD_CHECK=1 skips the check (the hook tests run without azd).
AZD_MIN_VERSION=1.18.0

azd_version_ok() { # $1: a version "x.y.z"; true when it is at least AZD_MIN_VERSION
  printf '%s\n%s\n' "$AZD_MIN_VERSION" "$1" | sort -t. -k1,1n -k2,2n -k3,3n -C
}

check_azd_version() {
  [ "${SMARTNUMBERS_SKIP_AZD_CHECK:-}" = 1 ] && return 0
  if ! command -v azd >/dev/null 2>&1; then
    echo "$1: azd is not on PATH; install azd $AZD_MIN_VERSION or later" >&2
    exit 1
  fi
  found=$(azd version 2>/dev/null | sed -n 's/^azd version \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -n 1)
  if [ -z "$found" ] || ! azd_version_ok "$found"; then
    echo "$1: azd ${found:-of unknown version} is older than $AZD_MIN_VERSION, which this deployment needs (older versions drop the" >&2
    echo "  executable bit from the package and do not re-read generated secrets). Upgrade azd: https://aka.ms/azd" >&2
    exit 1
  fi
}
