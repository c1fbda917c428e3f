"""patterns/ is data at the top of the repository but must ship inside the wheel, all of it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tracked_patterns() -> set[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the packaging check needs a git checkout to know the tracked files")
    out = subprocess.run(
        ["git", "ls-files", "patterns"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {line.removeprefix("patterns/") for line in out.stdout.splitlines() if line}


def test_wheel_ships_every_tracked_pattern_file(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    builder = WheelBuilder(str(ROOT))
    wheel = Path(next(builder.build(directory=str(tmp_path), versions=["standard"])))
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name.removeprefix("rulings/patterns/")
            for name in archive.namelist()
            if name.startswith("rulings/patterns/")
        }
        assert "rulings/store/schema/0001_initial.sql" in archive.namelist()
        assert "rulings/py.typed" in archive.namelist()
    tracked = tracked_patterns()
    assert tracked, "no pattern files tracked"
    assert tracked <= shipped, f"missing from the wheel: {sorted(tracked - shipped)}"
