"""Two programs adding to one article's sidecar at the same time lose nothing.

Real processes, started together, each running ``annotator annotate`` fifty times in a
loop against the same article; every id a process printed must be in the sidecar.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ADDS = 50
STORY = "Harbour notes\n\n" + " ".join(f"Point {n} was raised at the meeting." for n in range(200)) + "\n"

LOOP = textwrap.dedent(
    """
    import contextlib, io, sys
    from annotator.cli import main

    article, adds, offset = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for n in range(adds):
        start = offset + n * 7
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["annotate", article, "--start", str(start), "--end", str(start + 5), "--label", "Claim"])
        if code != 0:
            sys.exit(code)
        print(out.getvalue().strip(), flush=True)
    """
)


def _environment() -> dict[str, str]:
    source = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = source + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_two_processes_adding_at_once_keep_every_annotation(tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(STORY, encoding="utf-8")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", LOOP, str(article), str(ADDS), str(offset)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        for offset in (20, 21)  # different spans, so no add is a duplicate of another
    ]
    printed: list[str] = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        printed += out.split()
    saved = json.loads(article.with_name(article.name + ".annotations.json").read_text(encoding="utf-8"))
    ids = [annotation["id"] for annotation in saved["annotations"]]
    assert len(printed) == 2 * ADDS
    assert sorted(ids) == sorted(printed)
