"""The review pack as HTML: one self-contained, printable page where user text stays text."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from reflect.export.html import markdown_to_html
from reflect.export.pack import export_review_pack
from tests.export.pack_journal import END, PRIVATE_BODY, PRIVATE_TITLE, START, build

HOSTILE_BODY = ('<script>alert("pwned")</script>\n\n<img src="http://tracker.example/p.gif">\n\n'
                '![logo](https://cdn.example/logo.png)\n\n<link rel="stylesheet" href="http://x.example/s.css">\n\n'
                '[click](javascript:alert(1)) <iframe src="http://x.example"></iframe>\n\n'
                '<style>@import url(http://x.example/a.css)</style>\n')


def html_pack(journal, framework, **options) -> str:
    out = io.StringIO()
    export_review_pack(journal, framework, out, start=START, end=END, html=True, **options)
    return out.getvalue()


@pytest.fixture
def page(journal, tiny_framework) -> str:
    records = build(journal)
    journal.entries.update(records.queue.id, body=HOSTILE_BODY, title="<b>Served</b> a queue")
    return html_pack(journal, tiny_framework)


class Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_page_is_a_whole_document_with_title_and_language(page):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
    assert "<title>Review pack — Sam Baker: 01/11/2026 to 24/11/2026</title>" in page
    assert page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page


def test_page_loads_nothing_from_anywhere(page):
    tags = elements(page)
    assert {t for t, _ in tags}.isdisjoint({"script", "link", "img", "iframe", "object", "embed", "base"})
    assert not any("src" in attrs or "srcset" in attrs for _, attrs in tags)
    assert [t for t, _ in tags].count("style") == 1  # ours, inline
    lowered = page.lower()
    assert "@import" not in lowered.replace("&lt;style&gt;@import", "")
    assert "url(" not in lowered.replace("@import url(http://x.example/a.css)", "")
    assert "default-src 'none'" in page  # and the browser is told to refuse anything else


def test_page_has_a_print_stylesheet(page):
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "@media print" in style and "@page" in style


def test_html_in_a_reflection_is_shown_as_text(page):
    assert '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;' in page
    assert "&lt;b&gt;Served&lt;/b&gt; a queue" in page
    assert "javascript:" not in [attrs.get("href", "") for _, attrs in elements(page)]


def test_pictures_become_plain_links(page):
    links = [attrs for tag, attrs in elements(page) if tag == "a" and attrs.get("class") == "picture"]
    assert links == [{"class": "picture", "href": "https://cdn.example/logo.png", "rel": "noopener noreferrer"}]


def test_page_has_no_hidden_lines_or_comment_places(page):
    assert "reflect:" not in page
    assert "Mentor comments" not in page and "Mentor: write" not in page


def test_page_holds_every_section_and_reflection(page):
    headings = re.findall(r"<h[12][^>]*>(.*?)</h[12]>", page)
    order = ["Brief", "Self-assessment", "SMART objectives", "Feedback and actions", "Mandatory training",
             "Reflections of the period", "Appendix: criteria by unit", "Appendix: meta-skills",
             "Record of the review meeting"]
    assert [h for h in headings if h in order] == order
    assert page.count('<article class="entry">') == 3
    assert "<table>" in page


def test_private_reflections_are_left_out_of_the_page(page):
    assert PRIVATE_TITLE not in page and PRIVATE_BODY not in page
    assert "3 reflections" in page and "left out" not in page  # not even counted


def test_private_reflections_come_into_the_page_with_the_flag(journal, tiny_framework):
    build(journal)
    page = html_pack(journal, tiny_framework, include_private=True)
    assert PRIVATE_TITLE in page and PRIVATE_BODY in page
    assert page.count('<article class="entry">') == 4


def test_record_has_boxes_and_empty_cells_to_write_in(page):
    record = page.split('<section class="record">')[1].split("</section>")[0]
    boxes = [attrs["class"] for tag, attrs in elements(record) if tag == "div"]
    assert boxes == ["box comments", "box actions", "box next"]
    rows = re.findall(r"<tr>(.*?)</tr>", record.split('<table class="sign">')[1])
    assert [re.search(r"<th>(.*?)</th>", r).group(1) for r in rows[1:]] == [
        "Apprentice", "Mentor or employer", "Training provider"]
    assert rows[1].count('<td class="write">') == 4  # name (filled in: Sam Baker), role, signature, date
    assert '<td class="write">Sam Baker</td>' in rows[1]
    # The mentor's rating beside each self-rating: three meta-skills, two to a row.
    ratings = record.split('<table class="ratings">')[1].split("</table>")[0]
    assert "<td>Kneading</td><td>4 Confident</td><td class=\"write\"></td>" in ratings
    assert ratings.count('<td class="write"></td>') == 3


def test_no_row_for_a_criterion_with_neither_a_gap_nor_new_evidence(page):
    # BAKE01.K1 was evidenced before the period only: the compact appendix leaves it out,
    # and the reflections name criteria by id, so its text is nowhere in the page.
    appendix = page.split('<section class="appendix">')[1].split("</section>")[0]
    assert "why dough must rest" not in page
    assert re.findall(r"<td>(P\d+|K\d+)</td>", appendix) == ["P1", "P2", "P1"]


def test_print_layout_breaks_before_the_detail_and_the_record(page):
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "section.detail > h2:first-child { break-before: page;" in style
    assert "section.record { break-before: page;" in style
    assert page.index('<section class="brief">') < page.index('<section class="detail">') \
        < page.index('<section class="reflections">') < page.index('<section class="appendix">') \
        < page.index('<section class="record">')


def test_markdown_to_html_escapes_raw_html():
    html = markdown_to_html("Hi <em>there</em>\n\n<div onclick=x>block</div>\n", "T <&>")
    assert "<title>T &lt;&amp;&gt;</title>" in html
    assert "&lt;em&gt;there&lt;/em&gt;" in html and "<div" not in html
