"""An article file with a saved sidecar holding the export fixture's annotations."""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotations import AnnotationStore
from annotator.core.annotations.labels import LabelSet
from annotator.core.annotations.operations import AddAnnotation, Batch, SetLabels
from annotator.core.readers import read_article
from tests.core.export_fixture import LABELS, TEXT, make_annotations


def write_annotated_story(folder: Path, name: str = "story.txt") -> Path:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    article = read_article(path)
    assert article.text == TEXT
    store = AnnotationStore.open(article)
    operations = [SetLabels(LabelSet(LABELS), (), "labels")]
    operations += [AddAnnotation(annotation) for annotation in make_annotations()]
    store.annotations.apply(Batch(tuple(operations)))
    store.save()
    return path
