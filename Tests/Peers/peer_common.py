"""Helpers shared by the test peers: announce readiness, never outlive the test."""
import ctypes
import json
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1


def announce(**fields):
    """Print one JSON line on stdout (the test reads it to learn the port or paths)."""
    print(json.dumps(fields), flush=True)


def die_with_parent():
    """Make this process (and what it spawns) stoppable and bound to its parent.

    A test runner may start us with every signal blocked, which we and our children would
    inherit: unblock them so SIGTERM works. On Linux also ask for SIGKILL when the parent
    dies, so even a test process killed outright leaves nothing behind.
    """
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() == 1:
        os._exit(0)


def exit_when_stdin_closes(cleanup=None):
    """Exit the process as soon as stdin reaches end of file.

    The test keeps the write end of our stdin open while it runs; if it stops us, fails or
    crashes, the pipe closes and we leave no orphan behind.
    """
    die_with_parent()

    def watch():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except Exception:  # pylint: disable=broad-except
            pass
        if cleanup is not None:
            cleanup()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
