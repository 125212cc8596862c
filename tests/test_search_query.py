"""Tests for reflect.entries.search_query: search-box text to a safe FTS5 MATCH expression."""

import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.entries.search_query import MAX_PREFIX_TERMS, MAX_TERMS, to_fts_query
from reflect.errors import InputError

ROWS = {
    1: ("Angry customer", "She made several complaints about a late refund."),
    2: ("Follow-up call", "Sent an e-mail to follow up on the exchange."),
    3: ("Till training", "The customer was angry at first; the till froze."),
    4: ("Team meeting", "Went over the refund policy with a customer, and the exchange rota."),
    5: ("Quiet day", "Nothing much. Title: tidy shelves; drop table of stock."),
}


@pytest.fixture(scope="module")
def db():
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
    connection.executemany(
        "INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)",
        [(rowid, title, body) for rowid, (title, body) in ROWS.items()])
    yield connection
    connection.close()


def matches(db, query):
    return [row[0] for row in db.execute(
        "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (query,))]


@pytest.mark.parametrize(
    ("text", "expected", "expected_without_prefix"),
    [
        # nothing to search for
        ("", None, None),
        ("   \t\n", None, None),
        ("*", None, None),
        ("**", None, None),
        ("!!! ... ---", None, None),
        ('""', None, None),
        ("AND", None, None),
        ("OR OR", None, None),
        ("NOT", None, None),
        ("NOT refund", None, None),  # FTS5 has no "everything except"
        # words, implicit AND, prefix on the last bare word
        ("complaint", '"complaint"*', '"complaint"'),
        ("complaint ", '"complaint"', '"complaint"'),  # trailing space: the word is finished
        ("angry customer", '"angry" "customer"*', '"angry" "customer"'),
        ("  angry   customer", '"angry" "customer"*', '"angry" "customer"'),
        ("cust*", '"cust"*', '"cust"*'),
        ("cust* angry", '"cust"* "angry"*', '"cust"* "angry"'),
        ("Or", '"Or"*', '"Or"'),  # only upper-case operators are operators
        ("refund or exchange", '"refund" "or" "exchange"*', '"refund" "or" "exchange"'),
        ("café", '"café"*', '"café"'),
        ("cafe\u0301", '"cafe\u0301"*', '"cafe\u0301"'),
        # phrases
        ('"angry customer"', '"angry customer"', '"angry customer"'),
        ('"angry customer"*', '"angry customer"*', '"angry customer"*'),
        ('"angry,  customer!"', '"angry customer"', '"angry customer"'),
        ('refund "angry customer"', '"refund" "angry customer"', '"refund" "angry customer"'),
        ('"OR" "NOT"', '"OR" "NOT"', '"OR" "NOT"'),
        ("follow-up", '"follow up"*', '"follow up"'),
        ("e-mail", '"e mail"*', '"e mail"'),
        ("follow-up*", '"follow up"*', '"follow up"*'),
        ("don't", '"don t"*', '"don t"'),
        # operators
        ("refund AND exchange", '"refund" "exchange"*', '"refund" "exchange"'),
        ("refund OR exchange", '"refund" OR "exchange"*', '"refund" OR "exchange"'),
        ("refund OR exchange angry",
         '("refund" OR "exchange") AND "angry"*', '("refund" OR "exchange") AND "angry"'),
        ("angry NOT refund", '"angry" NOT "refund"*', '"angry" NOT "refund"'),
        ("NOT refund angry", '"angry"* NOT "refund"', '"angry" NOT "refund"'),
        ("customer NOT angry NOT refund",
         '"customer" NOT "angry" NOT "refund"*', '"customer" NOT "angry" NOT "refund"'),
        ("refund OR exchange NOT angry",
         '("refund" OR "exchange") NOT "angry"*', '("refund" OR "exchange") NOT "angry"'),
        ("customer NOT angry OR refund",
         '"customer" NOT ("angry" OR "refund"*)', '"customer" NOT ("angry" OR "refund")'),
        # operators with nothing to act on
        ("OR refund", '"refund"*', '"refund"'),
        ("refund OR", '"refund"', '"refund"'),
        ("refund NOT", '"refund"', '"refund"'),
        ("refund AND", '"refund"', '"refund"'),
        ("refund OR OR exchange", '"refund" OR "exchange"*', '"refund" OR "exchange"'),
        ("refund AND OR exchange", '"refund" OR "exchange"*', '"refund" OR "exchange"'),
        ("refund OR AND exchange", '"refund" "exchange"*', '"refund" "exchange"'),
        ("refund OR NOT exchange", '"refund" NOT "exchange"*', '"refund" NOT "exchange"'),
        ("refund NOT OR exchange", '"refund" NOT "exchange"*', '"refund" NOT "exchange"'),
        ("NOT NOT refund", None, None),
        # FTS5 syntax in the input is only ever text
        ("title:tidy", '"title tidy"*', '"title tidy"'),
        ("^refund +exchange -angry",
         '"refund" "exchange" "angry"*', '"refund" "exchange" "angry"'),
        ("NEAR(angry customer)", '"NEAR angry" "customer"*', '"NEAR angry" "customer"'),
        ("(refund OR exchange)", '"refund" OR "exchange"*', '"refund" OR "exchange"'),
        ("'; DROP TABLE entries; --", '"DROP" "TABLE" "entries"', '"DROP" "TABLE" "entries"'),
        # unbalanced and embedded quotes
        ('"angry customer', '"angry" "customer"*', '"angry" "customer"'),
        ('angry customer"', '"angry" "customer"', '"angry" "customer"'),
        ('an"gry', '"an" "gry"*', '"an" "gry"'),
        ('"a" "b', '"a" "b"*', '"a" "b"'),
        ('say "hi" there"', '"say" "hi" "there"', '"say" "hi" "there"'),
        # control characters separate words and never reach FTS5
        ("refund\x00exchange", '"refund exchange"*', '"refund exchange"'),
    ],
)
def test_to_fts_query(text, expected, expected_without_prefix):
    assert to_fts_query(text) == expected
    assert to_fts_query(text, prefix_last=True) == expected
    assert to_fts_query(text, prefix_last=False) == expected_without_prefix


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("complaint", [1]),  # porter: complaint finds complaints
        ("complaints", [1]),
        ('"angry customer"', [1]),  # row 3 has both words, but not as a phrase
        ("angry customer", [1, 3]),
        ("angry AND customer", [1, 3]),
        ("refund OR exchange", [1, 2, 4]),
        ("refund AND exchange", [4]),
        ("refund exchange", [4]),
        ("customer NOT angry", [4]),
        ("refund OR exchange NOT angry", [2, 4]),
        ("exchange OR angry customer", [1, 3, 4]),
        ("follow-up", [2]),
        ("e-mail", [2]),
        ("cust", [1, 3, 4]),  # search as you type
        ("cust*", [1, 3, 4]),
        ('"refund"', [1, 4]),
        ('"angry', [1, 3]),
        ("title:tidy", [5]),  # a phrase in the body, not a filter on the title column
        ("title:quiet", []),
        ("ANGRY", [1, 3]),
        ("'; DROP TABLE entries; --", []),
    ],
)
def test_queries_find_the_expected_rows(db, text, rows):
    query = to_fts_query(text, prefix_last=text == "cust")
    assert query is not None
    assert matches(db, query) == rows
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == len(ROWS)


