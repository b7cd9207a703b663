"""The claim layer: check-worthy claims in the reporter's voice, and what stands behind them.

Given a draft, these claims (type and exact words) and these sources behind them.
"""

import pytest
from conftest import doc_of, findings_of

from factlint.document.claims import claims_in_words


def claims(text):
    doc = doc_of(text, "draft.txt")
    return [(c.type, doc.prose[c.start : c.end], c.behind) for c in doc.claims]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The blaze killed 14 people and destroyed 40 homes.", [("figure", "14"), ("figure", "40")]),
        ("Ten fishing villages have already been put on alert.", [("figure", "Ten")]),
        ("17 border guards were detained at the crossing.", [("figure", "17")]),
        ("The war displaced a million people.", [("figure", "a million")]),
        ("Repairs will cost £2.4m and take until spring.", [("figure", "£2.4m")]),
        ("Nearly half of the harbour's boats stayed in port.", [("figure", "Nearly half of")]),
        ("At a meeting of 2,300 on the quay, the union called a strike.", [("figure", "2,300")]),
        ("It was the island's worst storm in 60 years.", [("record", "worst"), ("record", "in 60 years")]),
        ("The port is the region's second largest employer.", [("record", "second largest")]),
        ("It was the county's most costly storm.", [("record", "most costly")]),
        ("Higher fares are driving commuters back to their cars.", [("cause", "driving")]),
        ("Storms that cause floods are more frequent.", [("cause", "cause")]),
        ("A faulty valve was responsible for the leak.", [("cause", "was responsible for")]),
        ("Ferry passengers are deeply frustrated with the timetable.", [("state-of-mind", "are deeply frustrated")]),
        ("They resent that the council moved the market.", [("state-of-mind", "resent")]),
        ("The new toll violates the harbour treaty.", [("contested", "violates the harbour treaty")]),
        ("The minister violated the ethics code.", [("contested", "violated the ethics code")]),
    ],
)
def test_each_kind_of_claim_and_its_words(sentence, expected):
    assert [(kind, sentence[a:b]) for a, b, kind in claims_in_words(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two candidates met three times in the spring.",  # numbered things and times
        "It takes 1,237 delegates to win the nomination.",  # the race's public tally
        "In 2022 the ferry ran on Feb. 28 for the last time.",  # years and dates
        "The harbour master, 63 years old, retired in May.",  # an age
        "Half of the committee left early.",  # a share without a measure
        "She is the youngest daughter of the harbour master.",  # a family, not a record
        "The mayor has a record of opposing new tolls.",  # "record" the noun
        "It was the most dramatic night of the regatta.",  # "the most ..." is a judgement, not a record
        "The harbour master's biggest worry is the new toll.",  # a judgement (claim-not-record-nouns)
        "The ferry faces its greatest test on Saturday.",
        "Inspectors are looking into whether the toll was set illegally.",  # a question put, not a claim
        "Many analysts are skeptical about the new toll.",  # their view, passed on: sourcing's
        "A stronger storm could cause flooding on the coast road.",  # a possibility
        "The mayor's wife has focused on causes such as literacy.",  # "cause" the noun
        "The harbour is a cause for celebration.",
        "The fire was caused by a faulty heater.",  # the cause is named
        "The mayor wants a new road.",  # one named person's wish is no group's state of mind
        "Shares in the ferry company rose 8.2 pct to 14.30 euros.",  # a data line of a market report
        "Social services will receive 85.4 million euros against 71.8 million.",  # a results line
        "$40 million.",  # a verbless fragment: the answer to the sentence before it
        "Right around 12 ferries.",
        "It tops the coastguard's most wanted list.",  # "most wanted" is a name, not a record
    ],
)
def test_what_is_no_claim(sentence):
    assert claims_in_words(sentence) == []


def test_a_claim_inside_what_a_source_says_is_theirs():
    assert claims("Drone strikes killed dozens of civilians, the regional governor said.\n") == [
        ("figure", "dozens of", "content")
    ]


def test_a_source_in_the_two_sentences_before_stands_behind_a_claim_but_not_further_back():
    text = (
        "The ferry timetable changes in May.\n\n"
        "The port authority said fees would rise. Ferries will pay 10% more.\n\n"
        "The port authority said fees would rise. Ferries pay more. Lorries pay more. Cars will pay 10% more.\n"
    )
    assert [(kind, behind) for kind, _, behind in claims(text)] == [("figure", "neighbour"), ("figure", None)]


