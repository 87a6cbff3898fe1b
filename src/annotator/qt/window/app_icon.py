"""The application's icon, from the shipped SVG and the PNG sizes drawn from it.

Desktops pick the size they need; the PNGs keep small sizes crisp where an SVG renderer
would blur them, and the SVG serves every size in between.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from annotator.core.resources import resource

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """Annotator's icon; an empty icon if this installation lacks the files."""
    icon = QIcon()
    folder = resource("icons")
    for size in ICON_SIZES:
        png = folder.joinpath(f"annotator-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = folder.joinpath("annotator.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon
