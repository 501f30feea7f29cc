"""The relevance stage: events need political participants, and sport, markets and
disasters yield none; idioms code no event."""

from __future__ import annotations

import pytest

from eventwire.coder import Coder
from eventwire.kb.relevance import load_domains, load_policy

pytestmark = pytest.mark.model


def types(coder: Coder, text: str) -> list[str]:
    return [e.event for e in coder.code(text, date="2020-02-25").events]


@pytest.mark.parametrize("text", [
    "Residents of Aleppo accused the local baker of raising prices.",
    "The chairman will retire at the end of the year, the company said.",
    "Bangladesh crushed Zimbabwe by an innings and 106 runs in the one-off test on Tuesday.",
    "Kevin Durant scored 17 points and led the Nets with 24 points.",
    "Nadal lost to Kyrgios last year and later accused the mercurial Australian of lacking "
    "respect after he employed an underarm serve during the contest.",
    "Floods killed more than 60 people in Jakarta.",
    "Japan's economy shrank in the December quarter, hit by a rise in sales tax.",
    "In Asia, South Korea's hard-hit market eked out a 0.6% rise and helped the index.",
    "The volunteer from Bournemouth had travelled to northern Syria three times since 2015.",
    "Airlines are suspending flights to China in the wake of the new coronavirus outbreak.",
    "South Korean health authorities have been battling a surge of new coronavirus cases.",
    "Italy is grappling with the worst outbreak of coronavirus in Europe.",
    "There was a clash of opinions at the board meeting.",
    # Refugees arriving somewhere meet no one (they protest and return, and are the
    # recipients of aid and expulsions).
    "The returnees who departed on Monday arrived late in the day at three towns.",
    "The Korean airline will suspend all its China routes starting March 1.",
    "UPS canceled 22 flights to China because of the virus.",
    "Six South Koreans flew to South Korea on a chartered flight on Feb. 19.",
    "Iran's rulers face mounting pressure that has hit the economy hard.",
    "A second Briton who left to go to Syria has said he wants to return to the UK.",
    "The affair stretched ties between Nato allies Turkey and the US to breaking point.",
    "The news conference let Reagan demonstrate he was in command of affairs.",
    "Hedge fund Third Point called on the British insurer on Monday to split in two.",
    "The conversation moved to where the battle lines had reached.",
    # a team's captain is no officer
    "After the ball tampering during a test match, captain Steve Smith was banned for a year "
    "by Cricket Australia.",
    # a measure that "targets" someone is no assault (it is coded where it is imposed)
    "The squeeze targets Iranian allies, including Lebanon, Syria and Iraq.",
    # a capital in a sentence about sport is a team
    "Shabazz Napier scored 27 points off the bench for Washington, which has dropped three "
    "in a row after entering the All-Star break with five wins in its previous seven games.",
    # a sporting body's chiefs hold no state office
    "The ITF president said tennis chiefs were committed to merging the tournaments.",
])
def test_no_political_event(coder: Coder, text: str) -> None:
    assert types(coder, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Police arrested dozens of protesters in Sindh on Monday.", "COERCE"),
    ("Beijing pressured Tokyo to withdraw the remarks.", "COERCE"),
    ("Gunmen killed 12 villagers in northern Nigeria.", "ASSAULT"),
    ("Thousands of protesters marched through Algiers on Friday.", "PROTEST"),
    ("Rebels captured the town on Monday.", "ASSAULT"),
    ("Turkey shut its borders to Iran on Sunday as shares fell 3%.", "COERCE"),
    ("China's decision to block exports to Japan angered Tokyo.", "SANCTION"),
    ("Israeli tanks fired four shells at targets in Jericho.", "ASSAULT"),
    ("The Iranian foreign minister flew to Moscow for talks.", "CONSULT"),
    ("Modi hosted a lavish reception for Trump in Ahmedabad.", "CONSULT"),
    ("Doctors in Wuhan accused China of hiding the outbreak.", "ACCUSE"),
    ("Huawei sued the US government over the ban.", "ACCUSE"),
    ("A Saudi businessman is suing the United States for damages to his plant.", "ACCUSE"),
    # Armed clashes are political acts even when no side is named.
    ("Monday's clashes were among the worst seen in Delhi.", "ASSAULT"),
    ("Police killed 12 Iranians in Tehran.", "ASSAULT"),
    ("Heavy fighting broke out in the north of the city on Sunday.", "ASSAULT"),
    ("A raid on the hideout led to a firefight between foreign fighters and his guards.",
     "ASSAULT"),
    # Criminal charges are the state's, whoever the text names (event verb rows).
    ("Three men were charged with murder on Tuesday.", "ACCUSE"),
    # So is ousting a ruler, whoever ousts whom.
    ("Abdul Karim ousted Rashid Ali in 1958.", "COERCE"),
    # an institution standing for a government still is one in a sentence about sport
    ("The Kremlin praised the team after its World Cup win over Spain.", "SUPPORT"),
    # officials named for a state's field stay officials
    ("Defence officials agreed to merge the two commands.", "AGREE"),
])
def test_political_event_kept(coder: Coder, text: str, expected: str) -> None:
    assert expected in types(coder, text)


