"""Who annotates: set once, shared by the window and the command line, the account's name by default."""

from __future__ import annotations

import json

import pytest

from annotator.core import preferences


def test_the_accounts_name_stands_in_until_a_name_is_set():
    assert preferences.stored_annotator_name() is None
    assert preferences.annotator_name() == preferences.account_full_name()
    assert preferences.annotator_name()  # the account always has at least a login name


def test_a_set_name_is_kept_in_the_users_config_folder(private_config_folder):
    assert preferences.set_annotator_name("  Ada   Lovelace ") == "Ada Lovelace"
    assert preferences.preferences_path().is_relative_to(private_config_folder)
    assert json.loads(preferences.preferences_path().read_text(encoding="utf-8")) == {"annotator_name": "Ada Lovelace"}
    assert preferences.annotator_name() == "Ada Lovelace"
    preferences.set_annotator_name("")
    assert preferences.stored_annotator_name() is None


@pytest.mark.parametrize("bad", ["Ada\x00", "Ada\x1b[31m", "x" * 201])
def test_a_name_with_control_characters_or_too_long_is_refused(bad):
    with pytest.raises(preferences.PreferencesError):
        preferences.set_annotator_name(bad)
    assert preferences.stored_annotator_name() is None


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"annotator_name": 5}', '{"annotator_name": "A\\u0000"}'])
def test_a_damaged_preferences_file_falls_back_to_the_accounts_name(content):
    path = preferences.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert preferences.annotator_name() == preferences.account_full_name()
