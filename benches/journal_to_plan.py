#!/usr/bin/env python3
"""Write the content of a beancount journal as a minimal grip plan.

usage: journal_to_plan.py IN.beancount OUT.plan

Reads the journals that ../shared/bench/journals.py writes (the independent generator the
comparison uses for the other tools) and writes the same entries, amounts and balance checks in
grip's language, so that `grip check` and the journal checkers read the same content:

- every transaction becomes one measure: its payee and narration the title, the expense account
  its `owner`, the expense posting its `saving` and the asset posting (the same amount, booked
  against the asset account) its `cost`, both in the transaction's year. A transaction's two
  amounts are two amounts in grip too.
- the asset account of a transaction is the group the measure stands in (`group Assets_Bank0`).
- a `balance` directive says what an account holds at the start of a day. grip has no running
  balance; what it has is a declared total of a group, which it recomputes from the group's
  measures. So the transactions of an account between two of its balance directives become a
  sub-group of the account's group, and the directive becomes that sub-group's declared total:
  the change of the balance since the previous directive (the first one: since the opening),
  as the savings of those transactions (`total saving YEAR: € x`, with a figure for each year
  when the stretch crosses a new year). Given that the previous balance held, the directive
  holds exactly when that total does, so a wrong directive is a wrong total: one directive, one
  declared total line.
- the plan's period runs from the first to the last year of the journal.

Only the subset of beancount that journals.py writes is read (`open`, `option`, transactions of
postings with explicit amounts in one currency, `balance`); anything else stops the conversion
with a message, rather than writing a plan that says something else.
"""
import re
import sys
from decimal import Decimal

TXN = re.compile(r'^(\d{4})-\d\d-\d\d \* "([^"]*)" "([^"]*)"\s*$')
POSTING = re.compile(r"^\s+([A-Za-z][\w:-]*)\s+(-?\d+(?:\.\d+)?) ([A-Z]+)\s*$")
BALANCE = re.compile(r"^(\d{4}-\d\d-\d\d) balance ([\w:-]+)\s+(-?\d+(?:\.\d+)?) ([A-Z]+)\s*$")
SKIP = re.compile(r"^(\d{4}-\d\d-\d\d open |option |;|\s*$)")


def euro(amount):
    """An amount in Dutch notation: € 1.234,56 (grip keeps the decimals as printed)."""
    sign = "-" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"€ {sign}{'.'.join(groups)},{frac}"


def ident(account):
    return account.replace(":", "_").replace("-", "_")


class Account:
    def __init__(self, name):
        self.name = name
        self.open = []  # since the last balance directive: (year, saving, (number, title, expense, cost))
        self.stretches = []  # (measures, {year: total}, date of the directive)
        self.booked = Decimal(0)  # the sum of this account's postings so far
        self.asserted = Decimal(0)  # the last asserted balance


def write_measure(out, pad, year, saving, number, title, expense, cost):
    out.write(
        f'{pad}measure t{number} "{title}" {{\n'
        f'{pad}  owner "{expense}"\n'
        f"{pad}  saving {euro(saving)} in {year}\n"
        f"{pad}  cost {euro(cost)} in {year}\n"
        f"{pad}}}\n"
    )


def convert(src, out):
    accounts = {}
    years = []
    txn = None  # (year, title, postings)
    count = 0

    def finish():
        nonlocal txn, count
        if txn is None:
            return
        year, title, postings = txn
        txn = None
        if len(postings) != 2:
            sys.exit(f"a transaction with {len(postings)} postings: only two are converted ({title})")
        expense = [p for p in postings if not p[0].startswith("Assets:")]
        asset = [p for p in postings if p[0].startswith("Assets:")]
        if len(expense) != 1 or len(asset) != 1:
            sys.exit(f"a transaction without one asset and one other posting: {title}")
        (exp_account, exp_amount), (asset_account, asset_amount) = expense[0], asset[0]
        acc = accounts.setdefault(asset_account, Account(asset_account))
        acc.booked += asset_amount
        count += 1
        acc.open.append((year, exp_amount, (count, title, exp_account, -asset_amount)))
        years.append(year)

    for number, line in enumerate(src, 1):
        if line.startswith("  ") and txn is not None and line.strip():
            m = POSTING.match(line)
            if not m:
                sys.exit(f"line {number}: not a posting this converter reads: {line.rstrip()}")
            if m.group(3) != "EUR":
                sys.exit(f"line {number}: only EUR is converted")
            txn[2].append((m.group(1), Decimal(m.group(2))))
            continue
        finish()
        m = TXN.match(line)
        if m:
            txn = (int(m.group(1)), f"{m.group(2)} | {m.group(3)}", [])
            continue
        m = BALANCE.match(line)
        if m:
            acc = accounts.setdefault(m.group(2), Account(m.group(2)))
            balance = Decimal(m.group(3))
            # What the account's transactions since the last directive must add up to.
            change = acc.asserted - balance  # the asset postings are the savings negated
            acc.asserted = balance
            per_year = {}
            for year, amount, _ in acc.open:
                per_year[year] = per_year.get(year, Decimal(0)) + amount
            declared = dict(per_year)
            if not declared:
                sys.exit(f"line {number}: a balance directive with no transaction before it")
            # The directive fixes the sum over the whole stretch; the per-year split is the
            # transactions' own, so all of the directive's difference from them goes into the
            # last year, where a wrong directive shows as a wrong total.
            last = max(declared)
            declared[last] += change - sum(per_year.values())
            acc.stretches.append((acc.open, declared, m.group(1)))
            acc.open = []
            continue
        if not SKIP.match(line):
            sys.exit(f"line {number}: not something this converter reads: {line.rstrip()}")
    finish()
    if not years:
        sys.exit("no transactions")

    out.write(f'plan "Journal of {count} transactions" {{\n  period {min(years)}..{max(years)}\n}}\n')
    for name in sorted(accounts):
        acc = accounts[name]
        out.write(f'\ngroup {ident(name)} "{name}" {{\n')
        for k, (measures, declared, date) in enumerate(acc.stretches, 1):
            out.write(f'  group {ident(name)}.b{k} "{name} up to {date}" {{\n')
            for year, amount, rest in measures:
                write_measure(out, "    ", year, amount, *rest)
            pairs = ", ".join(f"{y}: {euro(t)}" for y, t in sorted(declared.items()))
            out.write(f"    total saving {pairs}\n")
            out.write("  }\n")
        for year, amount, rest in acc.open:
            write_measure(out, "  ", year, amount, *rest)
        out.write("}\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
        convert(src, out)


if __name__ == "__main__":
    main()
