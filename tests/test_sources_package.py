"""helpers.sources as a package: its public names, its word lists read again when edited, no import cycle."""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import helpers
from helpers import attribution_patterns
from helpers.sources import find_attributions, lexicon

HELPERS = Path(helpers.__file__).resolve().parent


def test_the_public_names_are_where_they_were():
    from helpers.sources import (  # noqa: F401
        Attribution, Person, add_sides, channel_medium, export_source_table, find_people, seed_sources,
        source_table, verb_rating,
    )
    for name in ["Attribution", "Person", "find_attributions", "find_people", "source_table", "verb_rating",
                 "add_sides", "seed_sources", "export_source_table"]:
        assert getattr(helpers, name) is getattr(helpers.sources, name)


def test_each_module_of_the_package_has_a_docstring():
    for path in sorted((HELPERS / "sources").glob("*.py")):
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path.name


def _imports(path: Path) -> set[str]:
    """The helpers modules a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_article_and_quotes_do_not_import_each_other():
    assert "quotes" in _imports(HELPERS / "article.py")
    assert "article" not in _imports(HELPERS / "quotes.py")


def test_one_definition_of_a_word():
    from helpers.article import WORD
    from helpers.words import WORD as SHARED

    assert WORD.pattern == SHARED.pattern


def _copy_lists(tmp_path, monkeypatch) -> Path:
    verbs = tmp_path / "reporting_verbs.csv"
    shutil.copy(attribution_patterns.VERBS_FILE, verbs)
    monkeypatch.setattr(attribution_patterns, "VERBS_FILE", verbs)
    return verbs


def test_an_edited_verb_list_is_used_at_the_next_call(tmp_path, monkeypatch):
    verbs = _copy_lists(tmp_path, monkeypatch)
    text = "A headline\n\nThe mayor grumbled that the bridge was late."
    assert find_attributions(text) == []
    with open(verbs, "a", encoding="utf-8") as handle:
        handle.write('grumble,grumbled grumbles,grumbling,loaded,"a test verb"\n')
    os.utime(verbs, ns=(1, 10**18))
    [a] = find_attributions(text)
    assert (a.speaker, a.verb) == ("The mayor", "grumbled")
    assert attribution_patterns.VERB_FORMS["grumbled"] == "grumble"


def test_an_article_read_before_the_edit_is_read_again(tmp_path, monkeypatch):
    verbs = _copy_lists(tmp_path, monkeypatch)
    article = helpers.load_article(text="A headline\n\nThe mayor grumbled that the bridge was late.")
    version = lexicon.refresh()
    assert find_attributions(article) == []
    with open(verbs, "a", encoding="utf-8") as handle:
        handle.write('grumble,grumbled grumbles,grumbling,loaded,"a test verb"\n')
    os.utime(verbs, ns=(1, 10**18))
    assert len(find_attributions(article)) == 1
    assert lexicon.refresh() == version + 1


def test_the_word_lists_are_plain_data():
    assert "rights defender" in attribution_patterns.TITLES
    assert attribution_patterns.PRONOUNS["she"] == ("singular", "female")
    assert "mr." in {a.lower() for a in attribution_patterns.TITLE_ABBREVIATIONS}
    assert set(attribution_patterns.__all__) <= set(dir(attribution_patterns))
