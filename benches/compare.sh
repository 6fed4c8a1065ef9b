#!/usr/bin/env bash
# grip side by side with rustledger, ledger, hledger and beancount on independent data: paired,
# interleaved runs, CPU and wall time, per entry, per byte and per amount, and peak memory.
#
#   nice -n 19 benches/compare.sh                        # 10k, 100k and 1M entries
#   SIZES="10000 100000" ROUNDS=7 benches/compare.sh
#   TOOLS="grip rledger" SIZES=1000000 ROUNDS=3 benches/compare.sh
#
# The data: ../shared/bench/journals.py (beside the repository; JOURNALS= to point elsewhere), a
# generator that is not grip's, writes N transactions as a ledger/hledger journal and as a
# beancount file: two postings with both amounts written out, 44 accounts, a balance assertion
# every 100 transactions. benches/journal_to_plan.py writes the beancount file's content as a
# minimal grip plan: a measure per transaction with the same two amounts (saving and cost), the
# asset account its group, and each balance assertion the declared total of the stretch of
# transactions it covers. Before timing, at sizes up to VERIFY_MAX, each tool must accept the
# journal (exit 0) and reject the one journals.py writes with --bad (its last assertion off by
# 1.00), so every tool is shown to check the assertions it is timed on.
#
# The runs: ROUNDS rounds; in each round every tool runs once, one after the other, the order
# turned by one tool each round, under benches/timed.py (CPU = user + system in microseconds, wall,
# peak RSS from /usr/bin/time). The
# summary gives medians, and for each tool the median over the rounds of its CPU time divided
# by grip's in the same round (the paired ratio). Per entry and per amount are CPU time over
# N and over the amounts in that tool's input; MB/s is 10^6 bytes of that tool's input per
# second of CPU time.
#
# The commands: `grip check --color never PLAN`, `rledger check -C J.beancount`,
# `ledger -f J.journal bal`, `hledger check -f J.journal`, `bean-check J.beancount`
# (rustledger's and beancount's load caches off). Install them with:
#   apt-get install -y hyperfine time ledger hledger
#   pip install beancount
#   nice -n 19 cargo install rustledger@0.15.0 --locked -j 1
#
# Environment: SIZES, TOOLS (default "grip rledger ledger hledger bean-check"), ROUNDS (default
# 5), ROUNDS_1M (rounds at 1M entries and above, default 1), VERIFY_MAX (default 100000),
# BENCH_DIR (default /tmp/grip-compare), TIMEOUT (seconds per run, default 1800; a tool that
# runs out of it is not run again at that size), JOURNALS, NO_BUILD=1, CARGO_TARGET_DIR.
set -euo pipefail

SIZES=${SIZES:-"10000 100000 1000000"}
TOOLS=${TOOLS:-"grip rledger ledger hledger bean-check"}
ROUNDS=${ROUNDS:-5}
ROUNDS_1M=${ROUNDS_1M:-1}
VERIFY_MAX=${VERIFY_MAX:-100000}
BENCH_DIR=${BENCH_DIR:-/tmp/grip-compare}
TIMEOUT=${TIMEOUT:-1800}
export BEANCOUNT_DISABLE_LOAD_CACHE=1
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh" # also changes to the repository's root
JOURNALS=$(realpath "${JOURNALS:-../shared/bench/journals.py}")
[ -f "$JOURNALS" ] || { echo "$0 needs the journal generator at $JOURNALS (JOURNALS=...)" >&2; exit 2; }
CONVERT=$(realpath benches/journal_to_plan.py)
SUMMARY=$(realpath benches/paired_summary.py)
TIMED=$(realpath benches/timed.py)

version() { "$@" 2>/dev/null | head -n1 || true; }
RUNS="$BENCH_DIR/runs.tsv"
RESULTS="$BENCH_DIR/results.md"
printf 'size\ttool\tround\twall\tuser\tsys\trss_kb\texit\tinput\n' > "$RUNS"
{
  echo "<!-- benches/compare.sh, $(date -u +%Y-%m-%dT%H:%MZ), grip $(revision) -->"
  echo "<!-- $(machine) -->"
  echo "<!-- $(version rledger --version); $(version ledger --version); $(version hledger --version); $(version bean-check --version) -->"
} > "$RESULTS"

