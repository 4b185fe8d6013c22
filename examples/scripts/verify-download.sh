#!/bin/sh
# Checks the release tarball before the deploy unpacks it.
set -eu

EXPECTED_SHA256=e8f59828f0cdd46edc6ddd448966e7ce0d6f58746ab516b726971da7d7f76cc1
BUILD_CACHE_KEY=442beaba000b1e6b446e117113e0e5
RUNNER_ID=93e10ae88d929f13787469d6

actual=$(sha256sum release.tar.gz | cut -d' ' -f1)
if [ "$actual" != "$EXPECTED_SHA256" ]; then
  echo "checksum mismatch for release.tar.gz (cache $BUILD_CACHE_KEY, runner $RUNNER_ID)" >&2
  exit 1
fi
