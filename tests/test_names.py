"""Names and fixed terms as a layer, and the two span scopes a word rule can stay out of.

Given a draft, these names; and a framing word inside a name, or a label inside what a named
source is reported as saying, is no finding.
"""

import pytest
from conftest import doc_of, findings_of
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import names as names_module


def names(text):
    doc = doc_of(text, "draft.txt")
    return [(doc.prose[a:b], kind) for a, b, kind in doc.names]


def test_an_organisation_is_a_capitalised_run_ending_in_an_organisation_word_or_a_ticker():
    assert names("Shares in Mad Hatter Holdings rose. MAD HATTER <MADH> SETS RIGHTS PLAN.\n") == [
        ("Mad Hatter Holdings", "organisation"),
        ("MAD HATTER", "organisation"),
    ]


def test_a_name_the_story_uses_as_a_speaker_is_a_name_wherever_it_recurs():
    found = names("Crazy Bob said sales rose. Analysts expect Crazy Bob to open two stores.\n")
    assert found == [("Crazy Bob", "source"), ("Crazy Bob", "name")]


def test_an_epithet_before_a_name_is_no_name_by_itself():
    assert names("Voters know Crooked Pete by now.\n") == []


def test_a_speaker_in_a_title_case_headline_is_no_name_unless_the_body_repeats_it():
    # every word of a Title Case headline is capitalised: the capitals name nothing there
    text = "Harbour Icon Jo Bloggs Endorses Quay Plan.\n\nThe plan goes to the board on Monday. Jo Bloggs said she backs it.\n"
    assert names(text) == [("Jo Bloggs", "name"), ("Jo Bloggs", "source")]
    assert [f.match for f in findings_of(text, "draft.txt", rule="framing")] == ["Icon"]


def test_fixed_terms_come_from_the_lexicon_in_any_case():
    assert names("On april fools' day the Lib Dems met.\n") == [("april fools' day", "term"), ("Lib Dems", "term")]


def test_a_word_the_sentence_talks_about_is_mentioned_not_used():
    assert names("Indoctrination means teaching a belief uncritically.\n") == [("Indoctrination", "mention")]
    assert names("Nobody would say the word thug in the council chamber.\n") == [("thug", "mention")]
    assert findings_of("The term thug has a long history in the port.\n", "draft.txt", rule="framing") == []
    # used, not mentioned: still a finding
    assert [f.match for f in findings_of("It means thugs will run the port.\n", "draft.txt", rule="framing")] == [
        "thugs"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Crazy Bob Inc said its board adopted a rights plan.",  # a retailer's name
        "The new committee will be called the Defeat Crooked Pete PAC.",  # a committee's name
        "The ferry was requisitioned by the Nazi occupiers in 1941.",  # a historical term
    ],
)
def test_a_framing_word_inside_a_name_is_part_of_the_name(text):
    assert findings_of(text + "\n", "draft.txt", rule="framing") == []


def test_the_same_words_outside_a_name_are_flagged():
    found = findings_of("Voters know Crooked Pete by now, and the crazy plan will fail.\n", "draft.txt", rule="framing")
    assert {f.match for f in found} >= {"Crooked Pete", "crazy"}


def test_a_label_in_what_a_named_source_is_reported_as_saying_is_theirs():
    text = "Ana Ruiz said that the harbour board is essentially a cartel of thugs.\n"
    doc = doc_of(text, "draft.txt")
    start = doc.prose.index("thugs")
    assert doc.in_attributed(start, start + 5)
    assert [f.rule for f in findings_of(text, "draft.txt", rule="framing/contentious-label")] == []
    # the reporter's own label, and an unnamed source's, are still flagged
    assert [
        f.match
        for f in findings_of("The harbour board is a cartel of thugs.\n", "draft.txt", rule="framing/contentious-label")
    ] == ["thugs"]
    assert [
        f.match
        for f in findings_of(
            "Critics said the harbour board is a cartel of thugs.\n", "draft.txt", rule="framing/contentious-label"
        )
    ] == ["thugs"]


def test_a_quoted_title_inside_a_paraphrase_keeps_the_paraphrase_the_sources():
    # the quotation at the end ("Quay Closure Bill") does not shrink what Ruiz is reported as saying
    text = 'Ana Ruiz said that the board is a cartel of thugs and its newest idea is the "Quay Closure Bill."\n'
    doc = doc_of(text, "draft.txt")
    start = doc.prose.index("thugs")
    assert doc.in_attributed(start, start + 5)
    assert findings_of(text, "draft.txt", rule="framing/contentious-label") == []


def test_the_loaded_verb_that_reports_the_words_stays_the_reporters():
    found = findings_of(
        "The mayor slammed the plan, which he said had a terrible record.\n", "draft.txt", rule="framing"
    )
    assert "slammed" in {f.match for f in found}


# -- the fixed terms found by one automaton pass, as a find loop per term finds them ---------
def _terms_by_find(prose, lowered, terms):
    """The plain reading: a ``find`` loop per term over the folded prose, searching on from
    each occurrence's end, whole word or not."""
    low = lowered.replace("’", "'")
    if len(low) != len(prose):
        return []
    out = []
    for term in terms:
        at = low.find(term)
        while at >= 0:
            end = at + len(term)
            if not (at and low[at - 1].isalnum()) and not (end < len(low) and low[end].isalnum()):
                out.append((at, end, "term"))
            at = low.find(term, end)
    return out


_TERM_TEXT = st.lists(
    st.sampled_from(["nazi", "Nazi", "germany", "aa", "aaa", "a", " ", "-", "’", "'", "x", "İ", "high", "treason"]),
    max_size=24,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TERM_TEXT, st.lists(st.sampled_from(["aa", "aaa", "a", "nazi germany", "high treason", "a a"]), max_size=4))
def test_fixed_terms_from_one_automaton_pass_are_the_find_loops(prose, extra):
    terms = sorted(set(names_module._lists().terms) | set(extra), key=lambda w: (-len(w), w))
    automaton = names_module._term_automaton(terms)
    assert names_module._terms(prose, prose.lower(), automaton) == _terms_by_find(prose, prose.lower(), terms)


def test_no_fixed_terms_find_nothing():
    assert names_module._term_automaton([]) is None
    assert names_module._terms("Nazi Germany", "nazi germany", None) == []
