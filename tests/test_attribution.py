"""The attribution finder: given a draft, these sources, cues and kinds.

Every sentence below was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import doc_of, draft, fresh_finder

from factlint.document.attribution import find_attributions


def attributions(text: str, path: str = "draft.txt"):
    """(kind, source as written, cue) of each attribution in the reporter's voice."""
    doc = doc_of(text, path)
    p = doc.prose
    return [
        (a.kind, p[a.source[0] : a.source[1]] if a.source else None, p[a.cue[0] : a.cue[1]])
        for a in find_attributions(doc)
    ]


def only(text: str, path: str = "draft.txt"):
    doc = doc_of(text, path)
    found = find_attributions(doc)
    assert len(found) == 1, [doc.prose[a.cue[0] : a.cue[1]] for a in found]
    return doc, found[0]


# -- where the source is ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Senior officials have privately acknowledged that the deadline will slip.",
            ("vague", "Senior officials", "have privately acknowledged"),
        ),
        (
            "The harbour will close for a month, said the port authority's director.",
            ("named-person", "the port authority's director", "said"),
        ),
        (
            "According to the weather service, the storm will reach the coast tonight.",
            ("named-organisation", "the weather service", "According to"),
        ),
        ("The mayor on Tuesday said the budget was balanced.", ("named-person", "The mayor", "said")),
        (
            "Jane Okafor, the transport minister, said the line would reopen in May.",
            ("named-person", "Jane Okafor, the transport minister", "said"),
        ),
        ("Jane Okafor, however, said the line would reopen in May.", ("named-person", "Jane Okafor", "said")),
        ("“We will rebuild,” the mayor said.", ("named-person", "the mayor", "said")),
        ("Critics say the toll will hurt commuters.", ("vague", "Critics", "say")),
        ("Many believe the count was wrong.", ("vague", "Many", "believe")),
        # a place describes one person it does not name; "leading" is an adjective here
        (
            "“Fares will rise,” a leading Harbourton economist said.",
            ("anonymous", "a leading Harbourton economist", "said"),
        ),
        ("Fares will rise, a Harbourton dealer said.", ("anonymous", "a Harbourton dealer", "said")),
        ("People watching the ferry said it listed badly.", ("vague", "People watching the ferry", "said")),
    ],
)
def test_the_source_next_to_its_cue(text, expected):
    assert attributions(text) == [expected]


def test_qualified_and_unqualified_groups():
    found = attributions(
        draft("""
        Three Pentagon officials said the drill was cancelled.

        US officials said the drill was cancelled.

        People familiar with the plans said the drill was cancelled.

        The Foreign Ministry spokesman said the drill was cancelled.

        An official said the drill was cancelled.
    """)
    )
    assert [(kind, source) for kind, source, _ in found] == [
        ("anonymous", "Three Pentagon officials"),
        ("vague", "US officials"),
        ("anonymous", "People familiar with the plans"),
        ("named-person", "The Foreign Ministry spokesman"),
        ("vague", "An official"),
    ]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The minister reportedly resigned on Friday.", "reportedly"),
        ("The two envoys are said to be close to a deal.", "are said to"),
        ("It is believed the vault was opened twice.", "It is believed"),
        ("The plan, described as a lifeline, goes to a vote next week.", "described as"),
        ("The stadium has been criticised as a waste of money.", "criticised"),
        ("Questions have been raised about the tender.", "Questions have been raised"),
    ],
)
def test_sourceless_cues(text, cue):
    assert attributions(text) == [("unsourced", None, cue)]


def test_a_passive_with_its_agent_has_a_source():
    assert attributions("The stadium has been criticised by the city auditor as a waste of money.") == [
        ("named-person", "the city auditor", "criticised")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was opened in 1932.",
        "She found the keys under the mat.",
        "Several councils did not agree, so the toll stayed.",  # a deal not made
        "Members agreed on a new toll for lorries.",  # the terms of a deal, no view passed on
        "Smaller caucus states ahead of the vote are crucial.",
        "A group called Open Harbour organised the march.",
        "If the council approves the plan, work will start in May.",
    ],
)
def test_not_attributions(text):
    assert attributions(text) == []


# -- references -------------------------------------------------------------------------


def test_pronoun_resolves_to_the_last_source_of_the_paragraph_or_the_one_before():
    doc = doc_of(
        draft("""
        Jane Okafor, the transport minister, said the line would reopen in May.

        She added that fares would not rise.
    """),
        "draft.txt",
    )
    first, second = find_attributions(doc)
    assert second.pronoun and second.resolved and second.kind == "named-person"
    assert doc.prose[second.refers_to[0] : second.refers_to[1]] == "Jane Okafor, the transport minister"


def test_a_pronoun_with_nobody_before_it_is_unresolved():
    doc, att = only("He said the line would reopen in May.")
    assert att.pronoun and not att.resolved


def test_they_takes_the_kind_of_a_vague_group():
    doc = doc_of("Officials said the line would reopen. They did not say when.", "draft.txt")
    assert [(a.kind, a.pronoun) for a in find_attributions(doc)] == [("vague", False), ("vague", True)]


def test_who_refers_to_the_phrase_before_it():
    doc, att = only("The delay angered Tom Reid, who said the council had misled residents.")
    assert doc.prose[att.source[0] : att.source[1]] == "who"
    assert doc.prose[att.refers_to[0] : att.refers_to[1]] == "Tom Reid"
    assert att.kind == "named-person"


def test_a_group_identified_by_a_named_body_next_to_it_is_not_vague():
    doc = doc_of(
        "MPs have said the scheme wasted money. The Public Accounts Committee found that half the funds were lost.",
        "draft.txt",
    )
    first, second = find_attributions(doc)
    assert first.kind == "named-organisation"
    assert doc.prose[first.refers_to[0] : first.refers_to[1]] == "The Public Accounts Committee"


# -- reasons for anonymity -----------------------------------------------------------------


