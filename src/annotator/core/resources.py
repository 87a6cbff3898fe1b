"""Files shipped inside the package (the sample article), located with importlib.resources.

The package is installed as ordinary files (a wheel or an editable install), so
``importlib.resources.as_file`` yields the real path and nothing is extracted to a temporary
file; the context is left at once and the path stays valid. Going through importlib.resources
rather than ``__file__`` keeps this correct for any install layout that has real files.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SAMPLE_ARTICLE_NAME = "sample_article.txt"


def resource_path(name: str) -> Path:
    """A path to the shipped resource ``name`` (under ``annotator/resources``)."""
    resource = files("annotator").joinpath("resources", name)
    if not resource.is_file():
        raise FileNotFoundError(f"resource {name!r} is missing from the installed package")
    with as_file(resource) as path:
        return Path(path)


def sample_article_path() -> Path:
    """The bundled sample article: the default article the application opens."""
    return resource_path(SAMPLE_ARTICLE_NAME)
