"""``annotator config --name`` sets who annotates; ``annotate`` and ``export`` use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.core.annotations_support import STORY


def _annotator(*argv: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], cwd=cwd, env=dict(os.environ), capture_output=True, text=True, timeout=60
    )


def test_the_name_set_once_is_stored_on_annotations_and_names_the_reviewer(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert _annotator("config", "--name", "Ada Lovelace", cwd=tmp_path).returncode == 0
    shown = _annotator("config", cwd=tmp_path)
    assert "name: Ada Lovelace (set by you)" in shown.stdout
    added = _annotator("annotate", str(story), "--quote", "two replacement boats", "--label", "Claim", "--verdict", "false", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    saved = json.loads((tmp_path / "story.txt.annotations.json").read_text(encoding="utf-8"))
    assert saved["annotations"][0]["author"] == "Ada Lovelace"
    review = _annotator("export", str(story), "--format", "claimreview", cwd=tmp_path)
    assert json.loads(review.stdout)[0]["author"]["name"] == "Ada Lovelace"
    w3c = _annotator("export", str(story), "--format", "w3c", cwd=tmp_path)
    assert "Ada Lovelace" in w3c.stdout
    assert "Annotator user" not in review.stdout + w3c.stdout


def test_an_explicit_author_wins_and_a_bad_name_is_refused(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    refused = _annotator("config", "--name", "bad\x1bname", cwd=tmp_path)
    assert refused.returncode == 1 and "control characters" in refused.stderr
    _annotator("annotate", str(story), "--quote", "two replacement boats", "--label", "Claim", "--author", "Desk 3", cwd=tmp_path)
    saved = json.loads((tmp_path / "story.txt.annotations.json").read_text(encoding="utf-8"))
    assert saved["annotations"][0]["author"] == "Desk 3"