def test_reason_in_the_same_sentence():
    _, att = only(
        "Two officials, who spoke on condition of anonymity because they were not "
        "authorised to discuss the talks, said the deal was close."
    )
    assert att.kind == "anonymous" and att.reason is not None


def test_reason_in_the_next_sentence():
    doc = doc_of(
        "Two officials said the deal was close. They asked not to be named because the talks are confidential.",
        "draft.txt",
    )
    assert find_attributions(doc)[0].reason is not None


def test_anonymity_without_a_reason_is_no_reason():
    doc = doc_of("Two officials said the deal was close. They spoke on condition of anonymity.", "draft.txt")
    assert find_attributions(doc)[0].reason is None


# -- quotations ----------------------------------------------------------------------------


def test_attributions_inside_a_quotation_are_the_speakers_not_the_reporters():
    doc = doc_of("“Officials told us the plant was safe,” said Maria Lopez, a resident.", "draft.txt")
    found = find_attributions(doc)
    assert [doc.prose[a.source[0] : a.source[1]] for a in found] == ["Maria Lopez, a resident"]
    assert found[0].quote == "direct"
    nested = [a for a in find_attributions(doc, nested=True) if a not in found]
    assert [doc.prose[a.source[0] : a.source[1]] for a in nested] == ["Officials"]


def test_typed_double_apostrophes_are_quotation_marks():
    doc = doc_of("''We think the count is wrong,'' said Tom Reid.", "draft.txt")
    assert [(a.kind, doc.prose[a.source[0] : a.source[1]]) for a in find_attributions(doc)] == [
        ("named-person", "Tom Reid")
    ]


def test_transcript_labels():
    found = attributions(
        draft("""
        HOST: What happens now?

        OKAFOR: We wait for the court.
    """)
    )
    assert [(kind, source) for kind, source, _ in found] == [("named-person", "HOST"), ("named-person", "OKAFOR")]


@pytest.mark.parametrize("label", ["TK", "TKTK", "CHECK", "NOTE", "UPDATE"])
def test_an_editors_placeholder_or_note_is_no_speaker(label):
    assert attributions(f"Storm\n\n{label}: 300 people died in the storm.\n") == []


def test_markdown_markup_does_not_hide_the_source():
    doc = doc_of("**Senior officials** have acknowledged the delay.\n", "draft.md")
    att = find_attributions(doc)[0]
    start, end = doc.to_raw(*att.source)
    assert (att.kind, doc.text[start:end]) == ("vague", "Senior officials")


# -- quantifiers, causatives, cognition ------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Many fear the new toll will push commuters off the bridge.", ("vague", "Many", "fear")),
        ("Some hope that the ferry will run again by spring.", ("vague", "Some", "hope")),
        ("The closure led some to speculate that the mill had been sold.", ("vague", "some", "to speculate")),
        ("The delay prompted critics to argue that the bridge was never needed.", ("vague", "critics", "to argue")),
        ("Ana Ruiz knew that the bakery could not survive another winter.", ("named-person", "Ana Ruiz", "knew")),
        (
            "The port authority plans to dredge the harbour next year.",
            ("named-organisation", "The port authority", "plans to"),
        ),
        (
            "The survey by the housing agency found that rents had doubled.",
            ("named-organisation", "The survey by the housing agency", "found"),
        ),
        ("As one council aide put it, the budget is a wish list.", ("anonymous", "one council aide", "put it")),
        ("One councillor likened the toll to a tax on the poor.", ("anonymous", "One councillor", "likened")),
    ],
)
def test_more_ways_to_say_or_think(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Many hopes were pinned on the new ferry.",
        "Some fear of flooding is natural in the valley.",
        "Ana Ruiz knew the valley well.",
        "The baker put it on the counter.",
        "The storm left the town without power for days.",
    ],
)
def test_not_ways_to_say_or_think(text):
    assert attributions(text) == []


# -- inventory-only forms: the reporter's questions, impressions -----------------------------


def test_a_question_goes_to_whoever_answers_it():
    found = attributions("Asked about the toll, the transport minister said it would stay.")
    assert ("named-person", "the transport minister", "Asked") in found
    assert ("named-person", "the transport minister", "said") in found
    doc = doc_of("When asked whether the line would reopen, Jane Okafor declined to comment.")
    forms = {doc.prose[a.cue[0] : a.cue[1]]: a.form for a in find_attributions(doc)}
    assert forms["asked"] == "question"


def test_was_asked_has_the_person_asked_as_its_source():
    doc, att = only("The mayor was asked about the budget on Tuesday.")
    assert (doc.prose[att.source[0] : att.source[1]], doc.prose[att.cue[0] : att.cue[1]], att.form) == (
        "The mayor",
        "was asked",
        "question",
    )


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The senator seemed to blame the governor for the delay.", "seemed"),
        ("It appears that the ferry will not run this winter.", "appears"),
        ("The talks have appeared close to collapse all week.", "have appeared"),
        ("For a moment it seemed as if the vote would fail.", "seemed"),
    ],
)
def test_an_impression_is_listed_with_no_source(text, cue):
    doc, att = only(text)
    assert (att.kind, att.source, doc.prose[att.cue[0] : att.cue[1]], att.form) == (
        "unsourced",
        None,
        cue,
        "impression",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared on local radio on Tuesday.",
        "Cracks appeared in the bridge last winter.",
        "The mayor appeared by video link from the harbour office.",
        "The mayor appeared as a guest on the morning show.",
        "The flyers were edited to make the mayor appear careless.",
    ],
)
def test_appearing_somewhere_or_being_made_to_appear_is_no_impression(text):
    assert attributions(text) == []


# -- cost ----------------------------------------------------------------------------------