def test_a_cue_without_a_source_before_a_claim_stands_behind_nothing():
    # a "said" whose source the finder could not resolve vouches for nothing in the next sentence
    text = "The ferry timetable changes in May.\n\nThe board met on Monday and said fees would rise. About 200 skippers joined the protest.\n"
    assert claims(text) == [("figure", "200", None)]


def test_a_state_of_mind_claimed_stands_behind_nothing_after_it():
    text = (
        "The ferry timetable changes in May.\n\n"
        "Island shoppers are deeply frustrated with the timetable. They resent that the council moved the market.\n"
    )
    assert claims(text) == [("state-of-mind", "are deeply frustrated", None), ("state-of-mind", "resent", None)]


def test_a_cause_that_is_an_agentless_passive_is_sourcings_not_attributions():
    text = "The ferry timetable changes in May.\n\nThe festival has been blamed for the outbreak.\n"
    assert claims(text) == [("cause", "blamed for", "cue")]
    assert [f.rule for f in findings_of(text, "draft.txt") if f.category in ("sourcing", "attribution")] == [
        "sourcing/agentless-passive"
    ]


def test_the_clause_after_but_is_the_reporters_not_the_sources():
    text = "The ferry timetable changes in May.\n\nThe mayor spoke of unity, but the council is deeply divided over the toll.\n"
    assert claims(text) == [("contested", "is deeply divided over", None)]


def test_a_new_thread_is_not_covered_by_the_sources_before_it():
    text = "The ferry timetable changes in May. The port authority said fees would rise. Meanwhile, the storm destroyed 40 homes.\n"
    assert claims(text) == [("figure", "40", None)]


def test_a_source_after_the_claim_does_not_stand_behind_it():
    text = (
        "The ferry timetable changes in May.\n\n"
        "Fares rose 14% last year. The operator said it would review the timetable.\n"
    )
    assert claims(text) == [("figure", "14%", None)]


def test_in_a_single_source_story_the_figures_are_the_sources():
    text = (
        "Harbour Ferries Ltd said on Monday its profit rose last year.\n\n"
        "The company carried 1.2 million passengers.\n\n"
        "Meanwhile, the storm destroyed 40 homes on the island.\n"
    )
    assert [(words, behind) for _, words, behind in claims(text)] == [("1.2", "story"), ("40", None)]


def test_an_editors_note_opens_a_new_thread():
    text = "The agency said on Monday it had 40 staff.\n\nEditor’s note: the agency has lost 300 jobs since May.\n"
    assert [(w, behind) for _, w, behind in claims(text)] == [("40", "content"), ("300", None)]


def test_a_poll_in_the_first_paragraph_makes_no_single_source_story():
    text = (
        "The mayor's approval stands at 53% in the latest Harbour Gazette poll.\n\n"
        "It has been more than 150 days since she named her deputy.\n"
    )
    assert [(words, behind) for _, words, behind in claims(text)][-1] == ("150", None)


def test_a_fragment_is_no_claim_but_a_short_sentence_with_a_verb_is():
    assert claims("Fares went up again. 40 percent.\n") == []
    assert [(k, w) for k, w, _ in claims("Last year, investors lost 20.5 percent.\n")] == [("figure", "20.5 percent")]
    assert [(k, w) for k, w, _ in claims("Seventeen people died.\n")] == [("figure", "Seventeen")]
    assert [(k, w) for k, w, _ in claims("The ferry company raises $33M.\n")] == [("figure", "$33M")]


def test_the_writer_stands_behind_their_own_sentence_not_the_next_one():
    # an opinion writer's "I": their own words, no source for what follows
    text = (
        "Last spring I explained to the mayor what a toll does.\n"
        "Years of neglect drove the ferry company to raise fares.\n"
    )
    assert claims(text) == [("cause", "drove", None)]
    # a named source in the sentence before does stand behind it
    assert claims(text.replace("I explained", "Ana Ruiz explained")) == [("cause", "drove", "neighbour")]
    # in their own sentence the writer's pledge is theirs
    assert claims("I pledged to build 700 homes in seven years.\n") == [("figure", "700", "content")]


