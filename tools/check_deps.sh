#!/usr/bin/env bash
# Checks every #include "…" under src/ against the dependency direction of
# ../shared/design/architecture.md: a folder may include only itself and the
# folders below it. Prints each violation as file:line and exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."

# allowed[folder]="folders it may include"
declare -A allowed=(
  [common]="common"
  [domain]="domain common"
  [import]="import domain common"
  [storage]="storage domain common"
  [reports]="reports domain common"
  [services]="services import storage reports domain common"
  [web]="web services reports domain common"
  [cli]="cli services reports domain common storage import"
)
status=0
while IFS= read -r -d '' file; do
  rel=${file#src/}
  folder=${rel%%/*}
  [[ "$folder" == "$rel" ]] && continue   # src/main.cc may include anything
  while IFS=: read -r line inc; do
    target=$(sed -E 's/.*#include "([^"/]+)\/.*/\1/' <<<"$inc")
    [[ "$target" == "$inc" ]] && continue  # an include without a folder
    # Tests beside the code may also use the PostgreSQL harness of tests/harness.
    [[ "$target" == "harness" && "$file" =~ _(pg)?test\.cc$ ]] && continue
    if [[ " ${allowed[$folder]:-} " != *" $target "* ]]; then
      echo "$file:$line: $folder/ may not include $target/ (architecture.md)"
      status=1
    fi
  done < <(grep -n '#include "' "$file" || true)
done < <(find src \( -name '*.cc' -o -name '*.h' \) -print0)
exit $status
