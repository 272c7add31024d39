#!/usr/bin/env bash
# Runs tflc's libFuzzer targets (built by `make fuzz-build` in build-fuzz/).
#   scripts/fuzz.sh SECONDS [TARGET ...]     (targets: fuzz_load fuzz_invoke fuzz_npy fuzz_flexbuffers)
# Each target runs SECONDS seconds, one after the other, niced. The working
# corpus is build-fuzz/corpus/<target>/ (kept between runs), seeded from
# tests/fuzz/corpus/<target>/, from the models fuzz_make_seeds writes with
# tflc's own writer, and from the small models of ../shared/models (copied
# at run time, never committed). Crashing inputs land in
# build-fuzz/artifacts/<target>/; the script lists new ones and fails. A fixed
# crash input belongs in tests/fuzz/regressions/<target>/ (replayed by ctest).
# Environment: FUZZ_BUILD (default build-fuzz), FUZZ_MODELS (default
# ../shared/models), FUZZ_FLAGS (extra libFuzzer flags; e.g.
# "-fork=1 -ignore_crashes=1" keeps fuzzing after a crash and collects all).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_load fuzz_invoke fuzz_npy fuzz_flexbuffers)
build=${FUZZ_BUILD:-build-fuzz}
models=${FUZZ_MODELS:-../shared/models}

for t in "${targets[@]}"; do
  [ -x "$build/$t" ] || { echo "fuzz.sh: $build/$t is missing: run make fuzz-build" >&2; exit 1; }
done

# Seeds: generated one-op models + wrapped small shared models.
small_models=()
if [ -d "$models" ]; then
  while IFS= read -r f; do small_models+=("$f"); done \
    < <(find "$models" -name '*.tflite' -size -64k | sort)
else
  echo "fuzz.sh: $models not found: seeding from generated models only"
fi
rm -rf "$build/seeds"
"$build/fuzz_make_seeds" "$build/seeds" "${small_models[@]}" >/dev/null

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  cp -n "$build/seeds/$t"/* "$corpus"/ 2>/dev/null || true
  if [ "$t" = fuzz_load ] && [ ${#small_models[@]} -gt 0 ]; then
    for f in "${small_models[@]}"; do cp -n "$f" "$corpus/shared_$(basename "$f")"; done
  fi
  case "$t" in
    fuzz_npy | fuzz_flexbuffers) max_len=4096 ;;
    *) max_len=70000 ;;
  esac
  echo "fuzz.sh: $t for ${seconds}s (corpus $corpus: $(ls "$corpus" | wc -l) inputs)"
  log="$build/$t.log"
  stamp="$build/.fuzz-start-$t"
  touch "$stamp"
  set +e
  # shellcheck disable=SC2086
  nice -n 10 "$build/$t" "$corpus" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2560 -max_len=$max_len -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  # -fork mode prints no final stats: take the last "#N" progress line.
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  echo "fuzz.sh: $t: exit $rc, ${runs:-?} executions (log $log)"
  # New artifacts: crash-/leak-/oom- inputs are failures; slow-unit- inputs
  # only say an input took long (listed, not a failure); a timeout- input is
  # run once more alone, and is a failure only if it times out again (on a
  # loaded machine a niced fuzzer can be starved past the limit).
  problems=()
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    case "$(basename "$f")" in
      slow-unit-*) echo "fuzz.sh: $t: slow input (not a failure): $f" ;;
      timeout-*)
        start=$(date +%s)
        if nice -n 10 "$build/$t" -timeout=20 -rss_limit_mb=2560 "$f" >/dev/null 2>&1; then
          echo "fuzz.sh: $t: $f timed out under load but runs alone in $(($(date +%s) - start)) s (not a failure)"
        else
          problems+=("$f")
        fi
        ;;
      *) problems+=("$f") ;;
    esac
  done < <(find "$artifacts" -type f -newer "$stamp")
  if [ $rc -ne 0 ] || [ ${#problems[@]} -gt 0 ]; then
    echo "fuzz.sh: $t found a problem:" >&2
    grep -m 5 -E 'ERROR|runtime error|SUMMARY' "$log" >&2 || tail -20 "$log" >&2
    printf '%s\n' "${problems[@]}" >&2
    status=1
  fi
done
exit $status
