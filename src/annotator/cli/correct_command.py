"""``annotator correct``: record one correction of the extractor's quotes or people.

It names things as a reader does: a quote by some of its words (``--quote``), a person
by name or alias (``--person``). Names are looked up in the result as already corrected,
so a renamed person is found under the new name. A correction that would change nothing
(the extractor already says so) is refused; otherwise it is stored in the sidecar through
the same atomic save as ``annotator annotate``, and its id is printed.
"""

from __future__ import annotations

import argparse
import sys

from annotator.cli.article_store import CommandFailure, fail, open_article_store
from annotator.core.annotations import SidecarError
from annotator.core.corrections import model as ops
from annotator.core.corrections.apply import APPLIED
from annotator.core.corrections.book import CorrectionBook
from annotator.core.corrections.model import CORRECTED_KINDS, Anchor, Correction, CorrectionError
from annotator.core.corrections.select import (
    person_anchor,
    person_named,
    quote_anchor,
    quote_named,
    span_of,
)
from annotator.core.extraction import extract
from annotator.core.extraction.model import Extraction

QUOTE_ACTIONS = ("speaker", "clear_speaker", "not_a_quote", "kind", "span")
PERSON_ACTIONS = ("not_a_person", "credit", "rename", "role")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "correct",
        help="correct the extractor: a quote's speaker or kind, a false quote or person, names, merges",
        description="Records one correction in the article's sidecar and prints its id. "
        "Examples: --quote TEXT --speaker NAME | --clear-speaker | --not-a-quote | --kind scare|direct | "
        "--span TEXT; --person NAME --not-a-person | --credit | --rename NEW | --role ROLE; "
        "--merge NAME --into NAME; --split-alias ALIAS --from NAME; --add-quote TEXT [--speaker NAME]; "
        "--add-person TEXT. TEXT is matched exactly; when it occurs more than once, add --occurrence N.",
    )
    parser.add_argument("path", metavar="PATH", help="the article file")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--quote", metavar="TEXT", help="the extracted quote containing TEXT")
    what.add_argument("--person", metavar="NAME", help="the person called NAME (or with NAME as an alias)")
    what.add_argument("--merge", metavar="NAME", help="merge this person into the one given with --into")
    what.add_argument("--split-alias", metavar="ALIAS", help="the mentions written ALIAS are another person (--from NAME)")
    what.add_argument("--add-quote", metavar="TEXT", help="TEXT is a quote the extractor missed")
    what.add_argument("--add-person", metavar="TEXT", help="TEXT mentions a person the extractor missed")
    parser.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of TEXT (from 1)")
    parser.add_argument("--speaker", metavar="NAME", help="the quote's speaker: a person of the article or any name")
    parser.add_argument("--clear-speaker", action="store_true", help="the quote's speaker is not known")
    parser.add_argument("--not-a-quote", action="store_true", help="the extracted quote is not a quote")
    parser.add_argument("--kind", choices=CORRECTED_KINDS, help="the quote is a scare quote, or a direct one")
    parser.add_argument("--span", metavar="TEXT", help="the quote runs over TEXT instead")
    parser.add_argument("--not-a-person", action="store_true", help="the extracted person is not a person")
    parser.add_argument("--credit", action="store_true", help="the extracted person is a credit line")
    parser.add_argument("--rename", metavar="NEW", help="the person's name is NEW")
    parser.add_argument("--role", metavar="ROLE", help="the person's role")
    parser.add_argument("--into", metavar="NAME", help="with --merge: the person kept")
    parser.add_argument("--from", dest="from_person", metavar="NAME", help="with --split-alias: whose alias it is")
    parser.add_argument("--author", default="", metavar="NAME")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    _check_usage(args)
    try:
        article, store = open_article_store(args.path, "nothing was corrected")
    except CommandFailure as error:
        return fail(str(error))
    book = CorrectionBook(store)
    try:
        current = book.apply(extract(article))
        correction = _correction(article.text, current, args)
        book.add(correction)
        result = book.apply(current).result_for(correction.id)
        if result is None or result.status != APPLIED:
            reason = result.reason if result is not None else "it does not apply"
            raise CorrectionError(f"nothing to correct: {reason}")
        # Under the sidecar's lock, on top of what it holds then (as annotate and import do):
        # annotations or corrections another program saved meanwhile are kept.
        store.update(lambda _annotations: _keep(store, correction))
    except (CorrectionError, SidecarError) as error:
        return fail(f"{args.path}: {error}")
    if store.reanchored:
        print(
            "annotator: note: the article changed since its sidecar was saved; "
            "annotations and corrections were re-anchored and saved with the new one",
            file=sys.stderr,
        )
    print(correction.id)
    return 0


