#!/usr/bin/env bash
# Runs e2e specs many times with the CPU deliberately busy, to find flaky tests at their cause.
#   scripts/flake-hunt.sh [repeats] [spec …]      (default: 20 × the streaming and training specs)
# Two busy loops (one per core on a 2-core machine) run beside the tests and are killed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-20}"
shift || true
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=(e2e/causal-lm.spec.ts e2e/seq2seq-lm.spec.ts e2e/custom-head.spec.ts)
fi
busy=()
for _ in $(seq "$(nproc)"); do
  ( while :; do :; done ) &
  busy+=($!)
done
trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
node scripts/e2e.mjs "${specs[@]}" --project=wasm --repeat-each="$repeats" --reporter=line
