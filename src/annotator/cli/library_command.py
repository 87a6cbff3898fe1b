"""``annotator library``: a folder of articles as one collection — index, search, speakers, export.

Every subcommand brings the folder's index up to date first (only changed articles are read
again), so ``search``, ``speakers`` and ``export`` always answer for the files as they are.
Progress goes to stderr, and only on a terminal; results go to stdout. Paths are shown as the
folder given plus each article's path inside it.

Exit codes: ``index`` returns 1 when some files could not be indexed (they are listed with
the reason); ``search`` returns 1 when nothing matched, like grep; 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from annotator.cli.article_store import fail, note
from annotator.core.export.csv_export import guard_formula
from annotator.core.library import (
    SEARCH_SCOPES,
    IndexReport,
    Library,
    LibraryError,
    SearchFilters,
    open_library,
    search,
    share_of_voice,
)
from annotator.core.library.indexer import update_library
from annotator.core.library.tables import TABLE_FORMATS, export_tables
from annotator.core.library.voice import GROUPINGS

SCOPE_NAMES = {"text": "text", "quotes": "quote", "annotations": "annotation"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "library",
        help="a folder of articles as one collection: index, search, share of voice, tables",
        description="Index a folder of articles (recursively, incrementally) and query it: full-text "
        "search, share of voice per speaker, and every quote, person and annotation as CSV or Parquet.",
    )
    commands = parser.add_subparsers(dest="library_command", metavar="SUBCOMMAND", required=True)

    index = commands.add_parser("index", help="index (or update the index of) a folder of articles")
    _folder_arguments(index)
    index.set_defaults(func=run_index)

    find = commands.add_parser("search", help="search article text, quotes and annotations")
    _folder_arguments(find)
    find.add_argument("query", metavar="QUERY",
                      help='words (all required), "exact phrases", word* for a prefix; "" lists everything the filters keep')
    find.add_argument("--in", dest="scope", choices=SEARCH_SCOPES, default="all", help="where to search (default all)")
    find.add_argument("--speaker", metavar="NAME", help="quotes by NAME (part of the name is enough)")
    find.add_argument("--label", metavar="L", help="annotations labelled L, or text and quotes under one")
    find.add_argument("--tag", metavar="T", help="annotations tagged T, or text and quotes under one")
    find.add_argument("--verdict", metavar="V", help="annotations with verdict V, or text and quotes under one")
    find.add_argument("--limit", type=int, default=100, metavar="N", help="at most N hits (0: all; default 100)")
    find.add_argument("--format", choices=("text", "json"), default="text")
    find.set_defaults(func=run_search)

    speakers = commands.add_parser("speakers", help="share of voice: quotes and quoted words per speaker")
    _folder_arguments(speakers)
    speakers.add_argument("--by", choices=GROUPINGS, default="speaker", help="count per speaker (default), outlet or role")
    speakers.add_argument("--format", choices=("text", "csv", "json"), default="text")
    speakers.set_defaults(func=run_speakers)

    export = commands.add_parser("export", help="every quote, person and annotation as tables (CSV or Parquet)")
    _folder_arguments(export)
    export.add_argument("--format", choices=TABLE_FORMATS, required=True)
    export.add_argument("-o", "--output", metavar="OUT", required=True,
                        help="folder for articles, quotes, people and annotations tables")
    export.set_defaults(func=run_export)


def _folder_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="FOLDER", help="the folder of articles (searched recursively)")
    parser.add_argument("--workers", type=int, metavar="N", help="processes reading articles (default: one per CPU)")


# -- shared -----------------------------------------------------------------------------------


def _updated(args: argparse.Namespace) -> tuple[Library, IndexReport]:
    """The folder's library, its index brought up to date (progress on a terminal)."""
    library = open_library(args.folder)
    try:
        report = update_library(library, workers=args.workers, progress=_progress() if sys.stderr.isatty() else None)
    except BaseException:
        library.close()
        raise
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
    return library, report


def _progress():
    def show(done: int, total: int, path: str) -> None:
        sys.stderr.write(f"\rindexing {done}/{total} articles  {path[-50:]}\x1b[K")
        sys.stderr.flush()

    return show


def _shown(args: argparse.Namespace, relative: str) -> str:
    return str(Path(args.folder) / relative)


def _quiet_failures(args: argparse.Namespace, report: IndexReport) -> None:
    for file, reason in report.new_failures:
        note(f"{_shown(args, file)}: {reason}")


def _guarded(run):
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except LibraryError as error:
            return fail(str(error))

    return wrapper


# -- index ------------------------------------------------------------------------------------