def _keep(store, correction: Correction) -> None:
    """``correction`` among the corrections the store holds now (read again if they changed)."""
    book = CorrectionBook(store)
    if book.get(correction.id) is None:
        book.add(correction)


def _check_usage(args: argparse.Namespace) -> None:
    error = args.parser.error
    given = lambda names: [n for n in names if getattr(args, n) not in (None, False)]  # noqa: E731
    quote_actions, person_actions = given(QUOTE_ACTIONS), given(PERSON_ACTIONS)
    extras = given(("into", "from_person"))
    if args.occurrence is not None and args.occurrence < 1:
        error("--occurrence counts from 1")
    if args.quote is not None:
        if len(quote_actions) != 1 or person_actions or extras:
            error("--quote needs one of --speaker, --clear-speaker, --not-a-quote, --kind, --span")
    elif args.person is not None:
        if len(person_actions) != 1 or quote_actions or extras:
            error("--person needs one of --not-a-person, --credit, --rename, --role")
    elif args.merge is not None:
        if args.into is None or quote_actions or person_actions or args.from_person:
            error("--merge NAME needs --into NAME (and nothing else)")
    elif args.split_alias is not None:
        if args.from_person is None or quote_actions or person_actions or args.into:
            error("--split-alias ALIAS needs --from NAME (and nothing else)")
    elif args.add_quote is not None:
        if set(quote_actions) - {"speaker"} or person_actions or extras:
            error("--add-quote TEXT takes only --speaker NAME")
    elif args.add_person is not None:
        if quote_actions or person_actions or extras:
            error("--add-person TEXT takes nothing else")


def _correction(text: str, current: Extraction, args: argparse.Namespace) -> Correction:
    new, author = Correction.new, args.author
    if args.quote is not None:
        anchor = quote_anchor(text, quote_named(text, current, args.quote, args.occurrence))
        if args.speaker is not None or args.clear_speaker:
            if args.speaker is not None and not args.speaker.strip():
                raise CorrectionError("--speaker needs a name (use --clear-speaker to clear it)")
            return new(ops.QUOTE_SPEAKER, anchor, value=args.speaker, author=author)
        if args.not_a_quote:
            return new(ops.QUOTE_NOT_QUOTE, anchor, author=author)
        if args.kind is not None:
            return new(ops.QUOTE_KIND, anchor, value=args.kind, author=author)
        return new(ops.QUOTE_SPAN, anchor, target=_span(text, args.span, None), author=author)
    if args.person is not None:
        anchor = person_anchor(text, person_named(current, args.person))
        if args.not_a_person or args.credit:
            return new(ops.PERSON_NOT_PERSON, anchor, credit=args.credit, author=author)
        if args.rename is not None:
            return new(ops.PERSON_RENAME, anchor, value=args.rename, author=author)
        return new(ops.PERSON_ROLE, anchor, value=args.role, author=author)
    if args.merge is not None:
        merged, kept = person_named(current, args.merge), person_named(current, args.into)
        if merged is kept:
            raise CorrectionError(f"{args.merge!r} and {args.into!r} are already one person ({kept.name})")
        return new(ops.PERSON_MERGE, person_anchor(text, merged), target=person_anchor(text, kept), author=author)
    if args.split_alias is not None:
        owner = person_named(current, args.from_person)
        anchor = person_anchor(text, owner, args.split_alias)
        return new(ops.PERSON_SPLIT_ALIAS, anchor, value=args.split_alias, author=author)
    if args.add_quote is not None:
        return new(ops.QUOTE_ADD, _span(text, args.add_quote, args.occurrence), value=args.speaker, author=author)
    return new(ops.PERSON_ADD, _span(text, args.add_person, args.occurrence), author=author)


def _span(text: str, words: str, occurrence: int | None) -> Anchor:
    start, end = span_of(text, words, occurrence)
    return Anchor.over(text, start, end)
