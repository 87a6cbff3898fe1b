"""What changed between two versions of an article: sentences, words, quotes, highlights.

As NewsEdits does for news revisions, sentences are aligned first and words compared only
inside sentences that changed:

1. ``difflib`` aligns the two sentence sequences (equal runs are unchanged sentences);
2. inside each differing run, old and new sentences are paired in order when they are
   similar enough (``rapidfuzz`` ratio ≥ ``SAME_SENTENCE``) — a *changed* sentence, with its
   word-level changes; the rest are *deleted* or *added*;
3. the extractor runs on both versions, and each quote is matched to its counterpart
   (same words, else the most similar) to say which quotes changed, were removed or added,
   with their speakers — for a fact-checker the quotes that changed are the news;
4. the sidecar's annotations are re-anchored onto the new text to give each its new place.

Every offset is a code-point offset into the old or the new canonical text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz

from annotator.core.annotations.model import Annotation
from annotator.core.annotations.reanchor import reanchor
from annotator.core.annotations.sidecar import (
    SidecarContent,
    SidecarUnreadableError,
    read_sidecar,
    sidecar_path_for,
)
from annotator.core.corrections.anchoring import reanchor_corrections
from annotator.core.corrections.apply import apply_corrections
from annotator.core.corrections.model import Correction, corrections_from_json
from annotator.core.article import Article
from annotator.core.extraction import extract
from annotator.core.extraction.model import Quote
from annotator.core.web.sentences import sentence_spans
from annotator.core.web.word_diff import WordChange, inline, word_changes

SAME_SENTENCE = 50.0
"""Two sentences at least this similar (0-100) are one sentence edited, not one removed and one added."""
# Aligning a run of R old and C new differing sentences scores R × C pairs and keeps a table
# of them: 500 × 500 takes a fraction of a second, a rewritten 1 MB page (5,000 × 5,000) half
# a minute and gigabytes. Longer runs pair sentences in place instead.
MAX_ALIGNED_SENTENCE_PAIRS = 250_000
SAME_QUOTE = 60.0
"""The same for quotes: below it, the old quote was removed and the new one is another quote."""


@dataclass(slots=True)
class SentenceChange:
    kind: str  # "added", "deleted" or "changed"
    old: tuple[int, int] | None
    new: tuple[int, int] | None
    words: list[WordChange] = field(default_factory=list)
    at: int = 0  # where in the new text the change sits (a deleted sentence: where it was)

    def to_json(self, old_text: str, new_text: str) -> dict[str, object]:
        return {
            "type": self.kind,
            "old": _span_json(old_text, self.old),
            "new": _span_json(new_text, self.new),
            "at": self.at,
            "words": [w.to_json() for w in self.words],
        }


@dataclass(slots=True)
class QuoteChange:
    kind: str  # "changed", "removed", "added" or "reattributed"
    old: Quote | None
    new: Quote | None

    @property
    def speaker(self) -> str | None:
        quote = self.new if self.old is None else self.old
        return quote.speaker if quote else None

    def to_json(self) -> dict[str, object]:
        return {"type": self.kind, "old": _quote_json(self.old), "new": _quote_json(self.new)}


@dataclass(slots=True)
class AnnotationPlace:
    annotation: Annotation  # on the old text (status "orphan" when not found there either)
    placed: Annotation  # re-anchored onto the new text (status: anchored, moved, fuzzy, orphan)

    def to_json(self) -> dict[str, object]:
        old, new = self.annotation, self.placed
        return {
            "id": old.id,
            "label": old.label,
            "status": new.status,
            "old": None if old.status == "orphan" else {"start": old.start, "end": old.end, "text": old.exact},
            "new": None if new.status == "orphan" else {"start": new.start, "end": new.end, "text": new.exact},
        }


@dataclass(slots=True)
class ArticleDiff:
    old: Article
    new: Article
    sentences: list[SentenceChange]
    quotes: list[QuoteChange]
    annotations: list[AnnotationPlace]
    sidecar_problem: str | None = None

    def counts(self) -> list[str]:
        """"3 sentences changed", "1 quote removed"... (zeros left out)."""
        found: list[str] = []
        for kind in ("changed", "added", "deleted"):
            n = sum(1 for c in self.sentences if c.kind == kind)
            if n:
                found.append(f"{n} sentence{'s' if n != 1 else ''} {'removed' if kind == 'deleted' else kind}")
        for kind in ("changed", "reattributed", "removed", "added"):
            n = sum(1 for c in self.quotes if c.kind == kind)
            if n:
                found.append(f"{n} quote{'s' if n != 1 else ''} {kind}")
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "old": {"path": str(self.old.source), "length": len(self.old.text), **_provenance(self.old)},
            "new": {"path": str(self.new.source), "length": len(self.new.text), **_provenance(self.new)},
            "summary": self.counts(),
            "sentences": [c.to_json(self.old.text, self.new.text) for c in self.sentences],
            "quotes": [c.to_json() for c in self.quotes],
            "annotations": [p.to_json() for p in self.annotations],
            "sidecar_problem": self.sidecar_problem,
        }


def diff_articles(old: Article, new: Article, sidecar: Path | None = None) -> ArticleDiff:
    """Compare ``old`` with ``new``; annotations and corrections come from ``sidecar``
    (default: beside ``old``), so the quotes compared carry the reader's speakers."""
    content, problem = _sidecar_content(sidecar or sidecar_path_for(old.source))
    annotations = _annotation_places(old, new.text, content) if content is not None else []
    corrections = _corrections_on_both(old, new, content)
    sentences = diff_sentences(old, new)
    quotes = _quote_changes(old, new, sentences, corrections)
    return ArticleDiff(old, new, sentences, quotes, annotations, problem)


