"""One article's annotations tied to their sidecar file: open, save, save as.

``AnnotationStore.open(article)`` never fails because of the sidecar. It reads it,
re-anchors the annotations and the reader's corrections if the article's text changed
(every program that saves the sidecar then writes both placed on the new text), and when the sidecar cannot
be read safely (corrupt, another format, a newer version) it opens with an empty,
read-only ``AnnotationSet`` and keeps the reason in ``problem``: that file is then never
written, and ``save_as`` writes a fresh sidecar elsewhere when the user asks.

Saving is refused with ``SidecarConflictError`` when someone else changed the file since
it was read, so the window can ask before overwriting (``save(overwrite=True)``).
``update(change)`` is the way for scripts: it applies one change on top of whatever the
sidecar holds at that moment. Every write holds the sidecar's lock (``sidecar_lock``)
from the "changed on disk?" check to the rename, so two programs saving at once cannot
both write over the same old file and lose what the other added.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TypeVar

from annotator.core.annotations.document import AnnotationSet
from annotator.core.annotations.reanchor import reanchor
from annotator.core.annotations.sidecar import (
    MAX_SIDECAR_BYTES,
    Fingerprint,
    SidecarConflictError,
    SidecarReadOnlyError,
    SidecarUnreadableError,
    SidecarWriteError,
    disk_changed,
    encode_sidecar,
    read_sidecar,
    sidecar_path_for,
    sidecar_values,
    write_sidecar,
)
from annotator.core.annotations.sidecar_lock import LOCK_TIMEOUT_SECONDS, SidecarLockError, sidecar_lock
from annotator.core.article import Article

T = TypeVar("T")


class SidecarBusyError(SidecarWriteError):
    """Another program held the sidecar's lock for longer than this save would wait; nothing was written."""


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
        corrections = content.corrections
        if changed:
            annotations = reanchor(article.text, annotations, content.article_length)
            if corrections:  # placed on the new text too, else the saved sidecar would pin them to the old offsets
                corrections = _reanchored_corrections(article.text, corrections, content.article_length)
        store = cls(
            article,
            path,
            AnnotationSet(article.text, content.labels, annotations),
            fingerprint=fingerprint,
            reanchored=changed,
            warnings=content.warnings,
            corrections=corrections,
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
        return encode_sidecar(*self._state())

    def _state(self) -> tuple:
        return (
            self.article.source.name,
            self.article_sha256(),
            len(self.article.text),
            self.annotations.labels,
            self.annotations.annotations,
            self.corrections,
        )

    def room_left(self) -> int:
        """How many bytes the sidecar may still grow by before it would be too large to open."""
        return MAX_SIDECAR_BYTES - len(self.encoded())

    # -- saving -----------------------------------------------------------------------------

    def save(self, *, overwrite: bool = False, lock_wait: float = LOCK_TIMEOUT_SECONDS) -> None:
        """Write the sidecar atomically.

        Raises ``SidecarReadOnlyError`` when the sidecar could not be read (it is kept as
        it is), ``SidecarConflictError`` when it changed on disk and ``overwrite`` is
        false, ``SidecarWriteError`` when writing failed (the old file is intact), and
        ``SidecarBusyError`` (a write error) when another program held the lock for longer
        than ``lock_wait`` seconds: the window's autosave waits briefly and tries again later
        rather than freeze while another program saves.
        """
        self._refuse_if_unreadable()
        with _locked(self.path, lock_wait):
            if not overwrite and self.disk_changed():
                raise SidecarConflictError(
                    self.path,
                    f"{self.path} was changed by another program since it was opened; "
                    "reload it, overwrite it, or save under another name",
                )
            self._write(self.path)

    def update(self, change: Callable[[AnnotationSet], T]) -> T:
        """Apply ``change`` to the annotations as the sidecar holds them now, and save.

        For commands that make one change: under the sidecar's lock, a sidecar that
        another program saved since this store read it is read again (and re-anchored),
        ``change`` is applied to that, and the result is written before the lock is let
        go. Two scripts adding at once thus each add on top of the other. ``change`` may
        raise (an unknown label, a span outside the text); nothing is written then, nor
        when it changed nothing.
        """
        self._refuse_if_unreadable()
        with _locked(self.path):
            if self.disk_changed():
                self._reload()
            result = change(self.annotations)
            if self.is_dirty:
                self._write(self.path)
        return result

    def _refuse_if_unreadable(self) -> None:
        if self.problem is not None:
            raise SidecarReadOnlyError(
                self.path,
                f"{self.problem} — annotations are read-only; use Save As to write a new sidecar",
            )

    def _reload(self) -> None:
        """Take over what the sidecar holds now (called with its lock held)."""
        fresh = AnnotationStore.open(self.article, self.path)
        if fresh.problem is not None:
            raise fresh.problem
        self.annotations = fresh.annotations
        self.corrections = fresh.corrections
        self.recorded_length = fresh.recorded_length
        self._unsaved_corrections = False
        self.reanchored = self.reanchored or fresh.reanchored
        self.warnings += [warning for warning in fresh.warnings if warning not in self.warnings]
        self._fingerprint = fresh._fingerprint
        self._saved_revision = fresh._saved_revision
        self._unsaved_reanchoring = fresh._unsaved_reanchoring

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
        with _locked(path):
            self._write(path)
        self.path = path
        self.problem = None
        self.annotations.read_only = False

    def _write(self, path: Path) -> None:
        """Check and write the sidecar; the caller holds the lock of ``path``."""
        revision = self.annotations.revision
        state = self._state()
        self._fingerprint = write_sidecar(path, encode_sidecar(*state), sidecar_values(*state), exclusive=True)
        self._saved_revision = revision
        self._unsaved_reanchoring = False
        self._unsaved_corrections = False


def _reanchored_corrections(text: str, items: list[dict], old_length: int) -> list[dict]:
    """The corrections (as JSON) placed on ``text`` by the annotations' re-anchoring rules."""
    # Imported here: core/corrections builds on this package (its records use the annotations' model).
    from annotator.core.corrections.anchoring import reanchor_corrections
    from annotator.core.corrections.model import corrections_from_json, corrections_to_json

    return corrections_to_json(reanchor_corrections(text, corrections_from_json(items), old_length))


@contextmanager
def _locked(path: Path, wait: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """The sidecar's lock, its failures reported as a failed save."""
    with ExitStack() as stack:
        try:
            stack.enter_context(sidecar_lock(path, wait))
        except SidecarLockError as error:
            failure = SidecarBusyError if error.errno == errno.EAGAIN else SidecarWriteError
            raise failure(path, str(error.strerror)) from error
        yield


def _same_file(a: Path, b: Path) -> bool:
    """Same file, also through links or another spelling of the path."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return a.absolute() == b.absolute()
