"""What several oracle scripts share: floats rounded where NetworkX's last digits wander, and
writing the files an oracle computes or checking them against the committed ones."""

from __future__ import annotations

import sys
from pathlib import Path


def rounded(value):
    """Floats to 12 significant digits: NetworkX sums over sets, whose order (and so the last
    digits) can change from run to run."""
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def write_or_check(label: str, here: Path, outputs: dict[str, str], check: bool) -> int:
    """With `check`, exit status 1 when a file of `outputs` (paths below `here`) differs from
    the committed one; else writes them."""
    if check:
        stale = [name for name, text in outputs.items()
                 if not (here / name).exists() or (here / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"{label} oracle: {', '.join(stale)} differ from what it computes now",
                  file=sys.stderr)
            return 1
        print(f"{label} oracle: up to date")
        return 0
    for name, text in outputs.items():
        (here / name).parent.mkdir(parents=True, exist_ok=True)
        (here / name).write_text(text, encoding="utf-8")
    print(f"wrote {here.name}/ (workspace and expected.json)")
    return 0
