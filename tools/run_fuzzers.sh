#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR/fuzz for SECONDS each, seeded with the
# seed documents and the test fixtures. Exits non-zero when a target crashes; the
# crashing input is left in BUILD_DIR/fuzz-crashes/<target>/.
# Usage: tools/run_fuzzers.sh BUILD_DIR [SECONDS]   (FUZZ_TARGETS="pdf csv" runs only those)
set -euo pipefail
build=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
# poppler keeps fontconfig's cache until exit on purpose: not a leak of ours.
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=0
for target in ${FUZZ_TARGETS:-docx pdf csv xlsx text import}; do
  binary="$build/fuzz/fuzz_$target"
  [[ -x "$binary" ]] || { echo "run_fuzzers: $binary not built, skipped" >&2; continue; }
  corpus="$build/corpus/$target"
  crashes="$build/fuzz-crashes/$target"
  mkdir -p "$corpus" "$crashes"
  seeds=("$root/samples" "$root/tests/testdata/office")
  [[ -d "$root/tests/testdata/fuzz-regressions" ]] && seeds+=("$root/tests/testdata/fuzz-regressions")
  [[ -d "$root/fuzz/corpus/$target" ]] && seeds+=("$root/fuzz/corpus/$target")
  # Every PDF input is rendered (table borders): keep inputs small so that a
  # run is mutations of small documents (fuzz/corpus/pdf), not renderings of big ones.
  max_len=1048576
  [[ $target == pdf ]] && max_len=65536
  echo "== fuzz_$target for ${seconds}s"
  if ! "$binary" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$max_len" \
       -timeout=30 -artifact_prefix="$crashes/" -print_final_stats=1 2>"$build/fuzz-$target.log"; then
    echo "fuzz_$target FAILED: see $build/fuzz-$target.log and $crashes/" >&2
    failed=1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$build/fuzz-$target.log" || true
done
exit $failed
