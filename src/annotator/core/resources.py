"""Files shipped with the application (the sample article, the sidecar schema, word lists).

They live in the checkout's top-level ``resources/`` folder. A wheel carries them inside the
package as ``annotator/resources`` (hatchling's ``force-include``), where importlib.resources
finds them; an editable install runs from the checkout, where that folder is not inside the
package, so the lookup falls back to ``resources/`` beside ``src/``. Both are real files, so
``importlib.resources.as_file`` yields the real path without extracting anything.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

SAMPLE_ARTICLE_NAME = "sample_article.txt"


@cache
def resources_root() -> Traversable:
    """The folder of shipped resources: inside the installed package, else the checkout's."""
    packaged = files("annotator").joinpath("resources")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the application's resources folder is missing from this installation")


def resource(*parts: str) -> Traversable:
    """The shipped resource at ``parts`` below the resources folder (it may not exist)."""
    return resources_root().joinpath(*parts)


def resource_path(name: str) -> Path:
    """A path to the shipped resource ``name`` (a file directly under the resources folder)."""
    found = resource(name)
    if not found.is_file():
        raise FileNotFoundError(f"resource {name!r} is missing from the installed package")
    with as_file(found) as path:
        return Path(path)


def sample_article_path() -> Path:
    """The bundled sample article: the default article the application opens."""
    return resource_path(SAMPLE_ARTICLE_NAME)
