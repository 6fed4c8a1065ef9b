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

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000 1000000"}
BENCH_DIR=${BENCH_DIR:-/tmp/grip-bench}
HYPERFINE_MAX=${HYPERFINE_MAX:-100000}
SINGLE_RUN_ABOVE=${SINGLE_RUN_ABOVE:-30}
TIMEOUT=${TIMEOUT:-3600}
HUMAN_TIMEOUT=${HUMAN_TIMEOUT:-$TIMEOUT}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$BENCH_DIR"

if [ -z "${NO_BUILD:-}" ]; then
  nice -n 19 cargo build --release -j 1 --bin grip --example gen >&2
fi
GRIP=$(realpath "$TARGET/release/grip")
GEN=$(realpath "$TARGET/release/examples/gen")
[ -x /usr/bin/time ] || { echo "run.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
HAVE_HYPERFINE=$(command -v hyperfine >/dev/null && echo 1 || echo "")

# The commit measured, and whether src/ or grammar/ differ from it.
revision() {
  local rev
  if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- src grammar Cargo.toml 2>/dev/null || rev="$rev (with uncommitted changes)"
    echo "$rev"
  else
    echo "(not a git checkout)"
  fi
}

RESULTS="$BENCH_DIR/results.md"
{
  echo "<!-- benches/run.sh, $(date -u +%Y-%m-%dT%H:%MZ), grip $(revision) -->"
  echo "<!-- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg) at start -->"
  echo
  echo "| measures | command | plan size | wall time | MB/s | measures/s | peak RSS | exit |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$RESULTS"

# One run under /usr/bin/time -v: prints "wall_seconds rss_kb exit".
time_once() {
  local out="$BENCH_DIR/time.txt" code=0
  /usr/bin/time -v -o "$out" timeout "$TIMEOUT" sh -c "$1" >/dev/null 2>&1 || code=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")
  echo "$wall $rss $code"
}

# hyperfine's mean and standard deviation in seconds: prints "mean stddev".
time_hyperfine() {
  local runs=$2 json="$BENCH_DIR/hyperfine.json"
  hyperfine --style none --ignore-failure --warmup 1 --runs "$runs" --export-json "$json" "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0)' "$json"
}

row() { # size label command bytes
  local size=$1 label=$2 cmd=$3 bytes=$4
  read -r wall rss code < <(time_once "$cmd")
  local shown
  if [ "$code" = 124 ]; then
    printf '| %s | %s | %s | > %s s (stopped) | | | | timeout |\n' \
      "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}')" "$TIMEOUT" | tee -a "$RESULTS"
    return
  fi
  if [ -n "$HAVE_HYPERFINE" ] && [ "$size" -le "$HYPERFINE_MAX" ] && awk -v w="$wall" -v l="$SINGLE_RUN_ABOVE" 'BEGIN{exit !(w <= l)}'; then
    local runs=10
    [ "$size" -ge 100000 ] && runs=3
    read -r mean sd < <(time_hyperfine "$cmd" "$runs")
    shown=$(awk -v m="$mean" -v s="$sd" -v r="$runs" 'BEGIN{ if (m < 1) printf "%.1f ± %.1f ms (%d runs)", m*1000, s*1000, r; else printf "%.2f ± %.2f s (%d runs)", m, s, r }')
    wall=$mean
  else
    shown=$(awk -v m="$wall" 'BEGIN{ printf "%.2f s (1 run)", m }')
  fi
  awk -v size="$size" -v label="$label" -v bytes="$bytes" -v wall="$wall" -v shown="$shown" -v rss="$rss" -v code="$code" 'BEGIN{
    w = (wall > 0) ? wall : 0.001
    printf "| %d | %s | %.1f MB | %s | %.1f | %.0f | %.0f MB | %s |\n", size, label, bytes/1e6, shown, bytes/1e6/w, size/w, rss/1024, code
  }' | tee -a "$RESULTS"
}

for n in $SIZES; do
  plan="$BENCH_DIR/plan-$n.plan"
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
