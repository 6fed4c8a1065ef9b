#!/usr/bin/env python3
"""Variants of a beancount file, to find what makes a checker slow on it.

usage: journal_variants.py IN.beancount OUT.beancount [--balance-every K] [--expense-accounts A]

--balance-every K   keep one `balance` directive in K (0: drop them all). The ones kept still hold:
                    a balance directive states the account's whole balance, not a change.
--expense-accounts A  book the expense posting of the i-th transaction on one of A accounts
                    (Expenses:E0 .. Expenses:E{A-1}, opened at the date of the first `open`)
                    instead of the account it names. Only for the files of journals.py, whose
                    balance directives are on the asset accounts, so they still hold.

Used in docs/performance.md ("Why rustledger slows down on grip's own journals"): on grip's own
journals (examples/gen.rs --format beancount) and on those of ../shared/bench/journals.py.
"""
import argparse
import re

POSTING = re.compile(r"^(\s+)(Expenses:[\w:-]+)(\s+.*)$")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("src")
    p.add_argument("out")
    p.add_argument("--balance-every", type=int, default=1)
    p.add_argument("--expense-accounts", type=int, default=0)
    a = p.parse_args()
    balances = 0
    txn = -1
    opened = False
    with open(a.src, encoding="utf-8") as src, open(a.out, "w", encoding="utf-8") as out:
        for line in src:
            if " balance " in line and line[:4].isdigit():
                keep = a.balance_every > 0 and balances % a.balance_every == a.balance_every - 1
                balances += 1
                if not keep:
                    continue
            if a.expense_accounts:
                if " open " in line and line[:4].isdigit():
                    if not opened:
                        date = line.split()[0]
                        for k in range(a.expense_accounts):
                            out.write(f"{date} open Expenses:E{k} EUR\n")
                        opened = True
                    if " open Expenses:" in line:
                        continue
                if " * " in line and line[:4].isdigit():
                    txn += 1
                m = POSTING.match(line)
                if m:
                    line = f"{m.group(1)}Expenses:E{txn % a.expense_accounts}{m.group(3)}\n"
            out.write(line)


if __name__ == "__main__":
    main()
