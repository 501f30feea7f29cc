"""eventwire's own verb rows, patterns and CAMEO -> PLOVER corrections, on new sentences."""

import pytest


def codes(entities):
    return sorted({e.code for e in entities if e.code})


def assert_roles(roles, event_type, actors, recipients):
    """The top event has this type and these actor codes, and at least these recipients."""
    event_found, actor_codes, recipient_codes = roles
    assert (event_found, actor_codes) == (event_type, actors)
    assert set(recipients) <= set(recipient_codes)


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Going back on a promise is a refusal, aimed at whom it was made to.
        ("Nigeria reneged on its commitment to Ghana.", "REJECT", ["NGA"], []),
        ("President Kibaki reneged on his promise to the Kenyan people.",
         "REJECT", ["KEN"], ["KEN"]),
        # Easing a curfew or a state of emergency is a concession.
        ("The Iraqi government shortened the curfew in Baghdad.", "CONCEDE", ["IRQ"], []),
        ("Egypt's government lifted the state of emergency.", "CONCEDE", ["EGY"], ["EGY"]),
        # Announcing a suspension reduces relations with whom it concerns.
        ("Turkey announced the suspension of flights to Iraq.", "SANCTION", ["TUR"], ["IRQ"]),
        ("France announced a suspension of military cooperation with Rwanda.",
         "SANCTION", ["FRA"], ["RWA"]),
        # Ending mediation (CAMEO 165).
        ("Egypt ended its mediation between Israel and Hamas.", "SANCTION", ["EGY"],
         ["ISR", "PSE"]),
        ("Qatar suspended mediation efforts between Sudan and Chad.", "SANCTION", ["QAT"],
         ["SDN", "TCD"]),
        # Retaking ground takes it by force (CAMEO 192, ASSAULT).
        ("Syrian troops retook the town of Palmyra.", "ASSAULT", ["SYR"], []),
        ("Sudanese forces have retaken a town.", "ASSAULT", ["SDN"], []),
        # Human shields.
        ("Russian forces were holding Ukrainian civilians as human shields.",
         "COERCE", ["RUS"], ["UKR"]),
        ("The Ethiopian army used Somali villagers as human shields.", "COERCE", ["ETH"], ["SOM"]),
        # Opening borders to people is asylum.
        ("Turkey opened its borders to Syrian refugees.", "AID", ["TUR"], ["SYR"]),
        # Evacuating settlements withdraws from them; announced, it concedes (PLOVER manual).
        ("Israel evacuated two settlements in the West Bank.", "RETREAT", ["ISR"], []),
        ("Israel will evacuate its settlements.", "CONCEDE", ["ISR"], []),
        # A court opening a hearing investigates.
        ("A Pakistani court opened a hearing into the killing of a journalist.",
         "ACCUSE", ["PAK"], []),
        # Vows to fight are threats, not assaults nor accusations.
        ("Chinese officials have sworn to fight the Japanese army.", "THREATEN", ["CHN"], ["JPN"]),
        ("Iraqi officials vowed to fight the Turkish army.", "THREATEN", ["IRQ"], ["TUR"]),
    ],
)
def test_lexicon_rows(top_event, text, event_type, actors, recipients):
    event = top_event(text)
    assert event.event == event_type
    assert codes(event.actor) == actors
    assert set(recipients) <= set(codes(event.recipient))


def test_sworn_in_is_no_accusation(coder):
    found = coder.code("The Kenyan vice-president was sworn in on Monday.", date="2026-01-13",
                       doc_id="t").events
    assert not [e for e in found if e.event == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("Chechen refugees are continuing a hunger strike in protest of the Russian "
         "government's refusal to talk.", ["RUS"]),
        ("Opposition supporters continued their hunger strike to demand the resignation of "
         "Algerian President Abdelaziz Bouteflika.", ["DZA"]),
    ],
)
def test_protest_noun_is_aimed_at_what_it_protests_or_demands(coder, text, recipients):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    protest = next(e for e in found if e.event == "PROTEST")
    assert codes(protest.recipient) == recipients


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Going on strike is a protest, not a journey.
        ("Hundreds of Algerian landowners went on a hunger strike.", "PROTEST", ["DZA"], ["DZA"]),
        ("South Korean truckers are going on strike against the government.",
         "PROTEST", ["KOR"], ["KOR"]),
        # Going somewhere is still a visit.
        ("The Iraqi foreign minister went to Tehran.", "CONSULT", ["IRQ"], ["IRN"]),
    ],
)
def test_going_on_strike(top_roles, text, event_type, actors, recipients):
    assert top_roles(text) == (event_type, actors, recipients)


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Opening fire on someone attacks them, though a lone "in" later in the clause codes
        # nothing.
        ("Police opened fire at protesters in Baghdad on Friday.", "ASSAULT", ["IRQ"], ["IRQ"]),
        # Being involved or engaged in fighting is fighting: the subject fights.
        ("Rebel groups in Syria were involved in the fighting with Turkish troops.",
         "ASSAULT", ["SYR"], ["TUR"]),
        # Taking a party or a measure to a court or the WTO accuses it.
        ("Australia took China to the WTO over barley tariffs.", "ACCUSE", ["AUS"], ["CHN"]),
        ("Kenya took Somalia to the International Court of Justice.", "ACCUSE", ["KEN"],
         ["SOM"]),
        # Arguing for something demands it.
        ("Turkish prosecutors argued for the extradition of the suspect.", "REQUEST", ["TUR"],
         []),
        # Imposing a boycott on a state sanctions it; conducting an attack attacks; intervening
        # in a war fights in it; voting against something rejects it.
        ("Saudi Arabia and Egypt imposed an economic and diplomatic boycott on Qatar.",
         "SANCTION", ["EGY", "SAU"], ["QAT"]),
        ("The Syrian army conducted a chemical weapons attack on Douma.", "ASSAULT", ["SYR"],
         []),
        ("Turkey has been intervening in the Syrian war.", "ASSAULT", ["TUR"], []),
        ("Russia voted against the French proposal at the Security Council.", "REJECT", ["RUS"],
         []),
        # Hunting armed enemies pursues them by force.
        ("The United States is hunting Islamic State militants in Syria.", "ASSAULT", ["USA"],
         ["IMG"]),
    ],
)
def test_local_rows_of_this_kind(top_roles, text, event_type, actors, recipients):
    assert_roles(top_roles(text), event_type, actors, recipients)


@pytest.mark.parametrize("text", [
    "The family went hunting in the forest near Kabul.",
    "Food prices in Kabul have shot up since the army closed the border.",
    "The army took the wounded to a hospital in Mosul.",
])
def test_hunting_and_taking_somewhere_accuse_no_one(coder, text):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert not [e for e in found if e.event in ("ASSAULT", "ACCUSE")]


def test_facing_charges_is_an_accusation_without_a_named_accuser(coder):
    found = coder.code("The Iraqi defence minister faces corruption charges.",
                       date="2026-01-13", doc_id="t").events
    accusation = next(e for e in found if e.event == "ACCUSE")
    assert "IRQ" in codes(accusation.recipient)


def test_facing_pressure_names_no_act(coder):
    found = coder.code("Turkey faces mounting pressure over its offensive.",
                       date="2026-01-13", doc_id="t").events
    assert not [e for e in found if e.event_text.startswith("pressure")]


@pytest.mark.parametrize(
    ("text", "event_type", "actors"),
    [
        # A participle of state after "be": its subject acts (stative_participles.tsv).
        ("Two Iraqi soldiers were involved in the attack on the base.", "ASSAULT", ["IRQ"]),
        ("The Sudanese army has been engaged in heavy fighting near Khartoum.", "ASSAULT",
         ["SDN"]),
        ("The Thai government is committed to a ceasefire in the south.", "AGREE", ["THA"]),
    ],
)
def test_a_participle_of_state_keeps_its_subject_the_actor(top_roles, text, event_type, actors):
    event_found, actor_codes, _recipients = top_roles(text)
    assert (event_found, actor_codes) == (event_type, actors)


def test_committing_an_act_is_not_a_promise(top_roles):
    assert top_roles("The militia committed abuses against civilians in Darfur.")[0] == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # A share's "of" phrase is read as the verb's own object (partitive_nouns.tsv).
        ("The European Union froze most of its aid to Niger.", "SANCTION", ["EUR"], ["NER"]),
        # Going somewhere for talks holds them.
        ("Sudanese and Chadian envoys travelled to Doha this week for talks.", "CONSULT",
         ["SDN", "TCD"], []),
    ],
)
def test_the_verb_phrase_is_read_through_shares_and_purposes(top_roles, text, event_type,
                                                             actors, recipients):
    assert_roles(top_roles(text), event_type, actors, recipients)


def test_calling_for_talks_holds_none(coder):
    found = coder.code("Iran called for talks with the United States.", date="2026-01-13",
                       doc_id="t").events
    assert not [e for e in found if e.event == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # A judgment passed with a copula criticises whom it judges (evaluations.tsv).
        ("China said the visit by the US Navy was provocative.", "ACCUSE", ["CHN"], ["USA"]),
        ("The German foreign minister said the withdrawal of US troops from Syria was a "
         "mistake.", "ACCUSE", ["DEU"], ["USA"]),
        ("It is deeply concerning that Mr Javid believes the trial should take place in the US.",
         "ACCUSE", [], ["GBR"]),
        # The parser hangs the judged clause on the judgment word, not on the copula.
        ("France said it was unfortunate that Italy had closed its ports to the rescue ship.",
         "ACCUSE", ["FRA"], ["ITA"]),
        ("The Saudi foreign minister said it was regrettable that Canada had interfered.",
         "ACCUSE", ["SAU"], ["CAN"]),
    ],
)
def test_a_judgment_criticises_whom_it_judges(coder, text, event_type, actors, recipients):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    judged = next(e for e in found if e.event == event_type)
    assert codes(judged.actor) == actors
    assert set(recipients) <= set(codes(judged.recipient))


