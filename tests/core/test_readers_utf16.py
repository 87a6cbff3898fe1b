"""UTF-16 without a byte-order mark, in any script, is read; binary files are still refused.

Windows tools save UTF-16 ("Unicode") and some leave the BOM out. Latin text then has a zero
byte in every other place and was always read; Chinese or Japanese text has only a few (the
line breaks and ASCII punctuation) and was refused as a binary file. The reader now goes by
where the zero bytes fall and whether the bytes decode as UTF-16 (surrogates paired, no
U+0000, no unassigned or private-use characters), never by which script the text is in.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import annotator
from annotator.core.article import ArticleError
from annotator.core.readers import read_article
from annotator.core.readers.decoding import decode_bytes

TEXTS = {
    "chinese": "市政府周一表示，大桥是安全的。\n\n一位工程师说：“我们最担心的是一个问题。”\n最后，议会将在下周一做出决定。\n",
    "chinese without line breaks": "一个最大的问题是一座桥的安全与否，市政府周一表示大桥是安全的，工程师不同意",
    "japanese": "市は月曜日、橋は安全だと発表した。\n技術者は「最も大きな問題は一つだ」と述べた。\n",
    "korean": "시장은 월요일에 다리가 안전하다고 말했다.\n기술자들은 동의하지 않았다.\n",
    "cyrillic": "Мэр заявил в понедельник, что мост безопасен.\n\nИнженеры не согласны: «Это не так».\n",
    "greek": "Ο δήμαρχος είπε ότι η γέφυρα είναι ασφαλής.\nΟι μηχανικοί διαφωνούν.\n",
    "arabic": "قال رئيس البلدية إن الجسر آمن.\nالمهندسون لا يوافقون.\n",
    "emoji": "Party tonight 🎉🎊😀 at the bridge 🌉\n\nBring 🍕 and 🥤, said Zoë 👍🏽\n",
    "emoji only": "🎉🎊😀🌉🍕🥤👍🏽😀😀🎉\n",
    "latin": "The mayor said on Monday the bridge is safe.\n\nEngineers disagree.\n",
}


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("script", sorted(TEXTS))
def test_bomless_utf16_is_read_in_any_script(tmp_path, script, encoding):
    text = TEXTS[script]
    article = read_article(write(tmp_path, text.encode(encoding)))
    assert article.text == text
    assert article.metadata["encoding"] == encoding


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_long_chinese_article_with_many_zero_low_bytes_is_read(encoding):
    # 一 (U+4E00), 最 (U+6700), 耀 (U+8000) end in a zero byte, on the other side of the pair
    # from the zero bytes of line breaks: here they outnumber the line breaks ten to one.
    sentence = "他说：今年是最好的一年，一切都很顺利。市政府表示大桥是安全的，工程师不同意。"
    text = (sentence * 8 + "\n") * 5
    assert text.count("一") + text.count("最") > 10 * text.count("\n")
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00", "PNG image"),
        (b"\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66", "binary"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00\x3e\x00\x01\x00\x00\x00", "binary"),
        ("text".encode("utf-32-le") * 20, "binary"),
        (b"text\x00with\x00nul bytes in it, here", "binary"),
        ("Latin text\n".encode("utf-16-le") + b"\x00", "binary"),  # an odd length is not UTF-16
        ("\ud800 lone surrogate".encode("utf-16-le", "surrogatepass"), "binary"),
        ("\ue000\ue001\ue002\ue003 private use\n".encode("utf-16-le") * 3, "binary"),
        # a program's symbol names, split by NULs: ASCII read two bytes at a time is CJK-like
        (b"\x00".join([b"malloc", b"free", b"strlen", b"memcpy", b"printf", b"_ZN4llvm3foo", b"exit", b"abort"]), "binary"),
        (b"0000000\x00", "binary"),
    ],
)
def test_binary_data_is_still_refused(tmp_path, data, message):
    with pytest.raises(ArticleError, match=message):
        read_article(write(tmp_path, data))


@pytest.mark.parametrize("size", [64, 256, 1024, 4096, 65536])
def test_random_bytes_are_refused(tmp_path, size):
    for seed in range(25):
        data = random.Random(seed * 1000 + size).randbytes(size)
        with pytest.raises(ArticleError):
            read_article(write(tmp_path, data, f"noise{seed}.dat"))


def test_the_command_line_reads_bomless_chinese_utf16_and_refuses_noise(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(annotator.__file__).resolve().parents[1])}
    text = TEXTS["chinese"]
    article = write(tmp_path, text.encode("utf-16-le"), "story.txt")
    noise = write(tmp_path, random.Random(7).randbytes(4096), "noise.txt")

    def extract(path: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "annotator", "extract", "--format", "jsonl", str(path)]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    read = extract(article)
    assert read.returncode == 0, read.stderr
    record = json.loads(read.stdout.splitlines()[0])
    assert record["text"] == text
    assert record["metadata"]["encoding"] == "utf-16-le"
    refused = extract(noise)
    assert refused.returncode == 1 and "binary file" in refused.stderr
