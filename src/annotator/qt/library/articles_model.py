"""The Library's articles table: one row per indexed article, sortable by value and filterable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from annotator.core.library.overview import ArticleSummary

ModelIndex = QModelIndex | QPersistentModelIndex

PATH_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS: tuple[str, ...] = ("Title", "Outlet", "Date", "Quotes", "People", "Annotations", "Verdicts")
TITLE, OUTLET, DATE, QUOTES, PEOPLE, ANNOTATIONS, VERDICTS = range(len(COLUMNS))
NUMERIC = frozenset({QUOTES, PEOPLE, ANNOTATIONS})


class LibraryArticlesModel(QAbstractTableModel):
    """The articles of a library, as :func:`article_overview` lists them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # Qt override
        """Sort by a column's value (numbers as numbers, text without case), in Python, in one pass.

        Sorting here rather than in the proxy: a proxy compares through ``data()``, two Python calls
        per comparison, which held the window over a second for a library of 10,000 articles.
        """
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [self._rows[index.row()] for index in before]
        self._order = (column, order)
        self._rows = self._sorted(self._rows)
        where = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[id(row)], index.column()) for row, index in zip(rows_before, before)]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[ArticleSummary]) -> list[ArticleSummary]:
        if self._order is None:
            return rows
        column, order = self._order
        return sorted(rows, key=lambda row: sort_key(row, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def article(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == PATH_ROLE:
            return article.path
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(article: ArticleSummary, column: int):
        if column == TITLE:
            return article.title or article.path.rsplit("/", 1)[-1]
        return (None, article.outlet, article.date, article.quotes, article.people, article.annotations,
                article.verdict_text)[column]


def sort_key(article: ArticleSummary, column: int):
    """What a column sorts by: numbers as numbers, text case-insensitively."""
    value = LibraryArticlesModel._display(article, column)
    return value if column in NUMERIC else str(value).casefold()


class ArticlesFilterModel(QSortFilterProxyModel):
    """Keeps rows where any column contains the filter text; sorting is the source model's own.

    A click on a header sorts the articles in the source model (``LibraryArticlesModel.sort``);
    the proxy keeps its order and only filters.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # Qt override
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
