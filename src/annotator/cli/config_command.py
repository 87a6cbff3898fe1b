"""``annotator config``: show or set the preferences shared with the window (who annotates)."""

from __future__ import annotations

import argparse
import sys

from annotator.core.preferences import PreferencesError, annotator_name, preferences_path, set_annotator_name, stored_annotator_name


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help="show or set who annotates (the name stored on each annotation and used by exports)",
        description="With no option, print the preferences. The window's Preferences change the same file.",
    )
    parser.add_argument("--name", metavar="NAME", help="your name as an annotator ('' to use the account's name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.name is not None:
        try:
            set_annotator_name(args.name)
        except (PreferencesError, OSError) as error:
            print(f"annotator: {error}", file=sys.stderr)
            return 1
    stored = stored_annotator_name()
    origin = "set by you" if stored else "the account's name; set yours with --name"
    print(f"name: {annotator_name()} ({origin})")
    print(f"file: {preferences_path()}")
    return 0
