"""Readability rules: long sentences and paragraphs, grade level -- never on short texts or quotes."""

from conftest import findings_of

LONG = (
    "The council, which met on Monday evening in the old town hall after a delay of nearly two hours "
    "caused by a fire alarm that nobody could explain, voted to approve the budget, raise parking fees "
    "in the centre and delay the new library until the spring."
)


def readability(text: str, path: str = "draft.md"):
    return [(f.rule, f.severity, f.line) for f in findings_of(text, path, "readability")]


def test_a_long_sentence_is_info():
    assert readability(LONG + "\n") == [("readability/long-sentence", "info", 1)]


def test_a_long_quoted_sentence_is_the_speakers():
    assert readability("“" + LONG[:-1] + ",” the mayor said.\n") == []


def test_tables_and_headings_are_not_graded():
    table = "| " + " | ".join(LONG.split()[:30]) + " |\n|" + "---|" * 30 + "\n"
    assert readability(table) == []


def test_short_texts_are_not_graded_at_document_level():
    dense = (
        "Notwithstanding considerable intergovernmental disagreements, administrative representatives "
        "anticipate comprehensive organisational restructuring.\n"
    )
    assert [r for r, _, _ in readability(dense)] == []


def test_a_hard_document_is_reported_once_at_its_start():
    sentence = (
        "Notwithstanding considerable intergovernmental disagreements, metropolitan administrative "
        "representatives anticipate comprehensive organisational restructuring. "
    )
    text = "# Budget\n\n" + "\n\n".join(sentence * 3 for _ in range(5)) + "\n"
    found = [(r, line) for r, _, line in readability(text)]
    assert ("readability/grade-level", 3) in found
    assert ("readability/reading-ease", 3) in found
