"""The ``annotator`` command: subcommands for scripts, and the window when none is given.

Each subcommand lives in its own module with a ``register(subparsers)`` function that
adds its parser and sets ``func``; ``func(args)`` returns the exit code. The non-GUI
commands never import PySide6, so they work on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.cli import (
    annotate_command,
    annotations_command,
    batch_command,
    config_command,
    correct_command,
    corrections_command,
    export_command,
    extract_command,
    gui_command,
    import_command,
)
from annotator.cli import diff_command, fetch_command, library_command

COMMAND_MODULES = [
    extract_command,
    annotations_command,
    annotate_command,
    correct_command,
    corrections_command,
    export_command,
    import_command,
    config_command,
    gui_command,
]
COMMAND_MODULES += [fetch_command, diff_command, library_command, batch_command]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Read news articles closely: quotes, speakers, people, highlights and notes.",
        epilog="With no command, opens the window on the bundled sample article; "
        "'annotator FILE' opens FILE; 'annotator URL' fetches the page and opens it.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not args_list:
        args_list = ["open"]
    elif args_list[0] not in commands and not args_list[0].startswith("-"):
        if args_list[0].lower().startswith(("http://", "https://")):
            # A web address: fetch the page into its folder of versions, then open it.
            args_list = ["fetch", "--open", *args_list]
        else:
            # Anything else is an article to open: a missing one is "file not found", as in every
            # command, not argparse's "invalid choice".
            args_list = ["open", *args_list]
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