def test_policy_off_codes_any_subject() -> None:
    text = "Residents of Aleppo accused the local baker of raising prices."
    from eventwire.pipeline import build_nlp

    open_policy = Coder(nlp=build_nlp(config={"eventwire_relevance": {
        "require_political_actor": False, "filter_topics": False}}))
    assert "ACCUSE" in types(open_policy, text)


@pytest.mark.parametrize("text", [
    "The popular uprising gave way to an insurgency.",
    "Residents found themselves stuck in Aleppo as government forces advanced.",
    "The Russian government is not giving an inch on the issue.",
    "A once workable relationship between Ankara and Washington broke down.",
    "Egypt's former President Hosni Mubarak has died at the age of 91.",
    "In recent days the Pentagon released its planned 2019 budget.",
    "Islamic State released a video of the execution.",
    "Widely respected as a soldier, the general had conveyed a sense of competence.",
    "Baltimore has long recognized the benefit of immigrant communities.",
    "The auditors said the government's deficit plans had been blown off course.",
    "A senior official of the Iraqi government monitored the call.",
    "Health workers were monitoring the rest of the family.",
    "The former doctor returned as prime minister after the election defeat of the Malaysian"
    " government.",
    "The British base makes Cyprus a prime candidate for a counter attack, analysts say.",
    "Euro zone government debt markets stabilised, with Italian bonds on steadier ground.",
    "With both sides talking tough, Ireland and Britain prepared for the next round.",
    "EU regulators extended their investigation into the $7 billion bid by two weeks.",
    "Kurdish forces are guarding some 1,800 women and children in derelict buildings.",
    "Mahathir hails from Malaysia's Muslim ethnic Malay majority.",
    "The International Committee of the Red Cross has been contacted for comment.",
    "The Greek banks do not meet the statutory requirements yet, the regulator added.",
    "British law says rendering a person stateless is illegal under international law.",
    "A London mayoral candidate said the British capital was ready to host the games.",
    "The British retailer sold its share of a joint venture in China, raising 275 million "
    "pounds.",
    # Becoming, providing for, arguing for a decision, confronting a difficulty, raising a
    # matter, dropping party members, propping up a currency, looking for options.
    "For many Poles the shipyard has come to represent the whole opposition movement.",
    "The Dutch defence budget allows for two new frigates next year.",
    "The Canadian trade minister defended the government's decision on softwood duties.",
    "Faced with mounting debts, the Peruvian cabinet cut spending again.",
    "The Belgian senator will bring up the arms sales issue in committee.",
    "Three reformers were expelled from the Hungarian Communist Party ranks in May.",
    "The Swiss National Bank intervened in the currency markets to support the franc.",
    "Australian officials are seeking ways to answer the French tariffs.",
    "Debate on the Danish budget was stalled for a week.",
    "Neither the Geneva talks nor the new tariffs will serve to calm the dispute.",
    # Spreading into a place, knowing a voice or a need, an act one is only interested in.
    "The US has tried to prevent the Syrian regime from expanding into eastern Syria.",
    "A Kurdish rebel commander listened to the radio and recognised the voice.",
    "The German government recognises the need for more troops in Mali.",
    "The United States and France are only interested in ousting the Syrian government.",
    "The European Union said it was preparing contingency plans for the outbreak.",
    # Gathering votes, arming oneself with legal powers, warning of the weather.
    "The Peruvian Congress needs to muster two-thirds of the votes in the chamber.",
    "Britain decided to arm itself with new statutory powers against foreign banks.",
    "Japanese officials issued warnings of tidal waves of up to two metres high.",
    "The Philippine weather office warned of flash floods in the north.",
    # Warning of a people's sufferings: a forecast, no party threatened.
    "The United Nations warns of unprecedented levels of suffering in a country.",
    "The UN warned of famine in Yemen.",
    # Mourning, military mentoring, aims, a marriage recognised, the police as a body.
    "Thousands of people gathered at a community centre in London to mourn the Kurdish "
    "film-maker.",
    "US special forces are working to train and advise local partner forces in Syria.",
    "The US presence in Syria would also be geared to creating the conditions for return.",
    "The Dutch authorities may not recognise the marriage because she was 15 at the time.",
    "The British Foreign Office was answering media inquiries for UK law enforcement.",
    # A ceremony of welcome, a bill voted down.
    "In New Delhi, Trump was given a formal state welcome at the presidential palace.",
    "The Philippine senate defeated the bill on Tuesday.",
    "Mahathir formed a coalition to defeat the ruling UMNO party in 2018.",
    # Market intervention, a press release, a budget policy, the weather.
    "The Bank of Japan intervened in early afternoon Tokyo trading to support the dollar.",
    "A spokesman for the Canadian firm could not immediately comment on the release.",
    "The Danish government had already imposed a series of austerity measures.",
    "Cold weather also hit southern and eastern Italy.",
    # Data taken down, a show before an election.
    "The British regulator said it had removed the relevant data from its website.",
    "Putin wants to show ahead of the Russian election that he is strong.",
    # Means to act, no act.
    "The EU lacks the tools to punish Hungary.",
    "The speech was short on the credible levers the US has to pressure Moscow.",
    # A link described, refugees moving in.
    "Many Syrians see the flag as associated with the Assad regime.",
    "Syrian refugees who left Lebanon a fortnight ago are still settling in.",
    # Statements given, decisions put off, choices confronted, a cause.
    "He gave informal statements to Turkish police.",
    "Western leaders put off a final decision on Syria on Thursday.",
    "Foreign fighters may seek to return, confronting Britain with awkward choices.",
    "The decision was dictated by the Turkish president's wish to win the election.",
    # Services summoned, a bill introduced.
    "Police were called to the stadium after the match.",
    "Senator Charles Grassley said he would offer a bill to expand the reserve.",
    # Declining to confirm, haggling.
    "Ryan Dillon, spokesman for the coalition, refused to confirm her death.",
    "Negotiators from the two sides have wrangled for months to narrow differences.",
])
def test_idioms_and_figurative_senses_code_nothing(coder: Coder, text: str) -> None:
    assert types(coder, text) == []


