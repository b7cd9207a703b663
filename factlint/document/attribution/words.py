"""The finder's grammar words: the closed classes and small vocabularies its cue forms
and source walk test tokens against ("forms of *be*", "verbs that invert after a
quotation", "groups whose doings a reader would want named"). Each is a list in the
built-in ``rules/lexicons.yaml`` (the ``finder`` lists, with a comment saying what it is
for), read once at import; an editor extends a list there. A few sets of punctuation and
block kinds are the finder's own and stay here."""

from __future__ import annotations

from ..lexicons import builtin_lexicons, fold, word_set
from ..sourcephrase import DETERMINERS, MEDIUM_NOUNS, TIME_MODIFIERS, TIME_NOUNS

#: Labels before a colon that introduce something other than a speaker ("Note:", "Update:"; an
#: editor's placeholder such as "TK:").
NOT_SPEAKERS = word_set("not-speaker-labels")
#: Forms of "be" (and "get") before a passive of saying: "is described as", "got criticised".
BE = word_set("be-forms")
#: Verbs of saying that come before their speaker after a quotation or a comma: "…,” said the
#: minister".
INVERTING = word_set("inverting-verbs")
#: Besides a determiner, words that make the cue word after them a noun: "of reports", "amid
#: claims".
NOUN_BEFORE = DETERMINERS | word_set("noun-before-cue")
#: Before a participle of saying, words that make its subject the main clause's: "by saying",
#: "after adding".
PARTICIPLE_PREPS = word_set("participle-prepositions")
#: Cue words that are as often nouns ("key states", "reports of fraud"): a verb only with a
#: complement after them.
NOUN_FORMS = word_set("noun-like-cues")
#: What may follow a cue word that is also a noun when it is a verb: "states that", "claims the".
COMPLEMENT_WORDS = word_set("complement-words")
#: Group heads that a named body in a neighbouring sentence identifies ("MPs said … the committee
#: found").
MEMBER_HEADS = word_set("member-heads")
#: The named bodies that identify such a group: "the Public Accounts Committee".
BODY_HEADS = word_set("body-heads")
#: Pronouns that refer back to one person.
SINGULAR_PRONOUNS = word_set("singular-pronouns")
#: Pronouns that refer back to a group or an organisation.
PLURAL_PRONOUNS = word_set("plural-pronouns")
#: Finite verbs of saying that attribute even when no speaker is found next to them.
SPEECH_FINITE = word_set("finite-speech-verbs")
#: Verbs after which "it" with nobody to refer to is still an organisation speaking ("…, it said"),
#: not the "it" of "it can maintain".
IT_SAID = word_set("it-said-verbs")
#: Past forms of reporting verbs that are as often adjectives or reports of evidence ("the expected
#: result", "an estimated 300"): no attribution without a source.
NO_FALLBACK = word_set("no-fallback-participles")
#: Participles that report speech after a comma: "…, saying the city embodied …".
SPEECH_PARTICIPLES = word_set("speech-participles")
#: Verbs of beginning and going on before "to" and a verb of saying ("went on to say", "continued
#: to insist").
ASPECTUAL = word_set("aspectual-verbs")
#: Verbs of knowing and feeling that report a view only with a clause: "she knew (that) it was
#: over", not "she knew the area".
CLAUSE_VERBS = word_set("clause-verbs")
#: What opens the clause such a verb needs.
CLAUSE_STARTS = word_set("clause-starts")
#: What follows "asked" when it reports the reporter's question: "asked about", "asked whether".
QUESTION_WORDS = word_set("question-words")
#: After "appear": a place, an occasion or a company ("appeared in court"), not an impression.
IMPRESSION_STOPS = word_set("impression-stops")
#: Adjectives that raise the sayer to subject: "be likely to say", "be quick to point out".
RAISING = word_set("raising-adjectives")
#: Causatives with a bare infinitive: "made anyone think", "let critics say".
BARE_CAUSATIVES = word_set("bare-causatives")
#: Verbs that report a figure only with evidence as their subject: "a poll put his support at 5
#: percent".
EVIDENCE_ONLY = word_set("evidence-only-verbs")
#: Verbs that make someone do something: "led some to question", "leaving many to wonder".
CAUSATIVES = word_set("causative-verbs")
#: Auxiliaries (and their negations) between a subject and its verb: "has said", "did not say".
AUX_VERBS = word_set("finder-auxiliaries")
#: Past forms without -ed, which agree with any subject: "said", "told", "found".
IRREGULAR_PAST = word_set("irregular-pasts")
#: Words that are plural without an -s: "people", "police", "they".
PLURAL_WORDS = word_set("plural-words")
#: Words that open an aside between a subject and its verb: ", of course,", ", in fact,".
PARENTHESIS_OPENERS = word_set("parenthesis-openers")
#: Groups whose doings a reader would want named: the people who inform stories (not "voters turned
#: out", "people flocked").
PREDICATE_HEADS = word_set("predicate-heads")
#: Words after a generic group that are no verb of theirs: "officials are the …", "everyone is from
#: …".
STOP_PREDICATE = word_set("not-predicates")
#: Before "be"/"being", words that make a passive hypothetical: "to be seen as", "risk being".
MODAL_LEAD = word_set("modal-leads")
#: Verbs that link a source to its attitude: "are skeptical", "remain wary", "grew angry".
ATTITUDE_LINKS = word_set("attitude-links")
#: Particles that make "call" another verb: "called off", "called in".
PARTICLES = word_set("call-particles")
#: Quantifiers that stand for a group of people: "many say", "most of them said".
QUANTIFIERS = word_set("quantifiers")
#: Words that join a new clause, before its subject: "…, but officials said".
CLAUSE_JOINERS = word_set("clause-joiners")
#: Verbs whose object is the person told, not what is said: "…, she told reporters.".
TELLING = word_set("telling-verbs")
#: Words of a time or a medium after a verb of saying ("on Tuesday", "in a statement").
CIRCUMSTANCE = TIME_NOUNS | TIME_MODIFIERS | MEDIUM_NOUNS | DETERMINERS | word_set("circumstance-words")
#: Subjects whose "'s" is "has" or "is": "he's said", "who's argued".
CONTRACTED_SUBJECTS = word_set("contracted-subjects")
#: After these a capitalised word may open a clause: "… unnoticed: According to polls, …"
#: (compared with a token's text: punctuation, not words).
CLAUSE_OPENERS = frozenset({":", "—", "–", "“", '"', "(", "'", "‘"})
#: "seem", "appear" (every form): how things look, with nobody saying so.
IMPRESSION_VERBS = frozenset(fold(w) for w in builtin_lexicons()["impression-verbs"])
#: "much-praised", "widely respected": an extent adverb and a participle of judgement
#: (spaced or hyphenated), cues of the form "consensus".
CONSENSUS_CUES = tuple(
    f"{adverb}{joint}{participle}"
    for adverb in builtin_lexicons()["consensus-adverbs"]
    for participle in builtin_lexicons()["consensus-participles"]
    for joint in (" ", "-")
)
#: The nouns of a poll ("in a CBS News poll"): cues of the form "poll".
POLL_NOUNS = ("poll", "polls", "survey", "surveys", "polling")
