"""Child processes that die with their parent (query workers, extraction workers).

A SIGKILL of ``kg build`` or of the app's process gives its children no chance to be told; so each
child asks Linux, first thing, for SIGKILL when its parent goes (``prctl(PR_SET_PDEATHSIG)``), and exits
at once if the parent is already gone. The signal follows the parent *thread* that started the child,
so children must be started from a thread that lives as long as the process (the main thread, or a
dedicated long-lived one).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a child process: be killed when ``parent`` (its parent's pid) dies; exit now if it already has."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