def test_each_sentence_is_tokenised_at_most_once(monkeypatch):
    """Many cues in one sentence, many sentences: every sentence's words are read once."""
    import factlint.document.attribution.cues as cue_scan

    calls = []
    real = cue_scan.tokenize

    def counting(prose, start, end):
        calls.append((start, end))
        return real(prose, start, end)

    doc = doc_of(
        "Officials said, and critics argued, that the toll, which the mayor described as fair, "
        "would rise, according to the council. Experts say it will. Jane Okafor told reporters "
        "she believed it, adding that analysts agreed."
    )
    monkeypatch.setattr(cue_scan, "tokenize", counting)  # one run of the finder, after the parse's
    found = fresh_finder(doc).run()
    assert len(found) >= 6
    assert len(calls) == len(set(calls)) <= len(doc.sentences)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The deal must be approved by union members.", []),
        ("It would close off one of his most promising paths to the nomination.", []),
        ("In the county caucuses, 34,000 people supported the governor.", []),
    ],
)
def test_acts_counts_and_adjectives_are_no_views_passed_on(text, expected):
    found = [a for a in find_attributions(doc_of(text)) if a.form not in ("action",)]
    assert [(a.kind, a.form) for a in found] == expected


# -- fast paths against their definitions ------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

_WORDISH = st.text(alphabet=st.sampled_from(list("aAbé1_-' \n’.ǅ²") + ["\u0301", "\u0663", "\u2160"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_WORDISH, word=_WORDISH.filter(bool))
def test_the_set_of_whole_words_answers_as_the_scan_does(text, word):
    """Whether a word occurs in lower case is looked up in one set of the draft's maximal
    letter-and-digit runs; for such a word that is exactly the scan's answer."""
    from factlint.document.attribution.wordindex import _ALNUM_RUN, _occurs_as_word

    if _ALNUM_RUN.fullmatch(word):
        assert (word in set(_ALNUM_RUN.findall(text))) == _occurs_as_word(text, word)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_WORDISH, st.text(alphabet=st.characters(max_codepoint=127), max_size=60), st.text(max_size=30)))
def test_the_set_of_whole_words_is_the_set_of_maximal_runs(text):
    """``_whole_words`` (ASCII: every other character a space, then ``split``) against its
    definition, the set of the ``[^\\W_]+`` runs."""
    from factlint.document.attribution.wordindex import _ALNUM_RUN, _whole_words

    assert _whole_words(text) == frozenset(_ALNUM_RUN.findall(text))


@settings(max_examples=300, deadline=None)
@given(text=_WORDISH, word=_WORDISH.filter(bool))
def test_the_index_of_punctuated_runs_answers_as_the_scan_does(text, word):
    """In a long draft a word such as "o'brien" or "u.s." is looked up where its first run
    of letters and digits starts before punctuation; that is exactly the scan's answer."""
    from factlint.document.attribution.wordindex import _ALNUM_RUN, _occurs_as_word, _occurs_at, _punctuated_run_starts

    if word[0].isalnum() and not _ALNUM_RUN.fullmatch(word) and not any(c.isspace() for c in word):
        assert _occurs_at(text, word, _punctuated_run_starts(text)) == _occurs_as_word(text, word)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(list("aZ .,’‘'İß-3Σ\n") + ["U.S.", " Mr. ", "35,000"]), max_size=30).map("".join),
    cut=st.integers(0, 5),
)
def test_tokens_are_the_patterns_matches_folded_word_by_word(text, cut):
    """The sentence is lower-cased once and each token's lower case cut from it, with the
    apostrophes folded by ``replace`` (defined here with ``translate``); a character whose
    lower case is longer makes each word folded on its own. (A final sigma stays the
    sentence's: "ς" after a letter, as ``str.lower`` gives it.)"""
    from factlint.document.lexicons import fold
    from factlint.document.sourcephrase import TOKEN, tokenize

    start, end = min(cut, len(text)), len(text)
    low = text[start:end].lower().translate(str.maketrans({"’": "'", "‘": "'"}))
    if len(low) == end - start:
        expected = [
            (m.start(), m.end(), m.group(), low[m.start() - start : m.end() - start])
            for m in TOKEN.finditer(text, start, end)
        ]
    else:
        expected = [(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN.finditer(text, start, end)]
    assert [(t.start, t.end, t.text, t.low) for t in tokenize(text, start, end)] == expected


def _everything(atts):
    return [
        (
            a.cue,
            a.source,
            a.kind,
            a.sentence,
            a.content,
            a.quote,
            a.reason,
            a.pronoun,
            a.form,
            a.head,
            a.refers_to,
            a.resolved,
            a.within.cue if a.within else None,
        )
        for a in atts
    ]


@pytest.mark.parametrize("threshold, budget", [(0, 0), (0, 10**9), (10**9, 0)])
def test_common_nouns_are_found_alike_with_and_without_the_word_set(monkeypatch, threshold, budget):
    """A short draft is searched word by word, a long one through the set of its words."""
    import factlint.document.attribution.passes as passes
    import factlint.document.attribution.speakers as speakers

    text = (
        "Protesters said the bridge should stay open. Later the protesters marched. "
        "Engineers say the deck is sound. Ferrymen disagreed, the union said. "
        "Residents of Elm Quay said they would wait. Quay-side traders_ said nothing. "
        "O'Brien's aides said no. The aides of o'brien's rival said yes. U.S. officials said so."
    )
    monkeypatch.setattr(speakers, "_WORD_SET_FROM", 10**9)
    expected = _everything(fresh_finder(doc_of(text)).run())
    monkeypatch.setattr(speakers, "_WORD_SET_FROM", threshold)
    monkeypatch.setattr(passes, "_SCAN_BUDGET", budget)  # the index of punctuated runs at once, or never
    assert _everything(fresh_finder(doc_of(text)).run()) == expected
    assert any(a.head == "protesters" for a in fresh_finder(doc_of(text)).run())


# -- constructions added for PolNeAR's cue recall (issue 9, item 3) ----------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # "'s" after a pronoun is "has" or "is", not a possessive
        ("He’s said the ferry will run until June.", [("named-person", "He’s", "said")]),
        ("She's describing the new timetable to the council.", [("named-person", "She's", "describing")]),
    ],
)
def test_a_contracted_has_or_is_after_a_pronoun(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize(
    "text, cue",
    [
        ("In a new poll by the Tidewater Institute, 52 percent back the ferry.", "In"),
        ("The mayor took 40 percent in a poll released on Monday.", "in"),
        ("In recent polls, the mayor trails the challenger.", "In"),
    ],
)
def test_a_poll_cited_is_a_source(text, cue):
    assert [a.form for a in find_attributions(doc_of(text))] == ["according"]
    assert attributions(text)[0][2] == cue


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has a wide lead in the polls.",
        "The challenger slipped in national surveys over the summer.",
    ],
)
def test_a_standing_in_the_polls_cites_no_poll(text):
    assert attributions(text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        # a speaker the classifier cannot place, or a subject too far back to find
        ("The unsigned notice said the quay would reopen.", "said"),
        ("All but two said the quay would reopen.", "said"),
        ("On the quay, after a long wait, saying it left time for repairs.", "saying"),
    ],
)
def test_a_verb_of_saying_attributes_even_when_no_speaker_is_found(text, cue):
    assert [(a.kind, a.form, a.source) for a in find_attributions(doc_of(text))] == [("unsourced", "verb", None)]
    assert attributions(text)[0][2] == cue


