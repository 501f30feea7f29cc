"""Word senses, idioms and modality cues of wire news: figurative verbs, statements about
what a source will not say, and the mode of acts named inside another clause."""

from __future__ import annotations

import pytest

from eventwire.coder import Coder

pytestmark = pytest.mark.model


def events(coder: Coder, text: str) -> list[tuple[str, list[str]]]:
    return [(e.event, list(e.mode)) for e in coder.code(text, date="1987-03-02").events]


def types(coder: Coder, text: str) -> list[str]:
    return [event for event, _ in events(coder, text)]


@pytest.mark.parametrize("text, wrong", [
    # Declining to name or to give details is declining to comment.
    ("A Treasury spokesman declined to name the countries involved.", "REJECT"),
    ("The Japanese minister declined to give details of his proposals.", "REJECT"),
    # Talking alone yields nothing.
    ("We are still talking, a government spokesman said.", "RETREAT"),
    # Dominating, overcoming a difficulty and hanging over something use no force.
    ("The army still dominates political life in the country, diplomats said.", "ASSAULT"),
    ("The IMF will help Zambia overcome its balance of payments difficulties.", "ASSAULT"),
    ("Analysts said the Brazilian debt problem will continue to hang over the banking "
     "industry.", "THREATEN"),
    # Leaving a board behind visits no one.
    ("The departing president would leave behind a divided cabinet.", "CONSULT"),
    # Studying a proposal investigates no one.
    ("The Argentine government is studying a proposal to swap debt for equity.", "ACCUSE"),
    # Resolving a debt problem concedes nothing to anyone.
    ("There is no timetable for Peru's debt problem to be resolved, the minister said.",
     "RETREAT"),
    # A budget approved by parliament is no concession.
    ("The 1988 budget approved by parliament on Tuesday cuts defence spending.", "RETREAT"),
    # A statement to the press holds no talks.
    ("Talking to reporters in Bonn, the West German minister said the meeting had been useful.",
     "CONSULT"),
    # Protecting reserves, raising a duty to a price, recognising a principle, giving an
    # advantage and offering a term are no aid, appeal, endorsement, yielding or promise.
    ("Brazil acted to protect its foreign reserves, the finance minister said.", "AID"),
    ("The ministry said it raised the import duty on rice to 30 pesos per kilo.", "REQUEST"),
    ("The central bank recognized the principle of netting.", "SUPPORT"),
    ("French officials have said they were worried the software could be sold out of France, "
     "eventually giving American products an advantage in European markets.", "RETREAT"),
    ("Officials said the chairman would not be offered a new term by the president.",
     "REJECT"),
    # Voting to urge something vetoes no bill.
    ("The board of the Japanese farmers' union voted Tuesday to urge the Diet to leave the 1986 "
     "rice bill in place.", "REJECT"),
    # Doubting figures, watching them, meeting resistance, putting off one's own plans and
    # guaranteeing loans concede, investigate, meet, sanction and promise nothing.
    ("The Indian government did not accept Pakistan's trade figures, an official said.",
     "CONCEDE"),
    ("Finance ministry officials said they would monitor member countries' export figures "
     "every three months.", "ACCUSE"),
    ("Some OPEC states are encountering resistance to official prices.", "CONSULT"),
    ("The Dutch army has delayed plans to buy a new anti-tank missile, defence officials said.",
     "SANCTION"),
    ("Greek officials said Athens had guaranteed the loans.", "AGREE"),
    # Deferring to someone accuses no one; pressing ahead with talks presses no one.
    ("Kurdish commanders in the base deferred to the Turkish officer.", "ACCUSE"),
    ("Russia is pressing ahead with its own peace talks in Sochi.", "COERCE"),
    # Being hit by unrest or a scandal is a misfortune, no blow or rebuke.
    ("Iraq's government was hit by unrest after the elections.", "ACCUSE"),
    # Setting a figure or a target releases no one and holds no talks; a price values no one.
    ("Congress has set 108 billion dlrs as its deficit target for 1988.", "CONSULT"),
    ("The French government has set the public offer price of shares at 130 francs.",
     "RETREAT"),
    ("The French government valued the state-owned bank at 416 mln francs.", "SUPPORT"),
    # Putting something in jeopardy is a harm foreseen, not a killing threatened.
    ("Britain's decision could put the UK's opposition to the death penalty in jeopardy.",
     "THREATEN"),
    # Scoring a win or a tally appeals to no one, whatever "on" follows.
    ("Anwar Ibrahim's party scored a surprise election victory on an anti-corruption platform.",
     "REQUEST"),
])
def test_figurative_senses_code_no_such_event(coder: Coder, text: str, wrong: str) -> None:
    assert wrong not in types(coder, text)


def test_an_act_after_after_happened(coder: Coder) -> None:
    # The meeting is done; only the flight to Bonn is announced.
    found = events(coder, "After meeting Thatcher in London on Monday, Shultz will fly to "
                          "Bonn.")
    assert ("CONSULT", []) in found


def test_a_participle_describing_a_noun_keeps_its_own_mode(coder: Coder) -> None:
    # The fee was imposed; only the panel's ruling is to come.
    found = events(coder, "The GATT panel will rule on objections by Japan to an import fee "
                          "imposed by the U.S. Government.")
    assert "THREATEN" not in [event for event, _ in found]


def test_an_act_only_offered_is_hypothetical(coder: Coder) -> None:
    found = events(coder, "The talks follow a new Polish offer to withdraw troops from the "
                          "border.")
    assert found and all("hypothetical" in mode for event, mode in found if event == "RETREAT")


