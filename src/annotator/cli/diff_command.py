"""``annotator diff OLD [NEW] [--format text|json]``: what changed between two versions.

OLD and NEW are article files, or versions of a fetched page written ``FOLDER@N`` (the page's
folder or its article file, then the version number). ``annotator diff FOLDER`` compares a
fetched page's previous version with its newest. Sentences are aligned first, then words
compared inside the changed ones; quotes that changed or disappeared are named with their
speaker; the highlights of OLD's sidecar are placed on NEW.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from annotator.cli.article_store import fail
from annotator.core.annotations.sidecar import sidecar_path_for
from annotator.core.article import Article, ArticleError
from annotator.core.readers import read_article

_VERSION = re.compile(r"^(?P<path>.+)@(?P<number>\d+)$")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff", help="compare two versions of an article: sentences, words, quotes, highlights"
    )
    parser.add_argument("old", metavar="OLD", help="article file, or FOLDER@N for version N of a fetched page")
    parser.add_argument(
        "new", metavar="NEW", nargs="?", help="article file or FOLDER@N (default for a fetched page: its newest)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


class _Refused(Exception):
    pass


def run(args: argparse.Namespace) -> int:
    from annotator.core.web.article_diff import diff_articles, format_text

    try:
        if args.new is None:
            old, new, sidecar = _previous_and_newest(args.old)
        else:
            old, sidecar = _resolve(args.old)
            new, _ = _resolve(args.new)
    except _Refused as error:
        return fail(str(error))
    diff = diff_articles(old, new, sidecar)
    if args.format == "json":
        json.dump(diff.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(diff))
    if diff.sidecar_problem:
        print(f"annotator: note: {diff.sidecar_problem}", file=sys.stderr)
    return 0


def _resolve(spec: str) -> tuple[Article, Path]:
    """The article ``spec`` names and the sidecar whose highlights go with it."""
    from annotator.core.web.snapshots import PageFolder

    match = _VERSION.match(spec)
    if match and not Path(spec).exists():
        folder = PageFolder.at(Path(match["path"]))
        if folder is None:
            raise _Refused(f"{match['path']}: not the folder (or article) of a fetched page")
        try:
            article = folder.version_article(folder.version(int(match["number"])))
        except ArticleError as error:
            raise _Refused(str(error)) from None
        return article, _folder_sidecar(folder, spec)
    try:
        article = read_article(spec)
    except ArticleError as error:
        raise _Refused(f"{spec}: {error}") from None
    return article, sidecar_path_for(article.source)


def _previous_and_newest(spec: str) -> tuple[Article, Article, Path]:
    from annotator.core.web.snapshots import PageFolder

    folder = PageFolder.at(Path(spec))
    if folder is None:
        raise _Refused(f"{spec}: give two articles to compare (only a fetched page's folder needs one)")
    versions = folder.versions()
    if len(versions) < 2:
        raise _Refused(f"{spec}: this page has only {len(versions)} version(s); fetch it again to compare")
    try:
        old = folder.version_article(versions[-2])
        new = folder.version_article(versions[-1])
    except ArticleError as error:
        raise _Refused(str(error)) from None
    return old, new, _folder_sidecar(folder, spec)


def _folder_sidecar(folder, spec: str) -> Path:
    article = folder.current_article_path()
    if article is None:
        raise _Refused(f"{spec}: the fetched page has no article file")
    return sidecar_path_for(article)