def change_counts(old: Article, new: Article, sidecar: Path | None = None) -> list[str]:
    """The sentence and quote counts of the diff, without the annotations (for a fetch summary);
    the quotes carry the corrections kept in ``sidecar``, as in ``diff_articles``."""
    content = _sidecar_content(sidecar)[0] if sidecar is not None else None
    sentences = diff_sentences(old, new)
    quotes = _quote_changes(old, new, sentences, _corrections_on_both(old, new, content))
    return ArticleDiff(old, new, sentences, quotes, []).counts()


def _quote_changes(
    old: Article,
    new: Article,
    sentences: list[SentenceChange],
    corrections: tuple[list[Correction], list[Correction]] = ([], []),
) -> list[QuoteChange]:
    """Extraction on both versions, skipped when every sentence is the same (so is every quote).

    The reader's corrections are applied to each version where their text is found there, so a
    speaker the reader fixed is the one named beside a changed or removed quote.
    """
    if not sentences:
        return []
    on_old, on_new = corrections
    return diff_quotes(_corrected_quotes(old, on_old), _corrected_quotes(new, on_new))


def _corrected_quotes(article: Article, corrections: list[Correction]) -> list[Quote]:
    extraction = extract(article)
    if corrections:
        extraction = apply_corrections(extraction, corrections, article.text)
    return extraction.quotes


# -- sentences --------------------------------------------------------------------------------


def diff_sentences(old: Article, new: Article) -> list[SentenceChange]:
    old_spans, new_spans = sentence_spans(old), sentence_spans(new)
    old_words = [_normalised(old.text[s:e]) for s, e in old_spans]
    new_words = [_normalised(new.text[s:e]) for s, e in new_spans]
    changes: list[SentenceChange] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        at = new_spans[j1 - 1][1] if j1 > 0 else 0  # just after the last sentence both share
        for i, j in _pair_similar(old_words, range(i1, i2), new_words, range(j1, j2)):
            if i is not None and j is not None:
                words = word_changes(old.text, old_spans[i], new.text, new_spans[j])
                changes.append(SentenceChange("changed", old_spans[i], new_spans[j], words, new_spans[j][0]))
                at = new_spans[j][1]
            elif i is not None:
                changes.append(SentenceChange("deleted", old_spans[i], None, at=at))
            elif j is not None:
                changes.append(SentenceChange("added", None, new_spans[j], at=new_spans[j][0]))
                at = new_spans[j][1]
    return changes


def _normalised(sentence: str) -> str:
    """Whitespace differences (re-wrapping, doubled spaces) are not edits."""
    return " ".join(sentence.split())