def test_a_judgment_of_nobody_is_no_event(coder):
    assert coder.code("It is unfortunate, he said.", date="2026-01-13", doc_id="t").events == []


@pytest.mark.parametrize(("text", "actor"), [
    # A region or a city of one country named as a party stands for it.
    ("Texas sued the federal government over the border wall.", "USA"),
    ("Punjab accused the federal government of neglect.", None),  # a name of two countries
])
def test_a_place_named_as_a_party_stands_for_its_one_country(coder, text, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    accusation = next((e for e in found if e.event == "ACCUSE"), None)
    got = codes(accusation.actor) if accusation is not None else []
    assert got == ([actor] if actor else [])


def test_going_to_no_one_is_no_visit(coder):
    found = coder.code("The Israeli military banned Palestinian fishermen from heading to sea.",
                       date="2026-01-13", doc_id="t").events
    assert not [e for e in found if e.event == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # Refusals said in a phrase.
        ("Germany ruled out sending troops to Syria.", ["DEU"], []),
        ("Pakistan turned down India's offer of talks.", ["PAK"], ["IND"]),
        ("Israel said it had no intention of withdrawing from the Golan Heights.", ["ISR"], []),
        ("The Polish government resisted pressure from the EU to reform the judiciary.", ["POL"],
         ["EUR"]),
        ("Hungary blocked the EU statement on China.", ["HUN"], ["EUR"]),
    ],
)
def test_refusals_said_in_a_phrase(top_roles, text, actors, recipients):
    assert_roles(top_roles(text), "REJECT", actors, recipients)


def test_wont_accept_is_a_refusal(coder):
    found = coder.code("Japan won't accept the ruling, the minister said.", date="2026-01-13",
                       doc_id="t").events
    assert [e.event for e in found] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "The court ruled that the election was valid.",
    "Iran has a large army.",
    "The army turned the stadium into a camp.",
])
def test_ruling_having_and_turning_refuse_nothing(coder, text):
    assert not [e for e in coder.code(text, date="2026-01-13", doc_id="t").events
                if e.event == "REJECT"]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Sending troops deploys them; slapping tariffs and restricting exports sanction;
        # delivering supplies gives aid, and a UN body is political whatever its sector.
        ("The US sent 3,000 troops to Saudi Arabia.", "MOBILIZE", ["USA"], []),
        ("Russia has sent in aircraft to attack the province.", "MOBILIZE", ["RUS"], []),
        ("Turkey sent fighter jets to the Greek islands.", "MOBILIZE", ["TUR"], []),
        ("The US slapped tariffs on Chinese steel.", "SANCTION", ["USA"], ["CHN"]),
        ("Japan restricted exports of chemicals to South Korea.", "SANCTION", ["JPN"], ["KOR"]),
        ("The World Health Organization delivered medical supplies to Iran.", "AID", ["UNO"],
         ["IRN"]),
    ],
)
def test_sanctions_deployments_and_aid_in_their_usual_words(top_roles, text, event_type,
                                                             actors, recipients):
    assert_roles(top_roles(text), event_type, actors, recipients)


@pytest.mark.parametrize(
    ("text", "event_type", "actors"),
    [
        # Shows of force, relaxed restrictions and laid-down arms in their usual words.
        ("Russia massed troops on the Ukrainian border.", "MOBILIZE", ["RUS"]),
        ("China conducted military drills near Taiwan.", "MOBILIZE", ["CHN"]),
        ("North Korea test-fired a ballistic missile.", "MOBILIZE", ["PRK"]),
        ("India beefed up security in Kashmir.", "MOBILIZE", ["IND"]),
        ("Sudan's military relaxed the state of emergency.", "CONCEDE", ["SDN"]),
        ("Colombian rebels laid down their arms.", "RETREAT", ["COL"]),
    ],
)
def test_shows_of_force_and_easing_in_their_usual_words(top_roles, text, event_type, actors):
    assert top_roles(text)[:2] == (event_type, actors)


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Charging and suing accuse (PLOVER ACCUSE), detaining protesters arrests them, and
        # summoning an ambassador presents a grievance.
        ("Egyptian prosecutors charged the former president with corruption.", "ACCUSE",
         ["EGY"], []),
        ("Egypt sued the company in a Cairo court.", "ACCUSE", ["EGY"], []),
        ("Hong Kong police detained dozens of protesters.", "COERCE", ["HKG"], []),
        ("Nigeria's foreign minister summoned Niger's ambassador.", "ACCUSE", ["NGA"], ["NER"]),
    ],
)
def test_legal_acts_and_summons_in_their_codebook_types(top_roles, text, event_type, actors,
                                                        recipients):
    assert_roles(top_roles(text), event_type, actors, recipients)


def test_holding_a_rally_is_still_a_protest(top_roles):
    assert top_roles("The Kenyan opposition held a rally in Nairobi.")[0] == "PROTEST"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # The PLOVER codebook's rulings on its "potential ambiguities".
        ("The Algerian president pardoned the opposition leader.", "CONCEDE"),
        ("The Sudanese government granted amnesty to the rebels.", "CONCEDE"),
        ("The Japanese prime minister expressed regret for the war.", "CONCEDE"),
        ("Turkey apologised to Russia for downing the jet.", "CONCEDE"),
        ("Russia expressed support for the Syrian government.", "SUPPORT"),
        ("The German chancellor voiced strong support for Ukraine's bid.", "SUPPORT"),
        ("Erdogan invited Putin to visit Ankara.", "AGREE"),
        ("Russia cancelled the planned talks with Ukraine.", "REJECT"),
        ("Trump called off his visit to Denmark.", "REJECT"),
        ("Syrian Kurdish forces captured 20 Isis fighters.", "ASSAULT"),
        ("Israel barred the activists from entering the country.", "REJECT"),
        ("Hungary denied entry to the Syrian migrants.", "REJECT"),
        ("Iraqi police pushed back the protesters.", "COERCE"),
    ],
)
def test_the_codebooks_rulings(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


def test_asking_someone_to_act_is_still_a_request(top_roles):
    assert top_roles("The Iraqi church asked the government to protect its members.")[0] == \
        "REQUEST"


@pytest.mark.parametrize(
    ("text", "event_type", "actors"),
    [
        # Diplomacy in its usual words: signing, normalising, phoning.
        ("The United States and India signed a defence deal.", "SUPPORT", ["IND", "USA"]),
        ("Israel and the UAE normalised relations.", "SUPPORT", ["ARE", "ISR"]),
        ("Modi held a phone call with Putin.", "CONSULT", ["IND", "RUS"]),
    ],
)
def test_diplomacy_in_its_usual_words(top_roles, text, event_type, actors):
    assert top_roles(text)[:2] == (event_type, actors)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # The parties of clashes that "erupted between" or "broke out between" them.
        ("Clashes erupted between Armenian and Azerbaijani forces.", ["ARM", "AZE"]),
        ("Fighting broke out between Turkish troops and Kurdish militias near Afrin.", ["TUR"]),
        # Whoever claims responsibility for an attack made it.
        ("The Taliban claimed responsibility for the bombing in Kabul.", ["AFG"]),
    ],
)
def test_the_parties_of_an_attack_named_around_its_noun(coder, text, actors):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [e.event for e in found] == ["ASSAULT"]
    assert codes(found[0].actor) == actors


def test_a_verb_of_naming_with_a_judgment_criticises_and_imposes_nothing(coder):
    found = coder.code("The Kremlin called the US sanctions illegal.", date="2026-01-13",
                       doc_id="t").events
    accusation = next(e for e in found if e.event == "ACCUSE")
    assert (codes(accusation.actor), codes(accusation.recipient)) == (["RUS"], ["USA"])
    assert not [e for e in found if e.event == "SANCTION" and "RUS" in codes(e.actor)]


def test_describing_a_visit_as_a_provocation_promises_no_meeting(coder):
    found = coder.code("Beijing described the visit as a provocation.", date="2026-01-13",
                       doc_id="t").events
    assert not [e for e in found if e.event in ("AGREE", "CONSULT")]


def test_crowds_protest(top_roles):
    assert top_roles("Crowds marched in Tehran against the government.")[:2] == \
        ("PROTEST", ["IRN"])


@pytest.mark.parametrize("text", [
    "Japan filed a protest with China over the ships.",
    "Iran took aim at Saudi Arabia in a speech.",
])
def test_diplomatic_protests_and_taking_aim_accuse(top_roles, text):
    assert top_roles(text)[0] == "ACCUSE"


def test_house_arrest_detains(top_roles):
    assert top_roles("Myanmar's junta placed the opposition leader under house arrest.")[:2] \
        == ("COERCE", ["MMR"])


