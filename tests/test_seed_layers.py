"""The seed keeps its seven quotations and speakers through every layer.

If any layer drops the analysis (ingest, the library's documents, the CLI),
one of these fails; the app's own seed tests are in ``tests/ui/test_ui_seed.py``.
"""

import json

from click.testing import CliRunner

from reader.cli import main
from reader.ingest import load_path, parse_bytes
from reader.library import Library
from tests.seed_expected import SEED, check_quotes


def test_parse_bytes_gives_the_seed_its_quotations():
    article = parse_bytes(SEED.read_bytes(), source="seed")
    check_quotes(article.quotes, article.speakers)


def test_a_stored_seed_reads_back_with_its_quotations(tmp_path):
    library = Library.open(tmp_path / "lib")
    try:
        article = load_path(SEED)
        library.add(article)
        stored = library.get(article.id)
        check_quotes(stored.quotes, stored.speakers)
        (entry,) = library.list()
        assert entry.quotes == 7
    finally:
        library.close()


def test_a_reopened_library_still_has_the_seed_quotations(tmp_path):
    library = Library.open(tmp_path / "lib")
    article = load_path(SEED)
    library.add(article)
    library.close()
    again = Library.open(tmp_path / "lib")
    try:
        stored = again.get(article.id)
        check_quotes(stored.quotes, stored.speakers)
    finally:
        again.close()


def test_byline_parse_json_carries_the_seven_quotations_and_speakers():
    result = CliRunner().invoke(main, ["parse", "--json", str(SEED)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    check_quotes(row["quotes"], row["speakers"])
