#!/usr/bin/env bash
# grip side by side with hledger, ledger, beancount and rustledger on equivalent data, in one run.
#
#   nice -n 19 benches/compare.sh                 # 1k, 10k, 100k, 1M entries
#   SIZES="1000 10000" benches/compare.sh
#
# The data: examples/gen.rs writes, for N measures in nested groups, a grip plan with only what
# a journal holds (`--minimal`: measures with their yearly savings, each leaf group's yearly
# totals) and the same figures as a ledger/hledger journal and a beancount file (one transaction
# per measure with a posting per year, one balance assertion per leaf group and year). Every
# total is right (`--wrong-every 0`), so each tool reads and checks the whole file.
#
# The commands: `grip check PLAN`, `hledger check -f J.ledger` (parse, balance, assertions),
# `ledger -f J.ledger bal` (assertions are checked while reading), `bean-check J.beancount`
# and `rledger check -C J.beancount` (without their load caches). A tool that is not installed
# is reported as such. Install them with:
#   apt-get install -y hledger ledger hyperfine time
#   pip install beancount
#   nice -n 19 cargo install rustledger@0.15.0 --locked -j 1
#
# Environment: SIZES, BENCH_DIR (default /tmp/grip-compare), HYPERFINE_MAX (default 100000),
# SINGLE_RUN_ABOVE (default 30), TIMEOUT (seconds per run, default 1800), NO_BUILD=1,
# CARGO_TARGET_DIR; as in benches/run.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000 1000000"}
BENCH_DIR=${BENCH_DIR:-/tmp/grip-compare}
HYPERFINE_MAX=${HYPERFINE_MAX:-100000}
SINGLE_RUN_ABOVE=${SINGLE_RUN_ABOVE:-30}
TIMEOUT=${TIMEOUT:-1800}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$BENCH_DIR"
export BEANCOUNT_DISABLE_LOAD_CACHE=1

if [ -z "${NO_BUILD:-}" ]; then
  nice -n 19 cargo build --release -j 1 --bin grip --example gen >&2
fi
GRIP=$(realpath "$TARGET/release/grip")
GEN=$(realpath "$TARGET/release/examples/gen")
[ -x /usr/bin/time ] || { echo "compare.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
HAVE_HYPERFINE=$(command -v hyperfine >/dev/null && echo 1 || echo "")

version() { "$@" 2>/dev/null | head -n1 || true; }
RESULTS="$BENCH_DIR/results.md"
{
  echo "<!-- benches/compare.sh, $(date -u +%Y-%m-%dT%H:%MZ), grip $(git rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)') -->"
  echo "<!-- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg) at start -->"
  echo "<!-- $(version hledger --version); $(version ledger --version); $(version bean-check --version); $(version rledger --version) -->"
  echo
  echo "| entries | tool | input | wall time | µs per entry | entries/s | MB/s | peak RSS | exit |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$RESULTS"

time_once() {
  local out="$BENCH_DIR/time.txt" code=0
  /usr/bin/time -v -o "$out" timeout "$TIMEOUT" sh -c "$1" >/dev/null 2>&1 || code=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")
  echo "$wall $rss $code"
}

time_hyperfine() {
  local runs=$2 json="$BENCH_DIR/hyperfine.json"
  hyperfine --style none --ignore-failure --warmup 1 --runs "$runs" --export-json "$json" "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0)' "$json"
}

row() { # size tool-label binary command input-file
  local size=$1 label=$2 binary=$3 cmd=$4 input=$5
  local bytes
  bytes=$(stat -c %s "$input")
  if ! command -v "$binary" >/dev/null; then
    printf '| %s | %s | %.1f MB | not installed | | | | | |\n' "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" | tee -a "$RESULTS"
    return
  fi
  read -r wall rss code < <(time_once "$cmd")
  if [ "$code" = 124 ]; then
    printf '| %s | %s | %.1f MB | > %s s (stopped) | | | | | timeout |\n' \
      "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$TIMEOUT" | tee -a "$RESULTS"
    return
  fi
  local shown
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
    printf "| %d | %s | %.1f MB | %s | %.1f | %.0f | %.1f | %.0f MB | %s |\n", size, label, bytes/1e6, shown, w*1e6/size, size/w, bytes/1e6/w, rss/1024, code
  }' | tee -a "$RESULTS"
}

for n in $SIZES; do
  plan="$BENCH_DIR/entries-$n.plan"
  ledger_file="$BENCH_DIR/entries-$n.ledger"
  beancount_file="$BENCH_DIR/entries-$n.beancount"
  "$GEN" --measures "$n" --wrong-every 0 --minimal > "$plan" 2> "$BENCH_DIR/gen-$n.txt"
  "$GEN" --measures "$n" --wrong-every 0 --format ledger > "$ledger_file" 2>> "$BENCH_DIR/gen-$n.txt"
  "$GEN" --measures "$n" --wrong-every 0 --format beancount > "$beancount_file" 2>> "$BENCH_DIR/gen-$n.txt"
  row "$n" "grip check" "$GRIP" "'$GRIP' check --color never '$plan' > /dev/null" "$plan"
  row "$n" "hledger check" hledger "hledger check -f '$ledger_file' > /dev/null" "$ledger_file"
  row "$n" "ledger bal" ledger "ledger -f '$ledger_file' bal > /dev/null" "$ledger_file"
  row "$n" "bean-check" bean-check "bean-check '$beancount_file' > /dev/null" "$beancount_file"
  row "$n" "rledger check" rledger "rledger check -C '$beancount_file' > /dev/null" "$beancount_file"
done
echo >&2
echo "results: $RESULTS" >&2
