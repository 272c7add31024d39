#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy: the Clang static analyzer and the
# bugprone checks) over every C file of src/ and tools/, JOBS at a time, with
# the compile database of build-analyze/ (configured here, nothing is built).
# Fails on any warning. ANALYZE_FILES="a.c b.c" limits it to those files. Used by `make analyze` (part of `make test`).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
CC=${CC:-clang} cmake -S . -B build-analyze -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
files=${ANALYZE_FILES:-$(git ls-files 'src/*.c' 'tools/*.c' 2>/dev/null || find src tools -name '*.c')}
log=build-analyze/clang-tidy.log
set +e
# shellcheck disable=SC2086
printf '%s\n' $files | xargs -P "$jobs" -n 8 clang-tidy -p build-analyze --quiet >"$log" 2>&1
status=$?
set -e
n=$(grep -c -E '(warning|error): ' "$log" || true)
if [ "$status" -ne 0 ] || [ "$n" -ne 0 ]; then
  grep -E -A3 '(warning|error): ' "$log" | head -200
  echo "analyze: clang-tidy reported $n finding(s) (full log: $log)" >&2
  exit 1
fi
echo "analyze: clang-tidy clean on $(printf '%s\n' $files | wc -l) files"
