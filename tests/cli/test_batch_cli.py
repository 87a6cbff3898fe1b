"""``annotator batch`` as a researcher runs it: a local Dask cluster, a separately started scheduler
and workers on 127.0.0.1, a job killed half-way and resumed, a worker killed mid-run.

Every run is a real ``annotator batch`` process, and every Dask process is started, and always
stopped, by these tests; nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pa_dataset = pytest.importorskip("pyarrow.dataset")
pytest.importorskip("distributed")
duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

from tests.core.batch_support import extract_quotes, table_quotes, write_corpus, write_mixed_corpus  # noqa: E402

SRC = Path(__file__).resolve().parents[2] / "src"
pytestmark = pytest.mark.cluster


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env["PYTHONWARNINGS"] = "ignore"
    return env


def batch(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", "batch", *args], capture_output=True, text=True, env=environment(),
        timeout=timeout,
    )


def rows(out: Path, table: str) -> list[dict]:
    return pa_dataset.dataset(out / table, format="parquet").to_table().to_pylist()


def manifest(out: Path) -> dict:
    return json.loads((out / "_manifest.json").read_text(encoding="utf-8"))


def parts(out: Path) -> set[str]:
    return {p.name for p in (out / "articles").glob("*.parquet")} if (out / "articles").is_dir() else set()


def test_local_cluster_extracts_like_annotator_extract_and_reads_back_everywhere(tmp_path):
    corpus = tmp_path / "corpus"
    made = write_mixed_corpus(corpus)
    out = tmp_path / "dataset"
    result = batch(str(corpus), str(tmp_path / "absent*.txt"), "--out", str(out), "--workers", "2", "--partition-size", "3")
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr  # no progress line when stderr is not a terminal
    assert "3 input(s) could not be extracted" in result.stderr
    assert result.stdout.splitlines()[0] == f"8 articles, {len(rows(out, 'quotes'))} quotes, {len(rows(out, 'people'))} people, 3 errors in {out}"

    quotes = rows(out, "quotes")
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html", ".md") and p != made["bad"])
    assert len(files) == 6
    for path in files:
        assert table_quotes(quotes, str(path)) == extract_quotes(path), path
    errors = {(Path(e["path"]).name, e["line"]): e["reason"] for e in rows(out, "errors")}
    assert sorted(errors) == [("absent*.txt", None), ("feed.jsonl", 3), ("scan.txt", None)]
    assert errors[("absent*.txt", None)] == "no file matches this pattern"

    # The same tables through DuckDB and pandas.
    glob = str(out / "{}" / "*.parquet")
    by_speaker = duckdb.sql(
        f"SELECT a.outlet, q.speaker, count(*) AS n FROM '{glob.format('quotes')}' q "
        f"JOIN '{glob.format('articles')}' a ON a.id = q.article_id WHERE a.id = 'wire-1' GROUP BY ALL"
    ).fetchall()
    assert by_speaker == [("Coast Gazette", "Jo Bright", 1)]
    assert duckdb.sql(f"SELECT count(*) FROM '{glob.format('quotes')}'").fetchall()[0][0] == len(quotes)
    articles = pd.read_parquet(out / "articles")
    assert len(articles) == 8 and articles["quote_count"].sum() == len(quotes)
    assert sorted(pd.read_parquet(out / "errors")["path"].map(lambda p: Path(p).name)) == ["absent*.txt", "feed.jsonl", "scan.txt"]

    figures = manifest(out)
    assert figures["tables"] == {"articles": 8, "quotes": len(quotes), "people": len(rows(out, "people")), "errors": 3}
    assert figures["figures"]["parts"] == figures["figures"]["parts_written"] == 4 and figures["figures"]["workers"] == 2
    assert figures["inputs"] == [str(corpus), str(tmp_path / "absent*.txt")]

    # Rerun: nothing to do, no cluster started.
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = batch(str(corpus), str(tmp_path / "absent*.txt"), "--out", str(out), "--workers", "2", "--partition-size", "3")
    assert again.returncode == 0, again.stderr
    assert "0 of 4 parts written" in again.stdout and "4 already done" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == written

    # One article edited: only its partition is extracted again, and its old part goes.
    edited = files[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n“One more thing,” said Jo Bright.\n", encoding="utf-8")
    third = batch(str(corpus), str(tmp_path / "absent*.txt"), "--out", str(out), "--workers", "1", "--partition-size", "3")
    assert third.returncode == 0, third.stderr
    assert "1 of 4 parts written" in third.stdout and "3 already done" in third.stdout and "1 stale parts removed" in third.stdout
    assert table_quotes(rows(out, "quotes"), str(edited)) == extract_quotes(edited)
    assert len(rows(out, "articles")) == 8


def test_a_job_killed_half_way_resumes_and_shows_progress_on_a_terminal(tmp_path):
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, 240)
    out = tmp_path / "dataset"
    args = [sys.executable, "-m", "annotator", "batch", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", "2"]
    controller, terminal = pty.openpty()
    screen: list[bytes] = []
    job = subprocess.Popen(args, env=environment(), stdout=subprocess.DEVNULL, stderr=terminal, start_new_session=True)
    os.close(terminal)
    reader = threading.Thread(target=_drain, args=(controller, screen), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 90
        while len(parts(out)) < 8 and job.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert job.poll() is None, "the job ended before it could be killed half-way"
    finally:
        os.killpg(job.pid, signal.SIGKILL)  # the command and the local cluster it started
        job.wait()
        reader.join(5)
        os.close(controller)
    _wait_for_group_to_end(job.pid)
    before = parts(out)
    assert 8 <= len(before) < 120 and not (out / "_manifest.json").exists()
    for table in ("articles", "quotes", "people", "errors"):  # what is visible is whole
        rows(out, table)
    shown = b"".join(screen).decode("utf-8", "replace")
    assert "/240 files" in shown and "files/s" in shown and "left" in shown

    resumed = batch(str(corpus), "--out", str(out), "--workers", "2", "--partition-size", "2")
    assert resumed.returncode == 0, resumed.stderr
    figures = manifest(out)["figures"]
    assert figures["parts_skipped"] >= len(before) and figures["parts_written"] + figures["parts_skipped"] == 120
    articles = rows(out, "articles")
    assert sorted(a["id"] for a in articles) == [str(p) for p in paths]
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]
    for path in paths[::37]:
        assert table_quotes(rows(out, "quotes"), str(path)) == extract_quotes(path)


def _drain(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        into.append(chunk)


def _wait_for_group_to_end(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("processes of the killed job are still running")


@pytest.fixture
def dask_cluster(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, free ports, always stopped."""
    folder = tmp_path / "dask"
    folder.mkdir()
    scheduler_file = folder / "scheduler.json"
    started: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        log = open(folder / f"{name}.log", "wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "dask", *args], cwd=folder, env=environment(), stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        started.append(process)
        return process

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(scheduler_file))
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        address = json.loads(scheduler_file.read_text())["address"]
        workers = [
            start(f"worker{n}", "worker", "--scheduler-file", str(scheduler_file), "--host", "127.0.0.1",
                  "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{n}",
                  "--local-directory", str(folder / f"w{n}"))
            for n in (1, 2)
        ]
        yield address, workers
    finally:
        for process in reversed(started):  # workers first: a worker whose scheduler is gone waits for it
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_separately_started_scheduler_and_workers_run_the_job_and_survive_a_dead_worker(tmp_path, dask_cluster):
    address, workers = dask_cluster
    assert address.startswith("tcp://127.0.0.1:")
    corpus = tmp_path / "corpus"
    made = write_mixed_corpus(corpus)
    out = tmp_path / "remote"
    result = batch(str(corpus), "--out", str(out), "--scheduler", address, "--workers", "2", "--partition-size", "2")
    assert result.returncode == 0, result.stderr
    figures = manifest(out)["figures"]
    assert figures["scheduler"] == address and figures["workers"] == 2
    for path in sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html", ".md") and p != made["bad"]):
        assert table_quotes(rows(out, "quotes"), str(path)) == extract_quotes(path), path
    assert _partitions_run_twice(address) == 0

    # A worker killed while the job runs: the scheduler gives its partitions to the other worker.
    paths = write_corpus(tmp_path / "big", 200)
    out = tmp_path / "survived"
    job = subprocess.Popen(
        [sys.executable, "-m", "annotator", "batch", str(tmp_path / "big"), "--out", str(out), "--scheduler", address,
         "--workers", "2", "--partition-size", "4"],
        env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(parts(out)) < 4 and job.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert job.poll() is None, "the job ended before a worker could be killed"
        workers[0].kill()
        stdout, stderr = job.communicate(timeout=120)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    assert workers[0].wait() == -signal.SIGKILL
    assert job.returncode == 0, stderr
    assert "50 of 50 parts written" in stdout
    assert sorted(a["id"] for a in rows(out, "articles")) == [str(p) for p in paths]
    assert rows(out, "errors") == []
    assert _partitions_run_twice(address) >= 1  # a partition in flight on the dead worker ran again elsewhere


RUN_TWICE = """
import sys
from collections import Counter
from distributed import Client

def count(dask_scheduler):
    entered = Counter(t[0] for t in dask_scheduler.transition_log
                      if str(t[0]).startswith("annotator-part-") and t[2] == "processing")
    return sum(1 for n in entered.values() if n > 1)

with Client(sys.argv[1], timeout="10s") as client:
    print(client.run_on_scheduler(count))
"""


def _partitions_run_twice(address: str) -> int:
    """How many partitions the scheduler gave to a worker more than once (its own transition log)."""
    result = subprocess.run([sys.executable, "-c", RUN_TWICE, address], capture_output=True, text=True,
                            env=environment(), timeout=60)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_an_unreachable_scheduler_is_a_clear_message(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody text.\n", encoding="utf-8")
    result = batch(str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("annotator: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
