"""The sample article ships inside the package and is found through importlib.resources."""

from __future__ import annotations

import pytest

from annotator.core import resources


def test_sample_article_path_points_at_the_packaged_file():
    path = resources.sample_article_path()
    assert path.is_file()
    assert path.read_bytes() == resources.resource("sample_article.txt").read_bytes()
    words = len(path.read_text(encoding="utf-8").split())
    assert 600 <= words <= 900


def test_missing_resource_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="missing from the installed package"):
        resources.resource_path("no_such_file.txt")
