"""Every command answers a path it cannot read the same way, exit 1, and writes nothing on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _annotator(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("missing.txt",),
        ("open", "missing.txt"),
        ("extract", "missing.txt"),
        ("extract", "--format", "jsonl", "missing.txt"),
        ("extract", "--format", "text", "missing.txt"),
        ("annotations", "missing.txt"),
        ("export", "missing.txt", "--format", "csv"),
        ("annotate", "missing.txt", "--quote", "x", "--label", "Claim"),
    ],
)
def test_a_missing_file_is_file_not_found_with_exit_1_and_empty_stdout(tmp_path, argv):
    result = _annotator(*argv, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "missing.txt: file not found" in result.stderr
    assert "invalid choice" not in result.stderr


def test_a_folder_given_to_the_window_is_refused_before_qt_starts(tmp_path):
    (tmp_path / "notes").mkdir()
    result = _annotator("notes", cwd=tmp_path)
    assert result.returncode == 1
    assert "notes: this is a folder, not an article file" in result.stderr


def test_an_unknown_option_is_still_a_usage_error(tmp_path):
    result = _annotator("--no-such-option", cwd=tmp_path)
    assert result.returncode == 2