@pytest.mark.parametrize(("text", "actors", "recipients"), [
    # Material retreats in their usual words.
    ("Armenia handed over the villages to Azerbaijan.", ["ARM"], ["AZE"]),
    ("Israel returned the bodies of the militants to Gaza.", ["ISR"], ["PSE"]),
    ("Syria respected the truce.", ["SYR"], []),
])
def test_material_retreats_in_their_usual_words(top_roles, text, actors, recipients):
    assert_roles(top_roles(text), "RETREAT", actors, recipients)


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    # Aid and cooperation as the PLOVER manual defines them.
    ("China loaned Sri Lanka $1 billion.", "AID", ["CHN"]),
    ("The US sold weapons to Taiwan.", "AID", ["USA"]),
    ("Russia delivered S-400 missiles to Turkey.", "AID", ["RUS"]),
    ("India and Japan held joint naval exercises.", "COOPERATE", ["IND", "JPN"]),
])
def test_aid_and_military_cooperation_in_their_usual_words(top_roles, text, event_type, actors):
    assert top_roles(text)[:2] == (event_type, actors)


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    ("Britain has also protested the Japanese limitations.", "ACCUSE", ["GBR"]),
    ("Iran protested the seizure of its tanker.", "ACCUSE", ["IRN"]),
    ("Iranians protested outside the British embassy in Tehran.", "PROTEST", ["IRN"]),
])
def test_a_state_protests_by_a_note_its_people_in_the_street(top_roles, text, event_type,
                                                             actors):
    assert top_roles(text)[:2] == (event_type, actors)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The Tennessee Republican has clashed repeatedly with Trump.", "ACCUSE"),
    ("Trump attacked Pelosi over the impeachment.", "ACCUSE"),
    ("Senator Bob Corker clashed with the president over trade.", "ACCUSE"),
    ("Erdoğan and Putin clashed in public over the feasibility of a ceasefire.", "ACCUSE"),
    ("Turkish troops clashed with Kurdish fighters.", "ASSAULT"),
    ("Turkish and Russian troops clashed near Idlib.", "ASSAULT"),
    ("The president attacked the village of Kafr Musailha.", "ASSAULT"),
    ("A gunman attacked a woman in Paris.", "ASSAULT"),
    ("Internally, the regime has crushed any potent or legitimate opposition.", "ASSAULT"),
])
def test_politicians_who_clash_with_one_another_dispute(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


@pytest.mark.parametrize(("text", "event_type"), [
    ("Thousands protested in Tokyo against the decision.", "PROTEST"),
    ("Palestinians protested against the decision in Gaza.", "PROTEST"),
    ("Rights groups protested the decision.", "ACCUSE"),
])
def test_a_crowd_protesting_a_decision_demonstrates(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


@pytest.mark.parametrize("text", [
    "The launch of the ground campaign by the Turkish military came on the second day of "
    "the offensive.",
    "Far more money is coming to the U.S., Trump said.",
])
def test_a_thing_that_comes_or_happens_does_nothing(coder, text):
    found = coder.code(text, date="2018-01-21").events
    assert not [e for e in found if e.event_text.startswith(("came", "coming"))], found


@pytest.mark.parametrize("text", [
    "Venezuelan opposition supporters rallied in Caracas.",
    "Kenyan doctors walked out over unpaid wages.",
    "Activists held a vigil outside the Turkish embassy in Berlin.",
])
def test_protests_in_their_usual_words(top_roles, text):
    assert top_roles(text)[0] == "PROTEST"


@pytest.mark.parametrize(("text", "cameo"), [
    ("Russia has been providing military support to the Syrian government.", "072"),
    ("Turkey gave logistical support to the rebels.", "072"),
    ("The UN provided humanitarian support to the refugees.", "073"),
])
def test_support_of_a_kind_given_is_aid_of_that_kind(top_event, text, cameo):
    event = top_event(text)
    assert (event.event, event.cameo) == ("AID", cameo)


def test_support_given_without_a_kind_stays_support(top_roles):
    assert top_roles("Germany gave its full support to the French plan.")[0] == "SUPPORT"


def test_supplying_aids(top_roles):
    assert top_roles("The US supplied the Kurdish rebels with non-lethal equipment.")[0] == "AID"


@pytest.mark.parametrize("text", [
    "The UAE minister said the Arab world had lost a statesman who took historic positions.",
    "Trump inspected the honour guard in New Delhi.",
    "Prime Minister Netanyahu is seeking a fifth term in office.",
    "Assad knows he can get away with it.",
    "The Kremlin must give answers.",
    "Obama was influenced by the British parliament's vote.",
    "Iraqis voted in parliamentary elections on Saturday.",
    "Kenyans queued to vote in fraught elections.",
    # an office won, money voted, a summary or findings published
    "The party's bid to capture the presidency from President Mitterrand failed.",
    "Parliament will appropriate funds for the new embassy.",
    "The summary released by the OPCW does not name the agent.",
    "The OPCW released its findings on Tuesday.",
    # figures of speech
    "Delighted EC officials are now preparing to carry the reform offensive into other areas.",
    "President Reagan will meet the press very soon, the White House said.",
    "Such an abrupt move would leave the SDF vulnerable to its enemies.",
    "The Yugoslav unions' attacks on the wage freeze continued on Monday.",
])
def test_phrases_that_code_nothing(coder, text):
    assert coder.code(text, date="2026-01-13", doc_id="t").events == []


def test_withdrawing_an_invitation_rejects(top_roles):
    assert top_roles("Theresa May withdrew her invitation to Trump to visit Britain.")[0] == \
        "REJECT"


def test_banning_trade_with_a_state_sanctions_it(top_roles):
    assert top_roles("The US banned trade with Iran.") == ("SANCTION", ["USA"], ["IRN"])


def test_a_ban_on_a_domestic_trade_is_no_embargo(coder):
    found = coder.code("China's top legislature banned the trade and consumption of wild animals.",
                       date="2026-01-13", doc_id="t").events
    assert not [e for e in found if e.event == "SANCTION"]



def test_a_participle_set_off_by_commas_tells_what_its_noun_underwent(coder):
    events = coder.code("Two Australians, accused of spying, were released on Monday.",
                        date="2026-01-13").events
    accused = [e for e in events if e.event == "ACCUSE"]
    assert accused and [e.code for e in accused[0].recipient] == ["AUS"]
    assert not accused[0].actor


@pytest.mark.parametrize("text", [
    "The United States recognized Kosovo's independence in 2008.",
    "Russia recognised the sovereignty of Syria over the Golan.",
])
def test_recognising_independence_is_recognition(top_roles, text):
    assert top_roles(text)[0] == "SUPPORT"


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    # A denial rejects the accusation (CAMEO 016; PLOVER REJECT: all rejections).
    ("Russia denied the allegations.", "REJECT", ["RUS"], []),
    ("Moscow dismissed the accusations as absurd.", "REJECT", ["RUS"], []),
    # Questioning a party's commitment or blasting its handling of something criticises it.
    ("France questioned Russia's commitment to the ceasefire.", "ACCUSE", ["FRA"], ["RUS"]),
    ("Iran blasted Saudi Arabia's handling of the pilgrimage.", "ACCUSE", ["IRN"], ["SAU"]),
])
def test_denials_and_verbal_blasts(top_roles, text, event_type, actors, recipients):
    assert_roles(top_roles(text), event_type, actors, recipients)


def test_prosecuting_is_bringing_to_court(top_roles):
    assert_roles(top_roles("The court prosecuted three Egyptian opposition leaders for treason."),
                 "ACCUSE", [], [])


def test_pulling_out_is_withdrawing(top_roles):
    assert top_roles("The United States pulled out of Iraq in 2011.")[0] == "RETREAT"


def test_lifting_sanctions_eases_them(coder):
    found = coder.code("Germany lifted sanctions against South Africa on Wednesday.",
                         date="1991-07-10").events
    assert [(e.event, e.mode) for e in found] == [("RETREAT", ["ease"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel denied access to the UN investigators.", "REJECT"),
    ("Egypt refused passage to the Iranian warships.", "REJECT"),
    ("Hungary and Slovakia upgraded their ties to ambassadorial level.", "SUPPORT"),
])
def test_synonyms_of_the_dictionary_rows_code_alike(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2001-05-01").events] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq agreed to the UN's request for new inspections.", "CONCEDE"),
    ("The government bowed to pressure from the unions.", "CONCEDE"),
    ("Iran and Iraq agreed to a ceasefire.", "AGREE"),
])
def test_acceding_to_demands_concedes(coder, text, expected):
    assert [e.event for e in coder.code(text, date="1998-02-23").events] == [expected]


@pytest.mark.parametrize("text", [
    "Iraqi security forces cracked down on protesters in Baghdad.",
    "The Indian government shut down the internet in Kashmir.",
])
def test_repression_and_censorship_coerce(coder, text):
    assert [e.event for e in coder.code(text, date="2019-10-05").events] == ["COERCE"]


def test_a_plant_shut_down_is_no_event(coder):
    assert coder.code("The factory was shut down in March.", date="2019-10-05").events == []


def test_deploying_forces_mobilises_them(coder):
    found = coder.code("China deployed warships to the South China Sea.", date="2020-07-01").events
    assert [(e.event, [a.code for a in e.recipient if a.code]) for e in found] == [("MOBILIZE", [])]


def test_returning_what_was_seized_returns_it(coder):
    found = coder.code("Iran returned the seized ship to Britain.", date="2019-09-27").events
    assert [(e.event, e.mode) for e in found] == [("RETREAT", ["return"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("The EU and Britain hammered out a trade agreement on Christmas Eve.", "CONSULT"),
    ("Israeli jets hammered Gaza overnight.", "ASSAULT"),
])
def test_hammering_out_a_deal_negotiates_it(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2020-12-24").events] == [expected]


def test_accusing_someone_of_breaking_an_agreement_accuses(coder):
    found = coder.code("Tillerson accused Moscow of violating a 2013 agreement.",
                       date="2018-08-11").events
    assert [e.event for e in found][:1] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Britain must take back its 800 Isis fighters held in Syria.",
    "Turkey said it would take the militants back.",
])
def test_taking_people_back_repatriates_them_and_seizes_nothing(coder, text):
    found = coder.code(text, date="2019-10-05").events
    assert not [e for e in found if e.event in ("ASSAULT", "THREATEN", "COERCE")]


