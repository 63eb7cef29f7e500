"""Stand-in readers run inside extraction workers, to simulate hangs and crashes.

They must be importable top-level functions (workers unpickle them by name). Each behaves like
``extract_file`` except on files whose name says otherwise.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from rnq.extract import Extraction, ExtractLimits, extract_file


def misbehave(path: Path, limits: ExtractLimits) -> Extraction:
    """``slow*`` sleeps in Python, ``stuck*`` hangs deaf to signals (as native code would),
    ``crash*`` kills its process every time, ``flaky*`` only the first time, ``hog*``
    allocates past the worker's memory cap."""
    name = path.name
    if name.startswith("slow"):
        time.sleep(60)
    elif name.startswith("stuck"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    elif name.startswith("crash"):
        os._exit(70)
    elif name.startswith("flaky"):
        marker = path.with_name(name + ".crashed")  # outside the workspace in the tests
        if not marker.exists():
            marker.write_text("crashed once", encoding="utf-8")
            os._exit(70)
    elif name.startswith("hog"):
        _ = bytearray(4 << 30)
    return extract_file(path, limits)


def unreadable(path: Path, limits: ExtractLimits) -> Extraction:
    """Every file fails to read: a worker that answers from the cache never calls it."""
    return Extraction.error("fichier illisible", "unreadable file")
