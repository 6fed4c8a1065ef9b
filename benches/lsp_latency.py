#!/usr/bin/env python3
"""Time from a didChange to its publishDiagnostics, through a real `grip lsp` process.

    python3 benches/lsp_latency.py GRIP_BINARY PLAN_FILE [CHANGES] [--edit spread|tolerance] [--full]

Starts `GRIP_BINARY lsp`, opens PLAN_FILE, then sends CHANGES (default 100) didChange
notifications and for each one measures the wall time from sending it until the server's
publishDiagnostics for the document arrives. Each change is what an editor sends when a user
types one character: a range edit of one digit (incremental sync, which the server asks for).

    --edit spread      (default) change i edits a figure of a `saving` line spread over the
                       whole plan (a different measure each time; every other change puts the
                       digit back), so the edits fall in every part of the file
    --edit tolerance   every change edits the plan's `tolerance € 1` (1 and 2 in turn), which
                       every total comparison reads
    --full             send the whole text with every change instead of the range (as a client
                       that only knows full sync does)

Prints one line per change and a summary: min, median, p95 and max in ms (p95: the value 95 %
of the changes took at most, nearest rank). Everything goes over the process's stdin and
stdout: no network.
"""

import json
import math
import os
import re
import statistics
import subprocess
import sys
import time


def send(proc, message):
    body = json.dumps(message).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("grip lsp closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def wait_for(proc, predicate):
    while True:
        message = receive(proc)
        if predicate(message):
            return message


def position(text, offset):
    """The LSP position (line, UTF-16 column) of a character offset in text without CR."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    column = len(text[start:offset].encode("utf-16-le")) // 2
    return {"line": line, "character": column}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = sys.argv[1:]
    if len(args) < 2:
        raise SystemExit(__doc__)
    grip, path = args[0], os.path.abspath(args[1])
    changes = int(args[2]) if len(args) > 2 and args[2].isdigit() else 100
    full = "--full" in flags
    where = "spread"
    if "--edit" in flags:
        where = flags[flags.index("--edit") + 1]
        if where not in ("spread", "tolerance"):
            raise SystemExit("--edit is spread or tolerance")
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if "\r" in text:
        raise SystemExit(f"{path} has CR line ends; this script computes positions for LF only")
    uri = "file://" + path
    proc = subprocess.Popen([grip, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    init = wait_for(proc, lambda m: m.get("id") == 1)
    sync = init["result"]["capabilities"].get("textDocumentSync")
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def published(m):
        return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

    start = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}})
    first = wait_for(proc, published)
    open_ms = (time.perf_counter() - start) * 1000
    print(f"server's textDocumentSync: {sync}; sending {'whole texts' if full else 'range edits'}, "
          f"edits: {where}")
    print(f"didOpen → publishDiagnostics: {open_ms:.1f} ms ({len(first['params']['diagnostics'])} diagnostics)")

    # Where each change edits: the offset of one digit.
    if where == "tolerance":
        match = re.search(r"tolerance € (\d)", text)
        if not match:
            raise SystemExit(f"{path} has no `tolerance € N` line to edit")
        spots = [match.start(1)]
    else:
        spots = [m.start(1) for m in re.finditer(r"saving € (\d)", text)]
        if not spots:
            raise SystemExit(f"{path} has no `saving € N` line to edit")
    times = []
    for i in range(changes):
        if where == "tolerance":
            at = spots[0]
        else:
            # The same spot for a change and the one after it, which puts the digit back.
            at = spots[(i // 2 * 7919) % len(spots)]
        old = text[at]
        new = str((int(old) % 9) + 1) if i % 2 == 0 or where == "tolerance" else original_digit
        if i % 2 == 0:
            original_digit = old
        rng = {"start": position(text, at), "end": position(text, at + 1)}
        text = text[:at] + new + text[at + 1:]
        change = {"text": text} if full else {"range": rng, "text": new}
        start = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
        message = wait_for(proc, published)
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        print(f"didChange {i + 1:3} → publishDiagnostics: {ms:8.1f} ms "
              f"({len(message['params']['diagnostics'])} diagnostics)")
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)
    print(f"summary: {len(text.encode('utf-8'))} bytes, {changes} changes ({'full' if full else 'range'}, "
          f"{where}): min {min(times):.1f} ms, median {statistics.median(times):.1f} ms, "
          f"p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
