#!/usr/bin/env python3
"""A null-modem cable: two linked pseudo-terminals made by socat.

  pty_pair.py DIR      creates DIR/a and DIR/b, prints {"a": ..., "b": ...}

socat is stopped when stdin closes, on SIGTERM, or when we die (parent-death signal);
if socat dies, we exit too.
"""
import os
import signal
import subprocess
import sys
import time

from peer_common import announce, die_with_parent, exit_when_stdin_closes


def main():
    directory = sys.argv[1]
    a, b = os.path.join(directory, "a"), os.path.join(directory, "b")
    die_with_parent()
    socat = subprocess.Popen(
        ["socat", "-d", "-d", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=sys.stderr,
        preexec_fn=die_with_parent)

    def cleanup():
        if socat.poll() is None:
            socat.terminate()
            try:
                socat.wait(2)
            except subprocess.TimeoutExpired:
                socat.kill()

    def on_signal(_signum, _frame):
        cleanup()
        os._exit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    exit_when_stdin_closes(cleanup)
    deadline = time.monotonic() + 5
    while not (os.path.exists(a) and os.path.exists(b)):
        if socat.poll() is not None or time.monotonic() > deadline:
            cleanup()
            sys.exit("socat did not create the pty pair")
        time.sleep(0.02)
    announce(a=a, b=b)
    socat.wait()
    os._exit(1)


if __name__ == "__main__":
    main()