def test_what_a_named_source_of_the_story_is_described_as_doing_is_no_claim():
    # the guideline's trivial fact: the story's own named source, doing something
    text = (
        "Storms closed the port for a week.\n\n"
        "The harbour board said on Monday it would publish its accounts.\n\n"
        "The board sent letters to 5,500 households. The board named five new members.\n"
    )
    assert [(w, behind) for _, w, behind in claims(text)][-2:] == [("5,500", "actor"), ("five", "actor")]
    # the source is known by its name as well as by its head word ("a Harbour Board report")
    by_name = (
        "Storms closed the port for a week.\n\n"
        "A Harbour Board report found the quay unsafe.\n\n"
        "The Harbour Board sent letters to 5,500 households.\n"
    )
    assert claims(by_name)[-1] == ("figure", "5,500", "actor")
    # an act in progress is as much the source's own as a past one
    ongoing = claims(text.replace("sent letters to 5,500 households", "has been training 5,500 volunteers"))
    assert [(w, behind) for _, w, behind in ongoing][-2] == ("5,500", "actor")
    assert claims(text.replace("sent letters to 5,500 households", "is training 5,500 volunteers"))[-2][2] == "actor"
    # a present tense is no act ("The board serves 5,500 households" is a figure to source)
    assert claims(text.replace("The board sent letters to", "The board serves"))[-2][2] is None
    # not when the actor is no source of the story
    assert claims(text.replace("The board sent", "The council sent"))[-2][2] is None
    # after "and" the actor may be someone else ("both Giuliani and Bolton have received …")
    assert claims(text.replace("The board named", "Their chair and Ana Ruiz named"))[-1][2] is None
    # nor a casualty count, nor a running total: those are statistics someone must stand behind
    detained = claims(text.replace("sent letters to 5,500 households", "detained 40 fishermen"))
    assert [(w, behind) for _, w, behind in detained][-2] == ("40", None)
    # a judgement of the source's record, not what it did in the story
    judged = text.replace(
        "The board sent letters to 5,500 households", "The board deserves credit for housing 5,500 families"
    )
    assert claims(judged)[-2] == ("figure", "5,500", None)
    total = text.replace(
        "sent letters to 5,500 households. The board named five new members", "has lent $10 million since 2004"
    )
    assert claims(total)[-1] == ("figure", "$10 million", None)


def test_a_dash_aside_in_what_a_source_says_is_the_writers_gloss():
    text = "Storms closed the port.\n\nThe mayor told members of the union – which has lost 300 jobs – that the toll would stay.\n"
    assert claims(text) == [("figure", "300", None)]
    # without the dashes the words are the mayor's
    assert claims(text.replace("– which has lost 300 jobs –", "that had lost 300 jobs")) == [
        ("figure", "300", "content")
    ]


def test_a_link_stands_behind_a_claim_in_its_sentence():
    doc = doc_of("Fares rose [14% last year](https://example.org/fares).\n", "draft.md")
    [claim] = doc.claims
    assert (doc.prose[claim.start : claim.end], claim.behind) == ("14%", "link")


def test_a_share_in_a_story_that_named_its_poll_is_the_polls():
    text = (
        "The harbour board ran a poll on the bridge in May.\n\n"
        "The ferry crews went on strike in June.\n\n"
        "Of the islanders, 40 percent back the bridge.\n"
    )
    assert claims(text) == [("figure", "40 percent", "poll")]
    # without the poll, nobody stands behind the share
    assert claims(text.replace("ran a poll on", "voted on")) == [("figure", "40 percent", None)]


def test_quotations_questions_and_headlines_make_no_claims():
    text = (
        "# Storm kills 14 on the island\n\n"
        "“We lost 40 homes,” said Ana Ruiz. How many of the 300 fishermen will stay?\n"
    )
    doc = doc_of(text, "draft.md")
    assert doc.claims == []


def test_the_attribution_rules_report_each_type_once_per_sentence():
    text = (
        "The storm killed 14 people and destroyed 40 homes. It was the island's worst storm.\n\n"
        "Higher fares are driving commuters away. Ferry passengers are frustrated.\n\n"
        "The new toll violates the harbour treaty.\n"
    )
    found = [(f.line, f.rule, f.match) for f in findings_of(text, "draft.txt", rule="attribution")]
    assert found == [
        (1, "attribution/unsourced-figure", "14"),
        (1, "attribution/unsourced-record", "worst"),
        (3, "attribution/unsourced-cause", "driving"),
        (3, "attribution/unsourced-state-of-mind", "are frustrated"),
        (5, "attribution/unsourced-contested", "violates the harbour treaty"),
    ]
