"""The label set of an article: named colours with shortcut keys, kept consistent.

A ``LabelSet`` is an immutable, ordered collection. Every edit returns a new set, so an
operation can keep the old one as its inverse. The rules it enforces are the ones a user
relies on when pressing a key over a selection: names are unique (ignoring case, so
"claim" and "Claim" cannot both exist), keys are unique, colours are ``#rrggbb``.

Names are names: one line of text without control characters. A tab or line break in a
label would start a new section in brat's ``visual.conf`` or split a Markdown heading, so
every way a name comes in (the labels dialog, the command line, a sidecar, an import)
meets :func:`check_label_name`, and importers use :func:`clean_label_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from annotator.core.annotations.model import DEFAULT_LABELS, Label

SHORTCUT_KEYS: tuple[str, ...] = tuple("123456789")
MAX_NAME_LENGTH = 200

# Colours offered to new labels, after the defaults: distinct on light and dark backgrounds
# (Okabe-Ito and Tol's "bright" palettes, which stay apart for colour-blind readers).
SPARE_COLOURS: tuple[str, ...] = (
    "#56b4e9",
    "#009e73",
    "#e69f00",
    "#cc79a7",
    "#d55e00",
    "#0072b2",
    "#228833",
    "#aa3377",
    "#66ccee",
    "#bbbbbb",
)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Unicode category Cc (C0 and C1 controls, DEL) and the line and paragraph separators.
# The sidecar schema's pattern for label names lists the same characters.
_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_IN_NAMES_RUN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


class LabelError(ValueError):
    """A label edit that would break the set's rules; the message is meant for the user."""


def normalise_name(name: str) -> str:
    """The name as stored: surrounding whitespace removed, inner runs of spaces kept."""
    return name.strip()


def _character_name(char: str) -> str:
    names = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}
    if char in names:
        return names[char]
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def check_label_name(name: str) -> None:
    """Refuse a name holding a control character (category Cc) or a line/paragraph separator."""
    found = _NOT_IN_NAMES.search(name)
    if found is not None:
        raise LabelError(
            f"a label name cannot contain line breaks, tabs or other control characters "
            f"({_character_name(found.group())} in {name!r})"
        )


def clean_label_name(name: str) -> str:
    """``name`` with each run of control characters and separators turned into one space,
    and surrounding spaces removed: what an import keeps of a foreign label name."""
    return normalise_name(_NOT_IN_NAMES_RUN.sub(" ", name))


def check_label(label: Label) -> None:
    check_label_name(label.name)
    if not label.name or label.name != normalise_name(label.name):
        raise LabelError(f"a label needs a name without surrounding spaces, not {label.name!r}")
    if len(label.name) > MAX_NAME_LENGTH:
        raise LabelError(f"label name is longer than {MAX_NAME_LENGTH} characters")
    if not _COLOUR.match(label.color):
        raise LabelError(f"label colour must look like #1f77b4, not {label.color!r}")
    if label.key is not None and label.key not in SHORTCUT_KEYS:
        raise LabelError(f"a label's shortcut key must be one of 1-9, not {label.key!r}")


class LabelSet:
    """An ordered, validated, immutable set of labels."""

    __slots__ = ("_labels", "_by_folded_name")

    def __init__(self, labels: Iterable[Label] = DEFAULT_LABELS) -> None:
        self._labels: tuple[Label, ...] = tuple(labels)
        self._by_folded_name: dict[str, Label] = {}
        keys: dict[str, str] = {}
        for label in self._labels:
            check_label(label)
            folded = label.name.casefold()
            if folded in self._by_folded_name:
                raise LabelError(f"there are two labels called {label.name!r}")
            self._by_folded_name[folded] = label
            if label.key is not None:
                if label.key in keys:
                    raise LabelError(
                        f"key {label.key} is used by both {keys[label.key]!r} and {label.name!r}"
                    )
                keys[label.key] = label.name

    # -- reading -------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Label]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LabelSet) and self._labels == other._labels

    def __hash__(self) -> int:
        return hash(self._labels)

    def __repr__(self) -> str:
        return f"LabelSet({list(self._labels)!r})"

    @property
    def labels(self) -> tuple[Label, ...]:
        return self._labels

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self._labels)

    def get(self, name: str) -> Label | None:
        """The label called exactly ``name``."""
        label = self._by_folded_name.get(name.casefold())
        return label if label is not None and label.name == name else None

    def find(self, name: str) -> Label | None:
        """The label whose name matches ``name`` ignoring case and surrounding spaces."""
        return self._by_folded_name.get(normalise_name(name).casefold())

    def require(self, name: str) -> Label:
        label = self.get(name)
        if label is None:
            known = ", ".join(self.names) or "none"
            raise LabelError(f"no label called {name!r} (labels: {known})")
        return label

    def by_key(self, key: str) -> Label | None:
        return next((label for label in self._labels if label.key == key), None)

    def index(self, name: str) -> int:
        return self.names.index(self.require(name).name)

    def next_free_key(self) -> str | None:
        used = {label.key for label in self._labels}
        return next((key for key in SHORTCUT_KEYS if key not in used), None)

    def next_colour(self) -> str:
        """A colour not used yet, so a new label is told apart from the others."""
        used = {label.color.lower() for label in self._labels}
        for colour in (*(label.color for label in DEFAULT_LABELS), *SPARE_COLOURS):
            if colour.lower() not in used:
                return colour
        return SPARE_COLOURS[len(self._labels) % len(SPARE_COLOURS)]

    # -- editing (each returns a new set) ------------------------------------------------

    def added(self, label: Label, index: int | None = None) -> "LabelSet":
        if self.find(label.name) is not None:
            raise LabelError(f"there is already a label called {self.find(label.name).name!r}")  # type: ignore[union-attr]
        labels = list(self._labels)
        labels.insert(len(labels) if index is None else index, label)
        return LabelSet(labels)

    def removed(self, name: str) -> "LabelSet":
        self.require(name)
        return LabelSet(label for label in self._labels if label.name != name)

    def updated(
        self,
        name: str,
        *,
        new_name: str | None = None,
        color: str | None = None,
        key: str | None = None,
        clear_key: bool = False,
    ) -> "LabelSet":
        """The set with label ``name`` renamed, recoloured or given another key.

        A rename may change only the case ("claim" → "Claim"); a name or key already
        used by another label is refused rather than silently merged or swapped.
        """
        current = self.require(name)
        renamed = current.name if new_name is None else normalise_name(new_name)
        clash = self.find(renamed)
        if clash is not None and clash.name != current.name:
            raise LabelError(f"there is already a label called {clash.name!r}")
        new_key = None if clear_key else (current.key if key is None else key)
        holder = self.by_key(new_key) if new_key is not None else None
        if holder is not None and holder.name != current.name:
            raise LabelError(f"key {new_key} is already used by {holder.name!r}")
        replacement = Label(renamed, current.color if color is None else color, new_key)
        return LabelSet(replacement if label.name == current.name else label for label in self._labels)

    def to_json(self) -> list[dict]:
        return [label.to_json() for label in self._labels]

    @classmethod
    def from_json(cls, data: list[dict]) -> "LabelSet":
        return cls(Label.from_json(item) for item in data)
