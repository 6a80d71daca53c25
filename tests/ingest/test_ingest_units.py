"""The small pieces: normalising, decoding, sniffing, reading dates."""

from datetime import datetime, timedelta, timezone

import pytest

from reader.ingest.dates import find_date, find_dateline, parse_iso
from reader.ingest.decode import decode
from reader.ingest.normalize import clean_line, clean_text
from reader.ingest.sniff import sniff


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b]0;new title\x07after", "after"),
        ("\x1b]2;title\x1b\\after", "after"),
        ("a\x00b\x07c\x85d\x9fe", "abcde"),
        ("8-bit \x9b31mCSI", "8-bit CSI"),
        ("  many   spaces\tand\u00a0tabs ", "many spaces and tabs"),
        ("Cafe\u0301", "Café"),  # NFC
        ("“Quoted” — with ‘dashes’ – kept", "“Quoted” — with ‘dashes’ – kept"),
        ("[bold]not markup[/bold]", "[bold]not markup[/bold]"),
    ],
)
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


def test_clean_text_keeps_lines():
    assert clean_text("one\r\ntwo\rthree\n\x1b[1mfour") == "one\ntwo\nthree\nfour"


@pytest.mark.parametrize(
    "data, text",
    [
        ("naïve".encode("utf-8"), "naïve"),
        ("naïve".encode("utf-8-sig"), "naïve"),
        ("naïve café".encode("utf-16"), "naïve café"),
        ("naïve café".encode("utf-16-be"), "naïve café"),
        ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"), '<meta charset="windows-1251"><p>Привет</p>'),
    ],
)
def test_decode(data, text):
    assert decode(data) == text


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Les élèves ont visité le château près de la forêt cet été. " * 5, "latin-1"),
        ("Straße und Größe für die Bürger, sagte er. " * 5, "latin-1"),
        ("Zażółć gęślą jaźń, powiedział minister w poniedziałek. " * 5, "cp1250"),
        ("Привет, как дела? Это тест кодировки текста. " * 5, "cp1251"),
    ],
)
def test_decode_undeclared_single_byte(text, encoding):
    assert decode(text.encode(encoding)) == text


def test_utf8_wins_over_a_stale_single_byte_declaration():
    page = '<meta charset="iso-8859-1"><p>Café — “quoted”</p>'
    assert decode(page.encode("utf-8")) == page
    assert decode(page.encode("cp1252")) == page  # really Latin: the declaration holds


def test_decode_never_raises():
    assert isinstance(decode(bytes(range(256))), str)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"\n\n  <!-- saved --> <html lang='en'><p>x", "html"),
        (b"<div><p>One</p><p>Two</p><p>Three</p><br><a href=x>y</a><p>4</p><p>5</p></div>", "html"),
        (b"Web pages\n\nEvery page starts with <html> and puts text in <p> and <div> tags.\n", "text"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
        (b"Headline\n\nA paragraph that mentions <b> once.\n", "text"),
        ("Plain text, ünïcode.".encode("utf-16"), "text"),
        (b"%PDF-1.4 ...", "binary"),
        (b"\x00\x01\x02\x03binary", "binary"),
        (b"GIF89a\x01\x00", "binary"),
    ],
)
def test_sniff(data, kind):
    assert sniff(data) == kind


UTC = timezone.utc


@pytest.mark.parametrize(
    "text, stamp",
    [
        ("Last Updated: Tuesday, 28 November 2006, 10:45 GMT", datetime(2006, 11, 28, 10, 45, tzinfo=UTC)),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019",
         datetime(2019, 11, 20, 1, 39, tzinfo=timezone(timedelta(hours=-5)))),
        ("July 4, 2019 at 3:00 p.m. PT", datetime(2019, 7, 4, 15, 0, tzinfo=timezone(timedelta(hours=-7)))),
        ("Published 2021-03-09 14:05 +0100", datetime(2021, 3, 9, 14, 5, tzinfo=timezone(timedelta(hours=1)))),
        ("3rd May 2020", datetime(2020, 5, 3, tzinfo=UTC)),
        ("Sept. 30, 2018 11:59 PM", datetime(2018, 9, 30, 23, 59, tzinfo=UTC)),
    ],
)
def test_find_date(text, stamp):
    assert find_date(text) == stamp


def test_dateline_is_mostly_a_date():
    assert find_dateline("Posted on Monday 3 May 2021") == datetime(2021, 5, 3, tzinfo=UTC)
    assert find_dateline("Mr Kim arrives in Beijing for talks with envoys on 28 November 2006") is None
    assert find_date("no date here, only 12:30 and 2006") is None


def test_parse_iso():
    assert parse_iso("2019-11-19T08:03:00Z") == datetime(2019, 11, 19, 8, 3, tzinfo=UTC)
    assert parse_iso("2019-11-19") == datetime(2019, 11, 19, tzinfo=UTC)
    assert parse_iso("Tue, 19 Nov 2019 13:03:00 GMT") == datetime(2019, 11, 19, 13, 3, tzinfo=UTC)
    assert parse_iso("not a date") is None


def test_placeholder_and_far_future_stamps_are_no_date():
    assert parse_iso("0001-01-01T00:00:00Z") is None
    assert parse_iso("1970-01-01T00:00:00Z") is None
    assert parse_iso("9999-12-31") is None
    assert parse_iso("1970-01-02") == datetime(1970, 1, 2, tzinfo=UTC)
