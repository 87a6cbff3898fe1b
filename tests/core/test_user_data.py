"""The sample article is copied to the user's data folder and opened from there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.annotations import AddAnnotation, AnnotationStore
from annotator.core.readers import read_article
from annotator.core.resources import sample_article_path
from annotator.core.user_data import UserDataError, user_data_folder, user_sample_article


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_the_data_folder_follows_xdg_data_home(data_home):
    assert user_data_folder() == data_home / "Annotator"


def test_the_sample_is_copied_on_first_use_and_its_sidecar_saved_beside_the_copy(data_home):
    packaged = sample_article_path()
    packaged_folder = sorted(os.listdir(packaged.parent))
    copy = user_sample_article()
    assert copy == data_home / "Annotator" / "sample_article.txt"
    assert copy.read_bytes() == packaged.read_bytes()
    store = AnnotationStore.open(read_article(copy))
    store.annotations.apply(AddAnnotation.new(store.annotations, 0, 5, "Claim"))
    store.save()
    assert store.path.parent == copy.parent
    assert sorted(os.listdir(packaged.parent)) == packaged_folder  # nothing written into the package


def test_an_existing_copy_is_never_replaced(data_home):
    copy = user_sample_article()
    copy.write_text("My own edited sample.\n", encoding="utf-8")
    assert user_sample_article() == copy
    assert copy.read_text(encoding="utf-8") == "My own edited sample.\n"


def test_a_link_at_the_copy_is_refused(data_home, tmp_path):
    (data_home / "Annotator").mkdir(parents=True)
    (data_home / "Annotator" / "sample_article.txt").symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(UserDataError, match="is a symbolic link"):
        user_sample_article()
    assert not (tmp_path / "elsewhere.txt").exists()


def test_a_data_folder_that_cannot_be_made_is_said(data_home):
    data_home.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(UserDataError, match=f"could not create the folder {data_home / 'Annotator'}"):
        user_sample_article()


def test_the_command_line_and_core_agree_on_the_sample(data_home):
    """What ``annotator`` with no article opens (``app.sample_or_none``), in a process of its own."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    done = subprocess.run(
        [sys.executable, "-c", "from annotator.app import sample_or_none; print(sample_or_none())"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(data_home / "Annotator" / "sample_article.txt")
    assert user_sample_article() == data_home / "Annotator" / "sample_article.txt"


def test_exports_of_the_sample_name_the_copy_as_their_source(data_home):
    """Markdown and HTML reports say where the article is: the copy, not the package."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    copy = user_sample_article()
    for format_name in ("markdown", "html"):
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "export", str(copy), "--format", format_name],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert copy.as_uri() in done.stdout
        assert sample_article_path().as_uri() not in done.stdout