def test_naming_a_threat_dangerous_calls_nobody(coder):
    found = coder.code("The Kremlin called the threat of a strike extremely dangerous.",
                       date="2019-10-05").events
    assert [e.event for e in found if e.event == "CONSULT"] == []


def test_naming_an_act_with_a_gerund_is_no_protest(coder):
    found = coder.code("This is called carrying out an operation against Turkey, he told "
                       "supporters in Trabzon.", date="2018-08-14").events
    assert [e.event for e in found] == [], found


def test_taking_an_interest_withdraws_nothing(coder):
    found = coder.code("The Trump administration has taken little interest in a political "
                       "settlement in Syria.", date="2017-12-14").events
    assert [e.event for e in found] == [], found


def test_calling_someone_to_discuss_still_consults(coder):
    found = coder.code("Putin called Erdogan to discuss the crisis in Idlib.",
                       date="2019-10-05").events
    assert ("CONSULT", ["TUR"]) in [(e.event, [r.code for r in e.recipient]) for e in found]


def test_a_rarer_stem_does_not_stand_in_for_a_word(coder):
    """'ranging' is not 'rang' (a form of ring, which encircles), yet 'staged' stages."""
    found = coder.code("Russian forces ranging across eastern Ukraine shelled towns.",
                       date="2026-01-13", doc_id="t").events
    assert [e.event_text for e in found] == ["shelled"], found
    found = coder.code("Thousands of students staged protests against the Indonesian "
                       "government.", date="2026-01-13", doc_id="t").events
    assert "PROTEST" in [e.event for e in found], found
    found = coder.code("Police cordoned off the square in Hong Kong.", date="2026-01-13",
                       doc_id="t").events
    assert "COERCE" in [e.event for e in found], found


@pytest.mark.parametrize(("text", "event_type", "mode", "recipients"), [
    # Holding captives detains them; holding a parade for soldiers detains nobody.
    ("The Kurds are holding two British fighters.", "COERCE", "arrest", ["GBR"]),
    ("Iran is holding several foreign nationals.", "COERCE", "arrest", []),
    # Police arresting fighters or journalists arrest them; an army capturing fighters in
    # war abducts them.
    ("Two British fighters were arrested by Turkish police.", "COERCE", "arrest", ["GBR"]),
    ("Turkish police arrested two British journalists.", "COERCE", "arrest", ["GBR"]),
    ("The army captured 40 rebel fighters near Homs.", "ASSAULT", "abduct", []),
])
def test_captives_held_arrested_or_captured(coder, text, event_type, mode, recipients):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, e.mode[:1]) for e in found] == [(event_type, [mode])], found
    assert set(recipients) <= set(codes(found[0].recipient))


def test_holding_a_parade_for_soldiers_detains_nobody(coder):
    assert coder.code("The army held a parade for the soldiers.", date="2026-01-13",
                      doc_id="t").events == []


def test_a_community_agent_is_not_its_captives_country(coder):
    """The only country of the sentence is the captive's: the Kurdish forces holding him
    are not British."""
    found = coder.code("A British journalist was detained by Kurdish forces.",
                       date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor), codes(e.recipient)) for e in found] == [
        ("COERCE", [], ["GBR"])]


def test_a_community_agent_is_not_its_partners_country(coder):
    """The only country of the sentence is the partner's of the verb the community is the
    prepositional object of: Kurdish militias working with the US are not American."""
    doc = coder.nlp("Turkish troops clashed with Kurdish militias near the border.")
    militias = next(m for m in doc._.ew_mentions if m["text"] == "Kurdish militias")
    assert militias["code"] is None


@pytest.mark.parametrize("text", [
    # a country that names the target of the community's act is no home of it
    "Kurdish officials balked at the US plan.",
    "Kurdish officials shrugged off the US criticism.",
])
def test_a_community_agent_is_not_its_targets_country(coder, text):
    doc = coder.nlp(text)
    officials = next(m for m in doc._.ew_mentions if m["text"] == "Kurdish officials")
    assert officials["code"] is None


@pytest.mark.parametrize(("text", "actor"), [
    ("China shrugged off US criticism of its policy in Xinjiang.", "CHN"),
    ("The Kremlin brushed aside Western accusations.", "RUS"),
    ("Germany balked at the US plan.", "DEU"),
])
def test_shrugging_off_brushing_aside_and_balking_reject(coder, text, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [codes(e.actor) for e in found if e.event == "REJECT"] == [[actor]], found


@pytest.mark.parametrize("text", [
    "Chinese exports to Japan declined by 5 percent.",
    "A spokesman for the Iranian foreign ministry declined to comment.",
])
def test_declining_alone_or_declining_comment_refuses_nothing(coder, text):
    assert coder.code(text, date="2026-01-13", doc_id="t").events == []


@pytest.mark.parametrize(("text", "actor"), [
    ("Iran declined to meet the US envoy.", "IRN"),
    ("Egypt declined an invitation to the summit.", "EGY"),
])
def test_declining_what_is_offered_or_asked_refuses_it(coder, text, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("REJECT", [actor])]


@pytest.mark.parametrize(("text", "mode"), [
    ("The two leaders talked about Syria.", []),
    ("The two presidents spoke by phone on Monday.", ["phone"]),
])
def test_two_parties_as_one_subject_talk_with_each_other(coder, text, mode):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, e.mode) for e in found] == [("CONSULT", mode)]


def test_one_party_speaking_consults_nobody(coder):
    assert coder.code("Trump spoke about Iran at the rally.", date="2026-01-13",
                      doc_id="t").events == []


def test_a_bombing_is_an_explosive_attack_not_a_suicide_attack(coder):
    found = coder.code("The car bombing in Kabul was claimed by the Taliban.",
                       date="2026-01-13", doc_id="t").events
    assert [(e.event, e.mode) for e in found] == [("ASSAULT", ["explosives"])]


def test_a_briefing_granted_is_no_aid(coder):
    found = coder.code("The opposition leader was granted a security briefing by the British "
                       "government.", date="2026-01-13", doc_id="t").events
    assert [e for e in found if e.event == "AID"] == []
    found = coder.code("Germany granted asylum to the Turkish officers.", date="2026-01-13",
                       doc_id="t").events
    assert [e.event for e in found] == ["AID"]


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("The UN condemned the kidnapping of the aid workers.", "ACCUSE", "UNO"),
    ("The US called for an end to the fighting in Yemen.", "REQUEST", "USA"),
])
def test_condemning_or_calling_to_end_an_act_supports_nothing(coder, text, event_type, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    top = max(found, key=lambda e: e.confidence)
    assert (top.event, codes(top.actor)) == (event_type, [actor])
    assert "SUPPORT" not in [e.event for e in found]


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # Raising, hiking or ordering tariffs on a state's goods sanctions it (CAMEO 163);
    # imposing duties is the same sanction as imposing tariffs; lifting them eases it.
    ("China raised tariffs on American soybeans.", "SANCTION", "CHN", "USA"),
    ("Washington hiked duties on Brazilian coffee.", "SANCTION", "USA", "BRA"),
    ("India decided to increase tariffs on Pakistani cement.", "SANCTION", "IND", "PAK"),
    ("The European Union imposed anti-dumping duties on Chinese steel.", "SANCTION", "EUR",
     "CHN"),
    ("The Canadian government ordered sanctions on Russian banks.", "SANCTION", "CAN", "RUS"),
    ("The United States lifted tariffs on Mexican tomatoes.", "RETREAT", "USA", "MEX"),
])
def test_tariffs_raised_ordered_or_lifted(coder, text, event_type, actor, recipient):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [(event_type, [actor])], found
    assert recipient in codes(found[0].recipient)


@pytest.mark.parametrize("text", [
    "The government raised import duties to fund the budget.",
    "The central bank raised interest rates on Tuesday.",
])
def test_raising_duties_or_rates_alone_sanctions_nobody(coder, text):
    assert [e.event for e in coder.code(text, date="2026-01-13", doc_id="t").events] == []


@pytest.mark.parametrize("text", [
    "Troops went into the town.",
    "The country went through a deep crisis.",
])
def test_going_into_or_through_is_no_retreat(coder, text):
    assert [e.event for e in coder.code(text, date="2026-01-13", doc_id="t").events] == []


def test_going_into_a_meeting_is_the_meeting(coder):
    found = coder.code("The minister went into a closed-door meeting with the Soviet delegation.",
                       date="2026-01-13", doc_id="t").events
    assert [e.event for e in found] == ["CONSULT"], found


@pytest.mark.parametrize(("text", "actor"), [
    # Applying for membership of a body, or to join it, asks to be admitted.
    ("Turkey applied for European Community membership.", "TUR"),
    ("Morocco formally applied to join the European Community.", "MAR"),
    ("Ukraine applied for membership of NATO.", "UKR"),
])
def test_applying_for_membership_requests_it(coder, text, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("REQUEST", [actor])], found