@pytest.mark.parametrize(
    "text",
    [
        "That said, the quay will reopen in May.",
        "Fares could rise by, say, ten percent.",
        "The minister is said to favour the plan.",
    ],
)
def test_idioms_with_said_and_say_are_no_speech_without_a_speaker(text):
    assert [(a.form, a.kind) for a in find_attributions(doc_of(text)) if a.form == "verb" and a.source is None] == []


def test_a_short_quotation_given_a_speaker_is_the_speakers_not_the_reporters():
    """A quotation of a few words reads as a scare quote until the build finds its speaker;
    then its words are the speaker's, and "he said" after it is the reporter's attribution."""
    text = "The mayor shrugged.\n\n“We said no,” he said.\n"
    doc = doc_of(text, "draft.txt")
    found = find_attributions(doc)
    assert [(a.kind, doc.prose[a.cue[0] : a.cue[1]], a.quote) for a in found] == [("named-person", "said", "direct")]


def test_the_finder_runs_again_only_when_a_quotation_given_a_speaker_holds_an_attribution(monkeypatch):
    """Giving a short quotation its speaker changes the finder's answer only if one of its
    attributions starts inside that quotation; otherwise the first run stands."""
    import factlint.document.attribution as attribution

    runs = []
    real, again = attribution.Finder.run, attribution.Finder.rerun
    monkeypatch.setattr(attribution.Finder, "run", lambda self: runs.append(1) or real(self))
    monkeypatch.setattr(attribution.Finder, "rerun", lambda self, *a: runs.append(2) or again(self, *a))
    doc = doc_of("The mayor shrugged.\n\n“Not now,” he said.\n", "draft.txt")
    assert doc.quotes[0].direct  # given its speaker, so no longer a scare quote
    assert [(a.kind, a.quote) for a in find_attributions(doc)] == [("named-person", "direct")]
    assert len(runs) == 1
    runs.clear()
    doc = doc_of("The mayor shrugged.\n\n“We said no,” he said.\n", "draft.txt")
    assert [doc.prose[a.cue[0] : a.cue[1]] for a in find_attributions(doc)] == ["said"]
    assert len(runs) == 2  # "said" inside the quotation is now the mayor's: found again


@pytest.mark.parametrize(
    "text, cues",
    [
        # a pronoun source that opens a clause of its own is the reporter's attribution ...
        ("The mayor praised the crews, and she said the quay would reopen in May.", ["praised", "said"]),
        ("The council approved the toll because they said the bridge needed repairs.", ["approved", "said"]),
        # ... but "that he said" inside what someone else reports stays nested in it
        ("Critics say the plan that he said would save money will cost more.", ["say"]),
    ],
)
def test_a_pronoun_source_after_a_comma_or_a_conjunction_is_not_nested(text, cues):
    assert [cue for _, _, cue in attributions(text)] == cues


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The harbour master assailed the new toll.", ("named-person", "The harbour master", "assailed")),
        ("Critics derided the ferry timetable as a fantasy.", ("vague", "Critics", "derided")),
        ("The mayor portrayed the closure as temporary.", ("named-person", "The mayor", "portrayed")),
        ("Jane Okafor bemoaned the cost of the new bridge.", ("named-person", "Jane Okafor", "bemoaned")),
    ],
)
def test_verbs_of_communication_and_judgment_with_a_source(text, expected):
    assert attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ferry advocates gathered at the quay.",
        "The council heard three demands from the union.",
    ],
)
def test_nouns_of_those_verb_classes_are_no_cues(text):
    assert attributions(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Okafor remembers that the quay flooded twice.", ("named-person", "Jane Okafor", "remembers")),
        ("The council is looking to sell the old depot.", ("named-organisation", "The council", "is looking to")),
        ("The mayor aims to reopen the quay by May.", ("named-person", "The mayor", "aims to")),
    ],
)
def test_cognition_and_intention_verbs_with_a_source(text, expected):
    assert attributions(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("When asked by a reporter whether the quay would reopen, the mayor smiled.", [("unsourced", "question")]),
        ("The mayor was asked to name a single success.", [("named-person", "question")]),
        ("The mayor was asked a question about the toll.", [("named-person", "question")]),
        ("In an interview, the mayor was asked, “Will the quay reopen?”", [("named-person", "question")]),
    ],
)
def test_more_shapes_of_the_reporters_question(text, expected):
    assert [(a.kind, a.form) for a in find_attributions(doc_of(text))] == expected


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Jane Okafor calls herself a realist about the ferry.", "calls"),  # a reflexive object
        ("The mayor calls them reckless.", "calls"),  # an object pronoun
        ("Most councillors support raising the toll.", "support"),  # a gerund object
    ],
)
def test_a_verb_that_is_also_a_noun_with_a_pronoun_or_gerund_object(text, cue):
    assert [c for _, _, c in attributions(text)] == [cue]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He went on to criticize the ferry timetable.", [("named-person", "He", "went on to criticize")]),
        (
            "The mayor has continued to insist that the quay is safe.",
            [("named-person", "The mayor", "has continued to insist")],
        ),
        ("Critics began to argue that the toll was unfair.", [("vague", "Critics", "began to argue")]),
        # going on to do something else is no attribution
        ("The ferry continued to run until June.", []),
        ("The crew went on to win the regatta.", []),
    ],
)
def test_going_on_or_beginning_to_say(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Criticism of the toll grew over the summer.", [("unsourced", None, "Criticism", "nominal")]),
        ("The mayor faced criticism from unions over the toll.", [("vague", "unions", "criticism", "nominal")]),
        ("Amid questions about the budget, the mayor resigned.", [("unsourced", None, "questions", "nominal")]),
        ("There are doubts about the new ferry.", [("unsourced", None, "doubts", "nominal")]),
        # with a possessive the noun is a nominal cue with its source, as before
        ("The mayor's claim that the quay was safe was false.", [("named-person", "The mayor's", "claim", "verb")]),
    ],
)
def test_nouns_of_saying_and_stance_are_listed_as_nominal(text, expected):
    doc = doc_of(text)
    p = doc.prose
    assert [
        (a.kind, p[a.source[0] : a.source[1]] if a.source else None, p[a.cue[0] : a.cue[1]], a.form)
        for a in find_attributions(doc)
    ] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Support for the ferry has doubled.",
        "The storm is a threat to the harbour.",
    ],
)
def test_nouns_measured_and_left_out(text):
    assert attributions(text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("All but two endorsed the mayor.", "endorsed"),
        ("The unsigned notice denounced the toll.", "denounced"),
    ],
)
def test_a_past_reporting_verb_attributes_even_when_no_speaker_is_found(text, cue):
    assert [(a.kind, a.form, a.source) for a in find_attributions(doc_of(text))] == [("unsourced", "verb", None)]
    assert attributions(text)[0][2] == cue


