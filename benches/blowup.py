#!/usr/bin/env python3
"""The inputs that once made grip super-linear, each at two sizes: the time of the larger over
the smaller shows whether a stage grows linearly (a ratio near the size ratio) or worse.

    cargo build --release && python3 benches/blowup.py [--grip target/release/grip]

Prints one line per input: the sizes, the seconds (the best of three runs), and the ratio of the
times for a size ratio of 4. Nothing here depends on the network; inputs are written to a
temporary folder.
"""
import argparse
import os
import subprocess
import tempfile
import time

HEADER = 'plan "Blow-up" {\n  period 2021..2024\n}\n'


def chained_totals(n):
    rows = ['  row r0 "r0" : 1']
    rows += [f'  total r{k} "r{k}" = r{k - 1} : 1' for k in range(1, n)]
    return HEADER + 'table T "t" {\n  columns 2021\n' + "\n".join(rows) + "\n}\n"


def unknown_related(n):
    return HEADER + "".join(f'measure M{i} "m" {{\n  saving € 1\n  related X{i}\n}}\n' for i in range(n))


def long_formula(n):
    rows = [f'  row r{i} "r{i}" : 1' for i in range(n)]
    terms = " + ".join(f"r{i}" for i in range(n))
    return HEADER + 'table T "t" {\n  columns 2021\n' + "\n".join(rows) + f'\n  total t "t" = {terms} : {n}\n}}\n'


def duplicate_ids(n):
    return HEADER + "".join(f'measure A "m" {{\n  saving € 1\n}}\n' for _ in range(n))


def one_long_line(n):
    facts = " ".join(f"saving € 1 in {2021 + (i % 4)}" for i in range(n))
    return HEADER + f'measure A "a" {{ {facts} }}\n'


def changed_lines(n):
    return HEADER + "".join(f'measure M{i} "m" {{\nsaving € 1000 from 2022\n}}\n' for i in range(n))


def pasted_rows(n):
    return "Omschrijving\t2024\t2025\t2026\n" + "".join(f"Regel {i}\t{i}\t-\t1\n" for i in range(n))


def pasted_rows_alike(n):
    return "Omschrijving\t2024\t2025\t2026\n" + "".join(f"Huur\t{i}\t-\t1\n" for i in range(n))


CASES = [
    # (name, generator, small size, command[, file name])
    ("chained total rows", chained_totals, 1000, ["check", "--format", "short"]),
    ("unknown related names", unknown_related, 5000, ["check", "--format", "short"]),
    ("one formula of many terms", long_formula, 10000, ["check", "--format", "short"]),
    ("duplicate ids, human output", duplicate_ids, 5000, ["check", "--color", "never"]),
    ("a line of many facts", one_long_line, 50000, ["check", "--format", "short"]),
    ("HTML report of many problems", duplicate_ids, 5000, ["report", "--html", "{out}", "--allow-errors"]),
    ("fmt --check of many changed lines", changed_lines, 10000, ["fmt", "--check"]),
    ("import: pasted rows, no totals", pasted_rows, 5000, ["import"], "table.tsv"),
    ("import: pasted rows labelled alike", pasted_rows_alike, 5000, ["import"], "table.tsv"),
]


def run(grip, command, path, work):
    args = [a.replace("{out}", os.path.join(work, "out.html")) for a in command]
    args = [grip, args[0], path] + args[1:] if args[0] != "fmt" else [grip] + args + [path]
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--grip", default="target/release/grip")
    opts = parser.parse_args()
    print(f"{'input':36} {'n':>8} {'4n':>8} {'t(n) s':>8} {'t(4n) s':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as work:
        for name, generate, n, command, *file_name in CASES:
            times = []
            for size in (n, 4 * n):
                path = os.path.join(work, file_name[0] if file_name else "plan.plan")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(generate(size))
                times.append(run(opts.grip, command, path, work))
            print(f"{name:36} {n:>8} {4 * n:>8} {times[0]:>8.3f} {times[1]:>8.3f} {times[1] / times[0]:>6.1f}")


if __name__ == "__main__":
    main()