@pytest.mark.parametrize(("text", "actors"), [
    # Negotiating is negotiation, with or without a named partner, not a retreat.
    ("Yugoslavia is to negotiate a long-term restructuring of its debt.", ["YUG"]),
    ("Iran and the United States negotiated over the nuclear program.", ["IRN", "USA"]),
])
def test_negotiating_is_consulting(coder, text, actors):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("CONSULT", actors)], found


@pytest.mark.parametrize("text", [
    # A press release frees nobody.
    "The ministry said in a press release the surplus would be used for redeeming debt.",
    "The Kenyan government announced in a press release that the border was open.",
])
def test_a_press_release_is_no_release(coder, text):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert "RETREAT" not in [e.event for e in found], found



@pytest.mark.parametrize(("text", "actor"), [
    # Wanting to lift sanctions is an intent to ease them, no threat of sanctions.
    ("The European Union wants to ease sanctions on Syria.", "EUR"),
    ("\"We want to lift the sanctions soon,\" the American commerce secretary said.", "USA"),
])
def test_wanting_to_lift_sanctions_intends_to_ease(coder, text, actor):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("AGREE", [actor])], found


def test_ending_days_of_talks_is_the_meeting(coder):
    found = coder.code("Israeli and Palestinian negotiators ended three days of talks in Cairo.",
                       date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("CONSULT", ["ISR", "PSE"])], found


@pytest.mark.parametrize("text", [
    # A trade war is no trade that is wanted: not wanting one refuses nothing.
    "Beijing does not want a trade war with Washington, the Chinese foreign minister said.",
    "Japan wants to avoid a trade war with the United States.",
])
def test_wanting_no_trade_war_is_no_event(coder, text):
    assert [e.event for e in coder.code(text, date="2026-01-13", doc_id="t").events] == []


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # Retaliating with tariffs is a trade sanction; retaliating alone stays an assault.
    ("China retaliated with tariffs on American soybeans.", "SANCTION", "CHN", "USA"),
    ("Beijing retaliated against Washington with tariffs on US goods.", "SANCTION", "CHN", "USA"),
    ("Iran retaliated against the United States.", "ASSAULT", "IRN", "USA"),
])
def test_retaliating_with_tariffs_sanctions(coder, text, event_type, actor, recipient):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [(event_type, [actor])], found
    assert recipient in codes(found[0].recipient)


@pytest.mark.parametrize("text", [
    "The ministry said in a release that it would test all church members.",
    "Thousands of Isis members have been biding their time in villages along the border.",
    "The annual threat assessment issued by US intelligence agencies was published on Monday.",
    "The Syrian rebels were reluctant to prosecute the war against HTS.",
    "The German minister said his support for Laschet was not directed against the chancellor.",
])
def test_phrases_that_release_ask_threaten_accuse_or_visit_nobody(coder, text):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert not [e for e in found if e.event in ("RETREAT", "REQUEST", "THREATEN", "ACCUSE",
                                                "CONSULT")], found


@pytest.mark.parametrize(("text", "accused"), [
    ("Egypt's army is charged with overseeing the elections.", False),
    ("Greek border police are charged with halting the flow of refugees to Europe.", False),
    ("Egyptian prosecutors charged the opposition leader with murdering two policemen.", True),
])
def test_charged_with_a_duty_is_no_accusation(coder, text, accused):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert ("ACCUSE" in [e.event for e in found]) is accused, found


@pytest.mark.parametrize("text", [
    "The ruling party held a campaign rally in Caracas.",
    "The Venezuelan president's campaign rally in Caracas drew thousands.",
])
def test_a_campaign_rally_is_no_protest(coder, text):
    found = coder.code(text, date="2026-01-13", doc_id="t").events
    assert "PROTEST" not in [e.event for e in found], found


def test_a_rally_against_a_government_protests(coder):
    found = coder.code("Opposition supporters held a rally against the government in Caracas.",
                       date="2026-01-13", doc_id="t").events
    assert [e.event for e in found] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # PLOVER's ASSAULT modes: aircraft are aerial, drones their own mode; artillery stays
        # heavy-weapons.
        ("Russian warplanes carried out airstrikes on Idlib.", "aerial"),
        ("The US carried out drone strikes on Isis positions in Syria.", "drone"),
        ("A US drone attack hit a convoy in Baghdad.", "drone"),
        ("Turkish artillery shelled Kurdish positions near Afrin.", "heavy-weapons"),
        ("Soldiers gunned down two protesters in Khartoum.", "firearms"),
        # The weapon may be the doer: CAMEO's "attack" (small arms) yields to the aircraft.
        ("Israeli helicopter gunships attacked guerrilla positions near Sidon.", "aerial"),
        ("Russian jets attacked rebel positions in Idlib.", "aerial"),
        ("A convoy was attacked by US drones in Somalia.", "drone"),
    ],
)
def test_the_weapon_named_sets_the_assault_mode(coder, text, mode):
    events = coder.code(text, date="2026-01-13", doc_id="t").events
    assert any(e.event == "ASSAULT" and mode in e.mode for e in events), events


@pytest.mark.parametrize("text", ["Russian jets struck rebel positions in Idlib.",
                                  "Israeli gunships attacked a Hamas camp in Gaza."])
