"""A huge page is read up to bounds, and a story cut so says why."""

import json

from click.testing import CliRunner

from reader.cli import main
from reader.ingest import bounds, parse_bytes

NAMES = ["Wren Halvorsen", "Tamsin Okoro", "Idris Vallance"]


def _page(n: int) -> bytes:
    body = "\n".join(
        f'<p>"The ferry number {i} leaves late again," said {NAMES[i % 3]}.</p>' for i in range(n)
    )
    return (
        "<html><head><title>Ferry delays grow</title></head><body>"
        f"<article><h1>Ferry delays grow</h1>{body}</article></body></html>"
    ).encode()


def _dump(n: int) -> bytes:
    lines = [f'"The ferry number {i} leaves late again," said {NAMES[i % 3]}.' for i in range(n)]
    return ("Ferry delays grow\n\n" + "\n\n".join(lines) + "\n").encode()


def test_a_page_past_the_element_limit_is_read_up_to_it(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_ELEMENTS", 60)
    article = parse_bytes(_page(200), source="ferry.html")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith('"The ferry number 0 ')
    assert len(texts) < 60 and not any("number 199 " in t for t in texts)
    assert "only its first 60 HTML elements were read" in article.truncated
    assert article.quotes and article.quotes[-1].paragraph < len(texts)  # analysed what was kept
    assert article.to_dict()["truncated"] == article.truncated


def test_a_story_past_the_paragraph_limit_keeps_its_first_paragraphs(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PARAGRAPHS", 40)
    article = parse_bytes(_dump(120), source="ferry.txt")
    assert len(article.paragraphs) == 40
    assert "number 0 " in article.paragraphs[0].text and "number 39 " in article.paragraphs[-1].text
    assert "only its first 40 of " in article.truncated and "paragraphs were kept" in article.truncated


def test_a_page_within_the_bounds_is_whole_and_stored_as_before():
    article = parse_bytes(_page(200), source="ferry.html")
    assert len(article.paragraphs) == 200 and article.truncated is None
    assert "truncated" not in article.to_dict()  # documents of whole stories are unchanged


def test_import_and_show_say_the_story_was_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PARAGRAPHS", 40)
    page = tmp_path / "ferry.txt"
    page.write_bytes(_dump(120))
    runner = CliRunner()
    lib = ["--data-dir", str(tmp_path / "lib")]
    result = runner.invoke(main, [*lib, "import", "--jobs", "1", str(page)])
    assert result.exit_code == 0, result.output
    assert f"byline: {page}: imported, but the story is very long" in result.output
    listed = runner.invoke(main, [*lib, "list", "--json"])
    article_id = json.loads(listed.output.splitlines()[0])["id"]
    shown = runner.invoke(main, [*lib, "show", article_id])
    assert "(byline: the story is very long: only its first 40 of" in shown.output


def test_a_page_past_the_text_limit_is_read_up_to_it_and_scripts_do_not_count(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_TEXT", 3_000)
    script = "<script>var state = '" + "x" * 50_000 + "';</script>"
    page = _page(200).replace(b"<body>", b"<body>" + script.encode())
    article = parse_bytes(page, source="ferry.html")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith('"The ferry number 0 ')  # the script before it cost nothing
    assert 20 < len(texts) < 70 and "HTML elements were read" in article.truncated


def test_a_text_dump_past_the_line_limit_is_read_up_to_it(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_LINES", 100)
    article = parse_bytes(_dump(400), source="ferry.txt")
    assert "number 0 " in article.paragraphs[0].text
    assert not any("number 60 " in p.text for p in article.paragraphs)
    assert "only its first 100 lines were read" in article.truncated
    whole = parse_bytes(_dump(40) + b"\n\n\n" * 60, source="ferry.txt")  # blank lines after: whole
    assert whole.truncated is None and len(whole.paragraphs) == 40