@_guarded
def run_index(args: argparse.Namespace) -> int:
    library, report = _updated(args)
    with library:
        listed = dict(library.failures())
    for file, reason in report.new_failures:  # also those never stored (a name that is not UTF-8)
        listed.setdefault(file, reason)
    failures = sorted(listed.items())
    totals = report.totals
    print(
        f"{args.folder}: {_count(totals['articles'], 'article')}, {_count(totals['quotes'], 'quote')}, "
        f"{_count(totals['people'], 'person', 'people')}, {_count(totals['annotations'], 'annotation')}, "
        f"{_count(totals['failures'], 'failure')}"
    )
    print(f"  {report.read} read, {report.unchanged} unchanged, {report.removed} removed in {report.seconds:.2f} s; "
          f"index: {report.index_path}")
    if failures:
        print("could not index:")
        for file, reason in failures:
            print(f"  {_shown(args, file)}: {reason}")
    return 1 if failures else 0


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


# -- search -----------------------------------------------------------------------------------


@_guarded
def run_search(args: argparse.Namespace) -> int:
    library, report = _updated(args)
    _quiet_failures(args, report)
    filters = SearchFilters(speaker=args.speaker, label=args.label, tag=args.tag, verdict=args.verdict)
    with library:
        hits = search(library, args.query, scope=args.scope, filters=filters, limit=max(args.limit, 0) or None)
    if args.format == "json":
        payload = [{**hit.to_json(), "path": _shown(args, hit.path)} for hit in hits]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0 if hits else 1
    current = None
    for hit in hits:
        if hit.path != current:
            current = hit.path
            print(f"{_shown(args, hit.path)} — {hit.title}" if hit.title else _shown(args, hit.path))
        where = "orphan" if hit.start is None else f"{hit.start}-{hit.end}"
        print(f"  {SCOPE_NAMES[hit.scope]} {where}{_hit_details(hit)}: {hit.snippet}")
    articles = len({hit.path for hit in hits})
    print(f"{_count(len(hits), 'hit')} in {_count(articles, 'article')}" if hits else "no hits")
    return 0 if hits else 1


def _hit_details(hit) -> str:
    details = hit.details
    if hit.scope == "quotes":
        return f" ({details['speaker'] or 'unattributed'})"
    if hit.scope == "annotations":
        parts = [details["label"]]
        if details["tags"]:
            parts.append("#" + " #".join(details["tags"]))
        if details["verdict"]:
            parts.append(details["verdict"])
        if details["found_in"] != "text":
            parts.append(f"in {details['found_in']}")
        return " " + ", ".join(parts)
    return ""


# -- speakers ---------------------------------------------------------------------------------


@_guarded
def run_speakers(args: argparse.Namespace) -> int:
    library, report = _updated(args)
    _quiet_failures(args, report)
    with library:
        rows = share_of_voice(library, by=args.by)
    if args.format == "json":
        json.dump([row.to_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([args.by, "quotes", "quote_share", "words", "word_share", "articles", "outlets", "roles"])
        for row in rows:
            writer.writerow([guard_formula(row.name), row.quotes, f"{row.quote_share:.4f}", row.words,
                             f"{row.word_share:.4f}", row.articles, guard_formula("; ".join(row.outlets)),
                             guard_formula("; ".join(row.roles))])
    else:
        _speaker_table(rows, args.by)
    return 0


def _speaker_table(rows, by: str) -> None:
    width = max([len(by)] + [len(row.name) for row in rows])
    print(f"{by.capitalize():<{width}}  quotes  share   words  share  articles")
    for row in rows:
        extra = "   ".join(
            f"{name}: {'; '.join(values)}"
            for name, values in (("roles", row.roles if by != "role" else []), ("outlets", row.outlets if by != "outlet" else []))
            if values
        )
        print(f"{row.name:<{width}}  {row.quotes:>6}  {row.quote_share:>5.1%}  {row.words:>6}  {row.word_share:>5.1%}"
              f"  {row.articles:>8}  {extra}".rstrip())
    total_quotes = sum(row.quotes for row in rows)
    total_words = sum(row.words for row in rows)
    print(f"{'total':<{width}}  {total_quotes:>6}  {'':>5}  {total_words:>6}")


# -- export -----------------------------------------------------------------------------------


@_guarded
def run_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        return fail(f"{out} is a file; -o names a folder for the tables")
    library, report = _updated(args)
    _quiet_failures(args, report)
    with library:
        try:
            written = export_tables(library, out, args.format)
        except OSError as error:
            return fail(f"cannot write the tables to {out}: {error.strerror or error}")
        except ImportError:
            return fail("Parquet needs pyarrow: python3 -m pip install 'annotator[library]'")
    for path in written:
        print(path)
    return 0