def test_warplanes_stand_for_the_forces_that_fly_them(top_event, text):
    assert [a.sector for a in top_event(text).actor] == ["MIL"]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # Troops sent to help a party assist it (PLOVER AID: "military and police assistance
        # including arms and personnel"); troops sent somewhere, or to deter, mobilise.
        ("Ankara has sent troops to support the internationally recognized government in "
         "Libya.", "AID", ["TUR"], ["LBY"]),
        ("Russia deployed troops to help the Syrian government.", "AID", ["RUS"], ["SYR"]),
        ("Turkey sent troops to Libya.", "MOBILIZE", ["TUR"], ["LBY"]),
        ("The US sent 3,000 troops to the Middle East to deter Iran.", "MOBILIZE", ["USA"], []),
    ],
)
def test_troops_sent_to_help_a_party_are_military_aid(top_roles, text, event_type, actors,
                                                       recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_whoever_confirms_an_act_did_not_do_it(coder):
    events = coder.code("The Iraqi army confirmed the attack on the convoy.",
                        date="2026-01-13", doc_id="t").events
    attack = next(e for e in events if e.event == "ASSAULT")
    assert not attack.actor, attack
    # an unconfirmed lockdown is no threat of one
    events = coder.code("Spanish health authorities could not confirm the lockdown of the "
                        "hotel.", date="2026-01-13", doc_id="t").events
    assert not any(e.event == "THREATEN" for e in events), events


def test_a_particle_pattern_is_no_preposition_far_from_the_verb(coder):
    # "give in" yields; "gave a message to Abe in talks" does not
    text = "U.S. officials gave the same message to the Japanese foreign minister in talks."
    assert not any(e.event in ("CONCEDE", "RETREAT") for e in
                   coder.code(text, date="1987-04-10", doc_id="t").events)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The Iraqi government gave in to the demands of the protesters.", "CONCEDE"),
        ("The rebels in Idlib gave up their weapons.", "RETREAT"),
        ("Russia gave weapons to the Syrian army.", "AID"),
    ],
)
def test_giving_in_giving_up_and_giving(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


@pytest.mark.parametrize(
    ("text", "event_type", "recipients"),
    [
        # a warning about what a party is doing or has done criticises it
        ("Mattis warned that Trump was placing US security at risk.", "ACCUSE", ["USA"]),
        ("Israel warned that Iran has been enriching uranium beyond the limits.", "ACCUSE",
         ["IRN"]),
        # a warning of what may come threatens
        ("Iran warned that it would retaliate against any attack.", "THREATEN", []),
        ("The US warned Iran that it would face consequences.", "THREATEN", ["IRN"]),
    ],
)
def test_a_warning_about_conduct_criticises_and_of_what_may_come_threatens(
        top_roles, text, event_type, recipients):
    found_type, _actors, found_recipients = top_roles(text)
    assert (found_type, found_recipients) == (event_type, recipients)


def test_backing_with_fire_is_military_cooperation(top_roles):
    assert top_roles("Russia backed the Syrian army with airstrikes.") == (
        "COOPERATE", ["RUS"], ["SYR"])
    assert top_roles("Russia backed the Syrian government.")[0] == "SUPPORT"


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # a light verb's event noun is read through a noun of a batch or a share
        ("Israel launched a wave of airstrikes on Gaza.", "ASSAULT", ["ISR"], ["PSE"]),
        ("Russia carried out a series of air strikes against rebel positions in Idlib.",
         "ASSAULT", ["RUS"], ["SYR"]),
        ("The EU imposed a new round of sanctions on Russia.", "SANCTION", ["EUR"], ["RUS"]),
    ],
)
def test_a_batch_of_acts_is_the_act(top_roles, text, event_type, actors, recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_provoking_is_no_dissent_but_provoking_retaliation_still_codes(coder):
    found = coder.code("The congress asked the president to resign for having provoked his "
                       "abduction.", date="1987-03-18", doc_id="t").events
    assert "PROTEST" not in [e.event for e in found]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # breaking off relations reduces them; breaking with a party beats no one
        ("Venezuela broke off diplomatic relations with Colombia.", "SANCTION", ["VEN"],
         ["COL"]),
        # a campaign of force is the force
        ("Russia has intensified its air campaign against rebels in Idlib.", "ASSAULT",
         ["RUS"], ["SYR"]),
        ("Saudi jets stepped up their bombing campaign in Yemen.", "ASSAULT", ["SAU"],
         ["YEM"]),
    ],
)
def test_relations_broken_off_and_campaigns_of_force(top_roles, text, event_type, actors,
                                                      recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_breaking_with_a_party_assaults_no_one(coder):
    found = coder.code("Macron broke with Trump over the Iran deal.", date="2018-05-09",
                       doc_id="t").events
    assert "ASSAULT" not in [e.event for e in found]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # hosting talks between others mediates; a pardon of prisoners is a pardon
        ("Saudi Arabia hosted talks between the rival Yemeni factions.", "CONSULT", ["SAU"],
         []),
        ("The Algerian president pardoned 200 political prisoners.", "CONCEDE", ["DZA"],
         ["DZA"]),
        # the visitor of a hosted or welcomed visit is the host's guest
        ("Egypt hosted a visit by the Israeli prime minister.", "CONSULT", ["EGY"], ["ISR"]),
        ("Japan welcomed a visit by the Chinese president to Tokyo.", "CONSULT", ["JPN"],
         ["CHN"]),
    ],
)
def test_hosts_mediators_and_pardons(top_roles, text, event_type, actors, recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_a_state_of_emergency_is_no_party(coder):
    found = coder.code("The Ethiopian government declared a state of emergency in the capital.",
                       date="2026-01-13", doc_id="t").events
    assert [e.event for e in found] == ["COERCE"]
    assert "state" not in [r.entity_text for r in found[0].recipient]


def test_what_causes_an_act_does_not_do_it(coder):
    found = coder.code("The arrest of the Ugandan opposition leader sparked protests.",
                       date="2026-01-13", doc_id="t").events
    assert not any(e.event == "PROTEST" and any(a.entity_text == "Ugandan opposition leader"
                                                for a in e.actor) for e in found), found


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # refusing to act rejects; denouncing sanctions criticises who imposed them;
        # expelling foreign troops expels them
        ("Hungary refused to sign the joint statement.", "REJECT", ["HUN"], []),
        ("Moscow slammed the new US sanctions as illegal.", "ACCUSE", ["RUS"], ["USA"]),
        ("Iraq's parliament voted to expel US troops.", "COERCE", ["IRQ"], ["USA"]),
        ("Washington said it was removing its troops from the base.", "RETREAT", ["USA"], []),
    ],
)
def test_refusals_denunciations_and_expulsions(top_roles, text, event_type, actors,
                                               recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_a_cancelled_act_does_not_happen(coder):
    found = coder.code("The Algerian government cancelled the strike.", date="2026-01-13",
                       doc_id="t").events
    strikes = [e for e in found if e.event == "PROTEST"]
    assert strikes and all("negation" in e.mode for e in strikes), found


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # crowds dispersed by force, roads blocked by protesters or by troops, people freed
        ("Sudanese security forces dispersed the protesters with water cannon.", "ASSAULT",
         "crowd-control"),
        ("Farmers blocked roads across France on Monday.", "PROTEST", "obstruct"),
        ("The Israeli army blocked the road to the border.", "COERCE", "restrict"),
        ("Iran freed the British-Iranian aid worker.", "RETREAT", "release"),
    ],
)
def test_crowds_roads_and_captives(top_event, text, event_type, mode):
    event = top_event(text)
    assert (event.event, mode in event.mode) == (event_type, True)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Chinese warships conducted drills near Taiwan.", "MOBILIZE"),
        ("Saudi Arabia cut oil supplies to Qatar.", "SANCTION"),
    ],
)
def test_drills_and_supplies_cut(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


@pytest.mark.parametrize("text", [
    "The Turkish school held a fire drill on Monday.",
    "OPEC cut oil production in January.",
])
def test_practice_drills_and_output_cuts_are_no_events(coder, text):
    assert coder.code(text, date="2026-01-13", doc_id="t").events == []


@pytest.mark.parametrize(
    ("text", "event_type", "no_mode"),
    [
        # defending a call is verbal support; injuring names no beating
        ("The British home secretary struggled to defend Labour's call for an inquiry.",
         "SUPPORT", ""),
        ("A man ploughed a car into a carnival parade in Germany, injuring 30 people.",
         "ASSAULT", "beat"),
    ],
)
def test_defending_words_and_injuring(top_event, text, event_type, no_mode):
    event = top_event(text)
    assert event.event == event_type and no_mode not in event.mode


def test_an_allied_force_is_no_support(coder):
    found = coder.code("Turkey has since sent troops and allied Syrian fighters there.",
                       date="2020-02-25", doc_id="t").events
    assert [e.event for e in found] == ["MOBILIZE"]


def test_a_banned_rally_threatens_no_one_and_a_dissolved_party_is_banned(coder):
    found = coder.code("The Belarusian government banned the opposition rally.",
                       date="2026-01-13", doc_id="t").events
    assert [e.event for e in found] == ["COERCE"]
    found = coder.code("Myanmar's military junta dissolved Aung San Suu Kyi's party.",
                       date="2023-03-28", doc_id="t").events
    assert [(e.event, e.mode) for e in found] == [("COERCE", ["ban"])]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # receiving a person hosts a visit; a counterpart is an official of his country;
        # rejecting accusations is a rejection
        ("The Saudi crown prince received the Iraqi prime minister in Riyadh.", "CONSULT",
         ["SAU"], ["IRQ"]),
        ("The Ukrainian president met his Polish counterpart in Warsaw.", "CONSULT", ["UKR"],
         ["POL"]),
        ("The Kremlin rejected the accusations as absurd.", "REJECT", ["RUS"], []),
    ],
)
def test_hosts_counterparts_and_rejected_accusations(top_roles, text, event_type, actors,
                                                     recipients):
    assert top_roles(text) == (event_type, actors, recipients)


def test_receiving_aid_hosts_no_one(coder):
    found = coder.code("Idlib received aid from the United States.", date="2020-02-25",
                       doc_id="t").events
    assert "CONSULT" not in [e.event for e in found]


def test_a_strike_in_a_business_sentence_is_a_strike(top_event):
    event = top_event("Workers at the port went on strike for higher wages.")
    assert (event.event, event.mode) == ("PROTEST", ["strike"])


def test_a_boycott_stays_a_boycott(top_event):
    event = top_event("The opposition boycotted the vote.")
    assert (event.event, event.mode) == ("PROTEST", ["boycott"])


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # laying an act at another party's door accuses it
        ("Iran said the US was responsible for the attack.", ["IRN"], ["USA"]),
        ("Kyiv said Moscow was behind the blast.", ["UKR"], ["RUS"]),
        ("Israel said Hezbollah was to blame for the rocket fire.", ["ISR"], ["LBN"]),
        # agreeing that another party is responsible shares a view: no accord is made
        ("Britain and France agreed that Assad was responsible for the chemical attack.",
         ["FRA", "GBR"], ["SYR"]),
        # through a judgment of likelihood: the party blamed, not the expletive "it"
        ("Britain said it was highly likely the Syrian government was responsible for the "
         "gas attack.", ["GBR"], ["SYR"]),
        ("France agreed that Syria had a record of such attacks and it was clear that Syria "
         "was behind the attack.", ["FRA"], ["SYR"]),
    ],
)
def test_saying_another_party_is_responsible_accuses_it(coder, text, actors, recipients):
    found = coder.code(text, date="2020-01-08", doc_id="t").events
    accusations = [(sorted({a.code for a in e.actor}), sorted({r.code for r in e.recipient}))
                   for e in found if e.event == "ACCUSE"]
    assert accusations == [(actors, recipients)]


def test_agreeing_on_a_course_is_still_an_accord(top_event):
    event = top_event("The two leaders agreed that the conflict must end.")
    assert event.event == "AGREE"


def test_claiming_responsibility_accuses_no_one(coder):
    found = coder.code("Iran said it was responsible for the attack.", date="2020-01-08",
                       doc_id="t").events
    assert "ACCUSE" not in [e.event for e in found]


def test_a_task_one_is_responsible_for_accuses_no_one(coder):
    found = coder.code("The US said the Iraqi army is responsible for guarding the camps.",
                       date="2020-01-08", doc_id="t").events
    assert "ACCUSE" not in [e.event for e in found]


@pytest.mark.parametrize(("text", "actor"), [
    # halting an attack de-escalates (CAMEO 087): no attack is coded from the halted noun
    ("Turkey halted its offensive in northern Syria.", "TUR"),
    ("Israel suspended airstrikes on Gaza for 48 hours.", "ISR"),
])
def test_halting_an_attack_is_a_retreat(coder, text, actor):
    found = coder.code(text, date="2019-10-17", doc_id="t").events
    assert [(e.event, codes(e.actor)) for e in found] == [("RETREAT", [actor])]


def test_a_pause_of_an_attack_threatens_no_one(coder):
    found = coder.code("Turkey will pause its offensive for five days.",
                       date="2019-10-17", doc_id="t").events
    assert "THREATEN" not in [e.event for e in found] and found


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # approving a loan gives it; welcoming refugees shelters them (PLOVER AID)
    ("The World Bank approved a $500 million loan to Ukraine.", "AID", "IGO", "UKR"),
    ("Kenya welcomed 800,000 refugees fleeing the war in South Sudan.", "AID", "KEN", "SSD"),
    # oligarchs are of the country that names them
    ("The EU froze the assets of 20 Russian oligarchs.", "SANCTION", "EUR", "RUS"),
])
def test_aid_approved_or_given_shelter_and_sanctioned_elites(top_roles, text, event_type,
                                                              actor, recipient):
    assert top_roles(text) == (event_type, [actor], [recipient])


