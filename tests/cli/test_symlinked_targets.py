"""A sidecar or export target that is a symbolic link is refused, never written through.

Each link is real and points outside the article's folder; the commands run as a user
runs them (``python3 -m annotator`` in a process of its own), and the test then looks at
what is on disk: nothing may appear or change where the link points.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.annotations.sidecar import sidecar_path_for
from tests.cli.annotated_story import write_annotated_story

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def annotator(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The article's folder and a folder elsewhere that links point into."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    return home, elsewhere


def test_annotate_refuses_a_dangling_link_at_the_sidecar_path(folders):
    home, elsewhere = folders
    story = home / "story.txt"
    story.write_text("Title\n\nThe harbour wall was never finished.\n", encoding="utf-8")
    sidecar = sidecar_path_for(story)
    sidecar.symlink_to(elsewhere / "planted.json")
    done = annotator("annotate", str(story), "--quote", "harbour wall", "--label", "Claim")
    assert done.returncode == 1 and done.stdout == ""
    assert f"{sidecar} is a symbolic link" in done.stderr and "does not write through links" in done.stderr
    assert os.listdir(elsewhere) == [] and sidecar.is_symlink()
    assert sorted(os.listdir(home)) == ["story.txt", "story.txt.annotations.json"]  # no lock, no temporary


def test_annotate_refuses_a_sidecar_linked_to_a_real_sidecar_elsewhere(folders):
    home, elsewhere = folders
    shared = write_annotated_story(elsewhere)
    before = sidecar_path_for(shared).read_bytes()
    story = home / "story.txt"
    story.write_bytes(shared.read_bytes())
    sidecar_path_for(story).symlink_to(sidecar_path_for(shared))
    done = annotator("annotate", str(story), "--start", "0", "--end", "4", "--label", "Claim")
    assert done.returncode == 1 and "is a symbolic link" in done.stderr
    assert sidecar_path_for(shared).read_bytes() == before and sidecar_path_for(story).is_symlink()


@pytest.mark.parametrize("force", [False, True])
def test_export_refuses_a_dangling_link_as_its_output(folders, force):
    home, elsewhere = folders
    story = write_annotated_story(home)
    output = home / "report.md"
    output.symlink_to(elsewhere / "report.md")
    done = annotator("export", str(story), "--format", "markdown", "-o", str(output), *(["--force"] if force else []))
    assert done.returncode == 1
    assert f"{output} is a symbolic link (to {elsewhere / 'report.md'}, which does not exist)" in done.stderr
    assert os.listdir(elsewhere) == [] and output.is_symlink()


def test_export_with_force_does_not_replace_a_link_to_an_existing_file(folders):
    home, elsewhere = folders
    story = write_annotated_story(home)
    victim = elsewhere / "notes.csv"
    victim.write_text("someone's notes", encoding="utf-8")
    (home / "out.csv").symlink_to(victim)
    done = annotator("export", str(story), "--format", "csv", "-o", str(home / "out.csv"), "--force")
    assert done.returncode == 1 and "is a symbolic link" in done.stderr
    assert victim.read_text(encoding="utf-8") == "someone's notes" and (home / "out.csv").is_symlink()


def test_brat_export_leaves_dangling_configuration_links_alone(folders):
    home, elsewhere = folders
    story = write_annotated_story(home)
    out = home / "brat"
    out.mkdir()
    for name in ("annotation.conf", "visual.conf"):
        (out / name).symlink_to(elsewhere / name)
    done = annotator("export", str(story), "--format", "brat", "-o", str(out / "story"))
    assert done.returncode == 0, done.stderr
    assert (out / "story.ann").is_file() and (out / "story.txt").is_file()
    assert os.listdir(elsewhere) == []
    for name in ("annotation.conf", "visual.conf"):
        assert (out / name).is_symlink()
        assert f"did not write {out / name}: it is a symbolic link" in done.stderr


def test_a_link_planted_at_the_lock_file_is_not_followed(folders):
    home, elsewhere = folders
    story = home / "story.txt"
    story.write_text("Title\n\nThe harbour wall was never finished.\n", encoding="utf-8")
    lock = home / "story.txt.annotations.json.lock"
    lock.symlink_to(elsewhere / "created-by-the-link")
    done = annotator("annotate", str(story), "--quote", "harbour wall", "--label", "Claim")
    assert done.returncode == 1 and f"{lock} is a symbolic link" in done.stderr
    assert os.listdir(elsewhere) == [] and not sidecar_path_for(story).exists()
