"""The linking benchmark's scoring (bench/linking.py) on hand-made cases, and its gold file."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_spec = importlib.util.spec_from_file_location("linking_bench", REPO / "bench" / "linking.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["linking_bench"] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)

GOLD = bench.read_gold(bench.GOLD)
TEMPLATE = GOLD[0].event  # a real coded event record, varied below


def mention(mention_id: str, group: str, cluster: str, **event: object) -> bench.Mention:
    return bench.Mention(mention_id, group, cluster, "reuters2020",
                         {"doc_id": f"doc-{mention_id}", "date": "2020-02-25"},
                         {**TEMPLATE, **event})


def two_groups() -> list[bench.Mention]:
    """g1: a and b one event, c another; g2: d and e two events."""
    return [mention("a", "g1", "x"), mention("b", "g1", "x"), mention("c", "g1", "y"),
            mention("d", "g2", "x"), mention("e", "g2", "y")]


def test_pairwise_counts_only_pairs_inside_groups() -> None:
    # labelled pairs: ab same; ac, bc, de different. Linking all of g1 and all of g2 makes
    # 4 links over labelled pairs, 1 of them right: P = 1/4, R = 1/1, F1 = 0.4.
    predicted = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    scores = bench.pairwise(two_groups(), predicted)
    assert (scores.precision, scores.recall, scores.support) == (0.25, 1.0, 4)
    assert scores.f1 == pytest.approx(0.4)


def test_bcubed_by_hand() -> None:
    # precision per mention: a, b 2/3; c 1/3; d, e 1/2 -> 8/15; recall 1 for all.
    predicted = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    scores = bench.bcubed(two_groups(), predicted)
    assert scores.precision == pytest.approx(8 / 15)
    assert scores.recall == 1.0
    assert scores.f1 == pytest.approx(16 / 23)
    assert scores.support == 5


def test_links_across_groups_are_counted_apart_not_as_errors() -> None:
    predicted = {"a": "X", "b": "X", "c": "Z", "d": "Z", "e": "W"}
    mentions = two_groups()
    assert bench.cross_group_links(mentions, predicted) == 1
    pair, b3 = bench.pairwise(mentions, predicted), bench.bcubed(mentions, predicted)
    assert (pair.precision, pair.recall) == (1.0, 1.0)
    assert (b3.precision, b3.recall) == (1.0, 1.0)


def test_a_mention_the_linker_leaves_out_stands_alone() -> None:
    # b missing: ab is not linked, so no link is right: P = 0 (0 of 0), R = 0 of 1.
    predicted = {"a": "X", "c": "Y", "d": "V", "e": "W"}
    scores = bench.pairwise(two_groups(), predicted)
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
    # B-cubed recall: a and b find half their cluster, c, d, e all of it -> (4 * 1 - 1) / 5
    assert bench.bcubed(two_groups(), predicted).recall == pytest.approx(0.8)


def test_baseline_is_one_event_per_dyad_type_and_day() -> None:
    usa = [{"entity_text": "Trump", "name": "United States", "code": "USA", "sector": "GOV",
            "wikidata_id": None}]
    ind = [{"entity_text": "India", "name": "India", "code": "IND", "sector": None,
            "wikidata_id": None}]
    cases = [("m1", "2020-02-24", usa, ind), ("m2", "2020-02-24", usa, ind),
             ("m3", "2020-02-25", usa, ind), ("m4", "2020-02-24", ind, usa)]
    events = [mention(i, "g", "x", event="CONSULT", date=d, actor=a, recipient=r).to_event()
              for i, d, a, r in cases]
    clusters = bench.baseline(events, {})
    assert clusters["m1"] == clusters["m2"]
    assert clusters["m3"] != clusters["m1"]  # another day
    assert clusters["m4"] != clusters["m1"]  # the dyad reversed


def test_gold_rebuilds_events_with_unique_ids_and_their_story_version() -> None:
    events = [m.to_event() for m in GOLD]
    assert len({e.id for e in events}) == len(events)
    assert all(e.doc_id == m.doc["doc_id"] for e, m in zip(events, GOLD, strict=True))
    assert {m.corpus for m in GOLD} == set(bench.CORPORA)
    docs = bench.doc_infos(GOLD, dict)
    assert docs["REUT-2020-02-25-idUSKCN20J0J5~v1"]["source"] == "Reuters"


def test_gold_labels_and_split() -> None:
    pairs = bench.gold_pairs(GOLD)
    assert len(pairs) >= 300 and sum(pairs.values()) >= 120
    parts = {m.group: m.part for m in GOLD}
    assert set(parts.values()) == {"dev", "test"}
    # a group lies wholly in one part, and clusters are labels within their group only
    assert all(m.part == parts[m.group] for m in GOLD)
    per_group = Counter((m.group, m.cluster) for m in GOLD)
    assert all(cluster.startswith("c") for _, cluster in per_group)


def test_a_malformed_gold_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"mention_id": "m"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:1"):
        bench.read_gold(path)


def test_main_scores_the_baseline_and_says_when_linking_is_missing(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--part", "all", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["linkers"]
    row = results["baseline"]["all"]
    assert row["pairs"] == len(bench.gold_pairs(GOLD))
    assert 0.0 < row["pairwise"]["f1"] < 1.0
    if bench.eventwire_linker() is None:
        assert results["eventwire"] is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared (the source stories)")
def test_gold_sentences_come_from_their_story_version() -> None:
    versions: dict[str, list[str]] = {}
    path = SHARED / "corpora" / "fjty_reuters_2020-02-25_stories_plover_format.jsonl"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            versions.setdefault(story["id"], []).append("\n\n".join(story["textInfo"]["textStory"]))
    for m in GOLD:
        if m.corpus != "reuters2020":
            continue
        story_id, _, version = m.doc["doc_id"].partition("~v")
        text = versions[story_id][int(version) - 1 if version else 0]
        start, end = m.event["text_info"]["start"], m.event["text_info"]["end"]
        assert text[start:end].strip() == m.event["text"].strip(), m.mention_id


def test_eventwire_linker_gets_every_mention_and_doc_info_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in eventwire.linking that puts all events of one story version together."""
    seen: dict[str, object] = {}

    def link_events(events: list, docs: dict) -> dict[str, str]:
        seen["events"], seen["docs"] = events, docs
        return {e.id: e.doc_id for e in events}

    module = type(sys)("eventwire.linking")
    module.DocInfo = dict
    module.link_events = link_events
    monkeypatch.setitem(sys.modules, "eventwire.linking", module)
    results = bench.run(GOLD)
    assert len(seen["events"]) == len(GOLD)
    assert {e.doc_id for e in seen["events"]} == set(seen["docs"])
    # one cluster per story version: pairs within one version are linked, others not
    by_id = {m.mention_id: m for m in GOLD}
    pairs = bench.gold_pairs(GOLD)
    linked = [k for k in pairs if by_id[k[0]].doc["doc_id"] == by_id[k[1]].doc["doc_id"]]
    right = sum(pairs[k] for k in linked)
    assert results["eventwire"]["all"]["pairwise"]["precision"] == round(right / len(linked), 4)


