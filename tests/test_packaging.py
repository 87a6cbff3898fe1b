"""The top-level resources/ ship inside the wheel and are found from a checkout (editable install)."""

from __future__ import annotations

import configparser
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from annotator.core import resources

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [
    "sample_article.txt",
    "sidecar.schema.json",
    "lexicon/README.md",
    "lexicon/speech_verbs.txt",
    "icons/annotator.svg",
    "icons/annotator-256.png",
    "desktop/annotator.desktop",
    "desktop/io.github.annotator.Annotator.metainfo.xml",
]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_asset_is_found_through_the_package(name):
    assert resources.resource(*name.split("/")).is_file()


def test_the_checkout_keeps_the_assets_at_the_top_level():
    assert (ROOT / "resources" / "sample_article.txt").is_file()
    assert not (ROOT / "src" / "annotator" / "resources").exists()


@pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="runs from a source checkout")
def test_the_wheel_carries_the_assets_inside_the_package(tmp_path):
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("annotator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SHIPPED:
        assert f"annotator/resources/{name}" in names, name
    assert not any(name.startswith("resources/") for name in names)


def test_the_desktop_entry_starts_annotator_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(resources.resource("desktop", "annotator.desktop").read_text(encoding="utf-8"))
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "annotator"
    assert section["Icon"] == "annotator"
    assert "text/html" in section["MimeType"]


def test_the_appstream_metainfo_names_the_desktop_entry():
    root = ElementTree.fromstring(resources.resource("desktop", "io.github.annotator.Annotator.metainfo.xml").read_bytes())
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "annotator.desktop"
    assert root.findtext("name") == "Annotator"
    assert root.find("provides/binary").text == "annotator"