@pytest.mark.parametrize(
    "text",
    [
        "The council has 40 pledged delegates.",
        "A suspected smuggler was held at the quay.",
        "The expected result came on Monday.",
    ],
)
def test_past_forms_used_as_adjectives_are_no_speech(text):
    assert attributions(text) == []


def test_an_estimate_nobody_made_is_a_sourceless_attribution():
    # issue 16: editors circle "an estimated" (who estimated?) as they circle "reportedly"
    assert attributions("An estimated 300 people waited at the quay.") == [("unsourced", None, "An estimated")]
    [att] = find_attributions(doc_of("An estimated 300 people waited at the quay."))
    assert att.form == "report"


@pytest.mark.parametrize(
    "text, expected",
    [
        # issue 16: a reduced "said to", its "is" left out, is the same report as "is said to"
        ("The shoal, said to hold large cod stocks, lies north of the island.", [("unsourced", None, "said to")]),
        ("Said to be worth $2 billion, the ferry line is for sale.", [("unsourced", None, "Said to")]),
        # no infinitive after it: said to someone
        (
            "The quay, the harbour master said to reporters, will reopen.",
            [("named-person", "the harbour master", "said")],
        ),
        ("The quay, said to me, will reopen.", []),
        # a forecast participle after a noun: the noun is what is forecast, not a forecaster
        (
            "The number of pensioners, projected to swell to 65,000, will strain the budget.",
            [("unsourced", None, "projected to")],
        ),
        (
            "The number of pensioners projected to swell to 65,000 will strain the budget.",
            [("unsourced", None, "projected to")],
        ),
        # a person expecting to do something is active
        ("Analysts expected to see a rise in fares.", [("vague", "Analysts", "expected")]),
    ],
)
def test_a_report_with_its_is_left_out(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The analysis shows that the ferry lost money.", [("named-organisation", "The analysis", "shows")]),
        ("Harbour analysis shows the ferry lost money.", [("named-organisation", "Harbour analysis", "shows")]),
    ],
)
def test_a_singular_noun_in_sis_agrees_with_shows(text, expected):
    assert attributions(text) == expected


def test_a_possessive_pronoun_before_a_noun_of_stance_refers_back():
    doc = doc_of("The mayor said the toll would rise. Her criticism of the ferry was sharp.")
    found = [a for a in find_attributions(doc) if a.form == "nominal"]
    assert [
        (a.kind, doc.prose[a.source[0] : a.source[1]], a.pronoun, doc.prose[a.refers_to[0] : a.refers_to[1]])
        for a in found
    ] == [("named-person", "Her", True, "The mayor")]


# -- start-up cost ------------------------------------------------------------------------


def test_a_lazy_pattern_compiles_on_first_use_and_then_answers_like_the_compiled_one():
    import regex

    from factlint.document.lazypattern import LazyPattern

    lazy = LazyPattern(r"\bsaid\b", regex.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled at import
    text = "The clerk SAID nothing; the judge said more."
    assert lazy.search(text).span() == (10, 14)
    assert "search" in vars(lazy)  # later calls go straight to the compiled pattern
    assert lazy.search(text, 15).span() == (34, 38)
    assert [m.start() for m in lazy.finditer(text)] == [10, 34]
    assert lazy.match(text, 10) is not None and lazy.flags & regex.IGNORECASE


# -- a report inside what a source says ---------------------------------------------------


def _within(text: str):
    doc = doc_of(text, "draft.txt")
    p = doc.prose
    return [
        (p[a.cue[0] : a.cue[1]], p[a.within.source[0] : a.within.source[1]] if a.within else None)
        for a in find_attributions(doc)
        if a.kind == "unsourced"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "It is thought the orchard was sold in May, the growers' cooperative said.",
            [("It is thought", "the growers' cooperative")],
        ),
        ("The orchard was reportedly sold in May, Ilse Marken said.", [("reportedly", "Ilse Marken")]),
        ("Ilse Marken said the orchard is said to have been sold in May.", [("is said to", "Ilse Marken")]),
        ("The orchard was reportedly sold in May, Ilse Marken told the growers.", [("reportedly", "Ilse Marken")]),
        ("The orchard was reportedly sold in May, she said on Monday.", [("reportedly", "she")]),
    ],
)
def test_an_unsourced_report_in_the_content_of_a_sourced_attribution_is_within_it(text, expected):
    assert _within(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The orchard was reportedly sold in May, and Ilse Marken said she would buy another.",
        "The orchard was reportedly sold in May, but Ilse Marken said nothing about it.",
        "The orchard was reportedly sold in May. Ilse Marken said she was pleased.",
        "The orchard was reportedly sold in May, it was reported.",
    ],
)
def test_an_unsourced_report_beside_a_source_or_in_another_sentence_is_within_nothing(text):
    assert all(source is None for _, source in _within(text))


