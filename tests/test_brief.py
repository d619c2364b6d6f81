"""helpers.brief: the media-analysis brief of notebook 07, and the checks of its exercises.

The brief is built from the helpers' own results, so the tests compare its
tables with what the helpers compute, on the course article and on small
articles written here; its two renderings must escape every piece of article text.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from helpers import find_attributions, load_article, narrator_uses, readability_scores
from helpers.brief import (
    BUILD_DIR, NOT_ANSWERED, PROVENANCE_QUESTIONS, ROOT, SEED_PROVENANCE_ANSWERS, build_brief, frame_evidence,
    frame_summary, hardest_table, load_sides, markdown_escape, paragraph_overview, provenance_answers,
    provenance_questions, provenance_table, shown_path, side_summary, sides_path, sides_template, structure_table,
    term_voices, unidentified_attributions, unidentified_table, write_brief, write_sides_template,
)
from helpers.exercises import check
from helpers.framing import frame_presence
from helpers.sides import NOT_FILLED_IN, SIDES_COLUMNS, classify, read_sides
from helpers.sources import add_sides, seed_sources, source_table

CITY_COUNCIL = Path(__file__).resolve().parent / "articles" / "city_council.txt"
SECTIONS = ["Provenance", "Structure and quotation", "Sources", "Labels by voice", "Frames", "Readability",
            "Conclusion"]

#: An article written for these tests: markup, a pipe, Markdown characters, an anonymous source who speaks
#: twice (the second time through a pronoun), a contested term in the narrator's voice and one in quotation marks.
MARKUP_TEXT = """Harbour <b>plan</b> | vote delayed

The port board postponed its vote on the new terminal on Friday, after separatists from the island party \
walked out. An engineer, who asked not to be named, said the <script>alert("x")</script> figures were "far too low". \
He added that the board had seen them in *March* and [ignored] them.

