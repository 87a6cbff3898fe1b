"""Search a library: the article texts, the quotes, the annotations — narrowed by filters.

A hit names the article (its folder-relative path), where in the article it lies (code-point
offsets into the canonical text, end exclusive) and a snippet with the match. What a hit spans
depends on where it was found:

- ``text``: the matched words themselves;
- ``quotes``: the whole quote (its text is shown as the reader sees it, parts joined by ``…``);
- ``annotations``: the annotated span (``None`` for an orphan, whose words are gone), found by
  its text, note or tags.

Filters: ``speaker`` (case-insensitive, part of the name is enough) keeps quotes by that
speaker, annotations of their words, and text in articles that quote them; ``label``, ``tag``
and ``verdict`` keep annotations that carry them, and quotes or text lying under such an
annotation. An empty query lists every quote and annotation that passes the filters.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from annotator.core.library.database import Library
from annotator.core.library.query import TOKEN, find_terms, fold, fts_query, parse_query, term_pattern

SEARCH_SCOPES = ("text", "quotes", "annotations", "all")
SNIPPET_CONTEXT = 60
_BREAKS = re.compile(r"[ \u00a0]*[\n\r\t\u2028\u2029\v\f][\s]*")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    speaker: str | None = None
    label: str | None = None
    tag: str | None = None
    verdict: str | None = None

    @property
    def annotation_filters(self) -> bool:
        return bool(self.label or self.tag or self.verdict)


@dataclass(slots=True)
class Hit:
    """One place that matches, with the words around it."""

    path: str
    scope: str
    start: int | None
    end: int | None
    before: str
    match: str
    after: str
    title: str = ""
    record_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def snippet(self) -> str:
        return f"{self.before}[{self.match}]{self.after}"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "in": self.scope,
            "start": self.start,
            "end": self.end,
            "snippet": self.before + self.match + self.after,
            "highlight": [len(self.before), len(self.before) + len(self.match)],
            "title": self.title,
            "id": self.record_id,
            **self.details,
        }


def search(
    library: Library,
    query: str,
    *,
    scope: str = "all",
    filters: SearchFilters | None = None,
    limit: int | None = 100,
) -> list[Hit]:
    """Hits for ``query`` in ``scope`` (see the module docstring), by article path then offset.

    With a ``limit``, each scope stops after that many hits in index order (the order the
    articles were indexed, their path order on a first run) and the first ``limit`` of them
    by path are returned; a search never reads every match to show a hundred.
    """
    if scope not in SEARCH_SCOPES:
        raise ValueError(f"unknown search scope {scope!r}")
    filters = filters or SearchFilters()
    terms = parse_query(query)
    hits: list[Hit] = []
    connection = library.connection
    if scope in ("text", "all") and terms:
        hits += _text_hits(connection, terms, filters, limit)
    if scope in ("quotes", "all"):
        hits += _quote_hits(connection, terms, filters, limit)
    if scope in ("annotations", "all"):
        hits += _annotation_hits(connection, terms, filters, limit)
    hits.sort(key=lambda hit: (hit.path, hit.start if hit.start is not None else -1, hit.scope))
    return hits[:limit] if limit else hits


# -- filters as SQL ---------------------------------------------------------------------------


def _annotation_match(filters: SearchFilters, alias: str) -> tuple[str, list[Any]]:
    """SQL conditions on annotations ``alias`` for the label, tag and verdict filters."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.label:
        clauses.append(f"{alias}.label = ? COLLATE NOCASE")
        params.append(filters.label)
    if filters.tag:
        clauses.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ? COLLATE NOCASE)")
        params.append(filters.tag)
    if filters.verdict:
        clauses.append(f"{alias}.verdict = ? COLLATE NOCASE")
        params.append(filters.verdict)
    return " AND ".join(clauses) or "1", params


