"""Test-wide set-up: Qt runs offscreen, settings and preferences go to throwaway locations."""

import os

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture(autouse=True)
def private_config_folder(tmp_path_factory, monkeypatch):
    """Each test's shared preferences (who annotates) live in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder
