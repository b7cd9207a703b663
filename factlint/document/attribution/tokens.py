"""Token predicates of the finder: what a token or a run of tokens reads as ("after a comma",
"a plural head", "an adverb in -ly"), and span trimming. The tokeniser itself is
:func:`..sourcephrase.tokenize` (shared with the source walk), re-exported here."""
from __future__ import annotations

from operator import attrgetter

from ..sourcephrase import CLOSING_MARKS, DETERMINERS, NUMBER_WORDS, Tok, is_pronoun, phrase_after
from ..sourcephrase import tokenize  # noqa: F401 - re-exported: the finder's tokeniser
from .words import CIRCUMSTANCE, COMPLEMENT_WORDS, CONTRACTED_SUBJECTS, IRREGULAR_PAST, PARENTHESIS_OPENERS, \
    PLURAL_WORDS

#: A token's start, as the key of a bisection over a sentence's tokens.
_TOK_START = attrgetter("start")


def _circumstance_only(toks: list[Tok], i: int, addressee: bool = False) -> bool:
    """Is there nothing after token ``i`` but a time or a medium ("on Tuesday", "in a
    statement", "last week") and the closing punctuation? With ``addressee`` the person
    told may come first ("told reporters", "told the council on Friday")."""
    n = len(toks)
    if addressee and i < n and toks[i].is_word:
        np = phrase_after(toks, i, n)
        if np is not None:
            i = np[1] + 1
    for t in toks[i:]:
        if t.is_word:
            if t.low not in CIRCUMSTANCE and not t.low.isdigit():
                return False
        elif t.text not in (".", "!", "?", "…") and t.text not in CLOSING_MARKS:
            return False
    return True


def _after_comma(toks: list[Tok], i: int) -> bool:
    """Does a comma or a dash come just before token ``i``, or a comma and a closing
    quotation mark ("… values,” saying …": the comma inside the quotation)?"""
    if i < 1:
        return False
    prev = toks[i - 1].text
    return prev in (",", "—", "–") or (prev in ("”", '"', "’") and i >= 2 and toks[i - 2].text == ",")


def _aside(inner: list[Tok]) -> bool:
    """A comma-delimited aside after a subject: an apposition ("the minister", "Jane Doe"),
    a relative clause ("who …", "where …"), a participle ("facing …") or a parenthesis."""
    if not inner:
        return False
    first = inner[0]
    return (first.low in ("who", "whose", "which", "where", "whom") or first.low in DETERMINERS
            or first.capitalised or first.low.isdigit() or first.low in NUMBER_WORDS or _parenthesis(inner))


def _large_count(subject: list[Tok]) -> bool:
    """A subject counted in hundreds or more ("34,000 people", "1,200 delegates")."""
    for t in subject:
        digits = t.low.replace(",", "")
        if digits.isdigit() and int(digits) >= 100:
            return True
    return any(t.low in ("hundreds", "thousands", "millions", "hundred", "thousand", "million") for t in subject)


def _word_end(prose: str, start: int, end: int) -> int:
    """The end of the first word of the phrase ``prose[start:end]``."""
    i = start
    while i < end and not prose[i].isspace():
        i += 1
    return i


def _has_or_is(t: Tok) -> bool:
    """"he's", "who's": a pronoun with "has" or "is", not a possessive ("Trump's")."""
    return t.low in CONTRACTED_SUBJECTS



def _is_adverb_tok(t: Tok) -> bool:
    return len(t.low) > 4 and t.low.endswith("ly") and not t.capitalised


def _names_something(toks: list[Tok], source: tuple[int, int], nxt: Tok | None) -> bool:
    """"a group called Occupy": "called" gives a name, nobody calls anything."""
    first = toks[source[0]]
    if nxt is None or not (nxt.capitalised or nxt.text in ("“", '"', "'", "‘")):
        return False
    return first.low in ("a", "an") or (source[0] == source[1] and not first.capitalised and not is_pronoun(first))


def _title_case(toks: list[Tok]) -> bool:
    """A headline set in Title Case inside a paragraph block ("Some Say It Proves …")."""
    words = [t for t in toks if t.is_word and len(t.text) > 3]
    return len(words) >= 3 and sum(t.capitalised for t in words) >= 0.8 * len(words)


def _gerund(t: Tok | None) -> bool:
    """"support reforming", "favor raising": a stance verb with a gerund as its object."""
    return t is not None and len(t.low) > 5 and t.low.endswith("ing") and not t.capitalised


def _infinitive_after(toks: list[Tok], i: int) -> bool:
    """"to" at ``i`` before what reads as a verb ("promised to deliver"), not before a noun
    phrase ("added to the doubts", "apologized to Carson", "adding to deficits") or "be"."""
    if i + 1 >= len(toks) or toks[i].low != "to":
        return False
    v = toks[i + 1]
    return v.is_word and not v.capitalised and v.low not in DETERMINERS and not is_pronoun(v) \
        and v.low != "be" and not v.low.endswith("s")


def _complement(t: Tok | None) -> bool:
    return t is not None and (t.low in COMPLEMENT_WORDS or t.capitalised or t.low[:1].isdigit()
                              or t.low in NUMBER_WORDS)


def _parenthesis(inner: list[Tok]) -> bool:
    """", of course,", ", in fact,", ", speaking on condition of anonymity …,": an aside
    between a subject and its verb, not a description of the subject."""
    first = inner[0]
    if first.capitalised:
        return False
    if first.low in PARENTHESIS_OPENERS and len(inner) <= 4:
        return True
    return len(first.low) > 4 and (first.low.endswith("ing") or first.low.endswith("ed"))


def _verb_form(verb: str) -> str:
    """"base" (say), "s" (says), or "other" (said, saying): only the first two agree."""
    if verb.endswith("ing") or verb.endswith("ed") or verb in IRREGULAR_PAST:
        return "other"
    if verb.endswith("s") and not verb.endswith("ss"):
        return "s"
    return "base"


def _plural(head: str, subject: list[Tok]) -> bool:
    if head in PLURAL_WORDS or any(t.low in ("and", "&") for t in subject):
        return True
    return head.endswith("s") and not head.endswith(("ss", "sis")) and head not in ("us", "news", "this", "its", "his")


def _never(_: str) -> bool:
    return False


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1] in " .!?;:,":
        end -= 1
    return end