# -- evidence and participles ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural noun of evidence before "show": the verb, not the noun ("key shows")
        ("We read the polls daily. Polls show farm workers could decide the race.", ("vague", "Polls", "show")),
        # "polling" is the head of its phrase, not a participle describing it
        ("The latest polling showed a tie between the two.", ("named-organisation", "The latest polling", "showed")),
    ],
)
def test_evidence_that_shows_something(text, expected):
    assert expected in attributions(text)


def test_a_participle_after_a_comma_inside_closing_quotation_marks_is_a_report():
    """American style puts the comma inside the closing mark: "… “harbour values,” saying …"."""
    found = attributions("The mayor spoke for an hour about “harbour values,” saying the town embodied courage.")
    assert [cue for _, _, cue in found] == ["saying"]


def test_a_ruling_is_a_document_that_speaks():
    """ "ruling" is a noun of evidence, the head of "the unsigned ruling", not a participle."""
    assert attributions("The unsigned ruling said the quay would reopen.") == [
        ("named-organisation", "The unsigned ruling", "said")
    ]


def test_a_report_set_off_at_the_end_of_the_sentence_hedges_all_of_it():
    assert _within("The mayor praised the orchard sale, reportedly.") == [("reportedly", None)]


def test_a_verb_of_saying_in_ing_that_ends_its_sentence_is_a_noun_not_a_speaker():
    # a headline "Storm warning" is a kind of warning, not a storm saying something
    assert attributions("Storm warning\n\nThe ferry will not sail on Friday, the mayor said.\n") == [
        ("named-person", "the mayor", "said")
    ]
    assert attributions("Flood warning for the valley.\n") == []
    # with something said, the participle still reports: "officials warning that …"
    [(kind, _, cue)] = attributions("The bridge closed, with officials warning that repairs would take months.\n")
    assert (kind, cue) == ("vague", "warning")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it" with no organisation attributed before it: still an organisation speaking
        (
            "The port authority published its annual figures on Monday.\nTraffic rose 14% last year, it said.",
            [("named-organisation", "it", "said")],
        ),
        ("Cargo volumes fell in March, it added.", [("named-organisation", "it", "added")]),
    ],
)
def test_it_with_a_verb_of_saying_and_nobody_before_is_an_unresolved_organisation(text, expected):
    assert attributions(text) == expected
    assert [a.resolved for a in find_attributions(doc_of(text, "draft.txt"))] == [False]


def test_it_with_other_verbs_and_nobody_before_is_no_source():
    """ "It can maintain the pace": not an organisation speaking."""
    assert [source for _, source, _ in attributions("It can maintain the pace through May.") if source] == []


def test_a_figure_with_it_said_is_attributed():
    from conftest import findings_of

    assert findings_of("Traffic through the port rose 14% last year, it said.\n", "draft.txt", rule="attribution") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a role held "to" someone: the role is the source, described by whom it serves
        ("Aides to the mayor said she had not read the report.", [("anonymous", "Aides to the mayor", "said")]),
        (
            "An adviser to the harbour board said the vote was close.",
            [("anonymous", "An adviser to the harbour board", "said")],
        ),
        (
            "The ambassador to Portugal said the visit was off.",
            [("named-person", "The ambassador to Portugal", "said")],
        ),
    ],
)
def test_a_role_held_to_someone_is_the_source(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle of consulting describes the group: the verb after it is the cue
        (
            "Economists polled by the harbour board expect fares to rise.",
            [("named-organisation", "Economists polled by the harbour board", "expect")],
        ),
        (
            "Residents surveyed by Portline said the timetable was confusing.",
            [("named-organisation", "Residents surveyed by Portline", "said")],
        ),
        # surveyed, but by nobody named: still a vague group
        ("Voters surveyed by telephone said they were worried.", [("vague", "Voters surveyed by telephone", "said")]),
    ],
)
def test_people_polled_by_a_named_body_speak_through_its_survey(text, expected):
    assert attributions(text) == expected


# -- cue recall, fourth round (branch cues4) ------------------------------------------------


@pytest.mark.parametrize(
    "text, cue",
    [
        # a participle of a verb of saying or stance after a preposition: someone is speaking,
        # even when the finder cannot place who ("the two rivals" is no name it classifies)
        (
            "In the last debate, the two rivals dodged hard questions by insisting that the moderators were biased.",
            "insisting",
        ),
        ("In describing the harbour plan, the mayor said it would take years.", "describing"),
        # or after a comma, with the subject too far back
        ("After a long night of talks on the orchard sale, slamming the deal as a giveaway.", "slamming"),
    ],
)
def test_a_participle_of_saying_or_stance_after_a_comma_or_preposition_is_a_report(text, cue):
    assert ("unsourced", None, cue) in attributions(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        # a phrase of saying or stance ("called for", "referred to", "spoke about") is a verb even
        # where the finder finds no speaker it can classify; a single word may be a noun, a phrase not
        ("The mayor praised the crews, then referred to the storm as a warning.", "referred to"),
        ("The ferry timetables, printed on yellow card, call for an early start.", "call for"),
    ],
)
def test_a_phrase_of_saying_attributes_even_when_no_speaker_is_found(text, cue):
    assert ("unsourced", None, cue) in attributions(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        # the participle of a verb of saying after a noun it describes: someone describes, touts
        ("Stories have emerged describing the harbour board's failed attempts to stall the vote.", "describing"),
        ("The ferry company put out a new advert touting its cheaper fares.", "touting"),
    ],
)
def test_a_participle_of_saying_after_a_noun_attributes_even_when_no_speaker_is_found(text, cue):
    assert ("unsourced", None, cue) in attributions(text)