def _like(name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- article text -----------------------------------------------------------------------------
#
# Matches are read in index order (FTS5 returns rowids in order, so a LIMIT stops early) and
# sorted by path at the end; with a limit, the first hits found are the ones shown.


def _speaker_names(connection: sqlite3.Connection, name: str) -> str:
    """The speakers whose name contains ``name``, as a JSON list for ``json_each``."""
    rows = connection.execute("SELECT name FROM speakers WHERE name LIKE ? ESCAPE '\\'", (_like(name),))
    return json.dumps([row[0] for row in rows])


def _text_hits(connection: sqlite3.Connection, terms: list, filters: SearchFilters, limit: int | None) -> list[Hit]:
    sql = "SELECT f.rowid FROM text_fts f WHERE text_fts MATCH ?"
    params: list[Any] = [fts_query(terms)]
    if filters.speaker:
        sql += (" AND EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = f.rowid "
                "AND q.speaker IN (SELECT value FROM json_each(?)))")
        params.append(_speaker_names(connection, filters.speaker))
    if filters.annotation_filters:
        condition, extra = _annotation_match(filters, "n")
        sql += f" AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = f.rowid AND {condition})"
        params += extra
    sql += " ORDER BY f.rowid"
    pattern = term_pattern(terms)
    hits: list[Hit] = []
    for (article_id,) in connection.execute(sql, params):
        path, title, text = connection.execute(
            "SELECT s.path, a.title, f.text FROM sources s JOIN articles a ON a.id = s.id "
            "JOIN text_fts f ON f.rowid = s.id WHERE s.id = ?",
            (article_id,),
        ).fetchone()
        spans = find_terms(text, pattern)
        if filters.annotation_filters:
            condition, extra = _annotation_match(filters, "n")
            covers = connection.execute(
                f'SELECT start, "end" FROM annotations n WHERE n.article_id = ? AND n.start >= 0 AND {condition}',
                [article_id, *extra],
            ).fetchall()
            spans = [(s, e) for s, e in spans if any(a < e and s < b for a, b in covers)]
        for start, end in spans:
            before, match, after = _snippet(text, start, end)
            hits.append(Hit(path, "text", start, end, before, match, after, title))
        if limit and len(hits) >= limit:
            break
    return hits


# -- quotes -----------------------------------------------------------------------------------


def _quote_hits(connection: sqlite3.Connection, terms: list, filters: SearchFilters, limit: int | None) -> list[Hit]:
    # The quotes are chosen (and limited) by id first, then joined with their articles: a
    # speaker quoted 20,000 times costs a sort of 20,000 integers, not of 20,000 joined rows.
    where: list[str] = []
    params: list[Any] = []
    if terms and filters.speaker:
        # Words and a speaker in one full-text query: FTS5 intersects the two lists itself. Each
        # speaker whose name contains the filter is a phrase on the speaker column; a name
        # holding one of those phrases contains the filter too, so this is the LIKE match.
        names = json.loads(_speaker_names(connection, filters.speaker))
        if not names:
            return []
        phrases = {" ".join(fold(token) for token in TOKEN.findall(name)) for name in names}
        speakers = " OR ".join(f'"{phrase}"' for phrase in sorted(phrases) if phrase)
        chosen = "SELECT q.id FROM quote_fts f JOIN quotes q ON q.id = f.rowid"
        where.append("quote_fts MATCH ?")
        params.append(f"{{text}} : ({fts_query(terms)}) AND {{speaker}} : ({speakers})")
        where.append("q.speaker IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(names))
        order = "f.rowid"
    elif terms:
        chosen = "SELECT q.id FROM quote_fts f JOIN quotes q ON q.id = f.rowid"
        where.append("quote_fts MATCH ?")
        params.append("{text} : (" + fts_query(terms) + ")")
        order = "f.rowid"
    else:
        chosen = "SELECT q.id FROM quotes q"
        order = "q.id"
    if filters.speaker and not terms:
        where.append("q.speaker IN (SELECT value FROM json_each(?))")
        params.append(_speaker_names(connection, filters.speaker))
    if filters.annotation_filters:
        condition, extra = _annotation_match(filters, "n")
        where.append(
            "EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = q.article_id AND n.start >= 0 "
            f'AND n.start < q."end" AND q.start < n."end" AND {condition})'
        )
        params += extra
    if where:
        chosen += " WHERE " + " AND ".join(where)
    chosen += f" ORDER BY {order}"
    if limit:
        chosen += f" LIMIT {int(limit)}"
    sql = (
        'SELECT q.quote_id, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_role, s.path, a.title '
        f"FROM ({chosen}) pick JOIN quotes q ON q.id = pick.id JOIN sources s ON s.id = q.article_id "
        "JOIN articles a ON a.id = q.article_id"
    )
    pattern = term_pattern(terms)
    hits = []
    for quote_id, start, end, text, kind, speaker, role, path, title in connection.execute(sql, params):
        before, match, after = _field_snippet(text, pattern)
        details = {"speaker": speaker, "role": role, "kind": kind}
        hits.append(Hit(path, "quotes", start, end, before, match, after, title, quote_id, details))
    return hits


# -- annotations ------------------------------------------------------------------------------


def _annotation_hits(connection: sqlite3.Connection, terms: list, filters: SearchFilters, limit: int | None) -> list[Hit]:
    sql = (
        'SELECT n.annotation_id, n.start, n."end", n.text, n.note, n.label, n.tags, n.verdict, n.speaker, '
        "n.status, s.path, a.title FROM annotations n JOIN sources s ON s.id = n.article_id "
        "JOIN articles a ON a.id = n.article_id"
    )
    condition, params = _annotation_match(filters, "n")
    where = [condition]
    if terms:
        where.append("n.id IN (SELECT rowid FROM annotation_fts WHERE annotation_fts MATCH ?)")
        params.append(fts_query(terms))
    if filters.speaker:
        where.append("n.speaker LIKE ? ESCAPE '\\'")
        params.append(_like(filters.speaker))
    sql += " WHERE " + " AND ".join(where) + " ORDER BY n.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    pattern = term_pattern(terms)
    hits = []
    for annotation_id, start, end, text, note, label, tags, verdict, speaker, status, path, title in connection.execute(
        sql, params
    ):
        tag_list = json.loads(tags)
        found_in = "text"
        snippet = _field_snippet(text, pattern)
        if pattern is not None and not find_terms(text, pattern):
            if find_terms(note, pattern):
                found_in, snippet = "note", _field_snippet(note, pattern)
            else:
                found_in = "tags"
        details = {
            "label": label,
            "tags": tag_list,
            "verdict": verdict,
            "note": note,
            "speaker": speaker,
            "status": status,
            "found_in": found_in,
        }
        placed = start >= 0
        hits.append(
            Hit(path, "annotations", start if placed else None, end if placed else None, *snippet, title,
                annotation_id, details)
        )
    return hits


# -- snippets ---------------------------------------------------------------------------------


def _snippet(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The match with up to ``SNIPPET_CONTEXT`` characters either side, cut at spaces, on one line."""
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left, start) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    before = ("…" if left > 0 else "") + _one_line(text[left:start])
    after = _one_line(text[end:right]) + ("…" if right < len(text) else "")
    return before, _one_line(text[start:end]), after


def _field_snippet(text: str, pattern: Any) -> tuple[str, str, str]:
    spans = find_terms(text, pattern) if pattern is not None else []
    if not spans:
        return "", _one_line(text if len(text) <= 2 * SNIPPET_CONTEXT else text[: 2 * SNIPPET_CONTEXT] + "…"), ""
    return _snippet(text, *spans[0])


def _one_line(text: str) -> str:
    """Line breaks and tabs (with the spaces around them) as one space; other spaces kept."""
    return _BREAKS.sub(" ", text)
