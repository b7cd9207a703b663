"""The attribution finder's fast paths against their definitions: the second run that
redoes only the sentences whose routing changed, and the cue scan shared with the rules."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import doc_of, fresh_finder
from factlint.document.attribution import find_attributions


def _everything(atts):
    return [(a.cue, a.source, a.kind, a.sentence, a.content, a.quote, a.reason, a.pronoun, a.form, a.head,
             a.refers_to, a.resolved, a.within.cue if a.within else None) for a in atts]


# -- the second run redoes only the sentences whose routing changed ---------------------------

_SENTENCES = [
    "“We said no,” he said.", "“Not now,” she said.", "“The council said it would wait,” the mayor said.",
    "The mayor said the bridge would reopen, saying the repairs were done.",
    "“It is over,” Smith told reporters, adding that the toll would go.",
    "Officials said they believed the “safe” deck had been checked.",
    "He said “never again” and left.", "They said so.", "She said the “plan” was reportedly dead.",
    "Critics say the plan that he said would save money will cost more.",
    "The union, which said “no deal”, declined to comment.", "“Reportedly”, it is believed, he resigned.",
    "Asked about the “plan”, the minister said it was fine.", "Police said the minister reportedly resigned.",
    "Two officials, who spoke on condition of anonymity because they were not authorised, said “yes”.",
    "The committee found the “waste” was real.", "MPs said the “waste” was real.",
    "“I said nothing,” he insisted, “and I mean it.”", "Protesters said “go home”.", "Later the protesters marched.",
]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_second_run_that_redoes_only_the_changed_sentences_finds_what_a_whole_run_finds(data):
    """``Finder.rerun`` (an earlier run's decisions kept for the sentences whose
    attributions all go to the same list) against ``Finder.run`` under the same
    quotations, for any change of which quotations are direct."""

    parts = data.draw(st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from([" ", "\n\n"])),
                               min_size=1, max_size=10))
    doc = doc_of("".join(s + sep for s, sep in parts), "draft.txt")
    before = data.draw(st.lists(st.booleans(), min_size=len(doc.quotes), max_size=len(doc.quotes)))
    after = data.draw(st.lists(st.booleans(), min_size=len(doc.quotes), max_size=len(doc.quotes)))
    for quote, direct in zip(doc.quotes, before):
        quote.direct = direct
    first = fresh_finder(doc)
    first.run()
    for quote, direct in zip(doc.quotes, after):
        quote.direct = direct
    whole, part = fresh_finder(doc), fresh_finder(doc)
    expected = _everything(whole.run())
    assert _everything(part.rerun(first.candidates, first.decided, first._lower_words)) == expected
    assert part.candidates is first.candidates  # the shortcut, not a whole run
    assert _everything(part.nested) == _everything(whole.nested)
    assert part.routed == whole.routed
    assert [(s, si, _everything([a]), q) for s, si, a, q in part.decided] \
        == [(s, si, _everything([a]), q) for s, si, a, q in whole.decided]


# -- one phrase scan for the finder and the rules ---------------------------------------------

@settings(max_examples=100, deadline=None)
@given(parts=st.lists(st.sampled_from(_SENTENCES + ["Critics reportedly say so.", "Voters are skeptical.",
                                                     "It seems he left.", "In a CBS poll, she led.", "TAPPER: Yes."]),
                      min_size=1, max_size=8), path=st.sampled_from(["d.txt", "d.md"]))
def test_the_finder_reads_the_rule_sets_scan_as_it_reads_its_own(parts, path):
    """Parsed with a rule set's phrase index (which holds the cue lists too), the finder
    takes its cues from that index's scan: the same attributions as from its own index."""
    text = "\n\n".join(parts)
    rules = _rules_with_cues()
    alone, shared = doc_of(text, path), doc_of_with(text, path, rules.index)
    assert _everything(find_attributions(shared, nested=True)) == _everything(find_attributions(alone, nested=True))
    assert shared.phrase_scan[0] is rules.index and alone.phrase_scan is None


def test_a_document_parsed_with_the_rules_index_is_scanned_once(monkeypatch):
    from factlint.engine import lint_document
    from factlint.phrases import PhraseIndex

    rules = _rules_with_cues()
    assert rules.index.cues is not None
    scans = []
    real = PhraseIndex.scan_all
    monkeypatch.setattr(PhraseIndex, "scan_all", lambda self, prose: scans.append(self) or real(self, prose))
    doc = doc_of_with("“We said no,” he said, according to officials.\n\nThey reportedly left.", "d.txt", rules.index)
    lint_document(doc, rules)
    assert scans == [rules.index]


def _rules_with_cues():
    from factlint import load_rules

    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    return _RULES


_RULES = None


def doc_of_with(text, path, index):
    from factlint.document import parse

    return parse(text, path, phrases=index)