def test_queries_up_to_the_limit_are_accepted_and_longer_ones_refused(db):
    words = " ".join(f"word{i}" for i in range(MAX_TERMS - 1))  # and "x"
    for text in (words, words.replace(" ", " OR "), "x " + words.replace(" ", " NOT ")):
        matches(db, to_fts_query(text))
    longer = " ".join(f"word{i}" for i in range(2000))
    for text in (longer, longer.replace(" ", " OR "), "x " + longer.replace(" ", " NOT ")):
        with pytest.raises(InputError, match=f"at most {MAX_TERMS} words"):
            to_fts_query(text)


def test_prefix_terms_are_limited_separately():
    # 200 "l*" terms took 30 s on a big journal: each short prefix matches thousands of words.
    assert to_fts_query(" OR ".join(["l*"] * MAX_PREFIX_TERMS), prefix_last=False)
    with pytest.raises(InputError, match=f"at most {MAX_PREFIX_TERMS} words ending in"):
        to_fts_query(" OR ".join(["l*"] * (MAX_PREFIX_TERMS + 1)), prefix_last=False)
    with pytest.raises(InputError):  # the case that took 30 s
        to_fts_query(" OR ".join(["l*"] * 200), prefix_last=False)


_SYNTAX_HEAVY = st.lists(
    st.sampled_from(['"', "*", "OR", "AND", "NOT", "NEAR", "NEAR(", "(", ")", ":", "title:",
                     "^", "+", "-", " ", "  ", "refund", "angry", "'", ";", "--", "\x00", "\n",
                     "é", "\u0301", "_", "\u200b", "\U000f0000", "ǅ", "١"]),
    max_size=15,
)


@given(st.one_of(st.text(), _SYNTAX_HEAVY.map("".join), _SYNTAX_HEAVY.map(" ".join)),
       st.booleans())
def test_any_text_gives_none_or_a_query_fts5_accepts(text, prefix_last):
    query = to_fts_query(text, prefix_last=prefix_last)
    if query is None:
        return
    assert isinstance(query, str) and query
    # A fresh connection per example: hypothesis does not mix with function fixtures.
    with sqlite3.connect(":memory:") as connection:
        connection.execute(
            "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
        connection.execute("INSERT INTO t VALUES ('Angry customer', 'refund please')")
        connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_module_does_not_import_textual():
    code = "import sys, reflect.entries.search_query; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
