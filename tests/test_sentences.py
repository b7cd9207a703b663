"""Sentence splitting: given a paragraph, these sentences."""

from conftest import doc_of


def sentences(text: str, path: str = "draft.txt") -> list[str]:
    doc = doc_of(text, path)
    return [doc.sentence_text(s) for s in doc.sentences]


def test_splits_at_full_stops_question_and_exclamation_marks():
    assert sentences("The vote passed. Was it close? Not at all! Turnout was low.\n") == [
        "The vote passed.",
        "Was it close?",
        "Not at all!",
        "Turnout was low.",
    ]


def test_does_not_split_at_dotted_abbreviations_mid_sentence():
    assert sentences("The U.S. envoy met Dr. Amara Osei on Jan. 5 in the capital.\n") == [
        "The U.S. envoy met Dr. Amara Osei on Jan. 5 in the capital."
    ]


def test_splits_after_a_dotted_abbreviation_that_ends_a_sentence():
    assert sentences("Talks were held in the U.S. The envoy left on Friday.\n") == [
        "Talks were held in the U.S.",
        "The envoy left on Friday.",
    ]


def test_does_not_split_decimals_or_initials():
    assert sentences("Growth was 3.5 percent, said J. K. Morrow of the bank.\n") == [
        "Growth was 3.5 percent, said J. K. Morrow of the bank."
    ]


def test_a_hard_line_wrap_does_not_end_a_sentence():
    text = "The council met on Monday\nand voted to raise fees. It adjourned\nat noon.\n"
    assert sentences(text) == ["The council met on Monday and voted to raise fees.", "It adjourned at noon."]


def test_run_together_sentences_are_split_and_marked_glued():
    doc = doc_of("What is the plan?It is a draft proposal. Who wrote it?US envoys did.\n", "faq.txt")
    assert [(doc.sentence_text(s), s.glued) for s in doc.sentences] == [
        ("What is the plan?", False),
        ("It is a draft proposal.", True),
        ("Who wrote it?", False),
        ("US envoys did.", True),
    ]


def test_a_question_inside_a_quotation_followed_by_the_speaker_is_one_sentence():
    assert sentences("“Will we win?” she asked. We did.\n") == ["“Will we win?” she asked.", "We did."]


def test_a_closing_quotation_mark_stays_with_its_sentence():
    assert sentences("He said: “We will win.” The crowd cheered.\n") == [
        "He said: “We will win.”",
        "The crowd cheered.",
    ]


def test_no_split_inside_urls_or_after_e_g():
    assert sentences("See https://example.org/a.B for details, e.g. The Guide.\n") == [
        "See https://example.org/a.B for details, e.g. The Guide."
    ]


def test_sentence_spans_are_exact_prose_offsets():
    doc = doc_of("One two.  Three\n four.\n", "x.txt")
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 8), (9, 20)]
    assert doc.prose[9:20] == "Three four."
    start, end = doc.to_raw(9, 20)
    assert doc.text[start:end] == "Three\n four."
