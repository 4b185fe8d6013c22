#!/usr/bin/env bash
# Runs the security suite N times in a row (default 30) with a fresh seed each time, to catch a flaky test; stops at
# the first failure and names its seed. Build first (`npm run build`). Usage: bash test/security/repeat.sh [N]
set -uo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bash test/security/repeat.sh [N], N a positive whole number (got \"$runs\")" >&2
  exit 2
fi
log="$(mktemp -t plaid-lens-security-XXXXXX.log)"
for ((i = 1; i <= runs; i++)); do
  started=$SECONDS
  if npx mocha --config test/security/.mocharc.json >"$log" 2>&1; then
    echo "run $i/$runs passed ($(grep -o 'PLAID_LENS_TEST_SEED=[0-9]*' "$log" | head -n 1), $((SECONDS - started)) s)"
  else
    echo "run $i/$runs FAILED; replay with $(grep -o 'PLAID_LENS_TEST_SEED=[0-9]*' "$log" | head -n 1). Output kept in $log:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
done
rm -f "$log"
echo "$runs of $runs runs passed"
