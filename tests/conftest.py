"""Test-wide set-up: Qt runs offscreen, settings and user data go to a throwaway location."""

import atexit
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# The user's data folder (where the sample article is copied) is a fresh folder per run,
# for this process and the commands the tests start, never the real one.
_DATA_HOME = tempfile.mkdtemp(prefix="annotator-test-data-")
os.environ["XDG_DATA_HOME"] = _DATA_HOME
atexit.register(shutil.rmtree, _DATA_HOME, True)
