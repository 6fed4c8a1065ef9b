# Shared by benches/run.sh, benches/compare.sh and benches/compare_own.sh (sourced, not run): building grip and the
# plan generator, naming the commit measured, and timing one command.
#
# Expects BENCH_DIR and TIMEOUT to be set; reads HYPERFINE_MAX (default 100000),
# SINGLE_RUN_ABOVE (default 30), NO_BUILD and CARGO_TARGET_DIR.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
HYPERFINE_MAX=${HYPERFINE_MAX:-100000}
SINGLE_RUN_ABOVE=${SINGLE_RUN_ABOVE:-30}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$BENCH_DIR"

if [ -z "${NO_BUILD:-}" ]; then
  nice -n 19 cargo build --release -j 1 --bin grip --example gen >&2
fi
GRIP=$(realpath "$TARGET/release/grip")
GEN=$(realpath "$TARGET/release/examples/gen")
[ -x /usr/bin/time ] || { echo "$0 needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
HAVE_HYPERFINE=$(command -v hyperfine >/dev/null && echo 1 || echo "")

# The commit measured, and whether src/, grammar/ or Cargo.toml differ from it.
revision() {
  local rev
  if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- src grammar Cargo.toml 2>/dev/null || rev="$rev (with uncommitted changes)"
    echo "$rev"
  else
    echo "(not a git checkout)"
  fi
}

# The machine, for the results' header.
machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
}

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

# measure COMMAND SIZE: one run under /usr/bin/time (peak memory, exit code), then hyperfine's
# mean ± σ of 10 runs (3 from 100k) when hyperfine is installed, SIZE is at most HYPERFINE_MAX
# and the first run took at most SINGLE_RUN_ABOVE seconds. Sets WALL (seconds), SHOWN (the
# wall time as the tables print it), RSS (KB) and CODE; returns 1 when the run was stopped
# after TIMEOUT seconds.
measure() {
  local cmd=$1 size=$2
  read -r WALL RSS CODE < <(time_once "$cmd")
  [ "$CODE" = 124 ] && return 1
  if [ -n "$HAVE_HYPERFINE" ] && [ "$size" -le "$HYPERFINE_MAX" ] && awk -v w="$WALL" -v l="$SINGLE_RUN_ABOVE" 'BEGIN{exit !(w <= l)}'; then
    local runs=10 mean sd
    [ "$size" -ge 100000 ] && runs=3
    read -r mean sd < <(time_hyperfine "$cmd" "$runs")
    SHOWN=$(awk -v m="$mean" -v s="$sd" -v r="$runs" 'BEGIN{ if (m < 1) printf "%.1f ± %.1f ms (%d runs)", m*1000, s*1000, r; else printf "%.2f ± %.2f s (%d runs)", m, s, r }')
    WALL=$mean
  else
    SHOWN=$(awk -v m="$WALL" 'BEGIN{ printf "%.2f s (1 run)", m }')
  fi
  awk -v w="$WALL" 'BEGIN{exit !(w <= 0)}' && WALL=0.001
  return 0
}
