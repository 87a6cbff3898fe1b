"""``annotator open [PATH]``: start the window (on the sample article when no path is given)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("open", help="open the reading window (default command)")
    parser.add_argument("path", nargs="?", help="article to open; the bundled sample when omitted")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from annotator.app import run_gui  # imported late: Qt only when the window is wanted

    return run_gui(args.path)