@pytest.mark.parametrize("text", ["Parliament approved the budget.",
                                  "Merkel welcomed the decision."])
def test_approving_a_budget_or_welcoming_a_decision_gives_no_aid(coder, text):
    assert "AID" not in [e.event for e in coder.code(text, date="2020-01-01").events]


def test_taking_over_from_a_predecessor_seizes_nothing(coder):
    text = "Greenspan, who has been nominated to take over from Volcker, will pursue tight policy."
    assert coder.code(text, date="1987-06-02").events == []
    found = coder.code("Rebels took over the town from government forces.",
                       date="1987-06-02").events
    assert [e.event for e in found] == ["ASSAULT"]


def test_an_inability_to_act_is_no_act(coder):
    found = coder.code("The government's inability to end 12 years of civil war has hurt the "
                       "pound.", date="1987-10-19").events
    assert all("negation" in e.mode for e in found)


def test_submitting_a_law_to_parliament_yields_nothing(coder):
    text = ("The Somali government has submitted to parliament a law offering foreign "
            "investors generous terms.")
    assert coder.code(text, date="1987-03-23").events == []


@pytest.mark.parametrize("text", [
    "They are ringing Turkey and Turkey aren't telling them anything.",
    "It is Erdogan's judgment that could be called into question by the population.",
    "The UK and US would go to great lengths to avoid damaging Russian forces.",
])
def test_phoning_doubting_and_effort_are_no_events(coder, text):
    assert coder.code(text, date="2018-04-12").events == []


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    # documenting or reporting abuses accuses whoever did them (CAMEO 1122)
    ("Human Rights Watch documented abuses by Saudi forces in Yemen.", "NGO", "SAU"),
    ("Amnesty reported widespread torture by Syrian security forces.", "NGO", "SYR"),
])
def test_documenting_abuses_accuses_their_doers(top_roles, text, actor, recipient):
    assert top_roles(text) == ("ACCUSE", [actor], [recipient])


@pytest.mark.parametrize("text", ["Journalists filmed the protests.",
                                  "Reporters documented the protests.",
                                  "The band recorded a new album."])
def test_who_films_or_documents_an_act_did_not_do_it(coder, text):
    assert coder.code(text, date="2020-01-01").events == []


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("Beijing made concessions to Washington on trade.", "CONCEDE", "CHN", "USA"),
    ("Israel granted access to UN inspectors.", "RETREAT", "ISR", "UNO"),
])
def test_concessions_and_access_granted(top_roles, text, event_type, actor, recipient):
    assert top_roles(text) == (event_type, [actor], [recipient])


def test_handing_over_power_yields_it(coder):
    found = coder.code("The army handed over power to a civilian government.",
                       date="2020-01-01").events
    assert [(e.event, e.mode) for e in found] == [("RETREAT", ["resign"])]


@pytest.mark.parametrize(("text", "event_type", "mode"), [
    # calling a ceasefire declares it; calling out an act denounces it
    ("The PKK called a unilateral ceasefire.", "RETREAT", "ceasefire"),
    ("The president called out the horrible attack by Assad.", "ACCUSE", "disapprove"),
])
def test_calling_a_ceasefire_or_calling_out_is_no_phone_call(coder, text, event_type, mode):
    found = coder.code(text, date="2018-04-12").events
    assert (found[0].event, found[0].mode[:1]) == (event_type, [mode])


def test_a_particle_of_another_verb_is_not_the_verbs_own(coder):
    found = coder.code("This is called carrying out an operation against Turkey, he told "
                       "supporters.", date="2018-04-12").events
    assert "ACCUSE" not in [e.event for e in found]


@pytest.mark.parametrize("text", [
    "Few of the preconditions for attendance have been met by the Russians.",
    "It does not want an indefinite drain on its military.",
    "He campaigned on a tough agenda against Iran.",
])
def test_satisfied_conditions_wants_and_platforms_are_no_events(coder, text):
    assert coder.code(text, date="2018-01-28").events == []


@pytest.mark.parametrize(("text", "expected"), [
    # appealing asks only of someone or for something; alone or to a court it is a legal appeal
    ("The attorney vowed to appeal.", []),
    ("Weinstein's lawyers will appeal against the verdict.", []),
    ("He appealed to the Supreme Court.", []),
    ("The UN appealed to Russia to halt the bombing.", ["REQUEST"]),
    ("Iraq appealed for international aid.", ["REQUEST"]),
])
def test_a_legal_appeal_asks_no_party(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2020-02-25").events] == expected


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # extending a measure imposes it longer; keeping a relationship supports; taking a
    # party to a court brings a case against it
    ("Jordan extended the curfew in Amman.", "COERCE", "JOR", "JOR"),
    ("The EU extended sanctions on Russia.", "SANCTION", "EUR", "RUS"),
    ("Kuwait extended the suspension of classes at all schools until next month.", "COERCE",
     "KWT", "KWT"),
    ("The secretary of state said that the US would maintain its relationship with the "
     "Syrian Kurds.", "AGREE", "USA", "SYR"),
    ("Iran took the United States to the International Court of Justice.", "ACCUSE", "IRN",
     "USA"),
])
def test_extending_maintaining_and_taking_to_court(top_roles, text, event_type, actor,
                                                   recipient):
    found_type, actors, recipients = top_roles(text)
    assert (found_type, actors) == (event_type, [actor]) and recipient in recipients


@pytest.mark.parametrize(("text", "expected"), [
    # a pattern word in a phrase of scene counts only with its preposition: "during the
    # debate" is when he spoke, no debate boycotted; "during a protest" is the pattern's
    ("U.S. Ambassador Michael Samuels charged during the Council debate that Canada was "
     "trying to preserve domestic jobs.", "ACCUSE"),
    ("Police arrested dozens during a protest in Cairo.", "ASSAULT"),
])
def test_a_scene_phrase_is_reached_only_through_its_preposition(coder, text, expected):
    assert [e.event for e in coder.code(text, date="1987-03-04").events][:1] == [expected]


def test_a_place_phrase_on_the_verb_is_no_pattern_word(coder):
    # "refugee" in "inside the refugee camp" is where she was, not refugees using something
    text = "Inside the refugee camp, the US jihadist was carrying her son."
    assert coder.code(text, date="2019-03-23").events == []


@pytest.mark.parametrize("text", [
    "Investors were awaiting today's release of U.S. Leading indicators for January.",
    "Hilton lawyers contend that Barron Hilton is entitled to buy the stock.",
])
def test_a_release_of_figures_and_contending_that_are_no_events(coder, text):
    assert coder.code(text, date="1987-03-03").events == []


@pytest.mark.parametrize(("text", "actors", "recipients"), [
    # the giver of what a receiving verb's subject draws or earns, hung on the verb
    ("Turkey drew condemnation from Germany.", ["DEU"], ["TUR"]),
    ("Pyongyang earned a rebuke from Washington.", ["USA"], ["PRK"]),
])
def test_criticism_drawn_or_earned_is_aimed_at_the_subject(coder, text, actors, recipients):
    found = [e for e in coder.code(text, date="2020-01-08", doc_id="t").events
             if e.event == "ACCUSE"]
    assert [(sorted({a.code for a in e.actor}), sorted({r.code for r in e.recipient}))
            for e in found] == [(actors, recipients)]


def test_drawing_down_troops_is_the_subjects_own_retreat(top_event):
    event = top_event("Russia drew down its troops.")
    assert (event.event, [a.code for a in event.actor]) == ("RETREAT", ["RUS"])


@pytest.mark.parametrize(("text", "event_type", "cameo"), [
    ("It followed a ground campaign that ousted Isis from large territories around the city.",
     "ASSAULT", "190"),
    ("Mohamed Morsi was ousted by a military junta.", "COERCE", "170"),
    ("The army ousted the president from power.", "COERCE", "170"),
])
def test_ousting_coerces_or_drives_out_and_deports_no_one(top_event, text, event_type, cameo):
    event = top_event(text)
    assert (event.event, event.cameo, event.mode) == (event_type, cameo, [])


def test_ousting_from_an_office_uses_no_force(coder):
    assert coder.code("The minister was ousted from the cabinet last week.", date="2026-01-13",
                      doc_id="t").events == []


def test_a_case_taken_to_a_body_named_in_full_sues(top_roles):
    event_type, actors, recipients = top_roles(
        "Brazil has taken India's sugar subsidies to the World Trade Organization.")[:3]
    assert (event_type, actors) == ("ACCUSE", ["BRA"]) and "IND" in recipients


def test_clearing_someone_of_charges_acquits(top_event):
    event = top_event("The court cleared the opposition leader of all charges on Monday.")
    assert (event.event, event.cameo) == ("CONCEDE", "081")


def test_clearing_a_town_of_mines_expels_no_one(coder):
    assert coder.code("Troops cleared the town of mines.", date="2026-01-13",
                      doc_id="t").events == []


def test_taking_ones_troops_out_withdraws_them(top_event):
    event = top_event("Trump took US troops out of Syria.")
    assert (event.event, event.cameo) == ("RETREAT", "0874")


