#!/usr/bin/env python3
"""Time from a didChange to its publishDiagnostics, through a real `grip lsp` process.

    python3 benches/lsp_latency.py GRIP_BINARY PLAN_FILE [CHANGES]

Starts `GRIP_BINARY lsp`, opens PLAN_FILE, then sends CHANGES (default 20) didChange
notifications with the whole text (the server asks for full sync), each with one figure
changed, and for each one measures the wall time until the server's publishDiagnostics for the
document arrives. Prints one line per change and a summary (min, median, max, in ms).
Everything goes over the process's stdin and stdout: no network.
"""

import json
import os
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


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    grip, path = sys.argv[1], os.path.abspath(sys.argv[2])
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    with open(path, encoding="utf-8") as f:
        text = f.read()
    uri = "file://" + path
    proc = subprocess.Popen([grip, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def published(m):
        return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

    start = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}})
    first = wait_for(proc, published)
    open_ms = (time.perf_counter() - start) * 1000
    print(f"didOpen → publishDiagnostics: {open_ms:.1f} ms ({len(first['params']['diagnostics'])} diagnostics)")

    # Each change edits the plan's tolerance, which every total comparison reads: a real edit
    # of the same size every time, so the server redoes all its work.
    anchor = "tolerance € 1"
    if anchor not in text:
        raise SystemExit(f"{path} has no `{anchor}` line to edit")
    times = []
    for i in range(changes):
        edited = text.replace(anchor, f"tolerance € {1 + (i % 2)}", 1)
        start = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": i + 2},
                               "contentChanges": [{"text": edited}]}})
        message = wait_for(proc, published)
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        print(f"didChange {i + 1:3} → publishDiagnostics: {ms:8.1f} ms "
              f"({len(message['params']['diagnostics'])} diagnostics)")
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)
    print(f"summary: {len(text)} bytes, {changes} changes: min {min(times):.1f} ms, "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
