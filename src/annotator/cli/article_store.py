"""What every sidecar-using command does first: read the article, open its annotations.

Kept in one place so that each command refuses the same things with the same words: an
unreadable article, or a sidecar that cannot be used safely (corrupt, another format, a
newer version), which is then left exactly as it is.
"""

from __future__ import annotations

import sys

from annotator.core.annotations import AnnotationStore
from annotator.core.article import Article, ArticleError
from annotator.core.readers import read_article


class CommandFailure(Exception):
    """A command that cannot go on; ``str()`` is the message for the user."""


def open_article_store(path: str, nothing_done: str) -> tuple[Article, AnnotationStore]:
    """The article at ``path`` and its annotation store.

    ``nothing_done`` completes the refusal message (e.g. "nothing was imported").
    """
    try:
        article = read_article(path)
    except ArticleError as error:
        raise CommandFailure(f"{path}: {error}") from error
    store = AnnotationStore.open(article)
    if store.problem is not None:
        raise CommandFailure(f"{store.problem}; {nothing_done}")
    return article, store


def note(message: str) -> None:
    """A remark on stderr that does not change the exit code."""
    print(f"annotator: {message}", file=sys.stderr)


def fail(message: str) -> int:
    """Report a failure on stderr and return the failure exit code (1)."""
    note(message)
    return 1
