"""The store hashes the article once per text, not at every (auto)save."""

from __future__ import annotations

import json

import annotator.core.article as article_module
from annotator.core.annotations import AnnotationStore
from annotator.core.article import text_sha256

from tests.core.annotations_support import STORY, annotate, article_at


def count_hashing(monkeypatch) -> list[str]:
    hashed: list[str] = []

    def counting(text: str) -> str:
        hashed.append(text)
        return text_sha256(text)

    monkeypatch.setattr(article_module, "text_sha256", counting)
    return hashed


def test_saves_after_opening_reuse_the_hash_computed_when_opening(tmp_path, monkeypatch):
    store = AnnotationStore.open(article_at(tmp_path))
    annotate(store.annotations, "Ferry fares")
    store.save()
    hashed = count_hashing(monkeypatch)
    reopened = AnnotationStore.open(store.article)
    assert len(hashed) == 1  # to compare with the sidecar's
    for phrase in ("harbour board", "Commuters"):
        annotate(reopened.annotations, phrase)
        reopened.save()
    assert len(hashed) == 1
    assert json.loads(reopened.path.read_bytes())["article"]["sha256"] == text_sha256(STORY)


def test_a_replaced_text_is_hashed_anew(tmp_path, monkeypatch):
    store = AnnotationStore.open(article_at(tmp_path))
    store.save()
    hashed = count_hashing(monkeypatch)
    store.save()
    store.article.text = STORY + "Correction appended.\n"
    store.save()
    store.save()
    assert hashed == [store.article.text]
    assert json.loads(store.path.read_bytes())["article"]["sha256"] == text_sha256(store.article.text)
