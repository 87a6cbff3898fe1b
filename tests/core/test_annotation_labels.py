"""The label set: unique names and keys, valid colours, edits that return a new set."""

from __future__ import annotations

import pytest

from annotator.core.annotations import DEFAULT_LABELS, Label, LabelError, LabelSet


def test_default_set_has_the_six_claim_work_labels_with_keys_1_to_6():
    labels = LabelSet()
    assert labels.names == ("Claim", "Evidence", "Opinion", "Question", "Quote", "Person")
    assert [label.key for label in labels] == list("123456")
    assert labels.by_key("5").name == "Quote"


def test_find_ignores_case_and_spaces_but_get_is_exact():
    labels = LabelSet()
    assert labels.find("  claim ").name == "Claim"
    assert labels.get("claim") is None
    assert labels.get("Claim") is DEFAULT_LABELS[0]


@pytest.mark.parametrize(
    "labels, message",
    [
        ([Label("Claim", "#ffffff"), Label("claim", "#000000")], "two labels called"),
        ([Label("A", "#ffffff", "1"), Label("B", "#000000", "1")], "key 1 is used by both"),
        ([Label("A", "red")], "colour"),
        ([Label("A", "#ffffff", "0")], "1-9"),
        ([Label(" A", "#ffffff")], "surrounding spaces"),
        ([Label("", "#ffffff")], "needs a name"),
    ],
)
def test_invalid_sets_are_refused_with_a_reason(labels, message):
    with pytest.raises(LabelError, match=message):
        LabelSet(labels)


def test_added_label_gets_the_next_free_key_and_an_unused_colour_from_the_set():
    labels = LabelSet()
    assert labels.next_free_key() == "7"
    assert labels.next_colour().lower() not in {label.color.lower() for label in labels}
    bigger = labels.added(Label("Statistic", labels.next_colour(), labels.next_free_key()))
    assert bigger.names[-1] == "Statistic" and len(labels) == 6  # the original is unchanged


def test_updated_refuses_a_name_or_key_held_by_another_label():
    labels = LabelSet()
    with pytest.raises(LabelError, match="already a label called 'Evidence'"):
        labels.updated("Claim", new_name="evidence")
    with pytest.raises(LabelError, match="key 2 is already used by 'Evidence'"):
        labels.updated("Claim", key="2")


def test_updated_may_change_only_the_case_of_its_own_name():
    assert LabelSet().updated("Claim", new_name="CLAIM").names[0] == "CLAIM"


def test_keys_run_out_after_nine():
    labels = LabelSet(Label(f"L{i}", "#123456", str(i)) for i in range(1, 10))
    assert labels.next_free_key() is None
