"""Syntactic roles on parsed sentences: where the parse hangs a recipient."""

from spacy.language import Language

from eventwire.participants import objects, subject


def heads(nlp: Language, text: str, verb: str) -> list[str]:
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    return [t.text for t in objects(trigger)]


def test_destination_hung_on_a_noun_inside_the_object(nlp: Language) -> None:
    found = heads(nlp, "China blocked exports of dual-use items with potential military "
                       "applications to Japan.", "blocked")
    assert "Japan" in found


def test_destination_on_the_object_itself(nlp: Language) -> None:
    assert "Japan" in heads(nlp, "China blocked exports to Japan.", "blocked")


def test_a_place_inside_an_object_phrase_is_no_destination(nlp: Language) -> None:
    # "in" says where the thing is, not whom the act is aimed at.
    found = heads(nlp, "The ministry approved aid with conditions in Liberia.", "approved")
    assert "Liberia" not in found


def test_a_participle_coordinated_with_a_passive_is_passive(nlp: Language) -> None:

    doc = nlp("During the war, the men were rounded up and shot by the militia.")
    shot = next(t for t in doc if t.text == "shot")
    subj, passive = subject(shot)
    assert subj is not None and subj.text == "men" and passive
    ran = nlp("The rebels were defeated and ran to the hills.")
    assert subject(next(t for t in ran if t.text == "ran"))[1] is False


def test_a_dative_preposition_aims_the_act(nlp: Language) -> None:
    assert "Iraq" in heads(nlp, "Iran sent troops to Iraq.", "sent")


def test_a_bare_participle_clause_says_what_its_subject_underwent(nlp: Language) -> None:
    doc = nlp("Three British men are in US custody in Syria, accused of being members of Isis.")
    subj, passive = subject(next(t for t in doc if t.text == "accused"))
    assert subj is not None and subj.text == "men" and passive
    # With its own auxiliary the participle is the subject's act.
    doc = nlp("The minister resigned, having accused the army of lying.")
    subj, passive = subject(next(t for t in doc if t.text == "accused"))
    assert subj is not None and subj.text == "minister" and not passive


def test_an_uncoded_mention_stands_for_the_coded_names_in_apposition(coder) -> None:
    # "by regime allies Iran and Russia": the allies are the two states
    found = coder.code("A deal was agreed by regime allies Iran and Russia in July.",
                       date="2017-09-01").events
    agree = next(e for e in found if e.event == "AGREE")
    assert sorted(a.code for a in agree.actor) == ["IRN", "RUS"]
    # "the acting defence secretary, Patrick Shanahan": the secretary is the named minister
    found = coder.code("The acting defence secretary, Patrick Shanahan, had briefed Donald "
                       "Trump.", date="2019-02-22").events
    assert [a.code for e in found for a in e.actor] == ["USA"]


def test_a_gerund_coordinated_with_a_passive_verb_takes_no_subject_from_it(
        nlp: Language) -> None:
    doc = nlp("The Syrian Observatory for Human Rights says more than 100 civilians have been "
              "killed in airstrikes and shelling since the campaign around Daraa started.")
    shelling = next(t for t in doc if t.text == "shelling")
    assert (shelling.dep_, shelling.tag_) == ("conj", "VBG")
    assert subject(shelling)[0] is None
    # a progressive verb of its own keeps the subject it shares
    doc = nlp("The men were arrested and are facing charges.")
    facing = next(t for t in doc if t.text == "facing")
    subj, _passive = subject(facing)
    assert subj is not None and subj.text == "men"


def test_a_passive_verb_the_parser_coordinated_with_said_takes_its_object_for_subject(
        nlp: Language) -> None:
    doc = nlp("On 3 May, residents said around 30 people, mostly women and children, were "
              "killed in the Hamra district.")
    killed = next(t for t in doc if t.text == "killed")
    assert killed.dep_ == "conj" and killed.head.text == "said"
    subj, passive = subject(killed)
    assert subj is not None and subj.text == "people" and passive
    # a verb with an object of its own keeps its subject for the passive conjunct
    doc = nlp("The general, who declared martial law in 1980 and was removed from office, died.")
    removed = next(t for t in doc if t.text == "removed")
    subj, passive = subject(removed)
    assert subj is not None and subj.text != "law"


def test_the_purpose_of_entering_a_place_is_the_enterers(nlp: Language) -> None:
    doc = nlp("Turkish forces are preparing to enter Idlib province to support rebel forces.")
    support = next(t for t in doc if t.text == "support")
    subj, _passive = subject(support)
    assert subj is not None and subj.text == "forces" and subj.i < support.i - 4
    # an object that can act is the one that acts
    doc = nlp("The US urged Seoul to help.")
    subj, _passive = subject(next(t for t in doc if t.text == "help"))
    assert subj is not None and subj.text == "Seoul"
