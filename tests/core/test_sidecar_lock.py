"""The sidecar's lock: one writer at a time, released by the system when its holder dies.

The writers here are real processes; the one killed is killed with SIGKILL in the middle
of writing its temporary file, as a crash or an out-of-memory kill would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.sidecar_lock import SidecarLockError, lock_path_for, sidecar_lock
from tests.core.annotations_support import annotate, saved_store

# Takes the lock as a save does, starts its temporary file as the atomic writer names it,
# writes half of it, says so, and waits to be killed.
HALF_WRITER = textwrap.dedent(
    """
    import os, sys, tempfile, time
    from pathlib import Path
    from annotator.core.annotations.atomic import _temporary_prefix
    from annotator.core.annotations.sidecar_lock import sidecar_lock

    sidecar = Path(sys.argv[1])
    with sidecar_lock(sidecar):
        fd, name = tempfile.mkstemp(dir=sidecar.parent, prefix=_temporary_prefix(sidecar), suffix=".tmp")
        os.write(fd, b'{"format": "annotator.sidecar", "annotations": [' + b" " * 2_000_000)
        print(name, flush=True)
        time.sleep(600)
    """
)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_mid_write_leaves_a_temporary_the_next_save_removes(tmp_path):
    store = saved_store(tmp_path, ["Lowmoor ferry"])
    before = store.path.read_bytes()
    writer = subprocess.Popen(
        [sys.executable, "-c", HALF_WRITER, str(store.path)], stdout=subprocess.PIPE, text=True, env=_environment()
    )
    try:
        temporary = Path(writer.stdout.readline().strip())
        assert temporary.is_file() and temporary.stat().st_size > 1_000_000
        with pytest.raises(SidecarLockError, match="another program has been saving it"):
            with sidecar_lock(store.path, timeout=0.2):
                pass  # a live writer holds it: nobody else may save, or clean up its file
        assert temporary.exists()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
    assert store.path.read_bytes() == before and temporary.exists()  # what the kill left

    annotate(store.annotations, "harbour board")
    store.save()  # minutes, not ten: the lock says nobody is writing it
    assert not temporary.exists()
    assert sorted(os.listdir(tmp_path)) == ["story.txt", "story.txt.annotations.json"]
    assert len(AnnotationStore.open(store.article).annotations) == 2


def test_the_lock_is_exclusive_and_leaves_no_file_behind(tmp_path):
    sidecar = tmp_path / "story.txt.annotations.json"
    with sidecar_lock(sidecar):
        assert lock_path_for(sidecar).exists()
        with pytest.raises(SidecarLockError):
            with sidecar_lock(sidecar, timeout=0.05):
                pass
    assert os.listdir(tmp_path) == []
    with sidecar_lock(sidecar, timeout=0.05):  # free again
        pass


def test_a_lock_in_a_missing_folder_is_a_failed_save_with_the_usual_words(tmp_path):
    with pytest.raises(SidecarLockError, match=f"the folder {tmp_path / 'gone'} does not exist"):
        with sidecar_lock(tmp_path / "gone" / "story.txt.annotations.json"):
            pass
