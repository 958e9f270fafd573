"""Run a measurement in a fresh Python process and read its JSON answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(*args: str, timeout: float = 7200) -> dict:
    """``python -m bench._child *args`` in a fresh process; its JSON result."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench._child", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench child {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