def test_granting_a_share_of_requests_for_access_lets_others_in(top_event):
    event = top_event("Damascus granted the UN just over a quarter of its requests for access "
                      "to opposition areas in 2017.")
    assert (event.event, event.mode) == ("RETREAT", ["access"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Assad has occupied the presidency since 2000.", []),
    ("Rebels occupied a military post near Idlib.", ["ASSAULT"]),
])
def test_an_office_occupied_is_held_not_seized(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-04-13").events] == expected


@pytest.mark.parametrize(("text", "event_type"), [
    # cooperating with a party is doing things together; siding with one is backing it
    ("Iran is cooperating with the IAEA.", "COOPERATE"),
    ("Ankara found that by cooperating with the US it could contain the Kurds.", "COOPERATE"),
    ("Trump instantly sided with the Turkish president.", "SUPPORT"),
])
def test_cooperating_with_is_material_and_siding_with_verbal(top_roles, text, event_type):
    assert top_roles(text)[0] == event_type


@pytest.mark.parametrize("text", [
    "They use suicide bombers in their counterattacks and tunnels.",
    "Isis used car bombs against the advancing troops.",
])
def test_using_suicide_bombers_or_car_bombs_is_bombing(coder, text):
    assert [e.event for e in coder.code(text, date="2017-10-01").events] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "actor"), [
    ("Canada flew back 185 citizens from Wuhan on Feb. 11.", "CAN"),
    ("Singapore brought back 174 citizens from Wuhan.", "SGP"),
])
def test_flying_citizens_home_evacuates_them(coder, text, actor):
    found = coder.code(text, date="2020-02-25").events
    assert [(e.event, [a.code for a in e.actor]) for e in found] == [("AID", [actor])]


@pytest.mark.parametrize("text", [
    "Trump effectively gave Erdoğan a green light to invade.",
    "Moscow gave Ankara the go-ahead for the operation.",
])
def test_a_green_light_given_approves(top_roles, text):
    assert top_roles(text)[0] == "SUPPORT"


@pytest.mark.parametrize(("text", "expected"), [
    ("It is Turkey and Myanmar that contend for the title of the worst persecutors.", []),
    ("The opposition argued for a ceasefire in Syria.", ["REQUEST"]),
])
def test_contending_for_something_competes_and_arguing_for_it_demands(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-05-01").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # military protection is given to a party; a place or an accord defended is no aid
    ("Afrin is defended by the same YPG units who defended Kobane.", []),
    ("Reagan strongly defended the clandestine arms operation.", []),
    ("Russian troops defended the Syrian army against the rebels.", ["AID"]),
])
def test_protection_is_given_to_a_party(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-02-23").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lebanon is intent on preventing the Syrian refugees settling permanently.", []),
    ("Egypt and Israel settled their dispute.", ["AGREE"]),
])
def test_settling_somewhere_is_moving_in(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2019-03-14").events] == expected


def test_a_statue_torn_down_is_no_assassination(coder):
    found = coder.code("Protesters tore down a statue of the president.", date="2026-01-13").events
    assert "ASSAULT" not in [e.event for e in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Protesters occupied the office of the governor.", "PROTEST"),
    ("Turkish troops occupied the town.", "ASSAULT"),
])
def test_protesters_occupy_in_protest_and_troops_by_force(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2026-01-13").events] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("It damages the western alliance to the advantage of Russia.", []),
    ("Russian jets damaged a hospital in Idlib.", ["ASSAULT"]),
])
def test_damage_to_a_relationship_is_no_violence(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-05-09").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The UK foreign secretary, Jeremy Hunt, will leave the Warsaw summit early, pleading "
     "Brexit Commons business, while France is sending a civil servant.", False),
    ("The rebels pleaded for help from Turkey.", True),
])
def test_pleading_business_is_an_excuse_and_pleading_for_help_an_appeal(coder, text, expected):
    found = coder.code(text, date="2019-02-12").events
    assert ("REQUEST" in [e.event for e in found]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Securing Syria from the threat of terrorism and US hegemony remains the official "
     "narrative.", []),
    ("Iran faces the threat of sanctions from the United States.", ["THREATEN"]),
])
def test_the_threat_of_a_danger_is_no_threat_made(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-02-24").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Attempts at diplomatic action against Assad at the UN would certainly be blocked by "
     "Russia.", ["REJECT"]),
    ("The resolution was blocked by China on Tuesday.", ["REJECT"]),
    ("Police blocked protesters from reaching the square.", ["SANCTION"]),
])
def test_a_resolution_blocked_in_the_passive_is_rejected(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-08-11").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish-US relations have already been strained over the purchase.", []),
    ("Turkey strained relations with the US by buying Russian missiles.", ["SANCTION"]),
])
def test_strained_relations_are_a_state_not_an_act(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-12-27").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("OPCW inspectors deployed to Douma on Saturday.", []),
    ("Russia deployed troops to the border.", ["MOBILIZE"]),
])
def test_experts_deployed_are_no_mobilisation(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2018-03-19").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rival Iranian and US forces compete for strategic hills.", []),
    ("Turkey and Greece vie for control of the gas fields.", []),
])
def test_competing_for_something_demands_nothing(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2017-11-28").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time phrase is no word of the verb's phrase: no visit to a meeting
    ("Cabinet ministers have left Downing Street after a marathon cabinet meeting.", "CONSULT"),
    # "detained after filming a protest": the detention, not the protest, is the verb's
    ("Her brother was detained by Isis after filming a women's protest in Raqqa.", "COERCE"),
])
def test_a_time_phrase_lends_the_verb_no_pattern_word(coder, text, expected):
    found = coder.code(text, date="2018-04-12").events
    verb_events = [e for e in found if e.event_text in ("left", "detained")]
    assert [e.event for e in verb_events] == ([] if expected == "CONSULT" else [expected]), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Hoyte based his statements on tests conducted by the WHO and the Pan American Health "
     "Organization.", []),
    ("Israel conducted a raid on Gaza.", ["ASSAULT"]),
])
def test_conducting_codes_only_through_what_is_conducted(coder, text, expected):
    assert [e.event for e in coder.code(text, date="1987-03-17").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran and Algeria have deployed considerable efforts to stabilise oil prices.", []),
    ("The decision broke apart the fragile coalition Mahathir had formed with Anwar.", []),
])
def test_efforts_deployed_and_a_coalition_broken_apart_are_no_acts(coder, text, expected):
    assert [e.event for e in coder.code(text, date="1987-03-06").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Iraqi army came to a halt outside Basra.", []),
    ("Turkey and Russia came to an agreement on Idlib.", ["AGREE"]),
])
def test_coming_to_a_halt_is_no_journey_and_no_agreement(coder, text, expected):
    found = coder.code(text, date="2018-01-04").events
    assert [e.event for e in found if e.event_text.startswith("came")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The justices directed their questions toward an attorney representing Sudan as opposed "
     "to the plaintiffs.", []),
    ("Britain is as strongly opposed to the plan as France.", ["REJECT"]),
])
def test_as_opposed_to_contrasts_and_opposes_no_one(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2020-02-25").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("President Reagan, fighting to regain public confidence after the scandal, admitted "
     "the operation was a mistake.", []),
    ("Rebels are fighting to retake the town.", ["ASSAULT"]),
    ("Turkey has been fighting to crush the PKK for decades.", ["ASSAULT"]),
])
def test_fighting_to_do_something_is_striving_unless_armed(coder, text, expected):
    found = coder.code(text, date="1987-03-04").events
    assert [e.event for e in found if e.event_text.startswith("fighting")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hussein warned his frontline troops to expect further attacks.", []),
    ("The former president Jimmy Carter warned President Trump to avoid a war.", ["warned"]),
])
def test_warning_ones_own_troops_threatens_no_one(coder, text, expected):
    found = coder.code(text, date="1987-03-22").events
    assert [e.event_text for e in found
            if e.event == "THREATEN" and e.event_text == "warned"] == expected


def test_a_story_that_broke_is_news_not_violence(coder):
    found = coder.code("Right after the Iran story broke, the president did not have the "
                       "proper information.", date="1987-03-04").events
    assert [e.event for e in found] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("While storms hit America, water and mud were also overwhelming homes in south Asia.",
     []),
    ("The influx of exiles was overwhelming the capacity of Syrian communities.", []),
    ("Isis fighters ravaged the villages.", ["ASSAULT"]),
])
def test_a_flood_or_a_war_that_overwhelms_attacks_no_one(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2017-12-25").events] == expected


def test_an_attack_in_an_attempt_to_do_something_is_still_an_attack(coder):
    [event] = coder.code("The airbase has been attacked daily by drones and rockets in an attempt "
                         "to drive out the Americans.", date="2019-02-17").events
    assert event.event == "ASSAULT"


def test_filling_in_details_is_no_concession(coder):
    assert coder.code("The envoy, who oversees the French spy services, filled in some of the "
                      "intelligence.", date="2019-02-17").events == []


def test_a_trade_ban_a_parliament_approves_is_an_embargo(top_roles):
    assert top_roles("The Danish parliament has approved a sweeping trade ban against "
                     "Pretoria.") == ("SANCTION", ["DNK"], ["ZAF"])


def test_a_word_of_a_hyphenated_adjective_is_no_object(coder):
    assert coder.code("Militants are now trying to leave the war-battered states altogether.",
                      date="2017-09-12").events == []


def test_ripping_into_someone_is_criticism(top_roles):
    assert top_roles("Trump ripped into the attorney general on Monday.") == \
        ("ACCUSE", ["USA"], ["USA"])


def test_lobbying_a_party_to_act_asks_it_to(coder):
    found = coder.code("Washington had been lobbying Baghdad to help find a solution to the "
                       "crisis in Syria.", date="2019-04-10", doc_id="t").events
    assert [(e.event, codes(e.actor), codes(e.recipient)) for e in found] == [
        ("REQUEST", ["USA"], ["IRQ"])], found
