"""Item models of the People tab: one row per person, most prominent first; and the names the
article credits (photos, bylines), listed apart and muted because they are not in the story.

Prominence is what a reader scanning the sidebar wants first: people who are quoted,
then people mentioned often, then the order they appear. The columns sort by value
(numbers as numbers) through ``PeopleSortModel`` when the user clicks a header.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from PySide6.QtGui import QGuiApplication, QPalette

from annotator.core.extraction.model import Credit, Extraction, Person

ModelIndex = QModelIndex | QPersistentModelIndex

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[str, ...] = ("Name", "Role", "Mentions", "Quotes")
NAME, ROLE, MENTIONS, QUOTES = range(len(COLUMNS))


_START = attrgetter("start")


def prominence_key(person: Person) -> tuple[int, int, int]:
    """Sort key: most quotes, then most mentions, then first mentioned."""
    first = min(map(_START, person.mentions), default=0)  # C-level: 50,000 mentions in 2 ms
    return (-person.quote_count, -len(person.mentions), first)


class PeopleModel(QAbstractTableModel):
    """The people of one extraction, ordered by ``prominence_key``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []

    def set_extraction(self, extraction: Extraction | None) -> None:
        self.beginResetModel()
        people = list(extraction.people) if extraction else []
        self._people = sorted(people, key=prominence_key)
        self.endResetModel()

    def person(self, row: int) -> Person:
        return self._people[row]

    def row_of(self, person_id: str) -> int:
        return next((row for row, person in enumerate(self._people) if person.id == person_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return {
                    NAME: "Name as first given in full",
                    ROLE: "Title or role given in the article",
                    MENTIONS: "How many times the person is mentioned",
                    QUOTES: "How many quotes are attributed to the person",
                }[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = f"{person.name} ✎" if person.corrected else person.name  # corrected by the reader
            return [name, person.role or "", str(len(person.mentions)), str(person.quote_count)][column]
        if role == SORT_ROLE:
            return [person.name.casefold(), (person.role or "").casefold(), len(person.mentions), person.quote_count][
                column
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = ", ".join(person.aliases)
            return f"{person.name}" + (f"\nalso: {aliases}" if aliases else "") + (
                f"\n{person.role}" if person.role else ""
            ) + ("\nCorrected by you" if person.corrected else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MENTIONS, QUOTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PERSON_ID_ROLE:
            return person.id
        return None


class PeopleSortModel(QSortFilterProxyModel):
    """Sorts people by the clicked column's value; unsorted, it keeps prominence order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


CREDIT_COLUMNS: tuple[str, ...] = ("Credited", "For")
CREDIT_NAME, CREDIT_KIND = range(len(CREDIT_COLUMNS))
CREDIT_KIND_LABELS = {
    "photo": "photo",
    "video": "video",
    "byline": "byline",
    "reporting": "reporting",
    "writing": "writing",
    "editing": "editing",
    "files": "with files from",
}


class CreditsModel(QAbstractTableModel):
    """One row per credited name and kind (``Jane Roe · photo``), in text order, drawn muted:
    the reader sees who made the article without mistaking them for people in it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._credits: list[Credit] = []

    def set_extraction(self, extraction: Extraction | None) -> None:
        self.beginResetModel()
        seen: set[tuple[str, str]] = set()
        self._credits = []
        for credit in extraction.credits if extraction else []:
            if (credit.name, credit.kind) not in seen:  # a photographer credited under every picture: one row
                seen.add((credit.name, credit.kind))
                self._credits.append(credit)
        self.endResetModel()

    def credit(self, row: int) -> Credit:
        return self._credits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._credits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(CREDIT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(CREDIT_COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return CREDIT_COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._credits):
            return None
        credit = self._credits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [credit.name, CREDIT_KIND_LABELS.get(credit.kind, credit.kind)][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{credit.name}: credited ({CREDIT_KIND_LABELS.get(credit.kind, credit.kind)}), not a person in the story"
        return None