def test_a_copula_judging_a_clause_important_asks_for_it(coder: Coder) -> None:
    # "It is vital that Iraq withdraw": the Iranian minister demands it; no withdrawal is told.
    found = events(coder, "It is vital that Iraq withdraw its troops from Iranian territory, "
                          "the Iranian foreign minister said.")
    assert "REQUEST" in [event for event, _ in found]
    assert "RETREAT" not in [event for event, _ in found]


@pytest.mark.parametrize("text, act", [
    # What only appears to be coming, or what someone is keen to do, is supposed (and a
    # supposed future act is no promise).
    ("It appears that Kuwait or another Gulf state will allocate part of its oil sales to help "
     "Iraq, an analyst said.", "COOPERATE"),
    ("Officials said the central bank was keen to encourage banks to lend more to farmers.",
     "REQUEST"),
])
def test_a_supposed_act_is_hypothetical(coder: Coder, text: str, act: str) -> None:
    assert (act, ["hypothetical"]) in [(e, [m for m in mode if m == "hypothetical"])
                                        for e, mode in events(coder, text)]


def test_a_restriction_asked_to_be_reduced_is_in_force(coder: Coder) -> None:
    found = events(coder, "It is important that Washington reduce its restrictions on Brazilian "
                          "steel, the Brazilian minister said.")
    assert ("COERCE", []) in found


def test_an_act_a_bill_would_let_someone_do_is_no_act(coder: Coder) -> None:
    assert types(coder, "Congress is considering a bill to let the president retaliate against "
                        "nations that close their markets.") == []


@pytest.mark.parametrize("text, wrong", [
    # Slow growth forces no one; handing in proposals yields nothing; plans enhanced by cash
    # cooperate with no one; a budget or a tax reform proposal asks nothing of anyone.
    ("Economists said the prime minister could be forced by slow growth and rising "
     "unemployment to cut taxes.", "THREATEN"),
    ("The administration submitted to Congress its proposals to cut farm subsidies.", "RETREAT"),
    ("American Express' ambitious plans for international growth may be enhanced by the added "
     "cash.", "COOPERATE"),
    ("Opposition objection to the government's tax reform proposals has delayed the debate in "
     "parliament.", "REQUEST"),
])
def test_no_such_event_in_economic_news(coder: Coder, text: str, wrong: str) -> None:
    assert wrong not in types(coder, text)


@pytest.mark.parametrize("text, wrong", [
    # A central bank adding reserves calls up no troops; taking up a question visits no one;
    # fearing economic dominance threatens no one; understanding a frustration praises no one.
    ("The Federal Reserve is expected to enter the government securities market to add "
     "temporary reserves, economists said.", "AGREE"),
    ("The committee is going to go into that with Mr. Casey next week, the senator said.",
     "AGREE"),
    ("Many Mexicans fear being overwhelmed economically and politically by their northern "
     "neighbour.", "THREATEN"),
    ("We appreciate their frustration, a senior Japanese trade official said.", "SUPPORT"),
    # Being resolved to act holds no talks; a quantity dropping concedes nothing.
    ("Japan appears resolved to encourage domestic demand for its goods, the OECD director "
     "told a news conference.", "CONSULT"),
    ("The Agriculture Department said Australian wheat production will drop sharply.", "AGREE"),
])
def test_more_senses_of_economic_news(coder: Coder, text: str, wrong: str) -> None:
    assert wrong not in types(coder, text)


@pytest.mark.parametrize("text, told", [
    # What an act is done despite, amid or because of happened, whatever the clause's mode.
    ("The talks will resume in Geneva next week despite the Iraqi attack on the tanker.",
     ("ASSAULT", [])),
    ("EC farm ministers will meet in Brussels on Monday amid protests by French farmers.",
     ("PROTEST", ["demo"])),
])
def test_a_reason_or_setting_is_told(coder: Coder, text: str, told: tuple[str, list[str]]) -> None:
    assert told in events(coder, text)


def test_pressure_given_as_a_reason_is_not_negated(coder: Coder) -> None:
    found = events(coder, "Officials said the government could not fix the exchange rate "
                          "because of U.S. pressure for a stronger currency.")
    assert found and not any("negation" in mode for _, mode in found)


@pytest.mark.parametrize("text", [
    "Biden defeated Sanders in the Michigan primary on Tuesday.",
    "Investigators are finding out whether the two parties wanted a settlement.",
    "Officials said nine passengers were suspected of coronavirus infection.",
    "Such decisions are taken by the administration without consulting allies.",
])
def test_idioms_of_elections_and_learning_are_no_events(coder, text):
    assert [e.event for e in coder.code(text, date="2020-03-11").events] == []


def test_a_military_defeat_is_still_an_attack(coder):
    found = coder.code("Iraqi forces defeated Islamic State fighters in Mosul.", date="2017-07-10")
    assert "ASSAULT" in [e.event for e in found.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Senators said they were withholding judgment on the trade bill.", []),
    ("The US is withholding aid from Egypt.", ["SANCTION"]),
    ("The government's ability to spend is constrained by the need to keep a surplus.", []),
])
def test_waiting_and_limits_are_no_sanction_or_coercion(coder, text, expected):
    assert [e.event for e in coder.code(text, date="1987-04-24").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey has assembled observation posts around the province.", []),
    ("Russia assembled troops near the Ukrainian border.", ["MOBILIZE"]),
])
def test_assembling_things_is_no_meeting(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-09-04").events] == expected


def test_setting_a_date_for_talks_still_codes_the_talks(coder: Coder) -> None:
    assert "CONSULT" in types(coder, "Iran and Iraq set a date for talks.")
