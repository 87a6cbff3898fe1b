"""Test-wide set-up: Qt runs offscreen; settings, preferences and user data go to throwaway locations."""

import atexit
import os
import shutil
import tempfile

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# The user's data folder (where the sample article is copied) is a fresh folder per run,
# for this process and the commands the tests start, never the real one.
_DATA_HOME = tempfile.mkdtemp(prefix="annotator-test-data-")
os.environ["XDG_DATA_HOME"] = _DATA_HOME
atexit.register(shutil.rmtree, _DATA_HOME, True)


@pytest.fixture(autouse=True)
def private_config_folder(tmp_path_factory, monkeypatch):
    """Each test's shared preferences (who annotates) live in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder
