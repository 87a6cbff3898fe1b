"""Reading bytes into canonical text: newlines, BOMs, encodings, and every kind of bad input."""

from __future__ import annotations

import builtins
import os
import stat

import pytest

from annotator.core.article import ArticleError
from annotator.core.readers import decoding, read_article

ARTICLE = "Harbour reopens\n\nThe harbour reopened on Monday, the port said.\n"


def write(tmp_path, data: bytes, name: str = "story.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_crlf_and_lone_cr_become_lf_and_nothing_else_changes(tmp_path):
    raw = "Headline here  \r\n\r\nFirst\u00a0paragraph ends.\t\r\rSecond one.\r\n"
    article = read_article(write(tmp_path, raw.encode("utf-8")))
    assert article.text == "Headline here  \n\nFirst\u00a0paragraph ends.\t\n\nSecond one.\n"


def test_utf8_bom_is_dropped(tmp_path):
    article = read_article(write(tmp_path, b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")))
    assert article.text == ARTICLE
    assert article.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path, codec):
    text = "Kyiv’s “talks” résumé 🙂\n\nSecond paragraph.\n"
    data = text.encode(codec) if codec != "utf-16" else text.encode("utf-16")  # utf-16 writes a BOM
    article = read_article(write(tmp_path, data))
    assert article.text == text


def test_windows_1252_curly_quotes_and_accents(tmp_path):
    text = "Café owner’s “best” year\n\nThe café – which opened in 1999 – said its crème brûlée sold out.\n"
    article = read_article(write(tmp_path, text.encode("cp1252")))
    assert article.text == text
    assert article.metadata["encoding"] == "windows-1252"


def test_latin1_text_is_read_as_windows_1252_superset(tmp_path):
    text = "Zürich 5°C\n\nSmörgåsbord for the Ærø ferry, said the naïve façade.\n"
    article = read_article(write(tmp_path, text.encode("latin-1")))
    assert article.text == text


def test_other_legacy_encodings_are_detected(tmp_path):
    text = "Министр заявил, что переговоры продолжатся в понедельник утром в столице.\n" * 3
    article = read_article(write(tmp_path, text.encode("cp1251")))
    assert article.text == text


def test_emoji_nbsp_and_combining_accents_survive_with_code_point_offsets(tmp_path):
    text = "Flags 🇺🇦 fly\n\nCafe\u0301 owner said 👍🏽 was\u00a0enough.\u00a0\n\u00a0\nEnd of story.\n"
    article = read_article(write(tmp_path, text.encode("utf-8")))
    assert article.text == text
    body = article.blocks[1]
    assert article.text[body.start : body.end] == "Cafe\u0301 owner said 👍🏽 was\u00a0enough."
    assert len(article.blocks) == 3  # the NBSP-only line is not a block


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "only whitespace"),
        ("\u00a0\n\u00a0 \n".encode("utf-8"), "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP-based document"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary"),
        (b"text\x00with\x00nul bytes in it here", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xef\xbb\xbfok then \xff\xfe broken", "invalid bytes"),
    ],
)
def test_bad_content_gets_a_clear_message(tmp_path, data, message):
    with pytest.raises(ArticleError, match=message):
        read_article(write(tmp_path, data))


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="file not found"):
        read_article(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(ArticleError, match="folder"):
        read_article(tmp_path)


def test_special_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(fifo)


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    path = write(tmp_path, ARTICLE.encode("utf-8"))
    path.chmod(0)
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)  # root could read a chmod 000 file anyway
    try:
        with pytest.raises(ArticleError, match="permission denied"):
            read_article(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_huge_file_is_refused_naming_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(decoding.MAX_ARTICLE_BYTES + 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(ArticleError, match=r"51\.0 MB; articles larger than 50 MB are refused"):
        read_article(path)


def test_file_growing_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(decoding, "MAX_ARTICLE_BYTES", 10)
    path = write(tmp_path, ARTICLE.encode("utf-8"))
    with pytest.raises(ArticleError, match="larger than"):
        read_article(path)


def test_error_messages_never_carry_a_traceback(tmp_path):
    with pytest.raises(ArticleError) as caught:
        read_article(tmp_path / "missing" / "deeper.txt")
    assert "Traceback" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_utf8_with_a_stray_invalid_byte_keeps_the_rest_and_says_so(tmp_path):
    good = "Kyiv’s “talks” – résumé, naïve café.\n\n" * 4
    data = good.encode("utf-8") + b"One stray \x92 byte.\n"
    article = read_article(write(tmp_path, data))
    assert article.text == good + "One stray \ufffd byte.\n"
    assert article.metadata["encoding"] == "utf-8"
    assert "1 invalid byte" in article.metadata["encoding_warning"]


def test_mostly_ascii_windows_1252_is_not_mistaken_for_broken_utf8(tmp_path):
    text = "The minister’s plan was “bold”, aides said.\n"
    article = read_article(write(tmp_path, text.encode("cp1252")))
    assert article.text == text
    assert "encoding_warning" not in article.metadata
