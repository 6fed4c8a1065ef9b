#!/usr/bin/env bash
# Whole-process benchmarks of `grip check`, `grip eval` and `grip fmt` on synthetic plans of
# 1k, 10k, 100k and 1M measures (examples/gen.rs), with `cat` of the same file as a floor.
#
#   nice -n 19 benches/run.sh                    # every size
#   SIZES="1000 10000" benches/run.sh            # some sizes
#
# For each size and command: wall time (hyperfine's mean ± σ when hyperfine is installed, the
# size is at most HYPERFINE_MAX measures and one run takes at most SINGLE_RUN_ABOVE seconds;
# else that one run under /usr/bin/time), throughput in
# MB/s (10^6 bytes of plan text per second) and measures/s, and the peak resident memory from
# one run under `/usr/bin/time -v`. Prints a Markdown table and keeps it, with the raw
# measurements, in $BENCH_DIR (default /tmp/grip-bench).
#
# Environment:
#   SIZES           measures per plan (default "1000 10000 100000 1000000")
#   BENCH_DIR       where plans and results go (default /tmp/grip-bench)
#   HYPERFINE_MAX   largest size timed with hyperfine (default 100000)
#   SINGLE_RUN_ABOVE  a command whose first run takes longer (seconds) is not repeated (default 30)
#   TIMEOUT         seconds before one run is stopped (default 3600)
#   HUMAN_TIMEOUT   TIMEOUT for `grip check` with its default (human) output, whose rendering
#                   is slow on large plans with many diagnostics (default TIMEOUT)
#   NO_BUILD=1      use the binaries already built
#   CARGO_TARGET_DIR  as for cargo (default target/)
set -euo pipefail

SIZES=${SIZES:-"1000 10000 100000 1000000"}
BENCH_DIR=${BENCH_DIR:-/tmp/grip-bench}
TIMEOUT=${TIMEOUT:-3600}
HUMAN_TIMEOUT=${HUMAN_TIMEOUT:-$TIMEOUT}
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"

RESULTS="$BENCH_DIR/results.md"
{
  echo "<!-- benches/run.sh, $(date -u +%Y-%m-%dT%H:%MZ), grip $(revision) -->"
  echo "<!-- $(machine) -->"
  echo
  echo "| measures | command | plan size | wall time | MB/s | measures/s | peak RSS | exit |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$RESULTS"

row() { # size label command bytes
  local size=$1 label=$2 cmd=$3 bytes=$4
  if ! measure "$cmd" "$size"; then
    printf '| %s | %s | %s | > %s s (stopped) | | | | timeout |\n' \
      "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}')" "$TIMEOUT" | tee -a "$RESULTS"
    return
  fi
  awk -v size="$size" -v label="$label" -v bytes="$bytes" -v wall="$WALL" -v shown="$SHOWN" -v rss="$RSS" -v code="$CODE" 'BEGIN{
    printf "| %d | %s | %.1f MB | %s | %.1f | %.0f | %.0f MB | %s |\n", size, label, bytes/1e6, shown, bytes/1e6/wall, size/wall, rss/1024, code
  }' | tee -a "$RESULTS"
}

for n in $SIZES; do
  # Each plan in a folder of its own: grip check reads every .plan beside a plan to find its
  # progress files, so plans of every size in one folder would be read by every run.
  plan="$BENCH_DIR/plan-$n/plan-$n.plan"
  mkdir -p "$BENCH_DIR/plan-$n"
  "$GEN" --measures "$n" > "$plan" 2> "$BENCH_DIR/gen-$n.txt"
  bytes=$(stat -c %s "$plan")
  row "$n" "cat" "cat '$plan' > /dev/null" "$bytes"
  TIMEOUT=$HUMAN_TIMEOUT row "$n" "grip check" "'$GRIP' check --color never '$plan' > /dev/null" "$bytes"
  row "$n" "grip check --format short" "'$GRIP' check --format short '$plan' > /dev/null" "$bytes"
  row "$n" "grip eval" "'$GRIP' eval --color never '$plan' > /dev/null" "$bytes"
  row "$n" "grip fmt" "'$GRIP' fmt - < '$plan' > /dev/null" "$bytes"
done
echo >&2
echo "results: $RESULTS" >&2