def test_misses_lists_the_missed_and_the_wrong_pairs_with_what_linking_compares() -> None:
    # gold: a and b one event, c another; the linker splits a from b and joins c to b
    listing = bench.misses(two_groups()[:3], {"a": "X", "b": "Y", "c": "Y"}, limit=5)
    assert "missed same-event pairs: 1" in listing and "- g1: a | b" in listing
    assert "wrongly linked pairs: 1" in listing and "- g1: b | c" in listing
    assert TEMPLATE["event"] in listing and " ".join(TEMPLATE["text"].split()) in listing


def test_misses_are_listed_for_the_dev_part_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--part", "test", "--misses", "3"]) == 2
    assert "dev part only" in capsys.readouterr().err


def test_the_threshold_curve_is_for_the_dev_part_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--part", "test", "--thresholds", "0.5"]) == 2
    assert "dev part only" in capsys.readouterr().err
    assert bench.main(["--part", "dev", "--thresholds", "0.4", "0.5", "0.9"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines()
            if line.startswith(("| 0.", "| **0."))]
    assert [row.split("|")[1].strip() for row in rows] == ["0.400", "**0.500**", "0.900"]
    recall = [float(row.split("|")[3]) for row in rows]
    assert recall[0] >= recall[-1]  # a far higher threshold links no more


def test_a_round_keeps_its_groups_whole_within_the_part() -> None:
    # the round mark ("-r3-" before the event number) names the labelling round; a group
    # of one round is kept whole, and a round that has no groups in the part selects none
    cases = [mention("doc-1-0001", "g1", "x"), mention("doc-1-r3-0002", "g2", "x"),
             mention("doc-2-r3-0001", "g2", "y"), mention("doc-3-r2-0004", "g3", "x")]
    assert [m.round for m in cases] == [1, 3, 3, 2]
    assert [m.mention_id for m in bench.select(cases, "all", 3)] == [
        "doc-1-r3-0002", "doc-2-r3-0001"]
    assert bench.select(cases, "all", 4) == []
    assert {m.round for m in bench.select(GOLD, "dev", 3)} == {3}


def test_folds_keep_each_group_whole_and_are_near_equal() -> None:
    dev = bench.select(GOLD, "dev")
    folds = bench.folds_of(dev, 5)
    assert set(folds) == {m.group for m in dev}  # one fold per group, so per labelled pair
    sizes = Counter(folds.values())
    assert sorted(sizes) == [0, 1, 2, 3, 4] and max(sizes.values()) - min(sizes.values()) <= 1
    assert bench.folds_of(list(reversed(dev)), 5) == folds  # blind to the mentions' order


def crossed_groups() -> tuple[list[bench.Mention], dict[float, dict[str, str]]]:
    """Two groups in two folds, each a and b one event and c another; at 0.4 the first
    group is linked right and the second wrong (a with c), at 0.6 the other way round."""
    mentions = [mention(f"{g}{n}", g, cluster) for g in ("g1", "g2")
                for n, cluster in (("a", "x"), ("b", "x"), ("c", "y"))]
    right = {"a": "X", "b": "X", "c": "Y"}
    wrong = {"a": "X", "b": "Y", "c": "X"}

    def clusters(first: dict[str, str], second: dict[str, str]) -> dict[str, str]:
        return {**{f"g1{n}": "g1" + c for n, c in first.items()},
                **{f"g2{n}": "g2" + c for n, c in second.items()}}

    return mentions, {0.4: clusters(right, wrong), 0.6: clusters(wrong, right)}


def test_each_fold_is_scored_at_the_threshold_the_other_folds_chose() -> None:
    mentions, predictions = crossed_groups()
    folds = bench.folds_of(mentions, 2)
    assert folds["g1"] != folds["g2"]
    result = bench.cross_validate(mentions, predictions, 2)
    # g1's fold is scored at 0.6 (best on g2), where g1 is linked wrong, and g2's at 0.4:
    # no held-out link is right, though each threshold is perfect on one group
    assert result.chosen[folds["g1"]] == 0.6 and result.chosen[folds["g2"]] == 0.4
    assert (result.scores.precision, result.scores.recall, result.scores.f1) == (0.0, 0.0, 0.0)
    assert result.scores.support == 6
    # with the labels of one threshold everywhere, the pooled scores are that threshold's
    same = bench.cross_validate(mentions, {0.4: predictions[0.4], 0.5: predictions[0.4]}, 2)
    assert same.chosen == (0.4, 0.4)  # a tie goes to the lowest threshold
    whole = bench.pairwise(mentions, predictions[0.4])
    assert (same.scores.precision, same.scores.recall) == (whole.precision, whole.recall)
    with pytest.raises(ValueError, match="2 folds"):
        bench.cross_validate(mentions, predictions, 1)


def test_folds_cross_validate_the_dev_part_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--part", "test", "--folds", "5"]) == 2
    assert "dev part only" in capsys.readouterr().err
    assert bench.main(["--part", "dev", "--folds", "1"]) == 2
    assert "at least 2 folds" in capsys.readouterr().err
    if bench.eventwire_linker() is None:
        return
    assert bench.main(["--part", "dev", "--json", "--folds", "3",
                       "--thresholds", "0.45", "0.5", "0.55"]) == 0
    cv = json.loads(capsys.readouterr().out)["cross_validation"]
    assert cv["folds"] == 3 and set(cv["chosen"]) <= {0.45, 0.5, 0.55}
    assert cv["pairwise"]["support"] == len(bench.gold_pairs(bench.select(GOLD, "dev")))
    assert 0.5 < cv["pairwise"]["f1"] < 1.0


def test_miss_reasons_name_the_check_that_kept_a_pair_apart() -> None:
    # a and b report one event but are coded with types of different families; c and d are
    # one event the linker joined
    mentions = [mention("a", "g1", "x", event="ASSAULT"), mention("b", "g1", "x", event="AGREE"),
                mention("c", "g2", "x"), mention("d", "g2", "x")]
    predicted = {"a": "A", "b": "B", "c": "C", "d": "C"}
    counts = bench.miss_reasons(mentions, predicted)
    assert counts["family"] == 1 and sum(counts.values()) == 1
