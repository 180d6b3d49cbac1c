"""The corpus of the scale benchmark (:mod:`parley.bench.scale`) and the work of its child
processes: ingest a slice, analyse, time the main queries, copy the store into PostgreSQL.

**The corpus.** Real articles first, read from ``../shared/datasets`` at run time (nothing is
copied into the repository): every article of :func:`parley.bench.corpora.real_articles`
(news2026, PolNeAR train and dev, the FNC-1 bodies, every RUWA item) and the 256 TempEval-3
documents (TimeBank and AQUAINT news, tags taken out, the document creation time as the
publication date). An item that ``parley ingest`` would take for a duplicate of an earlier one
(162) or whose text cleaning leaves empty (8) is left out: 19,991 real articles (16,213 RUWA,
2,557 FNC-1, 923 PolNeAR, 255 TempEval-3, 43 news2026). They are shuffled with a fixed seed, so
each slice holds the same mix of long articles and short items and the slices can be compared.

Past the real articles, the corpus *relays* them: round ``r`` gives every real article again, in
the same order, as a wire of its own relays it ("Relay Wire r", its publication date ``2r`` days
later, one sentence added that names the copy, which makes its text distinct: at the end, or at
the start for the 22 crawled pages whose closing links cleaning takes away with it). That is
syndication, which real news is full of and which Parley's ``copies``, ``stories`` and
``independence`` steps exist for: in 100,000 articles every real text is there five times (45 of
them six). The sample corpus is not used to fill the corpus: it holds 27 stories, so 80,000
articles made from it would be some 3,000 copies of each (:mod:`parley.bench.api` found the
events step unfinished after 15 minutes at 370 copies a story on 10,000 articles).

A child is ``python -m parley.bench.scale_work TASK ARGS RESULT``: it reads its arguments (JSON),
does its work and writes what it measured to the file RESULT; the parent reads its peak memory
from the kernel when it ends (:func:`parley.bench.scale.child`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from parley.bench.api import percentile
from parley.bench.corpora import DATASETS, PER_FILE, real_articles

SEED = 2026
CORPUS_VERSION = 2  # of the way the corpus is made: a corpus made another way is never extended
TODAY = dt.date(2026, 3, 1)  # ingest's "today": after every publication date in the corpus
WORD = "ceasefire"  # what the text searches look for
REPS = 20


# -- the corpus ------------------------------------------------------------------------------------


def real_items(root: Path = DATASETS) -> tuple[list[dict], Counter[str]]:
    """Every real article Parley stores as an article of its own, each with its ``set``: read and
    cleaned as ``parley ingest`` would, an item whose cleaned text another has (Parley's identity)
    or that cleaning leaves empty is left out; (the articles, how many were left out and why).
    Each also says where a relayed copy's added sentence goes (``marker``): at the end, unless
    cleaning takes it away there with the page's closing links; then at the start."""
    from parley.clean import clean_article
    from parley.errors import InputError
    from parley.ingest.jsonl import parse_record

    def cleaned(item: dict) -> Any:
        line = json.dumps({k: v for k, v in item.items() if k not in ("set", "marker")}, ensure_ascii=False)
        return clean_article(parse_record(line, item["set"]), today=TODAY)

    seen: set[str] = set()
    found, dropped = [], Counter[str]()
    for item in (*real_articles(root), *_tempeval(root / "tempeval3")):
        try:
            article = cleaned(item)
        except InputError:
            dropped["unreadable"] += 1
            continue
        if article.sha256 in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(article.sha256)
        item["marker"] = "end"
        if article.removed:  # cleaning took lines out: see that it leaves the added sentence
            item["marker"] = next(
                (at for at in ("end", "start") if MARKER in cleaned(_marked(item, MARKER, at)).text), ""
            )
        if item["marker"]:
            found.append(item)
        else:
            dropped["no room for a relay's sentence"] += 1
    return found, dropped


def _tempeval(root: Path) -> Iterator[dict]:
    for path in sorted(root.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if body is None:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        yield {
            "set": "tempeval3",
            "url": f"https://tempeval3.example/{path.parent.name}/{path.stem}",
            "outlet": None,
            "published": dct.group(1) if dct else None,
            "title": " ".join((title.group(1) if title else text).split()[:12]),
            "text": text,
        }


MARKER = "Relayed copy 0 of benchmark item 0."


def relayed(item: dict, round_: int, n: int) -> dict:
    """The real article ``item`` as relay round ``round_`` gives it (``n``: its place in the corpus)."""
    published = item.get("published")
    if published:
        published = (dt.date.fromisoformat(published) + dt.timedelta(days=2 * round_)).isoformat()
    copy = item | {"url": f"https://relay{round_}.example/{n}", "outlet": f"Relay Wire {round_}"}
    marker = f"Relayed copy {round_} of benchmark item {n}."
    return _marked(copy | {"published": published}, marker, item["marker"])


def _marked(item: dict, marker: str, at: str) -> dict:
    text = item["text"].strip()
    return item | {"text": f"{marker}\n\n{text}" if at == "start" else f"{text}\n\n{marker}"}


def corpus_items(items: list[dict], articles: int) -> Iterator[tuple[str, dict]]:
    """``articles`` articles: the real ones, then relay rounds of them; (kind, item) each."""
    for n in range(articles):
        round_, item = divmod(n, len(items))
        if round_ == 0:
            yield items[item]["set"], items[item]
        else:
            yield "relayed", relayed(items[item], round_, n)


def build_corpus(
    work: Path, articles: int, slice_size: int, root: Path = DATASETS, real: int | None = None
) -> dict[str, Any]:
    """Write the corpus into ``work/corpus/slice-NNNN/part-NNN.jsonl`` (500 articles a file) and
    describe it in ``work/corpus.json``. A corpus already there with the same parameters is reused;
    one of fewer articles, in whole slices, is made longer (its articles stay what they were);
    any other is refused: a benchmark cannot change its corpus half-way."""
    wanted = {"version": CORPUS_VERSION, "slice": slice_size, "datasets": str(root), "real_limit": real}
    manifest = work / "corpus.json"
    if manifest.exists():
        made = json.loads(manifest.read_text(encoding="utf-8"))
        if made["articles"] == articles and {k: made.get(k) for k in wanted} == wanted:
            return made
        longer = articles > made["articles"] and made["articles"] % slice_size == 0
        if not longer or {k: made.get(k) for k in wanted} != wanted:
            asked = wanted | {"articles": articles}
            differ = ", ".join(f"{k} {made.get(k)} (asked {v})" for k, v in asked.items() if made.get(k) != v)
            raise SystemExit(
                f"{work} holds a corpus made with other parameters: {differ}; give another --work"
            )
    if not root.is_dir():  # a relative default read from another folder
        raise SystemExit(f"no datasets folder at {root} ({root.resolve()}): give --datasets DIR")
    items, dropped = real_items(root)
    distinct = len(items)
    random.Random(SEED).shuffle(items)
    items = items[:real] if real else items
    partial = work / "corpus.partial"
    shutil.rmtree(partial, ignore_errors=True)
    kinds: Counter[str] = Counter()
    size = 0
    lines: list[str] = []
    for n, (kind, item) in enumerate(corpus_items(items, articles)):
        kinds[kind] += 1
        lines.append(
            json.dumps({k: v for k, v in item.items() if k not in ("set", "marker")}, ensure_ascii=False)
        )
        if len(lines) == PER_FILE or (n + 1) % slice_size == 0 or n + 1 == articles:
            folder = partial / f"slice-{n // slice_size:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            part = folder / f"part-{len(list(folder.iterdir())):03d}.jsonl"
            size += part.write_text("\n".join(lines) + "\n", encoding="utf-8")
            lines = []
    shutil.rmtree(work / "corpus", ignore_errors=True)
    partial.rename(work / "corpus")
    made = wanted | {
        "articles": articles,
        "real": distinct,
        "left_out": dict(dropped),
        "kinds": dict(kinds),
        "characters": size,
    }
    manifest.write_text(json.dumps(made, indent=1) + "\n", encoding="utf-8")
    return made


# -- the children's tasks --------------------------------------------------------------------------


def task_ingest(args: dict) -> dict:
    from parley.ingest.job import ingest
    from parley.store import open_store

    store = open_store(args["db"])
    try:
        before = store.count_articles()
        started = time.perf_counter()
        report = ingest([args["folder"]], store, today=TODAY)
        seconds = time.perf_counter() - started
        after = store.count_articles()
    finally:
        store.close()
    new, dup, failed = len(report.new), len(report.duplicates), len(report.failures)
    return {
        "before": before,
        "after": after,
        "new": new,
        "duplicates": dup,
        "failures": failed,
        "seconds": seconds,
    }


def task_analyse(args: dict) -> dict:
    from parley.analyse import analyse
    from parley.bench.phase_peaks import PhasePeaks
    from parley.store import open_store

    started = last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        if done == total:
            peaks.ended("parse")  # the model's release and the heap's trim fall in the first step's
        if time.perf_counter() - last >= 60 or done == total:
            last = time.perf_counter()
            print(f"    parsed {done}/{total} ({last - started:.0f} s)", file=sys.stderr, flush=True)

    store = open_store(args["db"])
    peaks = PhasePeaks()
    try:
        started = last = time.perf_counter()  # the model loads inside: counted with the parsing
        report = analyse(
            store,
            n_process=args.get("processes", 1),
            progress=progress,
            on_step=lambda step: peaks.ended(step.name),
        )
    finally:
        peaks.stop()
        store.close()
    steps = [
        {"name": s.name, "seconds": s.seconds, "changed": s.changed, "skipped": s.skipped}
        for s in report.corpus_steps
    ]
    return {
        "analysed": report.analysed,
        "pipeline": report.pipeline,
        "failures": len(report.failures),
        "seconds": time.perf_counter() - started,
        "steps": steps,
        "peaks": peaks.mib,
    }


def query_set(store: Any) -> dict[str, Callable[[], int]]:
    """The main queries, each made by the library functions the CLI and the HTTP API call; each
    returns how many items it gave. ``*_api`` is the API's first page of 50 (its list endpoint's
    own function, filters and export included); the others are what the CLI lists whole."""
    from parley import lookups, records
    from parley.positions import positions
    from parley.present.api.records import list_endpoint
    from parley.present.brief import build_brief
    from parley.present.contested import contested_items
    from parley.store import ArticleFilter, EventFilter, StatementFilter

    page = {rt.name: list_endpoint(rt) for rt in records.all_types()}
    speaker = top_speaker(store)

    def quotes() -> int:
        ids = tuple(a.id for a in lookups.match_actors(store.actors(), speaker or ""))
        return len(list(store.statements(StatementFilter(speaker_actor_ids=ids))))

    def timeline() -> int:
        store.actors()  # the CLI names each event's participants
        return len(store.events(EventFilter()))

    def brief_cold() -> int:
        lookups._CACHE.pop(store, None)  # as after any write: every section counted anew
        return build_brief(store).articles

    found: dict[str, Callable[[], int]] = {"positions": lambda: len(positions(store))}
    if speaker:
        found["quotes_cli"] = quotes
        found["quotes_api"] = lambda: len(page["statement"](store, 50, None, speaker=speaker).items)
    found["timeline_cli"] = timeline
    found["timeline_api"] = lambda: len(page["event"](store, 50, None).items)
    if "contested" in page:
        found["contested_cli"] = lambda: len(contested_items(store))
        found["contested_api"] = lambda: len(page["contested"](store, 50, None).items)
    found["search_quotes"] = lambda: len(page["statement"](store, 50, None, contains=WORD).items)
    found["search_articles"] = lambda: len(list(store.articles(ArticleFilter(contains=WORD, limit=51))))
    found["brief"] = brief_cold
    return found


def top_speaker(store: Any) -> str | None:
    """The name of the actor with the most statements (what a user would type)."""
    counts = store.count_by("statement", ("speaker_actor_id",))
    ranked = sorted(((n, k[0]) for k, n in counts.items() if k[0]), reverse=True)
    actors = {a.id: a for a in store.actors()}
    return next((actors[i].name for _, i in ranked if i in actors), None)


def task_queries(args: dict) -> dict:
    from parley import records
    from parley.store import open_store

    store = open_store(args["location"])
    try:
        counts = {rt.name: store.count(rt.name) for rt in records.all_types()}
        measured = {}
        for name, run in query_set(store).items():
            items = run()  # once untimed: the connection and the code are warm, as in a server
            timings = []
            for _ in range(args.get("reps", REPS)):
                started = time.perf_counter()
                run()
                timings.append((time.perf_counter() - started) * 1000)
            measured[name] = {
                "n": len(timings),
                "items": items,
                "p50": percentile(timings, 50),
                "p95": percentile(timings, 95),
                "max": max(timings),
            }
    finally:
        store.close()
    return {"counts": counts, "queries": measured}


def task_pgcopy(args: dict) -> dict:
    """Re-create the database ``args["database"]`` on the server, copy the store into it and
    ANALYZE it (so the queries are planned with statistics, as on a database in use)."""
    import psycopg
    from psycopg import sql

    from parley.store.copy import copy_store

    url = args["server"]
    with psycopg.connect(url, autocommit=True) as admin:
        name = sql.Identifier(args["database"])
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
    target = pg_url(url, args["database"])
    report = copy_store(args["source"], target)
    started = time.perf_counter()
    with psycopg.connect(target, autocommit=True) as db:
        db.execute("ANALYZE")  # the planner's statistics, as autovacuum would gather them in a while
        analyzed = time.perf_counter() - started
        size = db.execute("SELECT pg_database_size(current_database())").fetchone()[0]  # type: ignore[index]
    return {
        "seconds": report.seconds,
        "analyze_s": analyzed,
        "articles": report.articles,
        "records": sum(report.records.values()),
        "db_bytes": int(size),
    }


def pg_url(server: str, database: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(server)._replace(path=f"/{database}").geturl()


TASKS = {"ingest": task_ingest, "analyse": task_analyse, "queries": task_queries, "pgcopy": task_pgcopy}


def main(argv: list[str] | None = None) -> None:
    task, args, result = argv or sys.argv[1:]
    found = TASKS[task](json.loads(args))
    Path(result).write_text(json.dumps(found) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
