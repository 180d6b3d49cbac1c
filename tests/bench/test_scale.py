"""The scale benchmark end to end on a tiny corpus: datasets laid out as ``../shared/datasets`` is,
made from the bundled sample articles; two slices over three invocations (one stopped after the
first slice's analysis, which the next takes up without ingesting or analysing anything again);
figures that make sense in ``results.jsonl``; and PostgreSQL when ``PARLEY_TEST_POSTGRES`` is set."""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
import zipfile
from pathlib import Path

import pytest

from parley.bench import scale
from parley.bench.scale_work import build_corpus
from parley.store import open_store
from tests.conftest import SAMPLE

ARTICLES, SLICE = 24, 12


def _datasets(root: Path) -> Path:
    """news2026, PolNeAR, FNC-1, RUWA and TempEval-3 in their own formats, a few sample texts each."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    (root / "news2026").mkdir(parents=True)
    lines = [
        json.dumps({"url": f"https://sample.example/{n}", "title": t.split("\n")[0], "text": t})
        for n, t in enumerate(texts[:7])
    ]
    (root / "news2026" / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "polnear" / "train" / "text").mkdir(parents=True)
    (root / "polnear" / "dev" / "text").mkdir(parents=True)
    (root / "polnear" / "train" / "text" / "a1.txt").write_text(texts[7], encoding="utf-8")
    (root / "polnear" / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\ttitle\na1\tSample Wire\t2025-11-20\tA title\n",
        encoding="utf-8",
    )
    (root / "fnc1").mkdir()
    for name, text in (("train_bodies.csv", texts[8]), ("competition_test_bodies.csv", texts[9])):
        with (root / "fnc1" / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([["Body ID", "articleBody"], ["1", text]])
    rows = io.StringIO()
    writer = csv.DictWriter(rows, ["title", "desc", "Date", "src", "Site"])
    writer.writeheader()
    for n, text in enumerate(texts[10:12]):
        head, _, rest = text.partition("\n\n")
        writer.writerow(
            {
                "title": head,
                "desc": rest[:400],
                "Date": "11/2/2025",
                "src": f"https://r.example/{n}",
                "Site": "r.example",
            }
        )
    (root / "ruwa").mkdir()
    with zipfile.ZipFile(root / "ruwa" / "RUWA.csv.zip", "w") as zf:
        zf.writestr("RUWA.csv", rows.getvalue())
    (root / "tempeval3" / "TimeBank").mkdir(parents=True)
    tml = (
        f'<TimeML><DCT><TIMEX3 tid="t0" value="2025-11-21">x</TIMEX3></DCT><TEXT>{texts[12]}</TEXT></TimeML>'
    )
    (root / "tempeval3" / "TimeBank" / "d1.tml").write_text(tml, encoding="utf-8")
    return root


def test_corpus_is_real_articles_then_distinct_relayed_copies(tmp_path: Path) -> None:
    work, datasets = tmp_path / "work", _datasets(tmp_path / "datasets")
    made = build_corpus(work, 30, 10, datasets)
    assert made["real"] == 13 and made["kinds"]["relayed"] == 17 and sum(made["kinds"].values()) == 30
    texts = [
        json.loads(line)["text"]
        for part in sorted((work / "corpus").glob("slice-*/*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) == 30 and len({" ".join(t.split()) for t in texts}) == 30
    assert sorted(p.name for p in (work / "corpus").iterdir()) == ["slice-0000", "slice-0001", "slice-0002"]
    assert build_corpus(work, 30, 10, datasets) == made  # kept, not made again
    first = (work / "corpus" / "slice-0002" / "part-000.jsonl").read_text(encoding="utf-8")
    longer = build_corpus(work, 50, 10, datasets)  # whole slices: made longer, the same at first
    assert longer["kinds"]["relayed"] == 37
    assert (work / "corpus" / "slice-0002" / "part-000.jsonl").read_text(encoding="utf-8") == first
    for articles, size in ((40, 10), (60, 20)):
        with pytest.raises(SystemExit, match="other parameters"):
            build_corpus(work, articles, size, datasets)
    with pytest.raises(SystemExit, match="no datasets folder at .*: give --datasets DIR"):
        build_corpus(tmp_path / "elsewhere", 30, 10, tmp_path / "missing")


def test_two_slices_in_runs_that_stop_and_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets, work = _datasets(tmp_path / "datasets"), tmp_path / "work"
    argv = [
        "--articles",
        str(ARTICLES),
        "--slice",
        str(SLICE),
        "--work",
        str(work),
        "--datasets",
        str(datasets),
    ]
    url = os.environ.get("PARLEY_TEST_POSTGRES")
    database = f"parley_scale_test_{uuid.uuid4().hex[:8]}"
    if url:
        argv += ["--postgres", url, "--pg-database", database]
    real_child = scale.child

    def stopped(task: str, args: dict) -> tuple[dict, float]:
        if task == "queries":
            raise KeyboardInterrupt  # stopped after the first slice was ingested and analysed
        return real_child(task, args)

    try:
        monkeypatch.setattr(scale, "child", stopped)
        with pytest.raises(KeyboardInterrupt):
            scale.main(argv)
        assert scale.read_results(work) == [] and (work / "slice.json").exists()
        monkeypatch.setattr(scale, "child", real_child)
        scale.main([*argv, "--slices", "1"])  # the first slice's queries, nothing done again
        assert [x["slice"] for x in scale.read_results(work)] == [0]
        assert "run the same command again" in capsys.readouterr().out
        scale.main(argv)  # goes on with the second slice
        scale.main(argv)  # nothing left to do
    finally:
        if url:
            import psycopg
            from psycopg import sql

            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
                )
    lines = scale.read_results(work)
    assert [x["slice"] for x in lines] == [0, 1]
    store = open_store(str(work / "parley.db"))
    try:
        assert len(store.runs()) == 2  # one ingest a slice: nothing ingested again
        assert store.count_articles() == ARTICLES
    finally:
        store.close()
    for x, stored in zip(lines, (SLICE, ARTICLES), strict=True):
        assert x["articles"] == stored and x["ingest"]["new"] == SLICE and x["resumed"] == []
        assert x["ingest"]["per_s"] > 0 and x["analyse"]["analysed"] == SLICE
        assert x["analyse"]["per_article_s"] > 0 and x["analyse"]["rss_mib"] > 50
        assert x["analyse"]["steps"]["actors"] is not None and x["db_mb"] > 0
        peaks = x["analyse"]["peaks"]  # the parse's, then each corpus step's, each within the whole
        assert list(peaks) == ["parse", *x["analyse"]["steps"]]
        assert all(50 < mib <= x["analyse"]["rss_mib"] + 1 for mib in peaks.values())
        assert max(peaks.values()) >= 0.75 * x["analyse"]["rss_mib"]  # a sample may miss a brief top
        queries = x["sqlite"]["queries"]
        assert {"positions", "timeline_cli", "brief"} <= set(queries)
        assert all(q["n"] == 20 and 0 < q["p50"] <= q["p95"] <= q["max"] for q in queries.values())
        assert queries["brief"]["items"] == stored and x["counts"]["statement"] > 0
        if url:
            assert x["postgres"]["copy_s"] > 0 and x["postgres"]["db_mb"] > 0
            assert set(x["postgres"]["queries"]) == set(queries)
            pg = x["postgres"]["queries"]
            assert all(pg[n]["items"] == q["items"] for n, q in queries.items())  # the same answers
        else:
            assert x["postgres"] is None
    assert lines[1]["relayed_in_slice"] == ARTICLES - 13
    capsys.readouterr()
    scale.main(["--work", str(work), "--report"])
    report = capsys.readouterr().out
    assert "p95 of the main queries" in report and "corpus steps, seconds" in report
    assert "peak resident MiB of the analyse process while each phase ran" in report
