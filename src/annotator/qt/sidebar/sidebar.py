"""The sidebar: a tab per panel, each title showing its count ("Quotes (12)").

Panels are added with ``add_panel`` so later features (the Annotations tab) slot in
beside Quotes and People without the window knowing their insides.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from annotator.qt.sidebar.people_panel import PeoplePanel
from annotator.qt.sidebar.quotes_panel import QuotesPanel


def count_title(name: str, visible: int, total: int) -> str:
    """``Quotes (12)``, or ``Quotes (3/12)`` while a filter hides some."""
    return f"{name} ({total})" if visible == total else f"{name} ({visible}/{total})"


class Sidebar(QTabWidget):
    """Tabs beside the article: Quotes and People, and whatever is added later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setMinimumWidth(220)
        self._names: dict[QWidget, str] = {}
        self.quotes = QuotesPanel(self)
        self.people = PeoplePanel(self)
        self.add_panel(self.quotes, "Quotes")
        self.add_panel(self.people, "People")
        self.people.model.modelReset.connect(
            lambda: self.set_count(self.people, self.people.count(), self.people.count())
        )
        self.set_count(self.quotes, 0, 0)
        self.set_count(self.people, 0, 0)

    def add_panel(self, panel: QWidget, name: str) -> int:
        """Add a tab; a panel with a ``counts_changed(visible, total)`` signal keeps its title's count."""
        self._names[panel] = name
        counts_changed = getattr(panel, "counts_changed", None)
        if counts_changed is not None:
            counts_changed.connect(lambda visible, total: self.set_count(panel, visible, total))
        return self.addTab(panel, name)

    def set_count(self, panel: QWidget, visible: int, total: int) -> None:
        self.setTabText(self.indexOf(panel), count_title(self._names[panel], visible, total))

    def tab_title(self, panel: QWidget) -> str:
        return self.tabText(self.indexOf(panel))
