"""The file set of an export and the rules for writing it, without the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.export.files import ExportError, brat_paths, export_files, write_files
from tests.core.export_fixture import LABELS, make_annotations, make_article


def test_brat_names_follow_the_output_whatever_suffix_was_given(tmp_path):
    for given in ("story", "story.ann", "story.txt"):
        assert brat_paths(tmp_path / given) == (tmp_path / "story.ann", tmp_path / "story.txt")
    assert brat_paths(tmp_path / "story.v2") == (tmp_path / "story.v2.ann", tmp_path / "story.v2.txt")


def test_pdf_needs_a_renderer_and_uses_the_html_page(tmp_path):
    article = make_article(tmp_path / "a.txt")
    with pytest.raises(ExportError, match="needs Qt"):
        export_files("pdf", tmp_path / "a.pdf", article, make_annotations(), LABELS)
    seen: list[tuple[str, str]] = []
    export = export_files(
        "pdf", tmp_path / "a.pdf", article, make_annotations(), LABELS, pdf_renderer=lambda h, t: seen.append((h, t)) or b"%PDF-"
    )
    assert export.files == {tmp_path / "a.pdf": b"%PDF-"}
    assert seen[0][1] == article.title and "<mark" in seen[0][0]


def test_nothing_is_written_when_one_target_is_refused(tmp_path):
    article = make_article(tmp_path / "a.txt")
    export = export_files("brat", tmp_path / "out", article, make_annotations(), LABELS)
    (tmp_path / "out.txt").write_text("someone else's", encoding="utf-8")
    with pytest.raises(ExportError, match="out.txt already exists"):
        write_files(export.files, article)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    write_files(export.files, article, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotation.conf", "out.ann", "out.txt", "visual.conf"]


def test_missing_folder_is_a_clear_error(tmp_path):
    article = make_article(tmp_path / "a.txt")
    export = export_files("csv", tmp_path / "nowhere" / "a.csv", article, make_annotations(), LABELS)
    with pytest.raises(ExportError, match="does not exist"):
        write_files(export.files, article)
    assert Path(tmp_path / "nowhere").exists() is False


@pytest.mark.parametrize("format_name", ["w3c", "csv", "markdown", "claimreview", "html", "brat"])
def test_a_lone_surrogate_in_a_note_is_exported_as_a_replacement_character(tmp_path, format_name):
    article = make_article(tmp_path / "a.txt")
    first, *rest = make_annotations()
    broken = first.evolve(note="half an emoji: \ud83d")
    export = export_files(format_name, tmp_path / f"a.{format_name}", article, [broken, *rest], LABELS)
    written = b"".join(export.files.values()).decode("utf-8")
    assert "\ufffd" in written or "\\ufffd" in written or format_name == "claimreview"