def test_captured_on_film_is_no_seizure(coder: Coder) -> None:
    # The beheadings are an assault by Islamic State; filming them seizes nothing.
    assert "COERCE" not in types(coder, "Beheadings by Islamic State fighters were captured "
                                        "on film.")


def test_a_known_sector_beats_the_country_code() -> None:
    policy = load_policy()
    insurer = {"code": "GBR", "sector": "BUS"}
    ministry = {"code": "GBR", "sector": "GOV"}
    country = {"code": "GBR", "sector": None}
    assert not policy.is_political(insurer, "recipient", "REQUEST", is_country=True)
    assert policy.is_political(ministry, "recipient", "REQUEST", is_country=True)
    assert policy.is_political(country, "actor", "REQUEST", is_country=True)
    protesters = {"code": None, "sector": "CVL"}
    assert policy.is_political(protesters, "actor", "PROTEST", is_country=False)
    assert not policy.is_political(protesters, "actor", "ACCUSE", is_country=False)
    assert policy.is_political_act("ASSAULT", ["aerial"])
    assert not policy.is_political_act("ASSAULT", ["firearms"])


def test_domains_have_cues_and_thresholds() -> None:
    names = {d.name: d for d in load_domains()}
    assert {"sport", "markets", "disaster"} <= set(names)
    assert names["sport"].cues["innings"] > names["sport"].cues["game"]


