#!/usr/bin/env python3
"""Summarise the paired runs of benches/compare.sh as a Markdown table.

usage: paired_summary.py RUNS.tsv [TIMEOUT]

RUNS.tsv has one line per run: size, tool, round, wall, user, sys, rss_kb, exit, input. For each
size and tool: the median CPU time (user + system) and wall time over the rounds, per entry,
per byte (MB/s of CPU time) and per amount, the median peak RSS, and the paired ratio: the
median over the rounds of the tool's CPU time divided by grip's CPU time in the same round
(above 1: grip used less CPU). A tool's amounts are counted in its own input: `€` in a plan,
` EUR` at the end of a posting or balance line of a beancount file (not `open` lines), `EUR ` in
a ledger journal.
"""
import csv
import statistics
import sys
from collections import defaultdict

ORDER = ["grip", "rledger", "ledger", "hledger", "bean-check"]
LABEL = {
    "grip": "grip check",
    "rledger": "rledger check -C",
    "ledger": "ledger bal",
    "hledger": "hledger check",
    "bean-check": "bean-check",
}


def amounts(path, cache={}):
    if path not in cache:
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".plan"):
            cache[path] = (len(data), data.count("€".encode()))
        elif path.endswith(".beancount"):
            cache[path] = (len(data), data.count(b" EUR\n") - data.count(b" open "))
        else:
            cache[path] = (len(data), data.count(b"EUR "))
    return cache[path]


def fmt_s(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    runs_path = sys.argv[1]
    timeout = sys.argv[2] if len(sys.argv) > 2 else "?"
    runs = defaultdict(list)  # (size, tool) -> rows
    with open(runs_path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            runs[(int(row["size"]), row["tool"])].append(row)
    print()
    print("| entries | tool | input | amounts | rounds | CPU (median) | wall (median) | µs CPU per entry "
          "| MB/s of CPU | ns CPU per amount | peak RSS | CPU of tool / CPU of grip (paired) | exit |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sorted({s for s, _ in runs}):
        grip_cpu = {r["round"]: float(r["user"]) + float(r["sys"]) for r in runs.get((size, "grip"), [])}
        for tool in sorted({t for s, t in runs if s == size}, key=lambda t: ORDER.index(t) if t in ORDER else 99):
            rows = runs[(size, tool)]
            size_b, count = amounts(rows[0]["input"])
            done = [r for r in rows if r["exit"] != "124"]
            exits = ",".join(sorted({r["exit"] for r in rows}))
            if not done:
                print(f"| {size:,} | {LABEL.get(tool, tool)} | {size_b / 1e6:.1f} MB | {count:,} | 0 "
                      f"| > {timeout} s (stopped) | | | | | | | {exits} |")
                continue
            cpu = statistics.median(float(r["user"]) + float(r["sys"]) for r in done)
            wall = statistics.median(float(r["wall"]) for r in done)
            rss = statistics.median(int(r["rss_kb"]) for r in done) / 1024
            ratios = [
                (float(r["user"]) + float(r["sys"])) / grip_cpu[r["round"]]
                for r in done
                if grip_cpu.get(r["round"])
            ]
            ratio = f"{statistics.median(ratios):.2f}" if ratios and tool != "grip" else ""
            cpu_or_tick = max(cpu, 1e-4)
            print(
                f"| {size:,} | {LABEL.get(tool, tool)} | {size_b / 1e6:.1f} MB | {count:,} | {len(done)} "
                f"| {fmt_s(cpu)} | {fmt_s(wall)} | {cpu_or_tick * 1e6 / size:.2f} "
                f"| {size_b / 1e6 / cpu_or_tick:.1f} | {cpu_or_tick * 1e9 / max(count, 1):.0f} "
                f"| {rss:,.0f} MB | {ratio} | {exits} |"
            )


if __name__ == "__main__":
    main()
