"""The word lists of ``reader.quotes``: no repeats, no word in two lists that
contradict each other."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import reader.quotes
from reader.quotes import lexicon, salience

_ROOM = Path(reader.quotes.__file__).parent


def _lists():
    """Every word list written in the room: "...".split(), dict literals and
    tuples of strings, with where each is."""
    for path in sorted(_ROOM.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.name}:{node.lineno}" if hasattr(node, "lineno") else path.name
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "split"
                and isinstance(node.func.value, ast.Constant)
                and isinstance(node.func.value.value, str)
            ):
                yield where, node.func.value.value.split()
            elif isinstance(node, ast.Dict) and node.keys and all(isinstance(k, ast.Constant) for k in node.keys):
                yield where, [k.value for k in node.keys]
            elif isinstance(node, (ast.Tuple, ast.Set)) and len(node.elts) > 2:
                if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                    yield where, [e.value for e in node.elts]


def test_the_room_has_word_lists_to_check():
    assert sum(1 for _ in _lists()) > 20


@pytest.mark.parametrize(("where", "words"), list(_lists()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_word_list_repeats_an_entry(where, words):
    repeated = sorted(w for w, n in Counter(words).items() if n > 1)
    assert not repeated, f"{where} repeats {repeated}"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A verb reports speech on its own, or only beside a quotation.
        (lexicon._STRONG, lexicon._WEAK),
        # A noun is a role, or a word that only ends like one.
        (lexicon.ROLE_NOUNS | lexicon.PERSON_NOUNS, lexicon._NOT_ROLES),
        (lexicon.ROLE_NOUNS | lexicon.PERSON_NOUNS, lexicon._NAMES_LIKE_ROLES),
        (lexicon.ADVERBS, lexicon.AUXILIARIES),
        (lexicon.DETERMINERS, set(lexicon.PRONOUNS)),
        # Before a name: the word makes it an object, or opens a sentence.
        (salience._PREPOSITIONS | salience._MODIFIERS, salience._OPENERS),
    ],
)
def test_no_word_is_in_two_lists_that_contradict_each_other(a, b):
    assert not set(a) & set(b)
