#!/usr/bin/env bash
# grip side by side with hledger, ledger, beancount and rustledger on journals written by grip's
# OWN generator (examples/gen.rs). This is not the comparison to quote: the data was shaped by
# grip's side (one account per measure, a balance assertion per leaf group and year), and on it
# rustledger slows down with size for reasons of that shape (docs/performance.md, "Why
# rustledger slows down on grip's own journals"). benches/compare.sh is the comparison on
# independent journals. Kept to reproduce the figures of that section.
#
#   nice -n 19 benches/compare_own.sh             # 1k, 10k, 100k, 1M entries
#   SIZES="1000 10000" benches/compare_own.sh
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
# Environment: SIZES, TOOLS (default "grip hledger ledger bean-check rledger": which to run),
# BENCH_DIR (default /tmp/grip-compare-own), HYPERFINE_MAX (default 100000), SINGLE_RUN_ABOVE
# (default 30), TIMEOUT (seconds per run, default 1800), NO_BUILD=1, CARGO_TARGET_DIR; as in
# benches/run.sh.
set -euo pipefail

SIZES=${SIZES:-"1000 10000 100000 1000000"}
TOOLS=${TOOLS:-"grip hledger ledger bean-check rledger"}
BENCH_DIR=${BENCH_DIR:-/tmp/grip-compare-own}
TIMEOUT=${TIMEOUT:-1800}
export BEANCOUNT_DISABLE_LOAD_CACHE=1
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"

version() { "$@" 2>/dev/null | head -n1 || true; }
RESULTS="$BENCH_DIR/results.md"
{
  echo "<!-- benches/compare_own.sh (grip's own journals), $(date -u +%Y-%m-%dT%H:%MZ), grip $(revision) -->"
  echo "<!-- $(machine) -->"
  echo "<!-- $(version hledger --version); $(version ledger --version); $(version bean-check --version); $(version rledger --version) -->"
  echo
  echo "| entries | tool | input | wall time | µs per entry | entries/s | MB/s | peak RSS | exit |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$RESULTS"

row() { # size tool-label binary command input-file
  local size=$1 label=$2 binary=$3 cmd=$4 input=$5
  local bytes
  bytes=$(stat -c %s "$input")
  case " $TOOLS " in *" ${binary##*/} "* | *" ${label%% *} "*) ;; *) return ;; esac
  if ! command -v "$binary" >/dev/null; then
    printf '| %s | %s | %.1f MB | not installed | | | | | |\n' "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" | tee -a "$RESULTS"
    return
  fi
  if ! measure "$cmd" "$size"; then
    printf '| %s | %s | %.1f MB | > %s s (stopped) | | | | | timeout |\n' \
      "$size" "$label" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$TIMEOUT" | tee -a "$RESULTS"
    return
  fi
  awk -v size="$size" -v label="$label" -v bytes="$bytes" -v wall="$WALL" -v shown="$SHOWN" -v rss="$RSS" -v code="$CODE" 'BEGIN{
    printf "| %d | %s | %.1f MB | %s | %.1f | %.0f | %.1f | %.0f MB | %s |\n", size, label, bytes/1e6, shown, wall*1e6/size, size/wall, bytes/1e6/wall, rss/1024, code
  }' | tee -a "$RESULTS"
}

for n in $SIZES; do
  # In a folder of its own: grip check reads every .plan beside a plan (its progress files).
  plan="$BENCH_DIR/entries-$n/entries-$n.plan"
  mkdir -p "$BENCH_DIR/entries-$n"
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