@pytest.mark.parametrize("text", [
    "The U.S. military said a 61-year-old woman who tested positive for the virus had recently "
    "visited a U.S. military base in Daegu.",
    "Six South Koreans and one Japanese spouse flew to South Korea on Feb. 19.",
])
def test_private_people_travelling_make_no_visit(coder, text):
    assert "CONSULT" not in [e.event for e in coder.code(text, date="2020-02-25").events]


def test_a_foreign_national_investigated_is_a_political_act(coder):
    text = "A US national has been put under investigation in Italy for her role in rioting."
    assert "ACCUSE" in [e.event for e in coder.code(text, date="2001-08-20").events]


@pytest.mark.parametrize("text", [
    "More than 10,000 drug addicts have been quarantined in treatment centres in Tehran "
    "province, IRNA reported.",
    "One hotel in the Canary Islands was put on lockdown on Tuesday.",
])
def test_a_passive_quarantine_or_lockdown_is_the_states_act(coder, text):
    assert "COERCE" in types(coder, text)


def test_a_firm_restricting_travel_is_no_state_act(coder):
    assert types(coder, "Cathay Pacific restricted travel for its staff.") == []


def test_a_countrys_firm_is_no_state(coder):
    text = "Vietnam's Bamboo Airways suspends flights from Da Nang to Seoul's Incheon airport."
    assert types(coder, text) == []
    # a firm word and "of" before a country name a firm too; a state's long name is the state
    assert types(coder, "General Motors Corp of Canada agreed to cut jobs.") == []
    assert types(coder, "The United States of America imposed sanctions on Iran.") == \
        ["SANCTION"]
    # a state body named like a firm stays the state
    assert types(coder, "India's Air Force struck targets in Pakistan.") == ["ASSAULT"]


def test_an_airline_stopping_flights_to_a_capital_deals_with_no_government(coder):
    # the capital is a stop on the route also when it is the second of two
    text = "Nordic airline SAS suspended flights to Shanghai and Beijing until March 29."
    assert types(coder, text) == []


def test_an_unknown_it_dealing_with_a_bare_country_is_no_state_act(coder):
    text = "It suspended flights to Beijing from Jan. 30 to March 25."
    assert types(coder, text) == []


def test_a_resolved_it_still_acts(coder):
    text = "Kuwait closed its border with Iran. It also suspended all flights to Iran."
    assert types(coder, text).count("SANCTION") >= 1


def test_a_place_hit_by_heavy_rain_is_no_attack(coder):
    text = "The capital was hit by some of the heaviest rain since records began."
    assert "ASSAULT" not in types(coder, text)


def test_rain_does_nothing_political(coder):
    assert types(coder, "Torrential rain brought floods to Indonesia's capital on Tuesday.") == []


def test_an_economy_hit_by_a_tax_rise_is_no_attack(coder):
    text = "Japan's economy shrank in the December quarter, hit by a rise in sales tax."
    assert "ASSAULT" not in types(coder, text)


def test_a_country_hit_by_rockets_is_attacked(coder):
    assert "ASSAULT" in types(coder, "Israel was hit by a barrage of rockets from Gaza.")


@pytest.mark.parametrize("text", [
    "Blood samples from the victims of Saturday's attack had traces of a nerve agent.",
    "A further attack brought more war and displacement.",
])
def test_an_unnamed_attack_is_political_by_itself(nlp, text):
    found = Coder(nlp=nlp).code(text, date="2018-04-10").events
    assert "ASSAULT" in [e.event for e in found]


def test_verbal_assaults_are_no_attack(nlp):
    found = Coder(nlp=nlp).code("Through his intemperate verbal assaults on Ankara, Trump has "
                                "lost Turkey.", date="2018-04-10").events
    assert "ASSAULT" not in [e.event for e in found]