# The command and the input of a tool for the files in folder $1 ($1/plan/journal.plan,
# $1/journal.journal, $1/journal.beancount).
command_of() {
  local d=$1
  case $2 in
    grip) echo "'$GRIP' check --color never '$d/plan/journal.plan'" ;;
    rledger) echo "rledger check -C '$d/journal.beancount'" ;;
    ledger) echo "ledger -f '$d/journal.journal' bal" ;;
    hledger) echo "hledger check -f '$d/journal.journal'" ;;
    bean-check) echo "bean-check '$d/journal.beancount'" ;;
    *) echo "unknown tool $2" >&2; exit 2 ;;
  esac
}
input_of() {
  case $2 in
    grip) echo "$1/plan/journal.plan" ;;
    ledger | hledger) echo "$1/journal.journal" ;;
    *) echo "$1/journal.beancount" ;;
  esac
}
binary_of() { if [ "$1" = grip ]; then echo "$GRIP"; else echo "$1"; fi; }

# Writes N transactions (and their plan) into folder $2; $3 is --bad or empty.
write_data() {
  local n=$1 d=$2
  mkdir -p "$d/plan" # a folder of its own: grip check reads every .plan beside a plan
  python3 "$JOURNALS" "$n" "$d/journal" ${3:-}
  python3 "$CONVERT" "$d/journal.beancount" "$d/plan/journal.plan"
}

# One run of a tool: appends a line to runs.tsv; returns 1 when it ran out of time.
run_once() {
  local n=$1 tool=$2 round=$3 d=$4 wall user sys rss code
  read -r wall user sys rss code < <(python3 "$TIMED" "$TIMEOUT" "$(command_of "$d" "$tool")")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$round" "$wall" "$user" "$sys" "$rss" "$code" "$(input_of "$d" "$tool")" >> "$RUNS"
  [ "$code" != 124 ]
}

present=()
for tool in $TOOLS; do
  if command -v "$(binary_of "$tool")" >/dev/null; then present+=("$tool"); else echo "<!-- $tool: not installed -->" >> "$RESULTS"; fi
done

for n in $SIZES; do
  d="$BENCH_DIR/n-$n"
  write_data "$n" "$d"
  if [ "$n" -le "$VERIFY_MAX" ]; then
    write_data "$n" "$d-bad" --bad
    for tool in "${present[@]}"; do
      good=0 bad=0
      sh -c "$(command_of "$d" "$tool")" > /dev/null 2>&1 || good=$?
      sh -c "$(command_of "$d-bad" "$tool")" > /dev/null 2>&1 || bad=$?
      echo "<!-- $n entries, $tool: exit $good on the journal, $bad with its last assertion off -->" >> "$RESULTS"
      if [ "$good" != 0 ] || [ "$bad" = 0 ]; then
        echo "$tool does not check the same thing at $n entries: exit $good on the journal, $bad on the --bad one" >&2
        exit 1
      fi
    done
  fi
  rounds=$ROUNDS
  [ "$n" -ge 1000000 ] && rounds=$ROUNDS_1M
  running=("${present[@]}")
  for ((r = 0; r < rounds; r++)); do
    k=${#running[@]}
    still=()
    for ((i = 0; i < k; i++)); do
      tool=${running[$(((i + r) % k))]}
      echo "$n entries, round $((r + 1))/$rounds: $tool" >&2
      if run_once "$n" "$tool" "$((r + 1))" "$d"; then still+=("$tool"); fi
    done
    running=("${still[@]}")
    [ ${#running[@]} -gt 0 ] || break
  done
done
echo "<!-- load average $(cut -d' ' -f1-3 /proc/loadavg) at the end -->" >> "$RESULTS"
python3 "$SUMMARY" "$RUNS" "$TIMEOUT" | tee -a "$RESULTS"
echo >&2
echo "results: $RESULTS (every run: $RUNS)" >&2
