"""``annotator correct``, ``annotator corrections`` and ``extract`` with corrections, run as processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[1] / "core" / "fixtures" / "corrections" / "harbour.txt"
SRC = Path(__file__).parents[2] / "src"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    shutil.copyfile(FIXTURE, path)
    return path


def sidecar(article: Path) -> Path:
    return article.with_name(article.name + ".annotations.json")


def annotator(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )


def correct(article: Path, *argv: str) -> str:
    done = annotator("correct", str(article), *argv)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def extracted(article: Path, *argv: str) -> dict:
    done = annotator("extract", str(article), *argv)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def quote_with(record: dict, words: str) -> dict:
    (quote,) = [q for q in record["quotes"] if words in q["text"]]
    return quote


def person(record: dict, name: str) -> dict:
    (found,) = [p for p in record["people"] if p["name"] == name]
    return found


def test_every_correction_from_the_command_line(article):
    ids = [
        correct(article, "--quote", "catch", "--speaker", "Helen Trevaskis"),
        correct(article, "--quote", "prudent", "--kind", "scare"),
        correct(article, "--quote", "wait.", "--not-a-quote"),
        correct(article, "--add-quote", "The money is there if they want it", "--speaker", "a council source"),
        correct(article, "--person", "Morwenna Hicks", "--credit"),
        correct(article, "--person", "Jory Pascoe", "--role", "trawler skipper"),
        correct(article, "--split-alias", "Pascoe", "--from", "Jory Pascoe"),
        correct(article, "--person", "Helen Trevaskis", "--rename", "Helen M. Trevaskis"),
        correct(article, "--add-person", "Kernow Press Agency"),
        correct(article, "--merge", "Kernow Press Agency", "--into", "Pascoe"),
    ]
    stored = json.loads(sidecar(article).read_text(encoding="utf-8"))
    assert stored["version"] == 2 and [c["id"] for c in stored["corrections"]] == ids

    record = extracted(article)
    catch = quote_with(record, "catch")
    assert catch["speaker"] == "Helen M. Trevaskis" and catch["corrected"] is True
    assert catch["proposed"]["speaker"] == "Jory Pascoe"
    assert quote_with(record, "prudent")["kind"] == "scare"
    assert not [q for q in record["quotes"] if "wait." in q["text"]]
    assert quote_with(record, "money is there")["speaker"] == "a council source"
    names = [p["name"] for p in record["people"]]
    assert "Morwenna Hicks" not in names and "Kernow Press Agency" not in names
    assert person(record, "Helen M. Trevaskis")["quote_count"] == 2  # + catch, − the withdrawn quote
    assert person(record, "Jory Pascoe")["role"] == "trawler skipper"
    assert len(person(record, "Pascoe")["mentions"]) == 2
    assert {c["status"] for c in record["corrections"]} == {"applied"}

    raw = extracted(article, "--raw")
    assert quote_with(raw, "catch")["speaker"] == "Jory Pascoe" and "corrections" not in raw

    listed = annotator("corrections", str(article), "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [(c["id"], c["status"]) for c in json.loads(listed.stdout)] == [(i, "applied") for i in ids]
    text = annotator("corrections", str(article), "--format", "text").stdout
    assert text.startswith("10 corrections (10 applied)") and "renamed → Helen M. Trevaskis" in text


def test_ambiguous_text_is_refused_until_an_occurrence_is_chosen(article):
    before = None
    done = annotator("correct", str(article), "--add-person", "board")
    assert done.returncode == 1 and "--occurrence" in done.stderr and not sidecar(article).exists()
    correct(article, "--add-person", "Pellow", "--occurrence", "1")
    before = sidecar(article).read_bytes()
    done = annotator("correct", str(article), "--quote", "the", "--not-a-quote")
    assert done.returncode == 1 and "occurs" in done.stderr
    assert sidecar(article).read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--quote", "catch"], 2, "--quote needs one of"),
        (["--person", "Jory Pascoe", "--speaker", "X"], 2, "--person needs one of"),
        (["--merge", "Jory Pascoe"], 2, "needs --into"),
        (["--person", "Nobody", "--role", "x"], 1, "no person called 'Nobody'"),
        (["--quote", "Fishermen", "--not-a-quote"], 1, "not inside a quote"),
        (["--quote", "catch", "--speaker", "Jory Pascoe"], 1, "nothing to correct"),
        (["--merge", "Pascoe", "--into", "Jory Pascoe"], 1, "already one person"),
    ],
)
def test_bad_requests_fail_with_a_message_and_write_nothing(article, argv, code, message):
    done = annotator("correct", str(article), *argv)
    assert done.returncode == code and message in done.stderr
    assert not sidecar(article).exists()


def test_a_corrupt_sidecar_is_left_alone_and_extract_still_works(article):
    sidecar(article).write_bytes(b'{"format": "annotator.sidecar", "version": 2, "annotations": [')
    done = annotator("correct", str(article), "--quote", "catch", "--clear-speaker")
    assert done.returncode == 1 and "not valid JSON" in done.stderr
    assert sidecar(article).read_bytes() == b'{"format": "annotator.sidecar", "version": 2, "annotations": ['
    done = annotator("extract", str(article))
    assert done.returncode == 0 and "corrections were not applied" in done.stderr
    assert quote_with(json.loads(done.stdout), "catch")["speaker"] == "Jory Pascoe"


def test_a_changed_article_re_anchors_corrections_and_lists_orphans(article):
    correct(article, "--quote", "catch", "--speaker", "Helen Trevaskis")
    correct(article, "--person", "Morwenna Hicks", "--not-a-person")
    text = article.read_text(encoding="utf-8")
    article.write_text("Corrected on Tuesday.\n\n" + text.replace("Additional reporting: Morwenna Hicks\n", ""), encoding="utf-8")
    done = annotator("extract", str(article))
    assert done.returncode == 0 and "re-anchored" in done.stderr
    record = json.loads(done.stdout)
    assert quote_with(record, "catch")["speaker"] == "Helen Trevaskis"
    assert [c["status"] for c in record["corrections"]] == ["applied", "orphan"]
    listed = annotator("corrections", str(article), "--format", "text").stdout
    assert "1 applied, 1 orphan" in listed and "Morwenna Hicks" in listed


def test_exports_carry_the_corrections(article, tmp_path):
    correction_id = correct(article, "--quote", "catch", "--speaker", "Helen Trevaskis")
    correct(article, "--person", "Morwenna Hicks", "--credit")
    done = annotator("annotate", str(article), "--quote", "Every tide we lose", "--label", "Claim")
    assert done.returncode == 0, done.stderr

    gold_path = tmp_path / "harbour.gold.jsonl"
    done = annotator("export", str(article), "--format", "gold", "-o", str(gold_path))
    assert done.returncode == 0, done.stderr
    (line,) = gold_path.read_text(encoding="utf-8").splitlines()
    gold = json.loads(line)
    assert gold["text"] == article.read_text(encoding="utf-8") and "Morwenna Hicks" not in gold["people"]
    assert [q["speaker"] for q in gold["quotes"] if "catch" in q["text"]] == ["Helen Trevaskis"]

    w3c = json.loads(annotator("export", str(article), "--format", "w3c").stdout)
    edits = [item for item in w3c["first"]["items"] if item["motivation"] == "editing"]
    assert [e["id"] for e in edits][0] == f"urn:uuid:{correction_id}" and len(edits) == 2

    rows = annotator("export", str(article), "--format", "csv", "--include-extracted").stdout
    assert "Every tide we lose" in rows and "Helen Trevaskis" in rows


@pytest.mark.parametrize("writer", ["annotate", "import"])
def test_a_command_that_saves_a_changed_article_keeps_its_corrections_applying(article, tmp_path, writer):
    correct(article, "--quote", "catch", "--speaker", "Helen Trevaskis")
    article.write_text("Corrected on Tuesday.\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    if writer == "annotate":
        done = annotator("annotate", str(article), "--quote", "Every tide we lose", "--label", "Claim")
    else:
        brat = tmp_path / "one.ann"
        brat.write_text("T1\tClaim 0 9\tCorrected\n", encoding="utf-8")
        done = annotator("import", "--format", "brat", str(article), str(brat))
    assert done.returncode == 0, done.stderr
    (saved,) = json.loads(sidecar(article).read_text(encoding="utf-8"))["corrections"]
    assert saved["anchor"]["selector"]["exact"] in article.read_text(encoding="utf-8")[
        saved["anchor"]["start"] : saved["anchor"]["end"]
    ]
    record = extracted(article)
    assert quote_with(record, "catch")["speaker"] == "Helen Trevaskis"
    assert [c["status"] for c in record["corrections"]] == ["applied"]


@pytest.mark.parametrize(
    "edit",
    [
        {"value": "bogus"},  # a kind that is neither scare nor direct
        {"operation": "person.rename", "value": None},  # a rename without a name
        {"operation": "quote.span"},  # a new span without the span
    ],
)
def test_a_correction_no_program_could_have_written_is_a_damaged_sidecar_not_a_crash(article, edit):
    correct(article, "--quote", "catch", "--kind", "scare")
    data = json.loads(sidecar(article).read_text(encoding="utf-8"))
    data["corrections"][0].update(edit)
    damaged = json.dumps(data).encode("utf-8")
    sidecar(article).write_bytes(damaged)

    done = annotator("extract", str(article))
    assert done.returncode == 0 and "corrections were not applied" in done.stderr, done.stderr
    assert quote_with(json.loads(done.stdout), "catch")["speaker"] == "Jory Pascoe"
    for argv in (("corrections",), ("export", "--format", "csv"), ("correct", "--quote", "catch", "--clear-speaker")):
        done = annotator(argv[0], str(article), *argv[1:])
        assert done.returncode == 1 and "Traceback" not in done.stderr and "corrections[0]" in done.stderr, done.stderr
    assert sidecar(article).read_bytes() == damaged


def test_a_correction_is_added_on_top_of_what_another_program_saved_meanwhile(article):
    import threading
    import time

    sys.path.insert(0, str(SRC))
    from annotator.core.annotations.sidecar_lock import sidecar_lock

    done = annotator("annotate", str(article), "--quote", "Every tide we lose", "--label", "Claim")
    assert done.returncode == 0, done.stderr
    before = sidecar(article).read_text(encoding="utf-8")
    locked, go = threading.Event(), threading.Event()

    def other_program_saving() -> None:  # `annotator annotate` saving while correct is under way
        with sidecar_lock(sidecar(article)):
            locked.set()
            go.wait(30)
            data = json.loads(before)
            extra = dict(data["annotations"][0], id="b0000000-0000-4000-8000-000000000000")
            data["annotations"].append(extra)
            temporary = sidecar(article).with_name("theirs.json")
            temporary.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temporary, sidecar(article))

    holder = threading.Thread(target=other_program_saving)
    holder.start()
    assert locked.wait(30)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    correcting = subprocess.Popen(
        [sys.executable, "-m", "annotator", "correct", str(article), "--quote", "catch", "--speaker", "Helen Trevaskis"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env,
    )  # fmt: skip
    time.sleep(2.0)  # it reads the sidecar, extracts and waits for the lock
    go.set()
    holder.join(30)
    out, err = correcting.communicate(timeout=60)
    assert correcting.returncode == 0, err
    saved = json.loads(sidecar(article).read_text(encoding="utf-8"))
    assert len(saved["annotations"]) == 2 and [c["id"] for c in saved["corrections"]] == [out.strip()]
