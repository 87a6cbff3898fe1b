"""Security: the sidecar loader evaluates nothing and refuses absurd sizes before reading;
nothing inside a sidecar, an import or the annotations chooses where files are written; the
HTML reader fetches nothing.

(The fault table — scripts, iframes and remote images shown to the user — is tested in
``test_faults.py``; here the guarantees are checked at the level of system calls and code.)
"""

from __future__ import annotations

import ast
import builtins
import copy
import json
import os
import socket
import threading
import urllib.request
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations import AddAnnotation, AddLabel, AnnotationStore, sidecar_path_for
from annotator.core.annotations import sidecar as sidecar_module
from annotator.core.annotations.schema import _fast_checker
from annotator.core.annotations.sidecar import (
    MAX_SIDECAR_BYTES,
    SidecarCorruptError,
    SidecarError,
    SidecarReadOnlyError,
    decode_sidecar,
    read_sidecar,
)
from annotator.core.article import Article
from annotator.core.export import FORMATS
from annotator.core.export.files import export_files, write_files
from annotator.core.readers import read_article
from tests.core.annotations_support import STORY, article_at, saved_store
from tests.core.test_sidecar_properties import VALID

# -- helpers -----------------------------------------------------------------------------------


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` with its content (None for folders)."""
    return {
        str(path.relative_to(root)): (None if path.is_dir() else path.read_bytes())
        for path in sorted(root.rglob("*"))
    }


def changed(before: dict[str, bytes | None], after: dict[str, bytes | None]) -> set[str]:
    """Names added, removed or rewritten; also fails if the absolute hostile target appeared."""
    assert not Path(ABSOLUTE_TARGET).exists()
    return {name for name in before.keys() | after.keys() if before.get(name, b"\0gone") != after.get(name, b"\0gone")}


ABSOLUTE_TARGET = "/tmp/annotator-escaped"


HOSTILE_NAMES = [
    "../../escaped",
    "../escaped.txt",
    ABSOLUTE_TARGET,
    "sub/dir/escaped",
    "..\\..\\escaped",
    "con:escaped",
    "escaped\x00.txt",
    "~/escaped",
    ".annotations.json",
]


# -- the loader evaluates nothing ----------------------------------------------------------------

LOADER_MODULES = ("sidecar", "schema", "model", "labels", "store", "reanchor", "document")
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "yaml", "dill", "subprocess", "ctypes", "runpy"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}


def _loader_source(name: str) -> ast.Module:
    source = resources.files("annotator").joinpath("core", "annotations", f"{name}.py").read_text(encoding="utf-8")
    return ast.parse(source)


@pytest.mark.parametrize("name", LOADER_MODULES)
def test_the_loader_modules_use_json_and_no_evaluating_deserialiser(name):
    module = _loader_source(name)
    imported = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & FORBIDDEN_MODULES
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            assert not (isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS and name != "schema"), (
                f"{name}.py calls {node.func.id}"
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("loads", "load"):
            # json.loads with an object_hook or parse_* hook could run code per value.
            assert not {kw.arg for kw in node.keywords} & {"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant", "cls"}


def test_the_one_exec_compiles_the_shipped_schema_never_file_data():
    """schema.py generates its fast checker from the packaged schema, once, and caches it."""
    module = _loader_source("schema")
    calls = [
        (function.name, node)
        for function in ast.walk(module)
        if isinstance(function, ast.FunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS
    ]
    assert [(name, call.func.id) for name, call in calls] == [("compile", "exec")]
    assert _fast_checker() is _fast_checker()  # functools.cache: compiled once per process


PAYLOADS = [
    "__import__('os').system('touch PWNED')",
    "!!python/object/apply:os.system ['touch PWNED']",
    "{{7*7}}${7*7}#{7*7}",
    "cos\nsystem\n(S'touch PWNED'\ntR.",
    "$(touch PWNED)`touch PWNED`",
]


def _sidecar_with(payload: str, valid: bool) -> bytes:
    data = copy.deepcopy(VALID)
    annotation = data["annotations"][0]
    annotation.update(note=payload, author=payload, speaker=payload, quote_id=payload, tags=[payload])
    data["saved_by"] = payload
    # A label name is one line (no control characters): the payload's lines become spaces.
    data["labels"].append({"name": " ".join(payload.splitlines()), "color": "#123456", "key": None})
    if not valid:
        annotation["status"] = payload  # forces the jsonschema explanation path too
    return json.dumps(data).encode()


@contextmanager
def evaluators_refused(called: list[str]):
    """``eval``, ``exec`` and ``compile`` record the call and fail, until the block ends."""
    saved = {name: getattr(builtins, name) for name in ("eval", "exec", "compile")}

    def refuse(name):
        def refused(*args, **kwargs):
            called.append(name)
            raise AssertionError(f"{name} called while loading a sidecar")

        return refused

    try:
        for name in saved:
            setattr(builtins, name, refuse(name))
        yield
    finally:
        for name, function in saved.items():
            setattr(builtins, name, function)


@pytest.mark.parametrize("valid", [True, False])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_loading_calls_no_evaluator_and_runs_no_payload(tmp_path, monkeypatch, payload, valid):
    # Set up before the guard: the packaged schema's checker, and jsonschema (imported on
    # the first invalid file; importing compiles modules, which is not evaluating data).
    _fast_checker()
    with pytest.raises(SidecarError):
        decode_sidecar(tmp_path / "warm-up", _sidecar_with("warm-up", valid=False))
    data = _sidecar_with(payload, valid)
    monkeypatch.chdir(tmp_path)
    called: list[str] = []
    with evaluators_refused(called):
        try:
            content = decode_sidecar(tmp_path / "s.annotations.json", data)
        except SidecarError:
            content = None
    assert called == []
    assert not (tmp_path / "PWNED").exists()
    if valid:
        assert content is not None and content.annotations[0].note == payload  # kept as plain text


def test_schema_references_inside_a_sidecar_are_never_followed(tmp_path, no_network):
    data = copy.deepcopy(VALID)
    data["$schema"] = "http://tracker.invalid/schema.json"
    data["annotations"][0]["$ref"] = "http://tracker.invalid/annotation.json"
    data["labels"][0]["$id"] = "http://tracker.invalid/label.json"
    with pytest.raises(SidecarCorruptError, match="does not match the sidecar schema"):
        decode_sidecar(tmp_path / "s.annotations.json", json.dumps(data).encode())
    assert no_network.connections == []


# -- absurd sizes are refused before reading ---------------------------------------------------


@pytest.fixture
def reading_refused(monkeypatch):
    """Any attempt by the sidecar module to open or read a file fails the test."""

    def no_open(*args, **kwargs):
        raise AssertionError("the sidecar was opened for reading")

    monkeypatch.setattr(sidecar_module, "open", no_open, raising=False)
    for method in ("open", "read_bytes", "read_text"):
        monkeypatch.setattr(Path, method, no_open)
    return monkeypatch


def test_a_sidecar_over_the_cap_is_refused_without_reading_it(tmp_path, reading_refused):
    path = tmp_path / "story.txt.annotations.json"
    path.touch()
    os.truncate(path, MAX_SIDECAR_BYTES + 1)  # sparse: huge size, no disk used
    with pytest.raises(SidecarCorruptError, match=r"more than the 64 MB a sidecar may have; it was not read"):
        read_sidecar(path)


def test_a_store_over_a_huge_sidecar_opens_read_only_and_never_writes_it(tmp_path, reading_refused):
    path = tmp_path / "story.txt.annotations.json"
    path.touch()
    os.truncate(path, 10 * MAX_SIDECAR_BYTES)
    before = os.stat(path)
    store = AnnotationStore.open(Article(tmp_path / "story.txt", STORY))
    reading_refused.undo()
    assert store.read_only and "not read" in str(store.problem)
    with pytest.raises(SidecarReadOnlyError):
        store.save()
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_blocks) == (before.st_size, before.st_mtime_ns, before.st_blocks)


def test_a_sidecar_at_the_cap_is_still_read(tmp_path, monkeypatch):
    store = saved_store(tmp_path, ["Commuters were unconvinced"])
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", store.path.stat().st_size)
    assert read_sidecar(store.path) is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_place_of_a_sidecar_is_refused_instead_of_blocking(tmp_path):
    path = tmp_path / "story.txt.annotations.json"
    os.mkfifo(path)
    outcome: list[BaseException | object] = []

    def read() -> None:
        try:
            outcome.append(read_sidecar(path))
        except BaseException as error:  # noqa: BLE001 - reported below
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the stuck reader before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
        pytest.fail("reading a named pipe blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], SidecarCorruptError)
    assert "not a regular file" in str(outcome[0])


# -- paths inside a sidecar are never used -------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES + ["{victim}/story.txt", "{victim}"])
def test_article_path_in_a_sidecar_never_chooses_what_is_read_or_written(tmp_path, name):
    home, victim = tmp_path / "home", tmp_path / "victim"
    home.mkdir()
    victim.mkdir()
    (victim / "story.txt").write_text("someone else's article", encoding="utf-8")
    (victim / "story.txt.annotations.json").write_text("someone else's sidecar", encoding="utf-8")
    store = saved_store(home, ["Commuters were unconvinced"])
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    raw["article"]["path"] = name.format(victim=victim)
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    before = tree(tmp_path)

    reopened = AnnotationStore.open(Article(home / "story.txt", STORY))
    assert reopened.problem is None and len(reopened.annotations) == 1
    reopened.annotations.apply(AddAnnotation.new(reopened.annotations, 0, 7, "Claim"))
    reopened.save()

    assert changed(before, tree(tmp_path)) == {"home/story.txt.annotations.json"}
    saved = json.loads(reopened.path.read_text(encoding="utf-8"))
    assert saved["article"]["path"] == "story.txt"  # rewritten from the real file, not kept


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_sidecar_linked_to_a_file_that_is_not_a_sidecar_is_never_written(tmp_path):
    """A planted link (say, from an unpacked archive) cannot make saving overwrite another file."""
    victim = tmp_path / "elsewhere" / "notes.txt"
    victim.parent.mkdir()
    victim.write_text("someone's notes", encoding="utf-8")
    article = article_at(tmp_path)
    sidecar_path_for(article.source).symlink_to(victim)
    store = AnnotationStore.open(article)
    assert store.read_only and store.problem is not None
    with pytest.raises(SidecarReadOnlyError):
        store.save()
    assert victim.read_text(encoding="utf-8") == "someone's notes"


def test_the_command_line_writes_only_beside_the_article_whatever_the_sidecar_says(tmp_path, capsys):
    home, victim = tmp_path / "home", tmp_path / "victim"
    home.mkdir()
    victim.mkdir()
    store = saved_store(home, ["Commuters were unconvinced"])
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    raw["article"]["path"] = str(victim / "story.txt")
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    before = tree(tmp_path)
    assert main(["annotate", str(store.article.source), "--quote", "Ines Caldwell", "--label", "Person"]) == 0
    assert main(["export", str(store.article.source), "--format", "w3c"]) == 0
    assert changed(before, tree(tmp_path)) == {"home/story.txt.annotations.json"}
    capsys.readouterr()


# -- exports and imports: names from the data never become file names ----------------------------


def hostile_store(folder: Path) -> AnnotationStore:
    """A store whose title, labels, tags, ids, notes and speakers all look like paths."""
    article = article_at(folder)
    article.title = "../../escaped/title"
    article.metadata["url"] = "file:///etc/passwd"
    store = AnnotationStore.open(article)
    annotations = store.annotations
    for index, name in enumerate(HOSTILE_NAMES[:5]):
        annotations.apply(AddLabel(name, "#123456"))
        start = STORY.index("Commuters") + index
        operation = AddAnnotation.new(
            annotations, start, start + 9, annotations.labels.names[-1], id=f"{name}-{index}", tags=[name],
            note=name, speaker=name, author=name, quote_id=name,
        )
        annotations.apply(operation)
    assert len(annotations) == 5
    return store


@pytest.mark.parametrize("format_name", [*FORMATS])
def test_exports_write_only_the_requested_files_whatever_the_data_says(tmp_path, format_name):
    home = tmp_path / "home"
    out = tmp_path / "out"
    home.mkdir()
    out.mkdir()
    store = hostile_store(home)
    before = tree(tmp_path)
    export = export_files(
        format_name, out / "report", store.article, list(store.annotations), list(store.annotations.labels)
    )
    write_files(export.files, store.article)
    written = changed(before, tree(tmp_path))
    expected = {"out/report.ann", "out/report.txt", "out/annotation.conf", "out/visual.conf"} if format_name == "brat" else {"out/report"}
    assert written == expected


def test_importing_writes_only_the_sidecar_beside_the_article(tmp_path, capsys):
    home, incoming = tmp_path / "home", tmp_path / "incoming"
    home.mkdir()
    incoming.mkdir()
    article = article_at(home)
    start = STORY.index("Commuters")
    lines = [f"T{n}\t{name.replace(' ', '_')} {start} {start + 9}\tCommuters" for n, name in enumerate(HOSTILE_NAMES[:4], 1)]
    lines.append(f"#1\tAnnotatorNotes T1\t{HOSTILE_NAMES[0]}")
    (incoming / "other.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (incoming / "visual.conf").write_text("[labels]\nT|../../escaped\n", encoding="utf-8")
    w3c = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "../../escaped",
        "body": {"type": "TextualBody", "value": "../../escaped", "purpose": "tagging"},
        "target": {"source": str(incoming / "secret.txt"), "selector": {"type": "TextQuoteSelector", "exact": "Commuters"}},
    }
    (incoming / "secret.txt").write_text("SECRET", encoding="utf-8")
    (incoming / "notes.json").write_text(json.dumps(w3c), encoding="utf-8")
    before = tree(tmp_path)
    assert main(["import", str(article.source), "--format", "brat", str(incoming / "other.ann")]) == 0
    assert main(["import", str(article.source), "--format", "w3c", str(incoming / "notes.json")]) == 0
    assert changed(before, tree(tmp_path)) == {"home/story.txt.annotations.json"}
    assert b"SECRET" not in sidecar_path_for(article.source).read_bytes()
    capsys.readouterr()


# -- the HTML reader fetches nothing -------------------------------------------------------------


class Tracker:
    """A local web server standing in for every remote address in the test pages.

    Python-level guards cannot see a fetch made in C (libxml2 has its own HTTP client);
    a real listening socket sees any connection, whoever makes it.
    """

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.05)
        self.host = "127.0.0.1:%d" % self.server.getsockname()[1]
        self.connections: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, address = self.server.accept()
            except OSError:  # timeout: look at the stop flag again
                continue
            self.connections.append(f"connection from {address}")
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()

    def aimed_at(self, page: str) -> str:
        return page.replace("tracker.invalid", self.host)


@pytest.fixture
def no_network(monkeypatch):
    """Every way out to the network fails loudly and is recorded, and a local server
    listens where the pages' remote references point (``Tracker.aimed_at``)."""
    tracker = Tracker()
    attempts: list[str] = tracker.connections  # one list: Python-level attempts and real connections

    def refuse(what):
        def refused(*args, **kwargs):
            attempts.append(f"{what}{args[1:2] or args[:1]}")
            raise AssertionError(f"network access attempted: {what}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    yield tracker
    tracker.close()


def test_the_tracker_sees_a_connection_the_python_guards_miss(no_network):
    """The guard can fail: a connection made below Python's socket class (as C code such
    as a parser's own HTTP client would) still reaches the tracker."""
    import _socket

    host, port = no_network.host.split(":")
    raw = _socket.socket()
    raw.connect((host, int(port)))
    raw.close()
    for _ in range(100):  # the accept loop runs in its own thread
        if no_network.connections:
            break
        threading.Event().wait(0.02)
    assert no_network.connections


REMOTE_PAGE = """<!DOCTYPE html>
<html><head>
<title>Council raises ferry fares again</title>
<base href="http://tracker.invalid/">
<meta http-equiv="refresh" content="0; url=http://tracker.invalid/refresh">
<link rel="stylesheet" href="http://tracker.invalid/style.css">
<link rel="preload" href="//tracker.invalid/font.woff2">
<link rel="canonical" href="http://tracker.invalid/canonical">
<style>@import url("http://tracker.invalid/import.css"); body {{ background: url(http://tracker.invalid/bg.png) }}</style>
<script src="http://tracker.invalid/app.js"></script>
</head><body><article>
<h1>Council raises ferry fares again</h1>
<p>The council said on Tuesday that fares would rise by ten percent from April, the second rise in two years.</p>
<img src="http://tracker.invalid/pixel.gif" srcset="http://tracker.invalid/2x.gif 2x">
<picture><source srcset="http://tracker.invalid/pic.webp"></picture>
<iframe src="http://tracker.invalid/frame"></iframe>
<object data="http://tracker.invalid/object.swf"></object>
<video poster="http://tracker.invalid/poster.jpg" src="http://tracker.invalid/v.mp4"></video>
<p>Commuters were unconvinced by the reasons given, and several said they would drive instead this year.</p>
<svg><image href="http://tracker.invalid/svg.png"/><use href="http://tracker.invalid/sprite.svg#x"/></svg>
<p>{entities}</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "prolog",
    [
        "",
        '<?xml version="1.0" encoding="utf-16"?>\n<?xml-stylesheet href="http://tracker.invalid/s.xsl"?>\n',
        '<!DOCTYPE html SYSTEM "http://tracker.invalid/x.dtd">\n',
    ],
)
def test_reading_html_opens_no_connection(tmp_path, no_network, prolog):
    page = tmp_path / "page.html"
    text = prolog + REMOTE_PAGE.format(entities="More meetings are planned for next month.")
    page.write_text(no_network.aimed_at(text), encoding="utf-8")
    article = read_article(page)
    assert "fares would rise" in article.text
    assert no_network.connections == []


def test_xhtml_external_and_expanding_entities_are_never_resolved(tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_LOCAL_CONTENT", encoding="utf-8")
    laughs = "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    doctype = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY lol0 "lol">' + laughs
        + f'<!ENTITY local SYSTEM "{secret.as_uri()}"><!ENTITY remote SYSTEM "http://tracker.invalid/dtd">]>\n'
    )
    page = tmp_path / "page.xhtml"
    body = REMOTE_PAGE.format(entities="&lol9; &local; &remote;").removeprefix("<!DOCTYPE html>\n")
    xhtml = doctype + body.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    page.write_text(no_network.aimed_at(xhtml), encoding="utf-8")
    article = read_article(page)
    assert "fares would rise" in article.text
    assert "SECRET_LOCAL_CONTENT" not in article.text
    assert "lollol" not in article.text and len(article.text) < 2_000
    assert no_network.connections == []


def test_reading_markdown_with_remote_images_and_html_opens_no_connection(tmp_path, no_network):
    page = tmp_path / "story.md"
    markdown = (
        "# Ferry fares rise\n\n![a pixel](http://tracker.invalid/pixel.gif)\n\n"
        '<img src="http://tracker.invalid/x.png"><iframe src="http://tracker.invalid/f"></iframe>\n\n'
        "The council said fares would rise. [Source](http://tracker.invalid/source)\n"
    )
    page.write_text(no_network.aimed_at(markdown), encoding="utf-8")
    article = read_article(page)
    assert "fares would rise" in article.text
    # The link's address is shown as words for the reader; the image and frame addresses are not.
    assert f"Source (http://{no_network.host}/source)" in article.text
    assert article.text.count(no_network.host) == 1  # the image and frame addresses are not text
    assert no_network.connections == []