def _pair_similar(
    old: list[str], old_range: range, new: list[str], new_range: range
) -> list[tuple[int | None, int | None]]:
    """Old and new sentences of one differing run, paired in order when similar.

    A monotone alignment by dynamic programming (each pair scores its similarity above the
    threshold; unpaired sentences score nothing), so an edit never pairs across another.
    """
    olds, news = list(old_range), list(new_range)
    rows, cols = len(olds), len(news)
    if rows * cols > MAX_ALIGNED_SENTENCE_PAIRS:
        return _pair_in_place(old, olds, new, news)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            similarity = fuzz.ratio(old[olds[r]], new[news[c]])
            paired = score[r + 1][c + 1] + similarity if similarity >= SAME_SENTENCE else -1.0
            score[r][c] = max(paired, score[r + 1][c], score[r][c + 1])
    pairs: list[tuple[int | None, int | None]] = []
    r = c = 0
    while r < rows and c < cols:
        similarity = fuzz.ratio(old[olds[r]], new[news[c]])
        if similarity >= SAME_SENTENCE and score[r][c] == score[r + 1][c + 1] + similarity:
            pairs.append((olds[r], news[c]))
            r, c = r + 1, c + 1
        elif score[r][c] == score[r + 1][c]:
            pairs.append((olds[r], None))
            r += 1
        else:
            pairs.append((None, news[c]))
            c += 1
    pairs.extend((olds[k], None) for k in range(r, rows))
    pairs.extend((None, news[k]) for k in range(c, cols))
    return pairs


def _pair_in_place(old: list[str], olds: list[int], new: list[str], news: list[int]) -> list[tuple[int | None, int | None]]:
    """A run too long to align: the n-th old sentence pairs with the n-th new one when similar."""
    pairs: list[tuple[int | None, int | None]] = []
    for r, c in zip(olds, news):
        if fuzz.ratio(old[r], new[c]) >= SAME_SENTENCE:
            pairs.append((r, c))
        else:
            pairs += [(r, None), (None, c)]
    pairs.extend((r, None) for r in olds[len(news) :])
    pairs.extend((None, c) for c in news[len(olds) :])
    return pairs


# -- quotes -----------------------------------------------------------------------------------


def diff_quotes(old: list[Quote], new: list[Quote]) -> list[QuoteChange]:
    """Quotes that changed words or speaker, were removed or were added, in old-text order."""
    unmatched_new = list(range(len(new)))
    changes: list[QuoteChange] = []
    pending: list[Quote] = []
    for quote in old:  # same words: unchanged, or said by someone else now
        index = next((k for k in unmatched_new if _words(new[k]) == _words(quote)), None)
        if index is None:
            pending.append(quote)
            continue
        unmatched_new.remove(index)
        if (new[index].speaker or "") != (quote.speaker or ""):
            changes.append(QuoteChange("reattributed", quote, new[index]))
    for quote in pending:  # different words: the most similar remaining quote, if close enough
        best = max(unmatched_new, key=lambda k: fuzz.ratio(_words(quote), _words(new[k])), default=None)
        if best is not None and fuzz.ratio(_words(quote), _words(new[best])) >= SAME_QUOTE:
            unmatched_new.remove(best)
            changes.append(QuoteChange("changed", quote, new[best]))
        else:
            changes.append(QuoteChange("removed", quote, None))
    changes.extend(QuoteChange("added", None, new[k]) for k in unmatched_new)
    return changes


def _words(quote: Quote) -> str:
    return " ".join(quote.display_text.split())


def _quote_json(quote: Quote | None) -> dict[str, object] | None:
    if quote is None:
        return None
    return {"start": quote.start, "end": quote.end, "text": quote.display_text, "speaker": quote.speaker}


# -- annotations ------------------------------------------------------------------------------


def _sidecar_content(sidecar: Path) -> tuple[SidecarContent | None, str | None]:
    """What the sidecar holds, or why it cannot be read (the diff is shown without it)."""
    try:
        found = read_sidecar(sidecar)
    except SidecarUnreadableError as error:
        return None, str(error)
    return (found[0] if found is not None else None), None


