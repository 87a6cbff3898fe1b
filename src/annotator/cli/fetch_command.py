"""``annotator fetch URL [--into FOLDER]``: keep a web page as the next version of its article.

Prints where the page was saved and what changed since the previous version; a failed fetch
(offline, timeout, 404, too large, not a web page) prints why, exits 1 and writes nothing.
``annotator URL`` runs this with ``--open``: the window then opens on the article.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli.article_store import fail


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fetch", help="fetch a web page into a folder of versions (default: Documents/Annotator)"
    )
    parser.add_argument("url", metavar="URL", help="http:// or https:// address of the page")
    parser.add_argument(
        "--into", metavar="FOLDER", help="folder that keeps fetched pages (default: Annotator in your documents)"
    )
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="give up after this long")
    parser.add_argument("--open", action="store_true", help="open the window on the article once fetched")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from annotator.core.web.fetch import DEFAULT_TIMEOUT, FetchError
    from annotator.core.web.snapshots import default_web_folder
    from annotator.core.web.update import fetch_into

    root = Path(args.into) if args.into else default_web_folder()
    try:
        outcome = fetch_into(args.url, root, timeout=args.timeout or DEFAULT_TIMEOUT)
    except FetchError as error:
        return fail(str(error))
    version = outcome.version
    if outcome.unchanged:
        print(f"{outcome.folder.url}: the same as version {version.number}; nothing new was saved")
    else:
        print(f"saved version {version.number} of {outcome.folder.url}")
    print(f"  folder:  {outcome.folder.path}")
    print(f"  article: {outcome.article_path}")
    print(f"  {outcome.summary()}")
    sys.stdout.flush()
    if args.open:
        from annotator.app import run_gui  # imported late: Qt only when the window is wanted

        return run_gui(str(outcome.article_path))
    return 0
