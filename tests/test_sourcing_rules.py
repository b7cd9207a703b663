"""The sourcing and attribution packs: given a draft, these findings.

The drafts are written for these tests; the seed article (shared beside the project) is
checked when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import draft, findings_of, positions

from factlint import load_rules

HERE = Path(__file__).resolve()
SEED = next(
    (p / "shared" / "seed" / "article.txt" for p in HERE.parents if (p / "shared" / "seed" / "article.txt").exists()),
    None,
)


def rules_by_line(findings) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for f in findings:
        out.setdefault(f.line, set()).add(f.rule)
    return out


STORY = draft("""
    Ferry operators warn of closures

    Senior officials have privately acknowledged that the harbour tolls will double in April.
    The port authority reportedly plans a second rise next year.

    According to multiple reports, three ferry firms could close. Jane Okafor, who chairs the
    Ferry Operators' Association, said the rise would cost each firm about $40,000 a year.

    Meanwhile, storms sank dozens of fishing boats along the coast.

    Two harbour officials said the plan was drafted in secret.

    People familiar with the talks, who asked not to be named because the negotiations are
    private, said the minister had not seen the figures.

    The plan, described as a rescue package, goes to the council next week.

    “Officials say the tolls are fair. They are not,” said Okafor.
""")


def test_the_story():
    found = findings_of(STORY, "story.txt", rule="sourcing") + findings_of(STORY, "story.txt", rule="attribution")
    assert sorted(positions(found)) == [
        (3, 1, "Senior officials have privately acknowledged"),
        (4, 20, "reportedly"),
        (6, 1, "According to multiple reports"),
        (9, 24, "dozens of"),
        (11, 1, "Two harbour officials said"),
        (16, 11, "described as"),
    ]
    assert rules_by_line(found) == {
        3: {"sourcing/unnamed-group"},
        4: {"sourcing/vague-reports"},
        6: {"sourcing/vague-reports"},
        9: {"attribution/unsourced-figure"},
        11: {"sourcing/anonymous-no-reason"},
        16: {"sourcing/agentless-passive"},
    }


@pytest.mark.parametrize(
    "text",
    [
        # the outlet is named: not vague
        "The port authority plans a second rise, the Harbour Gazette reported on Monday.",
        # a group named in the next sentence
        "MPs have said the scheme wasted money. The Public Accounts Committee found that half the funds were lost.",
        # a pronoun that refers to a named source
        "Jane Okafor said the tolls were unfair. She said they would close three firms.",
        # the words of a quoted speaker
        "“Critics say we are greedy,” said Tom Reid, the harbour master.",
        # an identified office
        "The Transport Ministry spokesman said the tolls were fair.",
    ],
)
def test_near_misses_pass_the_sourcing_rules(text):
    assert findings_of(text, "draft.txt", rule="sourcing") == []


IMPRESSIONS = draft("""
    Harbour talks stall

    The talks appear to have stalled over the price of the land. It seems that neither side
    will move before the election.

    The mayor appeared on local radio on Tuesday. “It appears we are stuck,” she said.