def _annotation_places(old: Article, new_text: str, content: SidecarContent) -> list[AnnotationPlace]:
    """The sidecar's annotations placed on the old text (when it was saved on another
    version, as a fetched page's sidecar follows its newest version), then on the new."""
    on_old = list(content.annotations)
    if content.article_sha256 != old.sha256:
        on_old = reanchor(old.text, on_old, content.article_length)
    placed = reanchor(new_text, on_old, len(old.text))
    return [AnnotationPlace(a, p) for a, p in zip(on_old, placed)]


def _corrections_on_both(
    old: Article, new: Article, content: SidecarContent | None
) -> tuple[list[Correction], list[Correction]]:
    """The sidecar's corrections placed on each version (a correction whose text a version
    lacks is an orphan there, and is not applied to it)."""
    if content is None or not content.corrections:
        return [], []
    saved = corrections_from_json(content.corrections)

    def placed_on(article: Article) -> list[Correction]:
        if content.article_sha256 == article.sha256:
            return saved
        return reanchor_corrections(article.text, saved, content.article_length)

    return placed_on(old), placed_on(new)


# -- output -----------------------------------------------------------------------------------


def _span_json(text: str, span: tuple[int, int] | None) -> dict[str, object] | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def _provenance(article: Article) -> dict[str, str]:
    return {key: article.metadata[key] for key in ("url", "fetched", "web_version") if key in article.metadata}


def format_text(diff: ArticleDiff) -> str:
    """A report for a terminal: summary, then sentences, quotes and highlights."""
    old, new = diff.old, diff.new
    lines = [f"--- {_describe(old)}", f"+++ {_describe(new)}"]
    lines.append(", ".join(diff.counts()) or "no change in the text")
    if diff.sentences:
        lines += ["", "Sentences"]
    for change in diff.sentences:
        if change.kind == "changed":
            assert change.old is not None and change.new is not None
            lines.append(f"  ~ changed  old {change.old[0]}-{change.old[1]}  new {change.new[0]}-{change.new[1]}")
            lines.append("      " + inline(old.text, new.text, change.new, change.words))
        elif change.kind == "deleted":
            assert change.old is not None
            lines.append(f"  - deleted  old {change.old[0]}-{change.old[1]}")
            lines.append("      " + old.text[change.old[0] : change.old[1]])
        else:
            assert change.new is not None
            lines.append(f"  + added    new {change.new[0]}-{change.new[1]}")
            lines.append("      " + new.text[change.new[0] : change.new[1]])
    if diff.quotes:
        lines += ["", "Quotes"]
    for quote in diff.quotes:
        lines.append(f"  {quote.kind}: {quote.speaker or '(unattributed)'}")
        if quote.old is not None:
            lines.append(f"      old {quote.old.start}-{quote.old.end} ({quote.old.speaker or 'unattributed'}): {_words(quote.old)}")
        if quote.new is not None:
            lines.append(f"      new {quote.new.start}-{quote.new.end} ({quote.new.speaker or 'unattributed'}): {_words(quote.new)}")
    if diff.sidecar_problem:
        lines += ["", f"Highlights: not shown, {diff.sidecar_problem}"]
    elif diff.annotations:
        lines += ["", "Highlights"]
        for place in diff.annotations:
            before, after = place.annotation, place.placed
            was = "not in the old text" if before.status == "orphan" else f"old {before.start}-{before.end}"
            lines.append(f"  {before.label} {before.exact[:60]!r} ({was}): {_placement(after)}")
    return "\n".join(lines) + "\n"


def _placement(placed: Annotation) -> str:
    where = f"{placed.start}-{placed.end}"
    return {
        "anchored": f"in place at {where}",
        "moved": f"moved to {where}",
        "fuzzy": f"moved to {where}, its text changed to {placed.exact[:60]!r}",
    }.get(placed.status, "needs review (not found in the new text)")


def _describe(article: Article) -> str:
    provenance = _provenance(article)
    if "web_version" in provenance:
        return f"{article.source} (version {provenance['web_version']} of {provenance['url']}, fetched {provenance['fetched']})"
    return str(article.source)
