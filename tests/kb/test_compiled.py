"""Compiled knowledge: the cached form gives the same answers, and a broken cache
never breaks a run."""

import pytest

from eventwire.kb import compiled as compiled_module
from eventwire.kb.actors import ACTOR_TABLES, ActorKB, build_actor_kb
from eventwire.kb.compiled import compiled
from eventwire.kb.gazetteer import PLACE_TABLES, Gazetteer, build_gazetteer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def load_kb() -> ActorKB:
    return compiled("actors", ACTOR_TABLES, build_actor_kb, ActorKB.to_plain,
                    ActorKB.from_plain)


def test_actor_kb_from_the_cache_answers_as_the_built_one(cache):
    built = load_kb()
    assert len(list(cache.glob("actors-*.marshal"))) == 1
    cached = load_kb()
    assert cached is not built
    for office, owner, date in [("president", "KOR", "2020-06-01"),
                                ("president", "KOR", "2024-06-01"),
                                ("prime minister", "JPN", "2026-01-13")]:
        assert cached.holder(office, owner, date) == built.holder(office, owner, date)
        assert cached.predecessor(office, owner, date) == built.predecessor(office, owner, date)
    for alias in ("South Korea", "Takaichi", "troops", "the Kremlin", "al-Qaeda"):
        assert cached.lookup(alias) == built.lookup(alias)
    assert cached.by_surname("takaichi") == built.by_surname("takaichi")
    assert cached.name_words == built.name_words
    assert sorted(cached.aliases()) == sorted(built.aliases())


def test_gazetteer_from_the_cache_answers_as_the_built_one(cache):
    def load() -> Gazetteer:
        return compiled("places", PLACE_TABLES, build_gazetteer, Gazetteer.to_plain,
                        Gazetteer.from_plain)

    built, cached = load(), load()
    for name in ("Nara", "Sindh", "Xinjiang", "Tehran", "Punjab", "the United States"):
        assert cached.lookup(name) == built.lookup(name)
    assert cached.country("JPN") == built.country("JPN")


def test_a_damaged_cache_is_rebuilt(cache):
    load_kb()
    [path] = cache.glob("actors-*.marshal")
    path.write_bytes(b"not marshal data")
    assert load_kb().lookup("Japan")
    assert path.read_bytes() != b"not marshal data"


def test_an_unwritable_cache_directory_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocker / "cache"))
    assert load_kb().lookup("Japan")


def test_the_cache_name_changes_with_the_tables():
    first = compiled_module._fingerprint("actors", ACTOR_TABLES, compiled_module.Path(__file__))
    second = compiled_module._fingerprint("actors", ACTOR_TABLES[:-1],
                                          compiled_module.Path(__file__))
    assert first != second


def test_verb_lexicon_from_the_cache_matches_as_the_built_one(cache):
    from eventwire.kb.patterns import EVENT_TABLES, VerbLexicon, Word

    def load() -> VerbLexicon:
        return compiled("events", EVENT_TABLES, VerbLexicon, VerbLexicon.to_plain,
                        VerbLexicon.from_plain)

    built, cached = load(), load()
    assert cached is not built

    def words(text: str) -> list[Word]:
        return [Word(w, w) for w in text.split()]

    for verb, after in [("call", "on seoul to help"), ("block", "exports to japan"),
                        ("attack", "helicopters"), ("agree", "to sanctions"), ("say", "")]:
        assert cached.match(verb, verb, [], words(after)) == built.match(verb, verb, [],
                                                                         words(after))
    assert cached.nouns == built.nouns
    assert set(cached.verbs) == set(built.verbs)


def test_a_new_compiled_file_replaces_the_stale_ones(cache):
    cache.mkdir(parents=True)
    stale = cache / "actors-0123456789abcdef0123.marshal"
    stale.write_bytes(b"from older tables")
    load_kb()
    assert not stale.exists()
    assert len(list(cache.glob("actors-*.marshal"))) == 1