""")


def test_an_impression_in_the_reporters_voice_is_an_info_finding_when_selected():
    found = findings_of(IMPRESSIONS, "talks.txt", rule="sourcing", rules=load_rules(select=["sourcing/impression"]))
    assert positions(found) == [(3, 11, "appear"), (3, 65, "seems")]
    assert {(f.rule, f.severity) for f in found} == {("sourcing/impression", "info")}


def test_impressions_are_off_by_default():
    # editors circled 1 of 6 on editor-dev: "seemed to" is the reporter's reading, not a source withheld
    assert findings_of(IMPRESSIONS, "talks.txt", rule="sourcing") == []


def test_a_figure_is_attributed_by_a_source_in_its_sentence_or_the_two_before_it():
    text = draft("""
        Officials said the rise was needed. The tolls will cost each firm about $40,000 a year.

        The tolls will cost each firm about $40,000 a year. Officials said the rise was needed.

        The port said fees would rise. Ferries pay more. Lorries pay more. Cars will pay $4.50.
    """)
    found = findings_of(text, "draft.txt", rule="attribution")
    # a source after the figure says something else; three sentences back is too far
    assert positions(found) == [(3, 37, "$40,000"), (5, 82, "$4.50")]


def test_records_and_causes():
    text = draft("""
        The storm was the deadliest in the island's history.

        The closure of the plant led to hundreds of job losses.

        The closure of the plant led to job losses, the union said.
    """)
    found = findings_of(text, "draft.txt", rule="attribution")
    assert [(f.line, f.rule, f.match) for f in found] == [
        (1, "attribution/unsourced-record", "deadliest"),
        (3, "attribution/unsourced-cause", "led to"),
        (3, "attribution/unsourced-figure", "hundreds of"),
    ]


def test_a_figure_is_the_number_without_the_punctuation_after_it_and_a_year_is_no_figure():
    text = draft("""
        Cars will pay $4.50, the same as vans.

        Fares rose 12.5%. In 2022, people in the valley voted for the bridge.
    """)
    found = findings_of(text, "draft.txt", rule="attribution")
    assert [(f.line, f.match) for f in found] == [(1, "$4.50"), (3, "12.5%")]


@pytest.mark.skipif(SEED is None, reason="the seed article is not beside the project")
def test_the_seed_article():
    found = findings_of(SEED.read_text(encoding="utf-8"), "article.txt", rule="sourcing") + findings_of(
        SEED.read_text(encoding="utf-8"), "article.txt", rule="attribution"
    )
    lines = rules_by_line(found)
    expected = {
        8: "sourcing/vague-reports",  # "is reportedly working with Moscow"
        12: "sourcing/vague-reports",  # "According to multiple reports"
        14: "sourcing/agentless-passive",  # "described as having 28 key points"
        16: "sourcing/unnamed-group",  # "senior officials have acknowledged"
        32: "attribution/unsourced-figure",  # "billions in military aid"
        38: "sourcing/vague-reports",
        46: "sourcing/unnamed-group",  # "Locals … view this as"
        48: "sourcing/unnamed-group",  # "European allies expressed", "Diplomats privately expressed"
        50: "sourcing/unnamed-group",  # "US officials counter"
        52: "sourcing/agentless-passive",  # "is being welcomed as"
        58: "sourcing/vague-reports",  # "questions arise"
        74: "sourcing/vague-reports",
        76: "sourcing/vague-reports",  # "are said to"
        80: "sourcing/unnamed-group",  # "officials acknowledge"
    }
    for line, rule in expected.items():
        assert rule in lines.get(line, set()), (line, rule, lines.get(line))
    assert "attribution/unsourced-figure" in lines[16]  # "killed dozens of civilians"
    assert set(lines) == set(expected)  # and nothing else


def test_a_verb_of_saying_with_no_speaker_found_is_no_sourcing_finding_and_attributes_a_figure():
    """The finder lists "said" with no speaker it can place as unsourced (form ``verb``):
    no sourcing rule reads that form without a source, and the figure is attributed."""
    from factlint.document.attribution import find_attributions

    text = "The unsigned notice said the quay would cost 40 percent more.\n"
    from conftest import doc_of

    assert [(a.kind, a.form) for a in find_attributions(doc_of(text, "draft.txt"))] == [("unsourced", "verb")]
    assert findings_of(text, "draft.txt", rule="sourcing") + findings_of(text, "draft.txt", rule="attribution") == []


def test_a_noun_of_stance_is_listed_but_flagged_by_no_rule_and_attributes_no_figure():
    """ "Criticism of the toll" is in the inventory (form ``nominal``), but no sourcing rule
    reads that form, and it does not stand behind the figure in its sentence."""
    text = "Amid criticism of the toll, fares rose 14% last year.\n"
    assert findings_of(text, "draft.txt", rule="sourcing") == []
    assert [f.rule for f in findings_of(text, "draft.txt", rule="attribution")] == ["attribution/unsourced-figure"]


@pytest.mark.parametrize(
    "text",
    [
        "It is believed the lighthouse keeper left in March, the parish council said.",
        "The lighthouse keeper reportedly left in March, the island's newspaper said.",
        "The parish council said the lighthouse keeper is said to have left in March.",
        "According to Tomas Vilja, the keeper reportedly left in March.",
        "The keeper reportedly left in March, Tomas Vilja told the parish council.",
    ],
)
def test_a_report_a_named_source_stands_behind_is_not_vague_sourcing(text):
    """ "Reportedly", "it is believed" or "is said to" inside what a named person or body
    says: the named source answers for the report, so there is nothing to name."""
    assert [f.rule for f in findings_of(text, "draft.txt", rule="sourcing/vague-reports")] == []


@pytest.mark.parametrize(
    "text",
    [
        # the report is the reporter's; the named source says something else
        "The lighthouse keeper reportedly left in March, and the parish council said it was hiring.",
        "The lighthouse keeper reportedly left in March, but the parish council said nothing.",
        "The lighthouse keeper reportedly left in March. The parish council said it was hiring.",
        # nobody the reader can identify stands behind it: naming the source still fixes it
        "The lighthouse keeper reportedly left in March, a person close to the council said.",
    ],
)
def test_a_report_outside_a_named_sources_words_is_still_vague_sourcing(text):
    assert [f.rule for f in findings_of(text, "draft.txt", rule="sourcing/vague-reports")] == ["sourcing/vague-reports"]


def test_an_unnamed_group_already_described_is_asked_for_a_name_not_for_its_organisation():
    """ "Experts say": which ones? "Experts at the weather service say": the organisation is
    given, so the advice is to name one of them (or say why not), not to give it."""
    text = draft("""
        Experts say the storm will weaken before it reaches the coast.

        Experts at the weather service say the storm will weaken before it reaches the coast.
        """)
    found = findings_of(text, "draft.md", rule="sourcing/unnamed-group")
    assert [(f.line, f.message) for f in found] == [
        (1, "Vague source: 'Experts say'. Say which ones: name them, or give their organisation, role or number."),
        (
            3,
            "Unnamed source: 'Experts at the weather service say'. Name at least one of them, "
            "or say why they are not named.",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two ministry officials declined to comment on the contract.",
        "Company officials could not be reached for comment on Friday.",
        "Harbour officials were not immediately available for comment.",
        "Officials at the port did not respond to requests for comment.",
    ],
)
def test_a_source_that_says_nothing_is_no_sourcing_finding(text):
    """Declining to comment attributes no information: there is nobody to name for it and
    no anonymity to explain (the inventory still lists it)."""
    from conftest import doc_of

    from factlint.document.attribution import find_attributions

    assert find_attributions(doc_of(text, "draft.txt"))
    assert findings_of(text, "draft.txt", rule="sourcing") == []


@pytest.mark.parametrize(
    "text, rule",
    [
        ("The new harbour toll is the highest in the country.", "attribution/unsourced-record"),
        ("The cooperative is one of the largest exporters of olive oil in Europe.", "attribution/unsourced-record"),
        ("The island's fleet landed a record 40,000 tonnes of cod.", "attribution/unsourced-record"),
        ("The valley farms brought in record harvests this autumn.", "attribution/unsourced-record"),
        ("The drought has destroyed nearly half of the wheat crop.", "attribution/unsourced-figure"),
        ("Fares account for more than a third of the island's household budgets.", "attribution/unsourced-figure"),
    ],
)
def test_superlatives_against_everyone_records_and_shares_are_check_worthy(text, rule):
    """ "The highest in the country", "a record 40,000 tonnes", "nearly half of the crop":
    claims a reader cannot check unless the story says whose figures they are."""
    assert [f.rule for f in findings_of(text + "\n", "draft.txt", rule="attribution")] == [rule]
    attributed = text[:-1] + ", the harbour board said.\n"
    assert findings_of(attributed, "draft.txt", rule="attribution") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has a record of opposing new tolls.",
        "The band signed with a record label in Lisbon.",
        "She is the oldest daughter of Ana Ruiz, who runs the bakery.",
        "The market is busiest in the morning, before the ferries leave.",
        "Half of the committee left early.",
    ],
)
def test_records_superlatives_and_shares_that_claim_nothing_pass(text):
    assert findings_of(text + "\n", "draft.txt", rule="attribution") == []


@pytest.mark.parametrize(
    "text, rules",
    [
        # an institution the story identifies says which officials: anonymous, fine with a reason
        ("A port official, who requested anonymity because the inquiry is confidential, said the quay was unsafe.", []),
        ("A port official said the quay was unsafe.", ["sourcing/anonymous-no-reason"]),
        ("Hospital officials said two patients were critical.", ["sourcing/anonymous-no-reason"]),
        # nothing says which ones: vague, whatever the reason
        ("Officials said the quay was unsafe.", ["sourcing/unnamed-group"]),
    ],
)
def test_officials_of_an_institution_are_described_not_vague(text, rules):
    assert [f.rule for f in findings_of(text + "\n", "draft.txt", rule="sourcing")] == rules


@pytest.mark.parametrize(
    "text, rules",
    [
        # evidence earlier in the clause stands behind the figure ("figures … show")
        ("Figures released by the port on Monday show cargo rose 14% last year.", []),
        # a cause, and a duty
        ("A faulty valve was responsible for the leak at the plant.", ["attribution/unsourced-cause"]),
        ("The harbour board is responsible for dredging the channel.", []),
        ("The division is responsible for worldwide sales of the ferries.", []),
    ],
)
def test_evidence_further_back_attributes_and_a_duty_is_no_cause(text, rules):
    assert [f.rule for f in findings_of(text + "\n", "draft.txt", rule="attribution")] == rules


# -- classes the editors of editor-dev taught (session 2026-12-07) ------------------------


def test_unnamed_polls_and_trades_speaking_as_a_group_are_vague_sources():
    text = draft("""
        Recent polls show the mayor trailing her rival by six points.

        Currency traders said the krona would weaken further.

        Investigators also speculated that a faulty valve caused the leak.
        """)
    assert positions(findings_of(text, "draft.txt", rule="sourcing/unnamed-group")) == [
        (1, 1, "Recent polls show"),
        (3, 1, "Currency traders said"),
        (5, 1, "Investigators also speculated"),
    ]


def test_a_named_poll_or_a_poll_already_identified_is_not_vague():
    text = draft("""
        A poll by the Harbour Institute found the mayor trailing by six points.

        The new poll finds her rival ahead in every district.
        """)
    assert findings_of(text, "draft.txt", rule="sourcing") == []


def test_polls_named_by_their_pollster_are_not_vague():
    text = draft("""
        Other recent polls from the Harbour Institute and Island Radio show the mayor ahead.

        Recent Gazette polls show her rival closing the gap.
        """)
    assert findings_of(text, "draft.txt", rule="sourcing") == []
    assert [
        f.match for f in findings_of("Recent polls show her rival closing the gap.\n", "draft.txt", rule="sourcing")
    ] == ["Recent polls show"]


@pytest.mark.parametrize(
    "text",
    [
        # "most" as a degree, not a group
        "Superdelegates should back the candidate who won the most pledged delegates.\n",
        "It was the clause the unions most strongly opposed.\n",
        # after "said", a noun phrase before an auxiliary is what is said, not the speaker
        "The mayor's office, when reached on Monday, said the former harbour master couldn't recall the talks.\n",
        # a name given, no view passed on
        "The new ferry will be dubbed the “Island Queen” at its launch.\n",
        # a modal before a verb of knowing: an ability, no view passed on
        "People cannot really understand that the toll pays for the ferry.\n",
        "Anyone can see the harbour from the hill.\n",
    ],
)
def test_words_that_look_like_a_vague_source_but_are_none(text):
    assert findings_of(text, "draft.txt", rule="sourcing") == []


def test_a_label_given_in_the_passive_is_still_agentless():
    assert [
        f.match for f in findings_of("The harbour master was dubbed a traitor.\n", "draft.txt", rule="sourcing")
    ] == ["dubbed"]


def test_a_named_persons_disbelief_is_still_theirs():
    doc_text = "Ana Ruiz can barely believe that the toll rose 40 percent.\n"
    assert findings_of(doc_text, "draft.txt", rule="attribution") == []


def test_an_inverted_vague_speaker_is_still_flagged():
    assert [f.match for f in findings_of("“We will go,” said the officials.\n", "draft.txt", rule="sourcing")] == [
        "said the officials"
    ]


def test_a_sum_before_a_vague_group_is_not_part_of_it():
    text = "Harbour Freight earned $8.42 a share, above the $8.04 analysts had expected.\n"
    assert [f.match for f in findings_of(text, "draft.txt", rule="sourcing")] == ["analysts had expected"]


def test_a_named_persons_camp_speaks_for_that_person():
    """ "Senator Ruiz's aides", "an adviser to Senator Ruiz": the camp of a person the story
    names is identified (editor-dev: 0 of 16 such sentences marked)."""
    text = draft("""
        Senator Ana Ruiz spoke in Hull on Monday.

        Ruiz's aides said she would run again.

        An adviser to Senator Ruiz explained why the campaign had moved north.
        """)
    assert findings_of(text, "draft.txt", rule="sourcing") == []


def test_the_camp_of_a_named_person_referred_to_by_their_title_speaks_for_them():
    text = draft("""
        Sen. Ana Ruiz spoke in Hull on Monday.

        Aides to the senator said she would run again.
        """)
    assert findings_of(text, "draft.txt", rule="sourcing") == []
    # with no senator named, "the senator" identifies nobody
    unnamed = "The senator spoke in Hull.\n\nAides to the senator said she would run again.\n"
    assert [f.match for f in findings_of(unnamed, "draft.txt", rule="sourcing")] == ["Aides to the senator said"]


def test_the_same_group_without_a_named_person_is_still_flagged():
    text = "The harbour commission met on Monday. Commission aides said the toll would rise.\n"
    assert [f.match for f in findings_of(text, "draft.txt", rule="sourcing")] == ["Commission aides said"]


def test_a_named_person_among_the_group_identifies_it():
    text = "Ruiz and other analysts predicted a rally in the krona.\n"
    assert findings_of(text, "draft.txt", rule="sourcing") == []


def test_what_a_group_wants_or_decided_is_not_sourcing():
    text = draft("""
        Many islanders want a second ferry.

        Scientists want to learn more about the reef.

        Some residents have decided to leave the island.
        """)
    assert findings_of(text, "draft.txt", rule="sourcing/unnamed-group") == []


def test_what_a_group_believes_is_still_sourcing():
    text = "Many residents believe the ferry will never come.\n"
    assert [f.match for f in findings_of(text, "draft.txt", rule="sourcing/unnamed-group")] == [
        "Many residents believe"
    ]


def test_a_consensus_compound_is_an_agentless_judgement():
    text = draft("""
        Her much-praised speech said nothing about the deficit.

        Judge Okafor, a widely respected jurist, will hear the case.

        As has been widely reported, the ferry will stop in May.

        The speech, widely praised by the farmers' union, said nothing about the deficit.
        """)
    assert positions(findings_of(text, "draft.txt", rule="sourcing/agentless-passive")) == [
        (1, 5, "much-praised"),
        (3, 17, "widely respected"),
        (5, 13, "widely reported"),
    ]


def test_a_headlines_source_is_the_storys():
    text = draft("""
        # Analysts doubt the bank will cut rates

        The central bank held its rate on Tuesday, said its governor, Ana Ruiz.
        """)
    assert findings_of(text, "draft.md", rule="sourcing") == []


@pytest.mark.parametrize(
    "text",
    [
        "The probe's power source could last until 2030.",
        "Officials who found themselves under fire resigned on Monday.",
        "The board was criticised for not responding to the letter.",
    ],
)
def test_no_informant_no_sourcing_finding(text):
    """A source of power, officials finding themselves somewhere, a failure to respond:
    nothing is attributed to anyone."""
    assert [
        f.rule for f in findings_of(text, "draft.txt", rule="sourcing") if f.rule != "sourcing/agentless-passive"
    ] == []