"We reject this aggression against our members," said Lena Ortiz, who chairs the dockworkers' union.
"""


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def seed_brief(seed):
    return build_brief(seed)


@pytest.fixture(scope="module")
def markup():
    return load_article(text=MARKUP_TEXT, name="harbour_plan.txt")


@pytest.fixture(scope="module")
def markup_brief(markup):
    return build_brief(markup, answers={PROVENANCE_QUESTIONS[0]: "The <i>Port Gazette</i>"},
                       conclusion="First finding: <b>bold</b> claims.\n\nSecond paragraph & more.")


def section(brief, title):
    return next(s for s in brief.sections if s.title == title)


def table(brief, title, caption_start):
    return next(t for c, t in section(brief, title).tables if c.startswith(caption_start))


# ------------------------------------------------------------------ the sections on the course article

def test_the_brief_has_the_seven_sections_in_the_order_of_the_method(seed_brief):
    assert [s.title for s in seed_brief.sections] == SECTIONS
    assert seed_brief.stem == "karabakh_2023-09-19"
    assert seed_brief.headline.startswith("Karabakh: two dead and 23 injured")


def test_provenance_lists_the_website_leftovers_and_warnings_of_the_file(seed):
    signs = provenance_table(seed).set_index("sign")
    assert signs.loc["website leftovers", "found"] == "2"
    assert signs.loc["website leftovers", "evidence"] == "Source link | Leave a Reply"
    assert signs.loc["HTML markup", "found"] == "no"
    assert signs.loc["quotation-mark problems", "found"] == str(len(seed.warnings))
    assert "‘ at offset 1119" in signs.loc["quotation-mark problems", "evidence"]


def test_provenance_questions_show_answers_and_the_gaps():
    answered = provenance_questions({PROVENANCE_QUESTIONS[1]: "  19 September 2023 ", "Who paid for it?": "n/a"})
    assert list(answered["question"]) == PROVENANCE_QUESTIONS + ["Who paid for it?"]
    assert answered["your answer"].iloc[1] == "19 September 2023"
    assert (answered["your answer"].iloc[[0, 2, 3, 4]] == NOT_ANSWERED).all()
    assert list(provenance_questions()["your answer"]) == [NOT_ANSWERED] * len(PROVENANCE_QUESTIONS)


def test_structure_counts_are_the_articles(seed):
    values = structure_table(seed).set_index("measure")["value"]
    assert values["body paragraphs"] == str(len(seed.paragraphs)) == "14"
    assert values["sentences"] == str(len(seed.sentences))
    assert values["words"] == str(len(seed.words))
    assert values["subheadings"] == "3"
    # the 11 words of the editor's note inside a quotation are the outlet's, not quoted words
    assert values["share of the body's words in quotation marks"] == "33%"


def test_the_sources_section_counts_by_party_and_by_side(seed, seed_brief):
    rows = table(seed_brief, "Sources", "Every attribution")
    assert len(rows) == len(find_attributions(seed))
    assert rows["paragraph"].min() == 1  # as a reader counts
    parties = dict(zip(rows["source"], rows["party"]))
    assert parties["Baku"] == "Azerbaijan" and parties["Maria Zakharova"] == "Russia"
    assert parties["Gegham Stepanyan"] == "Karabakh Armenian authorities" and parties["Armenia"] == "Armenia's government"
    assert parties["they (unresolved)"] == "not classified"
    by_party = table(seed_brief, "Sources", "Who is heard, by party").set_index("party")
    by_side = table(seed_brief, "Sources", "Who is heard, by side").set_index("side")
    assert by_party["attributions"].sum() == by_side["attributions"].sum() == len(rows)
    assert by_party.index[0] == "Azerbaijan"  # the parties apart: Azerbaijan is heard most
    assert by_side.index[0] == "Armenia / Karabakh Armenian authorities"  # grouped: the Armenian side
    assert by_party["share of attributions"].sum() == pytest.approx(1.0, abs=0.02)
    grouping = table(seed_brief, "Sources", "The analyst's grouping")
    assert grouping["parties grouped"].tolist() == ["Armenia's government + Karabakh Armenian authorities"]
    notes = section(seed_brief, "Sources").notes
    assert "1 of them from an anonymous or unresolved source" in notes[0]
    assert any("By party, Azerbaijan is heard most" in n and "By side (parties grouped), Armenia" in n for n in notes)


def test_an_article_with_no_grouping_gets_one_table_by_party(markup):
    sides = sides_template(markup)
    sides["party"] = ["port board" if "engineer" in s else "union" for s in sides["source"]]
    brief = build_brief(markup, sides=sides)
    captions = [c for c, _ in section(brief, "Sources").tables]
    assert "Who is heard, by party" in captions and not any("by side" in c for c in captions)


def test_side_summary_counts_attributions_words_and_sources(seed):
    summary = side_summary(add_sides(source_table(seed), seed_sources()))
    assert summary.loc["Azerbaijan", "attributions"] == 6
    assert summary.loc["Azerbaijan", "sources"] == 4
    assert summary.loc["Armenia / Karabakh Armenian authorities", "attributions"] == 9
    by_party = side_summary(classify(source_table(seed), read_sides()), "party")
    assert by_party.loc["Armenia's government", "attributions"] == 5
    assert by_party.loc["Karabakh Armenian authorities", "attributions"] == 4
    # 90 words in quotation marks, less the 11 of the editor's note (the outlet's words)
    assert summary.loc["Armenia / Karabakh Armenian authorities", "quoted words"] == 79


def test_labels_section_reports_the_narrators_terms_with_their_sentences(seed, seed_brief):
    own = table(seed_brief, "Labels by voice", "The terms in the article's own voice")
    assert len(own) == len(narrator_uses(seed))  # the narrator-voice test looks both ways (notebook 02)
    assert {"separatist", "Stepanakert", "blockade"} <= set(own["term"])
    [note] = section(seed_brief, "Labels by voice").notes
    assert note.startswith("The article uses") and "separatist" in note and "Stepanakert" in note
    voices = term_voices(seed)
    assert voices.columns[0] == "narrator"
    assert voices.loc["separatist", "narrator"] == 5 and voices.loc["ethnic cleansing", "narrator"] == 0


def test_frame_summary_counts_paragraphs_where_a_frame_occurs(seed):
    presence = frame_presence(seed)
    summary = frame_summary(seed)
    for frame in summary.index:
        assert summary.loc[frame, "paragraphs"] == (presence[frame] > 0).sum()
        assert summary.loc[frame, "words"] == presence[frame].sum()
    assert summary["paragraphs"].idxmax() == "security"
    assert summary.loc["economic", "paragraphs"] == 0


def test_readability_section_gives_scores_and_caveats_as_text(seed, seed_brief):
    scores = table(seed_brief, "Readability", "Scores of the body").set_index("score")["value"]
    expected = readability_scores(seed)
    assert scores["Flesch-Kincaid grade"] == f"{round(expected['flesch_kincaid_grade'], 1)}" == "15.4"
    assert scores["words"] == str(expected["words"])
    hardest = table(seed_brief, "Readability", "The hardest sentences")
    assert list(hardest["paragraph"]) == [9, 7, 13]  # as a reader counts: paragraph 1 is the first
    assert hardest["sentence"].iloc[0].startswith("“Azerbaijan has launched a ground operation")
    notes = section(seed_brief, "Readability").notes
    assert not any(n.startswith("About this text") for n in notes)  # long enough: no warning
    assert any("translation" in n for n in notes)


def test_short_texts_get_their_readability_warnings_in_the_brief():
    short = load_article(text="A title\n\nThe mayor said the road would open soon.")
    notes = section(build_brief(short), "Readability").notes
    assert any(n.startswith("About this text: short text") for n in notes)
    # a line of punctuation is set aside by load_article, so the headline alone is the body, and it is short
    headline_only = build_brief(load_article(text="A title\n\n... !!! ???"))
    assert any(n.startswith("About this text: short text") for n in section(headline_only, "Readability").notes)


# ------------------------------------------------------------------ rendering and escaping

def test_markdown_escape_keeps_text_and_neutralises_markup():
    assert markdown_escape("a <b>bold</b> & | *x* [y](z) #1") == \
        "a &lt;b&gt;bold&lt;/b&gt; &amp; \\| \\*x\\* \\[y\\](z) \\#1"
    assert markdown_escape("karabakh_2023 and _stressed_") == "karabakh_2023 and \\_stressed\\_"
    assert markdown_escape("two\nlines") == "two lines"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_html_escapes_every_piece_of_article_text(markup_brief):
    page = markup_brief.to_html()
    assert "<script" not in page.lower() and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Harbour &lt;b&gt;plan&lt;/b&gt; | vote delayed" in page  # the headline, escaped
    assert "The &lt;i&gt;Port Gazette&lt;/i&gt;" in page  # a student's answer is escaped too
    assert "<p>First finding: &lt;b&gt;bold&lt;/b&gt; claims.</p>" in page
    assert "<p>Second paragraph &amp; more.</p>" in page
    parser = _Tags()
    parser.feed(page)
    assert set(parser.tags) <= {"html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "h3", "p",
                                "strong", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "hr", "small"}


def test_html_of_the_test_article_with_markup(tmp_path):
    brief = build_brief(load_article(CITY_COUNCIL))
    page = brief.to_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Buses first&lt;/b&gt;" in page
    assert "<script" not in page.lower() and "<b>Buses" not in page
    assert "Main Street &amp; Harbor Road" in page
    assert brief._repr_html_() in page  # the notebook shows the same escaped body


def test_markdown_tables_keep_their_columns_whatever_the_text(markup_brief):
    markdown = markup_brief.to_markdown()
    assert "<script" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    tables, previous = [], ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(len(re.findall(r"(?<!\\)\|", line)))  # unescaped pipes: the cell borders
        previous = line
    assert len(tables) >= 10
    assert all(len(set(widths)) == 1 for widths in tables), tables  # every row as wide as its header
    rows = [line for line in markdown.splitlines() if "harbour" in line.lower() and line.startswith("| headline")]
    assert rows and len(re.split(r"(?<!\\)\|", rows[0])) == 5  # sign | found | evidence: the pipe is escaped
    assert "\\*March\\*" in markdown and "\\[ignored\\]" in markdown


def test_the_brief_is_the_same_every_time(seed, seed_brief):
    again = build_brief(seed)
    assert again.to_markdown() == seed_brief.to_markdown()
    assert again.to_html() == seed_brief.to_html()


def test_conclusion_and_answers_go_into_the_brief(markup_brief):
    conclusion = section(markup_brief, "Conclusion")
    assert conclusion.paragraphs == ["First finding: <b>bold</b> claims.", "Second paragraph & more."]
    questions = table(markup_brief, "Provenance", "What the file cannot tell")
    assert questions["your answer"].iloc[0] == "The <i>Port Gazette</i>"
    assert section(build_brief(load_article()), "Conclusion").paragraphs == [NOT_ANSWERED]


def test_an_article_without_sources_or_quotes_still_gets_a_brief():
    plain = load_article(text="Rain expected\n\nRain is expected across the region on Sunday. Temperatures "
                              "will stay mild for the season.")
    brief = build_brief(plain)
    assert section(brief, "Sources").tables == []
    assert section(brief, "Sources").notes == ["The article credits no statement to any source."]
    assert "The article passes the test" in section(brief, "Labels by voice").notes[0]
    assert brief.to_html().count("<h2>") == len(SECTIONS)


# ------------------------------------------------------------------ files: build/, the sides template

def test_build_dir_is_in_the_project_not_the_working_folder():
    assert BUILD_DIR == ROOT / "build"
    assert (ROOT / "helpers" / "brief.py").is_file()


def test_write_brief_writes_markdown_and_html_named_after_the_article(tmp_path, markup_brief):
    folder = tmp_path / "new" / "build"
    paths = write_brief(markup_brief, folder)
    assert markup_brief.stem.startswith("harbour_plan-")  # the name and a fingerprint: unique to the article
    assert [p.name for p in paths] == [f"brief_{markup_brief.stem}.md", f"brief_{markup_brief.stem}.html"]
    assert paths[0].read_text(encoding="utf-8") == markup_brief.to_markdown()
    assert paths[1].read_text(encoding="utf-8") == markup_brief.to_html()


def test_shown_path_is_relative_to_the_project_or_only_a_name(tmp_path):
    assert shown_path(BUILD_DIR / "brief_karabakh_2023-09-19.md") == "build/brief_karabakh_2023-09-19.md"
    assert shown_path(tmp_path / "brief_x.md") == "brief_x.md"
    assert not shown_path(BUILD_DIR / "x.md").startswith("/")


def test_a_name_that_is_not_a_file_name_gets_a_safe_stem():
    assert build_brief(load_article(text="T\n\nSome text here.")).stem.startswith("text-")
    assert build_brief(load_article(text="T\n\nSome text here.", name="my report (v2).txt")).stem.startswith("my_report_v2-")


def test_the_sides_template_has_one_empty_row_per_source_in_order(markup):
    template = sides_template(markup)
    assert list(template.columns) == SIDES_COLUMNS == ["source", "party", "side", "type", "note"]
    assert list(template["source"]) == list(dict.fromkeys(a.source for a in find_attributions(markup)))
    assert (template[["party", "side", "type", "note"]] == "").all().all()


def test_sides_come_from_the_course_table_or_your_file(tmp_path, seed, markup):
    sides, origin = load_sides(seed, tmp_path)
    assert origin == "helpers/data/seed_sources.csv" and len(sides) == len(seed_sources())
    empty, origin = load_sides(markup, tmp_path)
    assert origin.startswith("an empty template") and (empty["side"] == "").all()
    path = write_sides_template(markup, tmp_path)
    assert path == sides_path(markup, tmp_path) and path.name == f"sides_{markup.key}.csv"
    filled = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    filled["party"] = ["port board" if "board" in s else "union" for s in filled["source"]]
    filled.to_csv(path, index=False, encoding="utf-8-sig")
    assert write_sides_template(markup, tmp_path) == path  # a filled-in file is never overwritten
    sides, origin = load_sides(markup, tmp_path)
    assert origin == path.name and "union" in set(sides["party"])
    assert list(sides["side"]) == list(sides["party"])  # an empty side is the party
    brief = build_brief(markup, sides=sides)
    assert set(table(brief, "Sources", "Every attribution")["party"]) <= {"port board", "union"}


def test_a_sides_file_of_the_older_shape_is_read_with_each_side_as_its_party(tmp_path, markup):
    sides_path(markup, tmp_path).write_text("source,side,type,note\nAn engineer,port board,anonymous,\n",
                                            encoding="utf-8")
    sides, _ = load_sides(markup, tmp_path)
    assert list(sides.columns) == SIDES_COLUMNS
    assert sides.loc[0, "party"] == sides.loc[0, "side"] == "port board"


def test_a_sides_file_without_its_columns_is_refused_clearly(tmp_path, markup):
    sides_path(markup, tmp_path).write_text("name,group\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no column source, party \(or side\), type"):
        load_sides(markup, tmp_path)


def test_an_empty_side_column_is_shown_as_to_fill_in(markup):
    with_sides = add_sides(source_table(markup), sides_template(markup))
    assert list(side_summary(with_sides).index) == [NOT_FILLED_IN]
    notes = section(build_brief(markup, sides=sides_template(markup)), "Sources").notes
    assert any("not filled in yet" in n for n in notes)
    assert any("none of the 3 attributions has a party yet" in n for n in notes)


# ------------------------------------------------------------------ unidentified sources and the checks

def test_an_anonymous_source_counts_each_time_it_speaks(markup):
    unidentified = unidentified_attributions(markup)
    assert [a.speaker for a in unidentified] == ["An engineer", "He"]
    assert {a.source for a in unidentified} == {"An engineer"}


def test_an_unresolved_pronoun_is_unidentified(seed):
    assert [a.source for a in unidentified_attributions(seed)] == ["they (unresolved)"]


def test_provenance_answers_start_from_notebook_01_only_for_the_course_article(seed, markup):
    assert list(provenance_answers(seed).values()) == SEED_PROVENANCE_ANSWERS
    assert "wire-style" in SEED_PROVENANCE_ANSWERS[0] and "wire report" not in " ".join(SEED_PROVENANCE_ANSWERS)
    assert set(provenance_answers(markup).values()) == {""}


def test_paragraph_tables_count_from_one(seed):
    overview = paragraph_overview(seed)
    assert list(overview.index) == list(range(1, len(seed.paragraphs) + 1))
    assert overview.loc[1, "opening"].startswith("Armenia denounces")
    evidence = frame_evidence(seed)
    assert evidence.index.min() >= 1 and set(evidence.index) <= set(overview.index)
    assert list(hardest_table(seed).index) == [1, 2, 3]


def test_the_unidentified_table_shows_the_sentence_before(seed):
    rows = unidentified_table(seed)
    assert rows["paragraph"].tolist() == [8]
    assert rows.loc[1, "sentence before"].endswith("only its separatist allies were there to face the Azerbaijani "
                                                  "forces.")
    assert rows.loc[1, "sentence"].startswith("They are “trying to advance in depth”, they indicated on X")