def test_people_fleeing_retreat_from_no_one(nlp):
    found = Coder(nlp=nlp).code("At least half of the 3 million people in Idlib have fled "
                                "vanquished opposition areas.", date="2018-09-08").events
    assert [e.event for e in found] == []
    found = Coder(nlp=nlp).code("Abu Bakr al-Baghdadi fled from Baghuz to the Syrian desert.",
                                date="2019-03-01").events
    assert [e.event for e in found] == ["RETREAT"]


def test_torture_is_political_violence_whoever_the_text_names(coder):
    text = "At night the screams of torture could be heard from the prison cells."
    assert types(coder, text) == ["ASSAULT"]


def test_a_partys_presence_or_reliance_harms_no_one_as_a_party(coder):
    # a state of affairs feared to harm is no threat by the party it belongs to
    text = "Turkey fears the US reliance on Kurdish militias will harm Turkish border security."
    assert types(coder, text) == []


def test_private_travellers_joining_a_group_make_no_visit(coder):
    text = "Many nations whose citizens travelled to join Isis now wish to bring them home."
    assert "CONSULT" not in types(coder, text)


@pytest.mark.parametrize("text", [
    "A sandstorm killed three Iraqi soldiers near the Saudi border.",
    "A blizzard cut off two Afghan army posts in Badakhshan.",
    # the parser also reads the place the quake struck as the subject of what it did
    "A very strong earthquake that struck southwest Japan killed one person and injured "
    "at least three, authorities said.",
])
def test_weather_does_no_harm_as_a_party(nlp, text):
    found = Coder(nlp=nlp).code(text, date="2026-01-10").events
    assert [e.event for e in found if e.event in ("ASSAULT", "COERCE")] == []


def test_a_pronoun_for_a_state_survives_a_markets_sentence(coder):
    # "it" copies Malaysia: a state named as such, whatever cues of trade surround it
    text = ("Malaysia said it would ban all visitors from the province as investors "
            "dumped shares and the currency fell.")
    assert "THREATEN" in types(coder, text) or "COERCE" in types(coder, text)


@pytest.mark.parametrize(("text", "weight"), [
    # a cue that names markets only as a noun counts nothing as a verb
    ("The disease spreads across the camps and the militia funds its raids.", 0.0),
    ("Bond spreads widened and hedge funds sold.", 6.0),
    # a takeover is military or political too: weight 1, no longer enough alone
    ("The army warned of an Islamist takeover.", 1.0),
])
def test_market_cues_as_verbs_and_takeovers(nlp, text, weight):
    relevance = nlp.get_pipe("eventwire_relevance")
    sent = next(iter(nlp(text).sents))
    assert relevance._cue_weights(sent)["markets"] == weight


def test_a_massacre_in_a_sentence_about_a_takeover_stays(coder):
    text = "The massacre happened a week after a military takeover of the capital."
    assert "ASSAULT" in types(coder, text)


@pytest.mark.parametrize("text", [
    # a country in the name of a firm the knowledge base does not know
    "Brazilian Telephone Co agreed to sell its cable unit to a local investor.",
    "Nordic Airways said it will cancel its flights to Italy until April.",
    # a country that only modifies a firm's or a market's noun, a government word heading one
    "Swiss bondholders will be pressed to accept a lower payout.",
    "The strength of the Japanese yen discouraged new buying by exporters.",
    "This week's government auction of treasury bills yielded an average 5.1 pct.",
])
def test_a_country_naming_a_firm_or_a_market_thing_is_no_state(coder, text):
    assert types(coder, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a state body named with a country is no firm (state_body_words.txt)
    ("The U.S. Senate Finance Committee approved proposals to extend the embargo on Cuba.",
     "AGREE"),
    ("The Canadian Wheat Board accused Washington of dumping subsidised grain.", "ACCUSE"),
    ("The U.S. Centers for Disease Control urged travellers to avoid northern Italy.",
     "REQUEST"),
])
def test_a_state_body_named_with_a_country_stays_political(coder, text, expected):
    assert expected in types(coder, text)