def test_a_question_put_to_the_speaker_mid_sentence():
    """ "… the mayor said when asked about …": the reporter's question, listed like a
    sentence-initial "When asked about …"."""
    assert attributions("“We will wait,” the mayor said on Friday when asked about the ferry.") == [
        ("named-person", "the mayor", "said"),
        ("unsourced", None, "asked"),
    ]


@pytest.mark.parametrize(
    "text, cue",
    [
        # a noun of evidence not far back in the same clause shows it, even past a long phrase
        ("A national poll released on Sunday by two harbour newspapers shows the mayor ahead.", "shows"),
        ("The mayor is winning, because polls in the town she calls her second home show her ahead.", "show"),
    ],
)
def test_evidence_further_back_still_shows_something(text, cue):
    assert ("unsourced", None, cue) in attributions(text)


def test_a_show_with_no_evidence_before_it_is_no_cue():
    assert attributions("She watched the show on Sunday.") == []


@pytest.mark.parametrize(
    "text, cue",
    [
        # a second verb after "and" whose subject the finder cannot place is still someone speaking
        ("After hours of talks on the pier, the two old rivals shook hands and announced a truce.", "announced"),
        ("The ferry crews stopped work on Monday and demanded better pay.", "demanded"),
    ],
)
def test_a_verb_of_saying_after_and_attributes_even_when_no_speaker_is_found(text, cue):
    assert ("unsourced", None, cue) in attributions(text)


def test_a_credit_line_is_no_one_reporting():
    """ "(Reporting by …; Additional reporting by …)": a noun in -ing before "by" names who
    wrote the story, not a source of it."""
    assert (
        attributions(
            "The harbour bill passed easily on Friday.\n\n"
            "(Reporting by Jane Roe; Additional reporting by John Doe; Editing by Ann Poe.)\n"
        )
        == []
    )


def test_a_verb_of_saying_before_an_infinitive_attributes_even_when_no_speaker_is_found():
    # "promised to strike": a commitment reported; "added to the doubts" is no one speaking
    assert ("unsourced", None, "promised") in attributions(
        "The ferry crews stopped work on Monday and promised to strike again."
    )
    assert [
        cue for _, _, cue in attributions("The storm closed the quay and added to the doubts about the harbour.")
    ] == ["doubts"]


def test_reported_attributes_even_when_no_speaker_is_found():
    # "reported" after a subject the finder does not classify is still a report of speech
    assert ("unsourced", None, "reported") in attributions(
        "The quay closed early, and local television later reported that the ferry would not sail."
    )


def test_a_participle_of_saying_opening_the_sentence_is_a_report():
    assert attributions("Noting that the quay had closed twice, the mayor said the ferry would wait.") == [
        ("unsourced", None, "Noting"),
        ("named-person", "the mayor", "said"),
    ]
    # but not a participle before "to" ("Adding to the doubts, …")
    assert [cue for _, _, cue in attributions("Adding to the gloom, the ferry broke down.")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb listed for its passive ("deemed", "dubbed") is active when an object follows
        ("The harbour board deemed the plan unsafe.", [("named-organisation", "The harbour board", "deemed")]),
        ("The mayor dubbed the ferry “the slowest boat on the coast.”", [("named-person", "The mayor", "dubbed")]),
        # without one it describes: nobody is deeming here
        ("Emails now deemed secret were sent from the quay.", []),
    ],
)
def test_a_verb_of_judgment_listed_for_its_passive_is_active_with_an_object(text, expected):
    assert attributions(text) == expected


def test_a_verb_of_saying_in_a_passive_without_its_agent_is_listed_unsourced():
    # a report with no one named; not the form the sourcing rules query ("described as" is)
    doc = doc_of("The result was announced on Friday after a long count.")
    [att] = find_attributions(doc)
    assert (att.kind, att.source, att.form, doc.prose[att.cue[0] : att.cue[1]]) == (
        "unsourced",
        None,
        "verb",
        "announced",
    )
    assert attributions("The plan was described as reckless.") == [("unsourced", None, "described as")]


def test_a_second_headline_verb_after_a_comma_is_a_cue():
    """Headlines drop "and": "Mayor slams harbour plan, praises ferry crews" (a one-sentence
    first line is a title line in plain text)."""
    found = attributions(
        "Mayor slams harbour plan, praises ferry crews.\n\nThe mayor spoke on Friday about the quay.\n"
    )
    assert [cue for _, _, cue in found] == ["slams", "praises"]
    # in running text a word that is also a noun after a comma is left alone
    assert [
        cue
        for _, _, cue in attributions(
            "The storm hit the quay. The mayor slams the plan, praises the crews and goes home."
        )
    ] == ["slams"]


def test_a_title_lines_label_may_hold_more_than_names():
    # "Mayor at the harbour: …" as a headline: the speaker and where, then what was said
    assert attributions("Mayor at the harbour: Ferry will not sail\n\nThe ferry stayed in port on Friday.\n") == [
        ("named-person", "Mayor at the harbour", ":")
    ]
    # in running text the label is still names only
    assert attributions("The ferry stayed in port. Mayor at the harbour: ferry will not sail.\n") == []


def test_the_wire_services_running_story_header_is_no_speaker():
    # "The Latest: …" heads a running wire story, like "UPDATE:" or "LIVE:"
    assert attributions("The Latest: Ferry to stay in port\n\nThe ferry stayed in port on Friday.\n") == []


