"""Test-wide set-up: Qt runs offscreen, settings go to a throwaway location."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")
