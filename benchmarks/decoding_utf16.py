"""How long recognising UTF-16 without a BOM takes, next to the same text with its BOM.

    python3 benchmarks/decoding_utf16.py [--megabytes 10] [--repeat 3]

A BOM-less UTF-16 file is decoded in both byte orders and its first 65,536 characters are
checked for unassigned and private-use characters; a file with a BOM is decoded once. The
difference is the price of reading BOM-less files, measured on the same text in the same run.
Binary data is refused as before; its time is printed too (both byte orders fail to decode).
"""

from __future__ import annotations

import argparse
import codecs
import random
import time

from annotator.core.article import ArticleError
from annotator.core.readers.decoding import decode_bytes

SENTENCES = (
    "市政府周一表示，大桥是安全的。",
    "一位工程师说：“我们最担心的是一个问题。”",
    "Мэр заявил, что мост безопасен.",
    "The council will decide on 12 May 2026.",
)


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def refused(data: bytes) -> None:
    try:
        decode_bytes(data)
    except ArticleError:
        return
    raise AssertionError("binary data was read as text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    rng = random.Random(1)
    pieces, length = [], 0
    while length < size // 2:
        sentence = rng.choice(SENTENCES) + ("\n" if rng.random() < 0.2 else "")
        pieces.append(sentence)
        length += len(sentence)
    text = "".join(pieces)
    bomless = text.encode("utf-16-le")
    with_bom = codecs.BOM_UTF16_LE + bomless
    noise = rng.randbytes(len(bomless))
    assert decode_bytes(bomless).text == text and decode_bytes(with_bom).text == text
    mb = len(bomless) / 1e6
    timings = {
        "UTF-16LE without BOM": best_of(args.repeat, lambda: decode_bytes(bomless)),
        "UTF-16LE with BOM (the alternative)": best_of(args.repeat, lambda: decode_bytes(with_bom)),
        "random bytes, refused": best_of(args.repeat, lambda: refused(noise)),
    }
    print(f"decoding {mb:.1f} MB ({len(text):,} characters), best of {args.repeat}:")
    for name, seconds in timings.items():
        print(f"  {name:<38} {seconds * 1000:8.1f} ms  ({mb / seconds:7.1f} MB/s)")


if __name__ == "__main__":
    main()