def test_a_contributors_credit_line_is_no_speaker():
    # "Contributing: Jane Roe" credits the reporters, like "(Reporting by …)"
    assert attributions("The ferry stayed in port on Friday.\n\nContributing: Jane Roe and John Doe.\n") == []


def test_a_participle_whose_speaker_is_not_found_stands_behind_no_figure():
    """ "…, stressing the island's independence" is listed (form ``participle``), but the
    clause it hangs off is not its speaker's to vouch for: the figure is still unsourced."""
    from conftest import findings_of

    text = (
        "When the storm came in 2024, coastal towns raised millions in aid for the harbour, "
        "stressing the island's independence.\n"
    )
    doc = doc_of(text)
    [att] = find_attributions(doc)
    assert (att.kind, att.form, doc.prose[att.cue[0] : att.cue[1]]) == ("unsourced", "participle", "stressing")
    assert [f.rule for f in findings_of(text, "draft.txt", rule="attribution")] == ["attribution/unsourced-figure"]
    # a speech participle after a comma still reports speech, as before: "…, saying …"
    [att] = find_attributions(doc_of("When the storm came, coastal towns raised millions in aid, saying it was due.\n"))
    assert att.form == "verb"


def test_a_possessive_noun_for_a_plan_or_record_is_no_cue():
    # "the mayor's claim" carries what she said; "the mayor's proposal" is a plan
    assert attributions("The mayor's proposal to close the quay drew a crowd.") == []
    assert attributions("The mayor's claim that the quay is safe drew a crowd.") == [
        ("named-person", "The mayor's", "claim")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs of manner of speaking, answering and judging; a repost passes a source's words on
        ("“Not a chance,” the harbour master scoffed.", ("named-person", "the harbour master", "scoffed")),
        ("The mayor retweeted the ferry company's warning on Friday.", ("named-person", "The mayor", "retweeted")),
        ("Asked about the fares, the mayor answered that they would fall.", ("named-person", "the mayor", "answered")),
    ],
)
def test_more_verbs_of_speaking_and_judging(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # phrasal verbs of answering, criticising and taking a position
        ("The mayor shot back on Friday, calling the plan a fantasy.", ("named-person", "The mayor", "shot back")),
        ("The ferry company played down the delays.", ("named-organisation", "The ferry company", "played down")),
        ("Two harbour officials weighed in on the fares.", ("anonymous", "Two harbour officials", "weighed in")),
    ],
)
def test_phrasal_verbs_of_answering_and_criticising(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbs of judging someone in words: criticism, praise, disowning
        (
            "The harbour board rebuffed the ferry company's offer.",
            ("named-organisation", "The harbour board", "rebuffed"),
        ),
        ("The senator lampooned the plan as a fantasy.", ("named-person", "The senator", "lampooned")),
    ],
)
def test_more_verbs_of_judging_in_words(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # nouns of stance with their complement, and verbs of mentioning or pressing
        ("The union's endorsement of the mayor came late.", ("named-organisation", "The union's", "endorsement")),
        ("Critics voiced condemnation of the fares.", ("unsourced", None, "condemnation")),
        ("The mayor hinted at a new ferry route on Friday.", ("named-person", "The mayor", "hinted at")),
    ],
)
def test_more_nouns_of_stance_and_verbs_of_mentioning(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # idioms of saying and judging
        ("The mayor made no secret of her doubts about the ferry.", ("named-person", "The mayor", "made no secret of")),
        ("The mayor paid tribute to the ferry crews on Friday.", ("named-person", "The mayor", "paid tribute to")),
    ],
)
def test_idioms_of_saying_and_judging(text, expected):
    assert expected in attributions(text)


def test_verbs_of_speaking_in_anger_or_delight():
    assert ("anonymous", "one passenger", "groused") in attributions("“We waited four hours,” one passenger groused.")
    assert ("named-person", "The mayor", "vouched for") in attributions("The mayor vouched for the ferry crews.")


def test_a_pronoun_that_calls_something_by_a_name_is_speaking():
    # "a firm called Harbour Lines" names the firm; "he called Mayor Roe's plan a fantasy" judges
    assert attributions("On Friday he called Mayor Roe's ferry plan a fantasy.") == [("named-person", "he", "called")]
    assert attributions("The ferry belongs to a firm called Harbour Lines.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor sounded a hopeful note about the ferry on Friday.", ("named-person", "The mayor", "sounded")),
        (
            "The senator charged that the harbour board had hidden the costs.",
            ("named-person", "The senator", "charged that"),
        ),
    ],
)
def test_sounding_a_note_and_charging_that(text, expected):
    assert expected in attributions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country or a capital speaking is its government: an organisation ("it" refers back)
        (
            "Portugal said the talks would resume. It added that no date was set.",
            [("named-organisation", "Portugal", "said"), ("named-organisation", "It", "added")],
        ),
        ("South Korea warned of retaliation.", [("named-organisation", "South Korea", "warned")]),
        # a name that is also a country's is left to be a person's where it is mostly a name
        ("Jordan said he would run again.", [("named-person", "Jordan", "said")]),
    ],
)
def test_a_country_speaking_is_an_organisation(text, expected):
    assert attributions(text) == expected


def test_parse_returns_a_finished_document_with_its_attributions_and_speakers():
    """No rule needs to ask: the parsed document holds its attributions, those inside
    direct quotations, and each quotation's speaker."""
    doc = doc_of("“We said no,” the mayor said. “He told me ‘never again’,” an aide said.\n", "draft.txt")
    assert [(doc.prose[a.cue[0] : a.cue[1]], a.kind, a.quote) for a in doc.attributions] == [
        ("said", "named-person", "direct"),
        ("said", "vague", "direct"),
    ]
    assert [doc.prose[a.cue[0] : a.cue[1]] for a in doc.nested_attributions] == ["said", "told"]
    assert [doc.prose[q.speaker[0] : q.speaker[1]] if q.speaker else None for q in doc.quotes][:2] == [
        "the mayor",
        "an aide",
    ]
    assert not hasattr(doc, "_cache")
