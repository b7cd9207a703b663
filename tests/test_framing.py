"""Framing rules: given a draft, these findings -- in the reporter's voice only."""

from conftest import draft, findings_of, positions

from factlint import load_rules


def framing(text: str, path: str = "draft.md"):
    return [(f.rule, f.match) for f in findings_of(text, path, "framing")]


def test_said_bookism_is_flagged_with_a_neutral_suggestion():
    found = findings_of("The senator slammed the plan on Tuesday.\n", rule="framing/loaded-said")
    assert positions(found) == [(1, 13, "slammed")]
    assert found[0].suggestions == ["criticized"]
    assert found[0].fix is not None and not found[0].fix.safe


def test_words_inside_a_speakers_quotation_are_the_speakers():
    text = "“The council slammed the door on an unprecedented, shocking plan,” the mayor said.\n"
    assert framing(text) == []


def test_the_same_words_in_the_reporters_voice_are_flagged():
    text = "The council slammed the unprecedented plan.\n"
    assert framing(text) == [("framing/loaded-said", "slammed"), ("framing/hyperbole", "unprecedented")]


def test_neutral_reporting_verbs_pass():
    text = "The minister said the figures were right, and the opposition criticized them.\n"
    assert framing(text) == []


def with_claim_verbs(text: str):
    rules = load_rules(select=["framing", "framing/loaded-claim-verb"])
    return [(f.rule, f.match) for f in findings_of(text, "draft.md", "framing", rules=rules)]


def test_loaded_attribution_verbs_and_their_false_alarm_traps():
    flagged = framing("The minister insisted the figures were right. The firm admitted that it had erred.\n")
    # "admitted" judges guilt: the claim verbs are off by default (editors 2 of 7, PTC 15 of 181)
    assert flagged == [("framing/loaded-attribution", "insisted")]
    assert with_claim_verbs("The firm admitted that it had erred.\n") == [("framing/loaded-claim-verb", "admitted")]
    traps = draft("""
        Two climbers were admitted to hospital with frostbite.

        The group claimed responsibility for the attack on Sunday.

        The senator conceded defeat shortly after midnight.

        The insurer rejected the claim and the land claim was dropped.

        The union insisted on a new vote.
        """)
    assert with_claim_verbs(traps) == []


def test_historic_centre_and_seeing_clearly_are_not_framing():
    text = "From the tower, visitors can see clearly across the historic centre.\n"
    assert framing(text) == []


def test_editorial_asides():
    text = "The plan is clearly a concession. Ironically, the minister voted for it.\n"
    assert framing(text) == [("framing/editorial-aside", "clearly"), ("framing/editorial-aside", "Ironically")]


def test_notably_as_in_particular_is_neutral_but_as_an_aside_is_not():
    assert framing("Several countries, notably Chile, signed the treaty.\n") == []
    assert framing("Notably, the minister did not attend.\n") == [("framing/editorial-aside", "Notably,")]


def test_alleged_is_doubt_outside_a_legal_context_only():
    assert framing("The minister's alleged concern for farmers faded.\n") == [("framing/alleged", "alleged")]
    assert framing("Police charged him over the alleged theft.\n") == []
    assert framing("The regulator alleged that the bank misled investors.\n") == []


def test_contentious_labels_unless_attributed_or_a_fixed_term():
    assert framing("The regime cut off the internet.\n") == [("framing/contentious-label", "regime")]
    assert framing("The council approved a new sanctions regime.\n") == []
    assert framing("Washington designates the group a terrorist organisation.\n") == []
    assert framing("Terrorists stormed the hotel.\n") == [("framing/terrorist-label", "Terrorists")]


def test_proper_names_keep_their_words():
    assert framing("The Pro-Life Action League filed a brief.\n") == []
    assert framing("Pro-life groups filed a brief.\n") == [("framing/abortion-label", "Pro-life")]


def test_clickbait_in_the_headline_but_not_an_ordinary_headline():
    flagged = framing("# You Won't Believe What the Council Did\n\nThe council met.\n")
    assert ("framing/clickbait-headline", "You Won't Believe") in flagged
    assert framing("# Council approves budget\n\nThe council met.\n") == []
    assert framing("# Secret Service reviews rally security\n\nThe agency met.\n") == []


def test_question_headline():
    assert framing("# Will the council pass the budget?\n\nThe council met.\n") == [
        ("framing/question-headline", "Will the council pass the budget?")
    ]


def test_teaser_question_in_the_body():
    assert framing("The council met on Monday. The twist? Nobody voted.\n") == [
        ("framing/clickbait-teaser", "The twist?")
    ]


def test_stacked_speculation_needs_many_hedges_in_one_paragraph():
    stacked = "The deal may collapse. Prices could rise, exports might fall, jobs could go and rates may climb.\n"
    assert [r for r, _ in framing(stacked)] == ["framing/stacked-speculation"]
    assert framing("The deal may collapse, the minister said. Prices could rise.\n") == []


def test_mind_reading():
    assert framing("In a desperate bid to win back voters, the mayor cut fares.\n") == [
        ("framing/mind-reading", "In a desperate bid")
    ]
    assert framing("Aid agencies said food was desperately needed.\n") == []


def test_literal_senses_of_loaded_words_pass():
    text = draft("""
        Most of the world's oil lies in the Middle East.

        Holders must surrender the certificates by Friday.

        Troops launched an assault on the northern positions overnight.

        Shareholders will vote at an extraordinary general meeting in May.

        Police seized fake passports at the border.

        The hospital opened a new ward for cancer patients.
        """)
    assert framing(text, "wire.txt") == []


# -- shouted words in headlines ----------------------------------------------------------


def shouted(text: str):
    return positions(findings_of(text, "draft.md", rule="framing/shouted-word"))


def test_a_word_shouted_in_a_title_case_headline_is_flagged():
    text = draft("""
        # Ferry Fares Could DOUBLE As Operator Sues Council For NOT Fixing Pier

        Fares could double next year, the operator said. The council has not fixed the pier.
        """)
    assert shouted(text) == [(1, 21, "DOUBLE"), (1, 57, "NOT")]


def test_acronyms_and_all_capital_headlines_are_not_shouting():
    text = draft("""
        # NASA and the FBI Review Launch Site

        NASA delayed the launch, and the FBI reviewed the site, the agency said.
        """)
    assert shouted(text) == []
    assert shouted("# FERRY FARES TO DOUBLE IN MAY\n\nFares will double in May.\n") == []


def test_a_capitalised_word_the_story_never_writes_in_lower_case_is_taken_for_an_acronym():
    text = "# Council Backs PIER Plan\n\nThe council backed the plan on Monday.\n"
    assert shouted(text) == []


def test_shouting_in_the_body_is_left_to_other_rules():
    assert shouted("# Ferry fares to double\n\nFares could DOUBLE next year, the operator said.\n") == []


# -- loaded verbs and judging adverbs in the reporter's voice -----------------------------


def test_verbs_of_attack_and_judging_adverbs_are_loaded_language():
    text = draft("""
        The mayor trashed the plan on Monday.

        The council took a disturbingly long time to answer.

        Protesters hijacked the meeting.
        """)
    assert [(f.line, f.match) for f in findings_of(text, "draft.md", rule="framing/loaded-language")] == [
        (1, "trashed"),
        (3, "disturbingly"),
        (5, "hijacked"),
    ]


def test_literal_senses_are_spared():
    text = draft("""
        Gunmen hijacked a bus on the coast road.

        The club threw a birthday bash for its oldest member.

        Click the settings icon to change the language.
        """)
    assert findings_of(text, "draft.md", rule="framing/loaded-language") == []
