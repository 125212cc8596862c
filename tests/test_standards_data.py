"""Checks on data/standards.json, the framework as data.

The expected numbers and words below were read off the source text
(data/source/customer-service-framework.txt) by hand, not produced by the build script, so a
parser change that drops, splits or rewords an item makes these tests fail.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "standards.json"
SCHEMA = ROOT / "data" / "standards.schema.json"

STANDARDS = json.loads(DATA.read_text(encoding="utf-8"))
UNITS = {unit["code"]: unit for unit in STANDARDS["units"]}
CRITERIA = {c["id"]: c for unit in STANDARDS["units"] for c in unit["criteria"]}

# --------------------------------------------------------------------------- units

# (code, title, kind) in source order; the first two are the mandatory units.
EXPECTED_UNITS = [
    ("INSCS009", "Provide customer centric service", "nos"),
    ("SDS0223", "Developing meta-skills and personal practice", "work-situation"),
    ("SDS0368", "Allocating and checking work", "work-situation"),
    ("INSCS027", "Assess the risks in customer service", "nos"),
    ("CFACSD5", "Buddy a colleague to develop their customer service skills", "nos"),
    ("SDS0097", "Contributing to developing individuals", "work-situation"),
    ("CFACSA13", "Deal with customers in writing or electronically", "nos"),
    ("INSBA010", "Deliver and evaluate customer service", "nos"),
    ("INSCS016", "Deliver customer service to challenging customers", "nos"),
    ("INSCS040", "Gather, analyse and interpret customer feedback", "nos"),
    ("SDS0417", "Handling customer complaints", "work-situation"),
    ("INSCS039", "Improve customer relationships and services", "nos"),
    ("PPL1HSL5", "Lead a team to improve customer service", "nos"),
    ("SDS0418", "Leading meeting agenda items", "work-situation"),
    ("CCSCVO13", "Maintain good environmental practice in day to day work activities", "nos"),
    ("INSCS026", "Monitor and solve customer service problems", "nos"),
    ("INSCS029", "Monitor the quality of customer service transactions", "nos"),
    ("SDS0123", "Monitoring health, safety and security", "work-situation"),
    ("CFACSB10", "Organise the delivery of reliable customer service", "nos"),
    ("SDS0354", "Processing returns, refunds and exchanges", "work-situation"),
    ("INSCS019", "Promote additional services or products to customers", "nos"),
    ("INSCS038", "Promote continuous improvement", "nos"),
    ("INSCS041", "Use service partnerships for customer service delivery", "nos"),
    ("SDS0424", "Using social media to engage with customers", "work-situation"),
    ("CFACSD8", "Work with others to improve customer service", "nos"),
]

# Items per unit, counted by hand in the source:
# (performance, knowledge, skill, behaviour).
EXPECTED_COUNTS = {
    "INSCS009": (23, 21, 0, 0),
    "SDS0223": (8, 10, 0, 0),
    "SDS0368": (8, 7, 0, 0),
    "INSCS027": (13, 13, 0, 0),
    "CFACSD5": (18, 8, 0, 0),
    "SDS0097": (7, 13, 0, 0),
    "CFACSA13": (18, 9, 0, 0),
    "INSBA010": (12, 13, 6, 0),
    "INSCS016": (21, 21, 0, 0),
    "INSCS040": (19, 16, 0, 0),
    "SDS0417": (11, 12, 0, 0),
    "INSCS039": (19, 18, 0, 0),
    "PPL1HSL5": (12, 8, 0, 7),
    "SDS0418": (8, 7, 0, 0),
    "CCSCVO13": (8, 11, 0, 0),
    "INSCS026": (22, 17, 0, 0),
    "INSCS029": (16, 16, 0, 0),
    "SDS0123": (9, 21, 0, 0),
    "CFACSB10": (15, 8, 0, 0),
    "SDS0354": (8, 10, 0, 0),
    "INSCS019": (20, 18, 0, 0),
    "INSCS038": (15, 14, 0, 0),
    "INSCS041": (14, 12, 0, 0),
    "SDS0424": (5, 14, 0, 0),
    "CFACSD8": (12, 5, 0, 0),
}
KINDS = ("performance", "knowledge", "skill", "behaviour")
LETTERS = {"performance": "P", "knowledge": "K", "skill": "S", "behaviour": "B"}


def test_unit_codes_titles_and_kinds_in_source_order():
    assert [(u["code"], u["title"], u["kind"]) for u in STANDARDS["units"]] == EXPECTED_UNITS


def test_twenty_five_units_two_mandatory_listed_first():
    assert len(STANDARDS["units"]) == 25
    assert [u["code"] for u in STANDARDS["units"] if u["mandatory"]] == ["INSCS009", "SDS0223"]
    assert [u["mandatory"] for u in STANDARDS["units"][:2]] == [True, True]


def test_at_least_eight_optional_units_required():
    assert STANDARDS["framework"]["min_optional_units"] == 8


def test_there_are_enough_optional_units_to_choose_from():
    optional = [u for u in STANDARDS["units"] if not u["mandatory"]]
    assert len(optional) == 23 >= STANDARDS["framework"]["min_optional_units"]


@pytest.mark.parametrize("code", list(EXPECTED_COUNTS))
def test_item_counts_per_kind(code):
    counts = Counter(c["kind"] for c in UNITS[code]["criteria"])
    assert tuple(counts[kind] for kind in KINDS) == EXPECTED_COUNTS[code]


@pytest.mark.parametrize("code", list(EXPECTED_COUNTS))
def test_numbering_runs_1_to_n_per_kind(code):
    # The source numbers each list straight through, across its sub-headings.
    for kind in KINDS:
        numbers = [c["number"] for c in UNITS[code]["criteria"] if c["kind"] == kind]
        assert numbers == list(range(1, len(numbers) + 1)), kind


@pytest.mark.parametrize("code", list(EXPECTED_COUNTS))
def test_criterion_ids_are_code_letter_number(code):
    for c in UNITS[code]["criteria"]:
        assert c["id"] == f"{code}.{LETTERS[c['kind']]}{c['number']}"
        assert type(c["number"]) is int


@pytest.mark.parametrize("code", list(EXPECTED_COUNTS))
def test_criteria_in_source_order_performance_first(code):
    kinds = [c["kind"] for c in UNITS[code]["criteria"]]
    assert kinds == sorted(kinds, key=KINDS.index)


def test_work_situations_have_goal_and_outline():
    for unit in STANDARDS["units"]:
        if unit["kind"] == "work-situation":
            assert unit["goal"] and unit["outline"], unit["code"]


def test_nos_units_have_overview():
    for unit in STANDARDS["units"]:
        if unit["kind"] == "nos":
            assert unit["overview"], unit["code"]


# --------------------------------------------------------------------------- tricky items


def _check(cid, text):
    assert CRITERIA[cid]["text"] == text


@pytest.mark.parametrize("cid, text", [
    # number printed after the first part; rest after the next page's running head and label
    ("INSCS009.K21", "the legal, organisational, codes of practice and policies relevant to "
                     "your role and the activities being carried out"),
    # column cut at the page end; the rest printed after the goal and outline
    ("SDS0417.P10", "Sharing complaint information with colleagues in line with legislative "
                    "and regulatory requirements and organisational policies and procedures "
                    "to prevent similar complaints re-occurring"),
    # followed by a stray page number "17"
    ("CFACSD5.P18", "offer hints and tips on effective customer service actions to your buddy "
                    "colleague drawn from your own experience"),
    # followed by the footer "CCSCVO13 Maintain good ... activities 51"
    ("CCSCVO13.P8", "report hazards which present high risks to appropriate people without "
                    "delay"),
    # blank line inside the item
    ("SDS0223.P1", "Identifying meta-skills and role specific skills regularly used in own "
                   "work to assess strengths and improvement needs for personal and "
                   "professional development"),
    # last item before a running head
    ("CFACSB10.P15", "supply accurate customer service information to others using the most "
                     "appropriate method of communication"),
])
def test_items_split_across_lines_and_pages(cid, text):
    _check(cid, text)


@pytest.mark.parametrize("cid, text", [
    ("SDS0123.P7", "Checking that equipment and machinery is used, maintained and stored in "
                   "accordance with relevant legislation, manufacturers’ instructions and "
                   "organisation requirements"),
    ("SDS0123.K8", "How to communicate the findings of the risk assessment and health, safety "
                   "and security measures to those at risk"),
    # the tails of both columns come after the goal and outline
    ("SDS0123.P8", "Reporting and recording incidents and emergencies, including accidents and "
                   "near misses, in accordance with legal and organisation requirements"),
    ("SDS0123.P9", "Monitoring and reporting on the effectiveness of health, safety and "
                   "security measures in line with organisation requirements"),
    ("SDS0123.K9", "The hierarchy of measures to control risks including elimination, "
                   "substitution, relevant controls, safe systems of work, training/instruction "
                   "and PPE"),
    ("SDS0123.K21", "Organisation requirements to monitor and report on the effectiveness of "
                    "health, safety and security measures"),
    ("SDS0417.P11", "Recording progress and resolutions to complaint handling in line with "
                    "organisational policies and procedures"),
    ("SDS0417.K12", "Why it is important to record progress and resolutions relating to "
                    "customer complaints and how to do this"),
    # where the performance column ends and the knowledge column starts again at 1
    ("SDS0368.P8", "Collecting and using information on work allocation and checks to support "
                   "improvement of individual and team performance in line with organisational "
                   "policies and procedures"),
    ("SDS0368.K1", "Relevant employment regulations, organisational policies, procedures and "
                   "contract terms and conditions that affect allocation of tasks to staff and "
                   "work plans"),
    ("SDS0424.K10", "How to respond to relevant positive, neutral and challenging comments from "
                    "customers on social media platforms"),
])
def test_items_from_two_column_work_situations(cid, text):
    _check(cid, text)


@pytest.mark.parametrize("cid, section, text", [
    ("CFACSD5.P1", "Plan and prepare to buddy a colleague",
     "agree with your colleague aspects of their work which may benefit most from your "
     "buddying support"),
    ("CFACSD5.P14", "Provide buddy support off the job",
     "arrange suitable times to meet with your buddy colleague when they are not directly "
     "engaged with customers"),
    ("CFACSA13.P14", "Handle incoming written or electronic communications effectively",
     "read your customer’s communication carefully to identify their precise reason for "
     "contacting you"),
    ("INSBA010.P5", "Deliver customer service",
     "provide services to agreed timescales and quality standards"),
    ("INSBA010.P12", "Monitor and evaluate customer services",
     "follow the relevant legal and data protection legislation in relation to delivering "
     "customer service and information handling"),
    ("CFACSB10.P11", "Review and maintain customer service delivery",
     "monitor the action you have taken to identify improvements in the service you give to "
     "your customers"),
    ("CFACSD8.P9", "Monitor team performance when improving customer service",
     "discuss with others how teamwork affects customer service performance"),
])
def test_items_under_sub_headings(cid, section, text):
    assert (CRITERIA[cid]["section"], CRITERIA[cid]["text"]) == (section, text)


# (section, first number, last number) for each sub-headed performance list.
EXPECTED_SECTIONS = {
    "CFACSD5": [("Plan and prepare to buddy a colleague", 1, 5),
                ("Support your buddy colleague on the job", 6, 13),
                ("Provide buddy support off the job", 14, 18)],
    "CFACSA13": [("Use written or electronic communication effectively", 1, 6),
                 ("Plan and send an effective written or electronic communication", 7, 13),
                 ("Handle incoming written or electronic communications effectively", 14, 18)],
    "INSBA010": [("Identify customer needs and expectations", 1, 4),
                 ("Deliver customer service", 5, 8),
                 ("Monitor and evaluate customer services", 9, 12)],
    "CFACSB10": [("Plan and organise the delivery of reliable customer service", 1, 3),
                 ("Review and maintain customer service delivery", 4, 11),
                 ("Use recording systems to maintain reliable customer service", 12, 15)],
    "CFACSD8": [("Improve customer service by working with others", 1, 6),
                ("Monitor your own performance when improving customer service", 7, 8),
                ("Monitor team performance when improving customer service", 9, 12)],
}


@pytest.mark.parametrize("code", list(EXPECTED_COUNTS))
def test_sub_headings_cover_the_right_items(code):
    sections = []
    for c in UNITS[code]["criteria"]:
        if c["section"] is None:
            continue
        assert c["kind"] == "performance"
        if sections and sections[-1][0] == c["section"]:
            sections[-1] = (c["section"], sections[-1][1], c["number"])
        else:
            sections.append((c["section"], c["number"], c["number"]))
    assert sections == EXPECTED_SECTIONS.get(code, [])


@pytest.mark.parametrize("cid, text", [
    ("INSCS029.P13", "give feedback to colleagues about aspects of their customer service "
                     "delivery that they need to develop to meet your organisation's"),
    ("INSCS029.K14", "the sources of information about coaching and training options to "
                     "improve customer service delivery and how to"),
    ("INSCS019.K13", "how to overcome customers reservations and"),
])
def test_items_truncated_in_source_keep_their_words_and_say_so(cid, text):
    assert (CRITERIA[cid]["text"], CRITERIA[cid].get("note")) == (text, "truncated in source")


def test_only_the_known_items_carry_a_note():
    notes = {cid: c["note"] for cid, c in CRITERIA.items() if "note" in c}
    assert notes == {
        "INSCS029.P13": "truncated in source",
        "INSCS029.K14": "truncated in source",
        "INSCS019.K13": "truncated in source",
        "CFACSD5.P2": "words missing in source",
        "INSCS040.K4": "words missing in source",
    }


@pytest.mark.parametrize("cid, text", [
    # number glued to the end of the text ("... dealing with8.")
    ("INSCS009.P8", "focus your attention on the customers you are dealing with"),
    ("INSCS009.P14", "identify your customers' expectations and needs"),
    ("INSCS019.P7", "encourage customers to ask about additional services or products"),
    # several numbered items run together in one paragraph
    ("PPL1HSL5.P9", "Check with team members what support they feel they may need throughout "
                    "this process"),
    ("PPL1HSL5.K3", "The implications of failure to improve customer service for your team "
                    "members and your organisation"),
    # first item on the same line as the "You must be able to:" label
    ("INSCS027.P1", "identify the stages in your organisation's customer service process that "
                    "provide opportunities to impress and disappoint customers"),
    ("CFACSD5.K1", "the tasks in your buddy colleague’s job"),
    # a hyphen at the end of a line is part of the word
    ("INSCS040.K3", "the random sampling techniques that can be used to select customers to "
                    "provide feedback and how to avoid bias in non-random samples"),
    # the source's own slips are kept
    ("INSCS029.K8", "how to listen or listen to a colleague dealing with a customer service "
                    "transaction without disrupting or distracting them"),
    ("INSBA010.K3", "the purpose and benefits of delivering customer service that meets or "
                    "exceeds and customer expectations"),
    ("CFACSD5.P2", "your understanding of your colleague’s job tasks and responsibilities "
                   "using reliable sources"),
    ("INSCS040.K4", "the principles of questionnaire design the software that your "
                    "organisation uses"),
    # the source's own full stop is kept
    ("CFACSB10.K7", "organisational procedures and systems for recording, storing, retrieving "
                    "and supplying customer service information."),
])
def test_items_printed_oddly(cid, text):
    _check(cid, text)


def test_skills_list_of_insba010():
    skills = [c["text"] for c in UNITS["INSBA010"]["criteria"] if c["kind"] == "skill"]
    assert skills == ["evaluating", "monitoring", "problem solving", "questioning",
                      "listening", "negotiating"]


def test_behaviours_list_of_ppl1hsl5():
    behaviours = [c["text"] for c in UNITS["PPL1HSL5"]["criteria"] if c["kind"] == "behaviour"]
    assert behaviours == [
        "You show respect for the views and actions of others",
        "You set demanding but achievable objectives for yourself and others",
        "You empower staff to solve customer problems within clear limits of authority",
        "You encourage and support others to make best use of their abilities",
        "You constantly seek to improve performance",
        "You give feedback to others to help them improve their performance",
        "You work to develop an atmosphere of professionalism and mutual support",
    ]


def test_behaviours_intro_is_not_an_item():
    assert UNITS["PPL1HSL5"]["behaviours_intro"] == (
        "The following behaviours are provided as guidance to underpin effective performance "
        "of a hospitality supervisor")


# --------------------------------------------------------------------------- unit texts


def test_work_situation_goal_and_note():
    unit = UNITS["SDS0368"]
    assert unit["goal"] == ("To allocate and check work of team members to meet organisational "
                            "work plans.")
    assert unit["note"] == ("Team members refer to individuals working in your area over whom "
                            "you have supervisory responsibilities.")


def test_outline_stops_before_the_column_tails():
    assert UNITS["SDS0417"]["outline"] == (
        "This is about handling customer complaints in line with organisational policies and "
        "procedures. This involves investigating complaints and following internal complaints "
        "procedures to ensure complaints are addressed consistently.")
    assert UNITS["SDS0123"]["outline"].endswith(
        "\n\nSecurity could include land, buildings, equipment and machinery, stock, resources, "
        "personnel and information.")


def test_overview_paragraph_broken_by_a_blank_line_is_rejoined():
    overview = UNITS["CFACSD5"]["overview"]
    assert "a ‘buddy’ relationship with somebody who has more experience" in overview
    assert overview.count("\n\n") == 1


def test_overview_bullet_put_back_in_front():
    assert UNITS["PPL1HSL5"]["overview"].endswith(
        "your ability to:\n\n• Lead a team to improve customer service")


def test_nos_metadata():
    assert UNITS["INSCS009"]["metadata"] == {
        "developed_by": "Skills CFA",
        "version": "1",
        "date_approved": "22 Feb 2021",
        "indicative_review_date": "01 Mar 2026",
        "validity": "Current",
        "status": "Original",
        "originating_organisation": "Instructus",
        "original_urn": "CFACSA8, CFACSA9",
        "relevant_occupations": "Customer Service Occupations",
        "suite": "Customer Service",
        "keywords": "Communicating; giving respect; personal touch; customer service; "
                    "communication; problem solving; behaviours; work with others; team "
                    "working; balancing time; relationship building; feelings; adding value; "
                    "appreciation",
    }


def test_metadata_with_a_lost_label_is_split():
    metadata = UNITS["INSBA010"]["metadata"]
    assert metadata["original_urn"] == "CFABAC121"
    assert metadata["relevant_occupations"] == (
        "AdministrationAdministration and Law, Administration and Secretarial")
    assert "indicative_review_date" not in metadata  # no value in the source


def test_units_with_metadata():
    assert [u["code"] for u in STANDARDS["units"] if "metadata" in u] == [
        "INSCS009", "INSCS027", "CFACSD5", "CFACSA13", "INSBA010", "PPL1HSL5"]


# --------------------------------------------------------------------------- no junk


def _all_texts():
    """(where, text) for every piece of prose taken from the source."""
    yield "framework.purpose", STANDARDS["framework"]["purpose"]
    for cat in STANDARDS["meta_skill_categories"]:
        yield cat["id"], cat["description"]
    for skill in STANDARDS["meta_skills"]:
        yield skill["id"], skill["description"]
    for unit in STANDARDS["units"]:
        for key in ("title", "overview", "goal", "outline", "note", "behaviours_intro"):
            if key in unit:
                yield f"{unit['code']}.{key}", unit[key]
        for c in unit["criteria"]:
            yield c["id"], c["text"]
            if c["section"]:
                yield c["id"] + ".section", c["section"]


ALL_TEXTS = list(_all_texts())
CRITERION_TEXTS = [(c["id"], c["text"]) for c in CRITERIA.values()]
ALL_CODES = [code for code, _title, _kind in EXPECTED_UNITS]


def offenders(check, items) -> list[str]:
    """Every (where, text) that ``check`` finds fault with, named, so one failure lists them all."""
    found = []
    for where, text in items:
        try:
            check(text)
        except AssertionError as error:
            found.append(f"{where}: {str(error).splitlines()[0] if str(error) else 'failed'}: {text[:70]!r}")
    return found


def test_offenders_names_each_bad_text():
    # The folded checks below must still be able to fail: planted junk is caught and named.
    planted = [("ok", "Fine text."), ("spaces", "two  spaces"), ("label", "You must be able to smile"), ("digits", "P1 item 3")]
    assert [line.split(":")[0] for line in offenders(_check_no_stray_whitespace, planted)] == ["spaces"]
    assert [line.split(":")[0] for line in offenders(_check_no_unit_codes_or_labels, planted)] == ["label"]
    assert [line.split(":")[0] for line in offenders(_check_criterion_text_has_no_item_numbers, planted)] == ["digits"]


def _check_no_stray_whitespace(text):
    for paragraph in text.split("\n\n"):
        assert paragraph == paragraph.strip()
        assert paragraph
        assert "  " not in paragraph
        assert "\n" not in paragraph


def test_no_stray_whitespace():
    assert offenders(_check_no_stray_whitespace, ALL_TEXTS) == []


def _check_no_unit_codes_or_labels(text):
    for code in ALL_CODES:
        assert code not in text
    assert not re.search(r"SDS ?\d{3}", text)
    for label in ("You must be able to", "You need to know", "understand:",
                  "Performance criteria", "Knowledge and understanding", "Goal of work",
                  "Brief outline", "Work Situation", "URN"):
        assert label not in text


def test_no_unit_codes_or_labels():
    assert offenders(_check_no_unit_codes_or_labels, ALL_TEXTS) == []


def _check_no_page_numbers_or_glued_digits(text):
    assert not re.search(r"\d\.?$", text), "ends with a number"
    assert not re.search(r"[A-Za-z]\d|\d[A-Za-z]", text), "digit glued to a word"


def test_no_page_numbers_or_glued_digits():
    assert offenders(_check_no_page_numbers_or_glued_digits, ALL_TEXTS) == []


def _check_criterion_text_has_no_item_numbers(text):
    assert not re.search(r"\d", text)
    assert not re.match(r"[PKSB]\d", text)


def test_criterion_text_has_no_item_numbers():
    assert offenders(_check_criterion_text_has_no_item_numbers, CRITERION_TEXTS) == []


def _check_criterion_text_is_not_a_heading_or_title(text):
    titles = {title for _code, title, _kind in EXPECTED_UNITS}
    headings = {s for sections in EXPECTED_SECTIONS.values() for s, _a, _b in sections}
    assert text not in titles | headings
    assert "•" not in text


def test_criterion_text_is_not_a_heading_or_title():
    assert offenders(_check_criterion_text_is_not_a_heading_or_title, CRITERION_TEXTS) == []


# --------------------------------------------------------------------------- meta-skills

EXPECTED_META_SKILLS = {
    "focus": ("managing-yourself", "A clear focus is required when dealing with a complex "
              "problem relating to a customer booking"),
    "integrity": ("managing-yourself", "integrity is essential when providing honest and "
                  "constructive feedback to colleagues"),
    "adaptability": ("managing-yourself", "adaptability is key to dealing with changes and "
                     "unexpected or challenging situations arising from customer complaints"),
    "initiative": ("managing-yourself", "using initiative is critical to professional "
                   "development when seeking to improve and gain new skills"),
    "communication": ("connecting-with-others", "Clear and effective communication with "
                      "customers is one of the most significant aspects of roles across these "
                      "apprenticeships"),
    "feeling": ("connecting-with-others", "feeling and resilience is needed to show empathy "
                "and understanding when dealing with colleagues"),
    "collaboration": ("connecting-with-others", "skills in collaboration are vital to career "
                      "development as working well as part of a team or business can help to "
                      "improve individual and collective performance"),
    "leadership": ("connecting-with-others", "strong leadership qualities are required to give "
                   "colleagues clear directions when working in a business environment"),
    "curiosity": ("interacting-with-change", "A keen sense of curiosity is a critical asset "
                  "when asking questions about a new system or technique"),
    "creativity": ("interacting-with-change", "creativity is fundamental to working with "
                   "customers as it enables alternatives or solutions to be found"),
    "sense-making": ("interacting-with-change", "sense-making comes into play when helping a "
                     "colleague to use a new or unfamiliar payment or information management "
                     "system"),
    "critical-thinking": ("interacting-with-change", "critical thinking is required to solve "
                          "unexpected problems in the working environment"),
}


def test_three_categories_with_source_and_sds_names():
    assert [(c["id"], c["name"], c["sds_name"]) for c in STANDARDS["meta_skill_categories"]] == [
        ("managing-yourself", "Managing yourself", "Self-management"),
        ("connecting-with-others", "Connecting with others", "Social intelligence"),
        ("interacting-with-change", "Interacting with change", "Innovation"),
    ]


def test_category_description_is_the_source_paragraph():
    assert STANDARDS["meta_skill_categories"][2]["description"] == (
        "A keen sense of curiosity is a critical asset when asking questions about a new system "
        "or technique; creativity is fundamental to working with customers as it enables "
        "alternatives or solutions to be found; sense-making comes into play when helping a "
        "colleague to use a new or unfamiliar payment or information management system; and "
        "critical thinking is required to solve unexpected problems in the working environment.")


def test_twelve_meta_skills_in_order_with_category_and_example():
    assert {s["id"]: (s["category"], s["description"]) for s in STANDARDS["meta_skills"]} \
        == EXPECTED_META_SKILLS
    assert [s["id"] for s in STANDARDS["meta_skills"]] == list(EXPECTED_META_SKILLS)


def test_each_category_has_four_meta_skills():
    counts = Counter(s["category"] for s in STANDARDS["meta_skills"])
    assert counts == {c["id"]: 4 for c in STANDARDS["meta_skill_categories"]}


def test_every_meta_skill_category_exists():
    categories = {c["id"] for c in STANDARDS["meta_skill_categories"]}
    assert all(s["category"] in categories for s in STANDARDS["meta_skills"])


def test_meta_skill_names():
    assert [s["name"] for s in STANDARDS["meta_skills"]] == [
        "Focus", "Integrity", "Adaptability", "Initiative", "Communication", "Feeling",
        "Collaboration", "Leadership", "Curiosity", "Creativity", "Sense-making",
        "Critical thinking"]


def test_sub_skills_from_skills_4_0():
    sub_skills = {s["id"]: s["sub_skills"] for s in STANDARDS["meta_skills"]}
    assert sub_skills["focus"] == ["sorting", "attention", "filtering"]
    assert sub_skills["critical-thinking"] == [
        "deconstruction", "logical thinking", "judgement", "computational thinking"]
    assert [len(v) for v in sub_skills.values()] == [3, 3, 5, 8, 4, 2, 4, 5, 4, 4, 5, 4]


# --------------------------------------------------------------------------- schema, ids, build


def test_schema_is_valid_draft_2020_12():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_data_validates_against_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(STANDARDS)


def test_schema_rejects_a_criterion_kind_that_does_not_match_its_id():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = json.loads(DATA.read_text(encoding="utf-8"))
    bad["units"][0]["criteria"][0]["kind"] = "knowledge"
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_every_id_is_unique():
    ids = ([c["id"] for c in STANDARDS["meta_skill_categories"]]
           + [s["id"] for s in STANDARDS["meta_skills"]]
           + [u["code"] for u in STANDARDS["units"]]
           + [c["id"] for u in STANDARDS["units"] for c in u["criteria"]])
    assert len(ids) == len(set(ids))


def test_file_is_formatted_as_the_build_writes_it():
    text = DATA.read_text(encoding="utf-8")
    assert text == json.dumps(STANDARDS, indent=2, ensure_ascii=False) + "\n"


def test_build_check_passes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_standards.py"), "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_every_hand_correction_gives_a_reason():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from standards_corrections import CORRECTIONS
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert CORRECTIONS
    for correction in CORRECTIONS:
        assert correction["target"] and correction["action"] in ("note", "replace", "set")
        assert len(correction["reason"]) > 20
