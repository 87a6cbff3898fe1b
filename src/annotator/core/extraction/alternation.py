"""An alternation of several hundred literal words and phrases, written as a prefix tree.

The speech cues (``said``, ``according to``, ``issued a statement``…) are one regular expression
that every attribution window and every name's neighbourhood is searched with. Written flat
(``said|says|stated|…``), the regular expression engine tries each of the ~440 alternatives at
every word boundary of the text; written as a prefix tree (``s(?:a(?:id|ys)|tated)|…``) it tries
one branch per distinct next character, and a search over a news article takes a ninth of the time.

The tree matches exactly like the flat alternation, wherever it is embedded: the same strings, and
when several alternatives match at one position (``issued a statement`` and ``issued a statement
saying``), they are tried in the same order, so what follows the alternation sees the same
candidates in the same order. Branches that start with different characters can never both match
at one position, so grouping them never reorders two candidates; an alternative that ends where
others go on is kept in its place between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A token matching one run of whitespace (``\s+``), as between the words of a phrase.
WHITESPACE = None

Token = str | None  # one literal character, or WHITESPACE


def phrase_tokens(words: Sequence[str]) -> tuple[Token, ...]:
    """The tokens of words joined by whitespace (``("according", "to")`` → ``according\\s+to``)."""
    tokens: list[Token] = []
    for i, word in enumerate(words):
        if i:
            tokens.append(WHITESPACE)
        tokens.extend(word)
    return tuple(tokens)


def flat_pattern(alternatives: Sequence[Sequence[Token]]) -> str:
    """The alternatives one after the other (``a|b|c``): the form the prefix tree must match like."""
    return "|".join("".join(_token_pattern(t) for t in alternative) for alternative in alternatives)


def tree_pattern(alternatives: Sequence[Sequence[Token]]) -> str:
    """The alternatives as a prefix tree that matches exactly like :func:`flat_pattern`.

    Alternatives are tried in the order given. The argument that grouping never reorders two
    candidates needs each ``\\s+`` to sit between two literal characters that are not whitespace
    (so that it can only give back what the next character refuses); a list where that does not
    hold, or with an empty alternative, is written flat.
    """
    if not all(map(_well_formed, alternatives)):
        return flat_pattern(alternatives)
    return _node([tuple(a) for a in alternatives], 0)


def _well_formed(alternative: Sequence[Token]) -> bool:
    if not alternative or alternative[0] is WHITESPACE or alternative[-1] is WHITESPACE:
        return False
    for token, following in zip(alternative, alternative[1:]):
        if token is WHITESPACE and following is WHITESPACE:
            return False
    return all(token is WHITESPACE or (len(token) == 1 and not token.isspace()) for token in alternative)


def _node(alternatives: list[tuple[Token, ...]], depth: int) -> str:
    """The alternatives (all sharing their first ``depth`` tokens) from token ``depth`` on."""
    branches: list[str] = []
    run: dict[Token, list[tuple[Token, ...]]] = {}  # next token -> alternatives, in first-seen order

    def close_run() -> None:
        for token, group in run.items():
            branches.append(_token_pattern(token) + _node(group, depth + 1))
        run.clear()

    for alternative in alternatives:
        if len(alternative) == depth:
            close_run()  # an alternative ending here is tried after those before it, before those after it
            branches.append("")
        else:
            run.setdefault(alternative[depth], []).append(alternative)
    close_run()
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _token_pattern(token: Token) -> str:
    return r"\s+" if token is WHITESPACE else re.escape(token)
