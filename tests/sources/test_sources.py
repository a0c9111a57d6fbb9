"""Sources: folders, JSONL/JSON records, RSS/Atom feeds (files and URLs), WARC (plain and gzip)."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from newsdesk.errors import InputError
from newsdesk.ingest.fetch import FetchResult
from newsdesk.sources import Broken, Item, iter_items, load_item
from newsdesk.sources.feeds import parse_feed

BODY = ("The city council of Leeds voted on Tuesday to build 400 new homes on the old tram depot. "
        "Council leader James Lewis said construction would start in 2025.")
PAGE = f"<html><head><title>Leeds homes</title></head><body><article><h1>Leeds votes for homes</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"


def _items(source, **kw):
    return list(iter_items(str(source), **kw))


def test_jsonl_records_text_html_and_a_bad_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": BODY, "title": "Homes", "outlet": "yorkshire post",
                    "published": "2024-03-05", "url": "https://yp.example/1"}) + "\n"
        + "{not json\n\n"
        + json.dumps({"html": PAGE, "url": "https://bbc.example/2", "published": "2024-03-06T10:00:00Z"}) + "\n",
        encoding="utf-8")
    out = _items(path)
    assert [type(x) for x in out] == [Item, Broken, Item]
    assert "line 2" in out[1].reason
    first = load_item(out[0])
    assert first.outlet == "yorkshire post" and first.published == dt.date(2024, 3, 5)
    assert first.url == "https://yp.example/1" and "400 new homes" in first.text
    second = load_item(out[2])
    assert second.source == "html" and second.published == dt.date(2024, 3, 6)
    assert "<p>" not in second.text and "tram depot" in second.text
    # keys are stable across reads, and differ per line
    assert [x.key for x in _items(path)] == [x.key for x in out]
    assert len({x.key for x in out}) == 3


def test_record_without_body_fails_to_load(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"title": "only a title"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' or 'html'"):
        load_item(_items(path)[0])


def test_basil_style_json_file(tmp_path):
    record = {"title": "T", "source": "NYT", "date": "2016-01-02", "url": "https://nyt.example/x",
              "body-paragraphs": [["First sentence here.", "Second one."], ["New paragraph."]]}
    (tmp_path / "x.json").write_text(json.dumps(record), encoding="utf-8")
    article = load_item(_items(tmp_path / "x.json")[0])
    assert article.text.split("\n\n")[1] == "New paragraph."
    assert article.outlet == "NYT" and article.published == dt.date(2016, 1, 2)


def test_folder_is_walked_recursively_in_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.md").write_text("# Title\n\n" + BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    out = _items(tmp_path)
    assert [x.payload["path"].rsplit("/", 2)[-1] for x in out] == ["a.md", "two.txt"]
    assert load_item(out[0]).title == "Title"


def test_missing_source_is_a_broken_item(tmp_path):
    out = _items(tmp_path / "nope")
    assert len(out) == 1 and isinstance(out[0], Broken) and "no such file" in out[0].reason


RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Leeds Gazette</title>
<item><title>Homes vote</title><link>https://gazette.example/homes</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Inline only</title><guid>inline-1</guid><content:encoded><![CDATA[<p>""" + BODY.encode() + b"""</p>]]></content:encoded></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Homes</title><link rel="alternate" href="https://atom.example/1"/>
<updated>2024-03-07T09:00:00Z</updated><id>urn:1</id></entry></feed>"""


def _fetcher(pages):
    def fetch(url, *, allow_private=False, max_bytes=10_000_000):
        body, ctype = pages[url]
        return FetchResult(url=url, status=200, content_type=ctype, body=body, encoding="utf-8")
    return fetch


def test_rss_file_entries_are_fetched_with_the_given_fetcher(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    out = _items(path)
    assert [x.kind for x in out] == ["url", "record"]
    assert out[0].key == "https://gazette.example/homes"
    fetcher = _fetcher({"https://gazette.example/homes": (PAGE.encode(), "text/html")})
    article = load_item(out[0], fetcher=fetcher)
    assert article.outlet == "Leeds Gazette" and article.published == dt.date(2024, 3, 5)
    assert article.title == "Homes vote" and "tram depot" in article.text
    assert "tram depot" in load_item(out[1]).text


def test_feed_url_and_atom(tmp_path):
    fetcher = _fetcher({"https://atom.example/feed": (ATOM, "application/atom+xml"),
                        "https://atom.example/1": (PAGE.encode(), "text/html")})
    out = _items("https://atom.example/feed", fetcher=fetcher)
    assert [x.key for x in out] == ["https://atom.example/1"]
    article = load_item(out[0], fetcher=fetcher)
    assert article.outlet == "Atom News" and article.published == dt.date(2024, 3, 7)


def test_default_fetcher_refuses_private_addresses_per_entry(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_bytes(RSS.replace(b"https://gazette.example/homes", b"http://127.0.0.1/x"))
    from newsdesk.errors import BlockedAddressError

    with pytest.raises(BlockedAddressError):
        load_item(_items(path)[0])


def test_entity_declarations_are_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss><channel><title>&b;</title></channel></rss>'
    with pytest.raises(InputError, match="entities"):
        parse_feed(bomb)


def _warc_record(rtype: str, uri: str, http: bytes, rid: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-05T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _warc_bytes() -> bytes:
    page = PAGE.encode()
    ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    chunked = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
               + f"{len(page):x}\r\n".encode() + page + b"\r\n0\r\n\r\n")
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"
    missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nnope"
    return (_warc_record("warcinfo", "", b"software: test", "0")
            + _warc_record("response", "https://w.example/1", ok, "1")
            + _warc_record("response", "https://w.example/2", chunked, "2")
            + _warc_record("response", "https://w.example/3", image, "3")
            + _warc_record("response", "https://w.example/4", missing, "4"))


@pytest.mark.parametrize("compress", [False, True])
def test_warc_responses_become_articles(tmp_path, compress):
    data = _warc_bytes()
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(gzip.compress(data) if compress else data)
    out = _items(path)
    assert [x.payload["url"] for x in out] == ["https://w.example/1", "https://w.example/2"]
    for item in out:
        article = load_item(item)
        assert "tram depot" in article.text and article.url == item.payload["url"]
        assert article.published is not None


@pytest.mark.parametrize("damage", ["cut_gzip", "cut_record", "no_length"])
def test_damaged_warc_keeps_the_records_before_and_fails_clearly(tmp_path, damage):
    data = _warc_bytes()
    if damage == "cut_gzip":
        whole = gzip.compress(data[:len(data) // 2]) + gzip.compress(data[len(data) // 2:])
        path, raw = tmp_path / "crawl.warc.gz", whole[:-12]
    elif damage == "cut_record":
        path, raw = tmp_path / "crawl.warc", data + _warc_record("response", "u", b"x" * 50, "9")[:-40]
    else:
        path, raw = tmp_path / "crawl.warc", data + b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody"
    path.write_bytes(raw)
    out = _items(path)
    broken = [x for x in out if isinstance(x, Broken)]
    assert len(broken) == 1 and broken[0].error == "InputError"
    assert str(path) in broken[0].reason and ("truncated" in broken[0].reason
                                              or "Content-Length" in broken[0].reason)
    if damage != "cut_gzip":  # the first gzip member holds the two good pages
        assert [x.payload["url"] for x in out if isinstance(x, Item)] == [
            "https://w.example/1", "https://w.example/2"]
