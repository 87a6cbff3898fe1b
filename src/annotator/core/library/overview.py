"""One line per article of a library: what the window's articles table shows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from annotator.core.library.database import Library


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    path: str
    title: str
    outlet: str
    author: str
    date: str
    quotes: int
    people: int
    annotations: int
    verdicts: dict[str, int] = field(default_factory=dict)

    @property
    def verdict_text(self) -> str:
        """``False 2, Mostly true 1`` — most frequent first."""
        ordered = sorted(self.verdicts.items(), key=lambda item: (-item[1], item[0]))
        return ", ".join(f"{verdict} {count}" for verdict, count in ordered)


def article_overview(library: Library) -> list[ArticleSummary]:
    """Every indexed article with its counts, in path order."""
    rows = library.connection.execute(
        "SELECT s.path, a.title, a.outlet, a.author, a.date, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
        "(SELECT count(*) FROM people p WHERE p.article_id = a.id), "
        "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id), "
        "(SELECT json_group_array(n.verdict) FROM annotations n WHERE n.article_id = a.id AND n.verdict IS NOT NULL) "
        "FROM articles a JOIN sources s ON s.id = a.id ORDER BY s.path"
    )
    summaries = []
    for path, title, outlet, author, date, quotes, people, annotations, verdicts in rows:
        counts: dict[str, int] = {}
        for verdict in json.loads(verdicts or "[]"):
            counts[verdict] = counts.get(verdict, 0) + 1
        summaries.append(ArticleSummary(path, title, outlet, author, date, quotes, people, annotations, counts))
    return summaries
