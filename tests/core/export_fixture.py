"""A small annotated article of our own for the export and import tests.

It exercises what breaks exporters: accents, the euro sign and emoji before and inside
highlights (code-point offsets), overlapping and nested highlights, a highlight across a
line break, a label with a space, a note with quotes, commas, a line break and markup,
text that a spreadsheet would run as a formula, and an orphan.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotations.model import DEFAULT_LABELS, Annotation, Label, QuoteSelector
from annotator.core.article import Article, Block
from annotator.core.extraction.model import Extraction, Person, Quote, Span

HEADLINE = "Café owners count the cost of the 🌧️ storm"
PARAGRAPH_1 = (
    "Zoë Achterberg, who runs the Blue Heron café, said: “We lost €2,000 in one night — "
    "the council knew the drain was blocked.” Her neighbour disagreed."
)
PARAGRAPH_2 = "=SUM of the damage is unclear. 😀 Officials said repairs would start “within weeks”."
BULLET_1 = "• Drains were last cleared in 2019"
BULLET_2 = "• Insurance claims rose by 40%"
TEXT = f"{HEADLINE}\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{BULLET_1}\n{BULLET_2}\n"

WHEN = "2026-03-11T09:30:00Z"
LATER = "2026-03-12T14:05:00Z"
LABELS: tuple[Label, ...] = (*DEFAULT_LABELS, Label("Check later", "#a0a0a0", "7"))


def _block(kind: str, piece: str) -> Block:
    start = TEXT.index(piece)
    return Block(kind, start, start + len(piece))


def make_article(source: Path = Path("/data/cafe-storm.txt")) -> Article:
    return Article(
        source=source,
        text=TEXT,
        title=HEADLINE,
        blocks=[
            _block("headline", HEADLINE),
            _block("paragraph", PARAGRAPH_1),
            _block("paragraph", PARAGRAPH_2),
            _block("bullet", BULLET_1),
            _block("bullet", BULLET_2),
        ],
    )


def _span_of(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def _annotation(number: int, piece: str, label: str, **fields) -> Annotation:
    start, end = _span_of(piece)
    fields.setdefault("created", WHEN)
    fields.setdefault("modified", WHEN)
    return Annotation.create(TEXT, start, end, label, id=f"00000000-0000-4000-8000-00000000000{number}", **fields)


def make_annotations() -> list[Annotation]:
    orphan = Annotation(
        id="00000000-0000-4000-8000-000000000007",
        start=3,
        end=20,
        selector=QuoteSelector("the old wall held", prefix="until Tuesday ", suffix=" firm"),
        label="Evidence",
        note="Paragraph removed in the update",
        created=WHEN,
        modified=WHEN,
        status="orphan",
    )
    return [
        _annotation(
            1,
            "We lost €2,000 in one night — the council knew",
            "Claim",
            tags=("money", "café ☕"),
            note='Receipts seen.\nOwner showed "two" invoices, see ledger',
            verdict="Mostly true",
            speaker="Zoë Achterberg",
            quote_id="q1",
            author="Ana Pérez",
            modified=LATER,
        ),
        _annotation(
            2,
            "the council knew the drain was blocked",
            "Evidence",
            note="Council records show the drain was cleared.",
            verdict="False",
            author="Ana Pérez",
        ),
        _annotation(3, "=SUM of the damage is unclear.", "Check later", tags=("-todo",)),
        _annotation(
            4,
            "😀 Officials said repairs would start “within weeks”",
            "Question",
            note='<script>alert("x")</script> & more',
            verdict="Unverifiable",
        ),
        _annotation(
            5,
            "Drains were last cleared in 2019\n• Insurance claims rose by 40%",
            "Claim",
            tags=("drains",),
            verdict="Misleading",
        ),
        _annotation(6, "Zoë Achterberg", "Person"),
        orphan,
    ]


def make_extraction() -> Extraction:
    name_start, name_end = _span_of("Zoë Achterberg")
    quote_start, quote_end = _span_of("“We lost €2,000 in one night — the council knew the drain was blocked.”")
    partial_start, partial_end = _span_of("“within weeks”")
    cue_start = TEXT.index("said: “")
    return Extraction(
        people=[
            Person(
                id="p1",
                name="Zoë Achterberg",
                role="runs the Blue Heron café",
                mentions=[Span(name_start, name_end)],
                quote_count=1,
            )
        ],
        quotes=[
            Quote(
                id="q1",
                start=quote_start,
                end=quote_end,
                text=TEXT[quote_start:quote_end],
                kind="direct",
                speaker="Zoë Achterberg",
                speaker_id="p1",
                speaker_mention=Span(name_start, name_end),
                cue=Span(cue_start, cue_start + 4),
                cue_text="said",
            ),
            Quote(
                id="q2",
                start=partial_start,
                end=partial_end,
                text=TEXT[partial_start:partial_end],
                kind="partial",
            ),
        ],
    )


def what_the_reader_made(annotation: Annotation) -> tuple:
    """The fields an export → import round trip must restore: span, label, tags, note,
    verdict (the issue's list) and the speaker."""
    return (
        annotation.start,
        annotation.end,
        annotation.label,
        annotation.tags,
        annotation.note,
        annotation.verdict,
        annotation.speaker,
    )
