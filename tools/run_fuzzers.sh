#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR/fuzz for SECONDS each, seeded with the
# seed documents and the test fixtures. Exits non-zero when a target crashes; the
# crashing input is left in BUILD_DIR/fuzz-crashes/<target>/.
# Usage: tools/run_fuzzers.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
failed=0
for target in docx pdf csv xlsx text import; do
  binary="$build/fuzz/fuzz_$target"
  [[ -x "$binary" ]] || { echo "run_fuzzers: $binary not built, skipped" >&2; continue; }
  corpus="$build/corpus/$target"
  crashes="$build/fuzz-crashes/$target"
  mkdir -p "$corpus" "$crashes"
  seeds=("$root/samples" "$root/tests/testdata/office")
  [[ -d "$root/tests/testdata/fuzz-regressions" ]] && seeds+=("$root/tests/testdata/fuzz-regressions")
  echo "== fuzz_$target for ${seconds}s"
  if ! "$binary" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=1048576 \
       -timeout=30 -artifact_prefix="$crashes/" -print_final_stats=1 2>"$build/fuzz-$target.log"; then
    echo "fuzz_$target FAILED: see $build/fuzz-$target.log and $crashes/" >&2
    failed=1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$build/fuzz-$target.log" || true
done
exit $failed
