"""One article's annotations tied to their sidecar file: open, save, save as.

``AnnotationStore.open(article)`` never fails because of the sidecar. It reads it,
re-anchors the annotations if the article's text changed, and when the sidecar cannot
be read safely (corrupt, another format, a newer version) it opens with an empty,
read-only ``AnnotationSet`` and keeps the reason in ``problem``: that file is then never
written, and ``save_as`` writes a fresh sidecar elsewhere when the user asks.

Saving is refused with ``SidecarConflictError`` when someone else changed the file since
it was read, so the window can ask before overwriting (``save(overwrite=True)``).
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.reanchor import reanchor
from annotator.core.annotations.sidecar import (
    Fingerprint,
    SidecarConflictError,
    SidecarReadOnlyError,
    SidecarUnreadableError,
    disk_changed,
    encode_sidecar,
    read_sidecar,
    sidecar_path_for,
    write_sidecar,
)
from annotator.core.article import Article


class AnnotationStore:
    """The annotations of one article and the sidecar file they are saved to."""

    def __init__(
        self,
        article: Article,
        path: Path,
        annotations: AnnotationSet,
        *,
        fingerprint: Fingerprint | None = None,
        problem: SidecarUnreadableError | None = None,
        reanchored: bool = False,
        warnings: list[str] | None = None,
        corrections: list[dict] | None = None,
        recorded_length: int | None = None,
    ) -> None:
        self.article = article
        self.path = path
        self.annotations = annotations
        self.problem = problem
        self.reanchored = reanchored
        self.warnings = list(warnings or [])
        self._fingerprint = fingerprint
        self._saved_revision = annotations.revision
        self._unsaved_reanchoring = reanchored
        self._hashed: tuple[str, str] | None = None  # (article text, its SHA-256)
        # The reader's corrections, as JSON; annotator.core.corrections.book owns their meaning.
        self.corrections: list[dict] = list(corrections or [])
        self.recorded_length = recorded_length  # length of the text the sidecar was saved on
        self._unsaved_corrections = False

    @classmethod
    def open(cls, article: Article, path: Path | None = None) -> "AnnotationStore":
        """The annotations of ``article`` from ``path`` (default: its sidecar beside it)."""
        path = Path(path) if path is not None else sidecar_path_for(article.source)
        try:
            found = read_sidecar(path)
        except SidecarUnreadableError as error:
            return cls(article, path, AnnotationSet(article.text, read_only=True), problem=error)
        if found is None:
            return cls(article, path, AnnotationSet(article.text))
        content, fingerprint = found
        sha256 = article.sha256
        changed = content.article_sha256 != sha256
        annotations = content.annotations
        if changed:
            annotations = reanchor(article.text, annotations, content.article_length)
        store = cls(
            article,
            path,
            AnnotationSet(article.text, content.labels, annotations),
            fingerprint=fingerprint,
            reanchored=changed,
            warnings=content.warnings,
            corrections=content.corrections,
            recorded_length=content.article_length,
        )
        store._hashed = (article.text, sha256)
        return store

    # -- state ------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True while the sidecar could not be read; annotations cannot be changed or saved."""
        return self.annotations.read_only

    @property
    def is_dirty(self) -> bool:
        """Unsaved edits, or re-anchored positions not written back yet."""
        return (
            self.annotations.revision != self._saved_revision
            or self._unsaved_reanchoring
            or self._unsaved_corrections
        )

    def set_corrections(self, items: list[dict]) -> None:
        """Replace the corrections (as JSON) to be saved with the annotations."""
        self.corrections = list(items)
        self._unsaved_corrections = True

    def disk_changed(self) -> bool:
        """Whether another program changed the sidecar since it was read or saved."""
        return disk_changed(self.path, self._fingerprint)

    def article_sha256(self) -> str:
        """The article text's SHA-256, hashed once per text rather than at every save.

        Autosave writes after each edit; hashing a 10 MB article each time costs 10 ms.
        The text is compared by identity, so an article whose text was replaced is hashed anew.
        """
        text = self.article.text
        if self._hashed is None or self._hashed[0] is not text:
            self._hashed = (text, self.article.sha256)
        return self._hashed[1]

    def encoded(self) -> bytes:
        """The sidecar bytes for the current state, as ``save`` would write them."""
        return encode_sidecar(
            self.article.source.name,
            self.article_sha256(),
            len(self.article.text),
            self.annotations.labels,
            self.annotations.annotations,
            self.corrections,
        )

    # -- saving -----------------------------------------------------------------------------

    def save(self, *, overwrite: bool = False) -> None:
        """Write the sidecar atomically.

        Raises ``SidecarReadOnlyError`` when the sidecar could not be read (it is kept as
        it is), ``SidecarConflictError`` when it changed on disk and ``overwrite`` is
        false, ``SidecarWriteError`` when writing failed (the old file is intact).
        """
        if self.problem is not None:
            raise SidecarReadOnlyError(
                self.path,
                f"{self.problem} — annotations are read-only; use Save As to write a new sidecar",
            )
        if not overwrite and self.disk_changed():
            raise SidecarConflictError(
                self.path,
                f"{self.path} was changed by another program since it was opened; "
                "reload it, overwrite it, or save under another name",
            )
        self._write(self.path)

    def save_as(self, path: Path) -> None:
        """Write a fresh sidecar at ``path`` and keep saving there.

        This is the way out of the read-only state; the unreadable sidecar itself is
        refused as a target, so it is never overwritten.
        """
        path = Path(path)
        if self.problem is not None and _same_file(path, self.problem.path):
            raise SidecarReadOnlyError(
                path, f"{path} could not be read and is kept as it is; choose another name"
            )
        self._write(path)
        self.path = path
        self.problem = None
        self.annotations.read_only = False

    def _write(self, path: Path) -> None:
        revision = self.annotations.revision
        self._fingerprint = write_sidecar(path, self.encoded())
        self._saved_revision = revision
        self._unsaved_reanchoring = False
        self._unsaved_corrections = False


def _same_file(a: Path, b: Path) -> bool:
    """Same file, also through links or another spelling of the path."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return a.absolute() == b.absolute()
