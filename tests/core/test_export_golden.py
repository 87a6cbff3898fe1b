"""Every export format against reviewed reference files for the fixture article.

Set ``ANNOTATOR_REGENERATE_GOLDEN=1`` to rewrite the files after an intended change (then
review the diff); without it the test compares and fails on any difference.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.export import FORMATS, export_brat
from tests.core.export_fixture import LABELS, make_annotations, make_article, make_extraction

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("ANNOTATOR_REGENERATE_GOLDEN") == "1"


def check_golden(name: str, produced: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(produced, encoding="utf-8", newline="")
    expected = path.read_bytes().decode("utf-8")
    assert produced == expected, f"{name} differs from the golden file"


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_format_matches_golden(format_name):
    exporter = FORMATS[format_name]
    produced = exporter.render(make_article(), make_annotations(), LABELS, None)
    check_golden(f"cafe_storm{exporter.suffix}", produced)


@pytest.mark.parametrize("format_name", ["brat", "csv", "markdown", "html"])
def test_format_with_extraction_matches_golden(format_name):
    exporter = FORMATS[format_name]
    produced = exporter.render(make_article(), make_annotations(), LABELS, make_extraction())
    check_golden(f"cafe_storm.extracted{exporter.suffix}", produced)


def test_brat_configuration_files_match_golden():
    export = export_brat(make_article(), make_annotations(), LABELS, make_extraction())
    check_golden("annotation.conf", export.annotation_conf)
    check_golden("visual.conf", export.visual_conf)
    assert export.txt == make_article().text
