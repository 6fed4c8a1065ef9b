#!/usr/bin/env python3
"""Run a shell command once and print "wall user system peak_rss_kb exit" on one line.

usage: timed.py TIMEOUT COMMAND

Like /usr/bin/time -f '%e %U %S %M %x', but with the kernel's CPU times in microseconds instead
of hundredths of a second (a run of a 10k-entry file takes a few tens of milliseconds): the
times are those wait4 reports for /usr/bin/time, the shell under it and everything they waited
for. The peak resident set size is the one /usr/bin/time reports for the shell and what it ran
(wait4's own figure here would count this Python process, which the child is forked from). The
command's output goes to /dev/null. After TIMEOUT seconds the command's process
group is killed and the exit is 124, as with timeout(1).
"""
import os
import signal
import subprocess
import sys
import tempfile
import time


def main():
    limit = float(sys.argv[1])
    command = sys.argv[2]
    rss_file = tempfile.NamedTemporaryFile(mode="r", suffix=".rss")
    start = time.monotonic()
    child = subprocess.Popen(
        ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, "sh", "-c", command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    timed_out = []

    def stop(_signum, _frame):
        timed_out.append(True)
        os.killpg(child.pid, signal.SIGKILL)

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    _, status, usage = os.wait4(child.pid, 0)  # retried by Python when the alarm interrupts it
    signal.setitimer(signal.ITIMER_REAL, 0)
    code = 124 if timed_out else os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    lines = rss_file.read().split()
    rss = lines[-1] if lines and lines[-1].isdigit() else "0"
    print(f"{wall:.4f} {usage.ru_utime:.4f} {usage.ru_stime:.4f} {rss} {code}")


if __name__ == "__main__":
    main()