def test_violence_a_business_sentence_names_stays(coder):
    text = ("Shares of the retailer fell 4% and quarterly profit dropped after attacks on "
            "foreigners forced it to close stores in Nigeria, analysts said.")
    assert "ASSAULT" in types(coder, text)
    # a market's thing under attack is market talk
    text = ("Shares fell 4% and the dollar came under a massive speculative attack on Tuesday "
            "as investors fled, analysts said.")
    assert "ASSAULT" not in types(coder, text)


@pytest.mark.parametrize("text", [
    # a firm's word before officials or delegates makes them the firm's, and "they" too
    "Airline officials said they would suspend flights to China.",
    "Some producer delegates reported growing support for the plan.",
    # a company officer is no officer of an army or an IGO
    "Acme Corp said on Tuesday Chief Executive Officer Jane Doe will step down next year.",
    "Jane Doe, Chief Financial Officer, will also step down from her role.",
])
def test_a_firms_staff_make_no_political_event(coder, text):
    assert types(coder, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a central bank is a state body; a firm's accusation aimed at a government stays
    ("Central bank officials said they had met the finance minister.", "CONSULT"),
    ("Industry officials accused the government of ignoring the crisis.", "ACCUSE"),
])
def test_officials_of_state_bodies_still_act(coder, text, expected):
    assert expected in types(coder, text)


@pytest.mark.parametrize("text", [
    "Such a development could hit British exports and alter the outlook for the election.",
    "The strength of the yen discouraged Japanese buying.",
    "Uncertainty over the talks hit Britain hard.",
])
def test_market_forces_and_turns_of_events_act_for_no_one(coder, text):
    assert types(coder, text) == []


def test_an_act_aimed_at_a_currency_is_market_talk(coder):
    text = "Experts worry the central banks have lost a temporary battle to prop up the yen."
    assert "ASSAULT" not in types(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    # sanctions on a state's securities, and opening markets, are policy
    ("Washington imposed sanctions on Venezuelan bonds.", "SANCTION"),
    ("The dispute is over Japan's refusal to open its telecommunications market.", "REJECT"),
])
def test_policy_aimed_at_markets_stays_political(coder, text, expected):
    assert expected in types(coder, text)


def test_a_country_ending_a_firms_name_is_no_state(coder):
    text = "A paper programme for Nordbanken A/S of Denmark has been increased to 250 mln dlrs."
    assert types(coder, text) == []
    # the Bank of Japan is how a central bank is named
    assert "AGREE" in types(coder, "The Bank of Japan said it would cooperate with the "
                                   "United States.")


@pytest.mark.parametrize("text", [
    "Virgin Australia suspended flights to China.",
    "Air China suspended flights to Japan.",
])
def test_a_firm_named_after_a_country_is_no_state(coder: Coder, text: str) -> None:
    """The tagger may take "Virgin Australia" for a person: the country in a name that other
    proper nouns modify still names a firm."""
    assert types(coder, text) == []


def test_a_country_named_on_its_own_still_acts(coder: Coder) -> None:
    assert types(coder, "South Africa recalled its ambassador to Israel.") == ["SANCTION"]


@pytest.mark.parametrize(("text", "expected"), [
    # a list item names its doer before a dash: a firm's cancellations are its own
    ("* Finnair - Cancelled all flights to mainland China.", []),
    ("* Qatar Airways - Suspended all flights to Iran.", []),
    # a state named there acts as it would in a sentence
    ("* Japan - Suspended all flights to China.", ["SANCTION"]),
])
def test_a_list_item_names_its_doer_before_the_dash(coder: Coder, text: str,
                                                    expected: list[str]) -> None:
    assert types(coder, text) == expected


def test_stealing_the_show_seizes_nothing(coder: Coder) -> None:
    assert "COERCE" not in types(coder, "The meeting between Trump and Putin stole the show.")


def test_sanctions_that_target_someone_are_no_assault(coder: Coder) -> None:
    assert types(coder, "US sanctions target Iranian allies, including Lebanon.") == \
        ["SANCTION"]


def test_a_named_storm_ravages_without_attacking(coder: Coder) -> None:
    assert types(coder, "Typhoon Haiyan's ravaging of the central provinces of the Philippines "
                        "dominated the news.") == []
