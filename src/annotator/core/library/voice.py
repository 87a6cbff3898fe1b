"""Share of voice: who gets quoted across a collection, and how much.

As newsroom source audits and the Gender Gap Tracker report it: per speaker the number of
quotes and of quoted words, each as a share of all quotes in the collection, the articles
and outlets they are quoted in, and the roles the articles give them. Quotes nobody is
credited with are not dropped: they are one row of their own (:data:`UNATTRIBUTED`), so the
shares add up to the whole. A speaker is a name: the same name in two articles is counted as
one speaker (newsroom audits do the same; namesakes are rare within one collection).

``by="outlet"`` and ``by="role"`` count the same quotes per outlet or per speaker role
instead; attributed quotes whose speaker has no role fall under :data:`NO_ROLE`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from annotator.core.library.database import Library

UNATTRIBUTED = "(unattributed)"
NO_ROLE = "(no role)"
UNKNOWN_OUTLET = "(unknown outlet)"
GROUPINGS = ("speaker", "outlet", "role")

_KEYS = {
    "speaker": f"coalesce(q.speaker, '{UNATTRIBUTED}')",
    "outlet": f"coalesce(nullif(a.outlet, ''), '{UNKNOWN_OUTLET}')",
    "role": f"CASE WHEN q.speaker IS NULL THEN '{UNATTRIBUTED}' ELSE coalesce(q.speaker_role, '{NO_ROLE}') END",
}


@dataclass(slots=True)
class VoiceRow:
    """One speaker's (or outlet's, or role's) share of the collection's quotes."""

    name: str
    quotes: int
    words: int
    quote_share: float
    word_share: float
    articles: int
    outlets: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    speakers: int = 0

    @property
    def unattributed(self) -> bool:
        return self.name == UNATTRIBUTED

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "quotes": self.quotes,
            "quote_share": round(self.quote_share, 4),
            "words": self.words,
            "word_share": round(self.word_share, 4),
            "articles": self.articles,
            "outlets": self.outlets,
            "roles": self.roles,
            "speakers": self.speakers,
        }


def share_of_voice(library: Library, by: str = "speaker") -> list[VoiceRow]:
    """The rows, most quoted first (then most words, then name); the unattributed row last."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose from {', '.join(GROUPINGS)}")
    key = _KEYS[by]
    rows = library.connection.execute(
        f"SELECT {key} AS name, count(*), coalesce(sum(q.words), 0), count(DISTINCT q.article_id), "
        "json_group_array(DISTINCT nullif(a.outlet, '')), json_group_array(DISTINCT q.speaker_role), "
        "count(DISTINCT q.speaker) "
        "FROM quotes q JOIN articles a ON a.id = q.article_id GROUP BY name"
    ).fetchall()
    total_quotes = sum(row[1] for row in rows) or 1
    total_words = sum(row[2] for row in rows) or 1
    result = [
        VoiceRow(
            name=name,
            quotes=quotes,
            words=words,
            quote_share=quotes / total_quotes,
            word_share=words / total_words,
            articles=articles,
            outlets=_names(outlets),
            roles=_names(roles),
            speakers=speakers,
        )
        for name, quotes, words, articles, outlets, roles, speakers in rows
    ]
    result.sort(key=lambda row: (row.unattributed, -row.quotes, -row.words, row.name.casefold()))
    return result


def _names(json_array: str) -> list[str]:
    return sorted({value for value in json.loads(json_array) if value}, key=str.casefold)
