"""Fuzzing the readers: generated and mutated inputs (broken HTML, feeds, JSON Lines, text in
odd encodings, huge lines, random bytes) fed to every reader through the path ``parley ingest``
takes, a file read by :class:`~parley.ingest.sources.SourceReader` and then cleaned.

The contract: a file becomes articles or per-file failures, never an exception. A failure names
its input (the path, or ``path#L3``, ``path#entry2``) and gives a one-paragraph reason; an
article has text, a title, and an id that is its content hash.

    python -m parley.bench.fuzz --examples 100000 [--seed 1] [--format html]

The strategies are also used by ``tests/fuzz`` (with fewer examples). Needs ``hypothesis``.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from parley.clean import clean_article, content_hash
from parley.errors import FetchError, InputError
from parley.ingest.sources import Source, SourceReader
from parley.models import Article, Failure

FORMATS = ("text", "html", "feed", "jsonl", "sniffed")
SUFFIX = {"text": ".txt", "html": ".html", "feed": ".xml", "jsonl": ".jsonl", "sniffed": ".dat"}
MAX_REASON_CHARS = 2000
_TODAY = dt.date(2026, 1, 1)  # relative dates resolve the same on every run
HUGE = 300_000  # characters of a "huge line"


class NoNetwork:
    """A fetcher that refuses every URL: a feed entry without a body fails, as offline."""

    def get(self, url: str):
        raise FetchError(url, "fetching is turned off while fuzzing")

    def close(self) -> None:
        pass


# -- seeds and mutations -----------------------------------------------------------------------
def seed_files() -> dict[str, list[bytes]]:
    """The bundled sample corpus by format: the realistic inputs mutations start from."""
    folder = Path(str(resources.files("parley.data") / "sample"))
    by_format: dict[str, list[bytes]] = {f: [] for f in FORMATS}
    for path in sorted(folder.iterdir()):
        fmt = {".txt": "text", ".html": "html", ".xml": "feed", ".jsonl": "jsonl"}.get(path.suffix)
        if fmt:
            by_format[fmt].append(path.read_bytes())
            by_format["sniffed"].append(path.read_bytes())
    return by_format


ENCODINGS = (
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1251",
    "latin-1",
    "koi8-r",
    "cp1252",
    "shift_jis",
)
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed file with one to four mutations: cut, flipped or inserted bytes, a slice repeated or
    dropped, re-encoded, a BOM, a huge line, deep nesting."""
    data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        at = draw(st.integers(0, n))
        kind = draw(
            st.sampled_from(
                ["cut", "flip", "insert", "repeat", "drop", "encode", "bom", "huge", "nest", "nul", "tail"]
            )
        )
        if kind == "cut":
            data = data[:at]
        elif kind == "flip" and n:
            i = min(at, n - 1)
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
        elif kind == "repeat":
            end = min(n, at + draw(st.integers(1, 400)))
            data = data[:end] + data[at:end] * draw(st.integers(2, 50)) + data[end:]
        elif kind == "drop":
            data = data[:at] + data[at + draw(st.integers(1, 2000)) :]
        elif kind == "encode":
            text = data.decode("utf-8", errors="replace")
            data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
        elif kind == "bom":
            data = draw(st.sampled_from(BOMS)) + data
        elif kind == "huge":
            unit = draw(st.sampled_from([b"a", b"word ", b"\xd0\x96", b"<b>", b"&amp;", b"\t", b"{"]))
            data = data[:at] + unit * (HUGE // len(unit)) + data[at:]
        elif kind == "nest":
            tag = draw(st.sampled_from([b"<div>", b"<p><b>", b"<item>", b"[", b'{"a":']))
            data = data[:at] + tag * draw(st.integers(100, 5000)) + data[at:]
        elif kind == "nul":
            data = data[:at] + b"\x00" * draw(st.integers(1, 8)) + data[at:]
        else:  # text in another script or unusual characters at the end
            data = data + draw(st.text(max_size=200)).encode("utf-8", errors="surrogatepass")
    return data


# -- generated inputs --------------------------------------------------------------------------
WORDS = st.sampled_from(
    "the talks envoy said on Monday ceasefire delegation framework draft points round "
    "ministry denied reported according sources agreed € « » — 17 2026 Dec. \u200b \u00a0".split(" ")
)
PHRASE = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)
TAGS = ["p", "div", "article", "main", "span", "b", "h1", "title", "script", "style", "table", "td", "br"]


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """Pages built from tags, text, attributes and meta tags, often left unclosed or misnested."""
    parts = [draw(st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<html>"]))]
    if draw(st.booleans()):
        name = draw(st.sampled_from(["og:site_name", "article:published_time", "author", "date", "og:url"]))
        parts.append(
            f'<head><meta property="{name}" content="{draw(PHRASE)}"><title>{draw(PHRASE)}</title></head>'
        )
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(TAGS))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"]))
        attr = draw(st.sampled_from(["", ' class="story"', " lang=xx", ' id="a', " data-x='&#0;'"]))
        parts.append(f"<{tag}{attr}>{draw(PHRASE)}{close}")
    charset = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
    return "".join(parts).encode(charset, errors="replace")


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """RSS or Atom with random entries: missing fields, odd dates, HTML bodies, entities."""
    atom = draw(st.booleans())
    date = st.sampled_from(
        [
            "Mon, 01 Dec 2025 10:00:00 +0200",
            "2025-12-01T10:00:00Z",
            "yesterday",
            "",
            "31/02/2025",
            "Tue, 99 Foo",
        ]
    )
    entries = []
    for _ in range(draw(st.integers(0, 6))):
        body = draw(PHRASE) * draw(st.integers(0, 12))
        if draw(st.booleans()):
            body = f"<![CDATA[<p>{body}</p>]]>"
        link = draw(st.sampled_from(["", "https://news.example/a", "javascript:x", "::"]))
        title = draw(PHRASE)
        if atom:
            entries.append(
                f"<entry><title>{title}</title><link href='{link}'/><updated>{draw(date)}</updated>"
                f"<content type='html'>{body}</content></entry>"
            )
        else:
            entries.append(
                f"<item><title>{title}</title><link>{link}</link><pubDate>{draw(date)}</pubDate>"
                f"<description>{body}</description></item>"
            )
    title = draw(PHRASE)
    if atom:
        text = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{title}</title>"
        text += "".join(entries) + draw(st.sampled_from(["</feed>", ""]))
    else:
        text = f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
        text += "".join(entries) + draw(st.sampled_from(["</channel></rss>", "</rss>", ""]))
    return text.encode("utf-8")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40) | PHRASE,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
JSON_KEYS = st.sampled_from(
    [
        "text",
        "body",
        "content",
        "title",
        "url",
        "outlet",
        "source",
        "published",
        "date",
        "author",
        "language",
        "published_at",
    ]
)


@st.composite
def json_lines(draw: st.DrawFn) -> bytes:
    """Lines of JSON: article objects with fields of any type, other values, broken lines."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        record = draw(st.dictionaries(JSON_KEYS, JSON_VALUES | PHRASE, max_size=8))
        if draw(st.booleans()):
            record["text"] = draw(PHRASE) * draw(st.integers(1, 5))
        line = json.dumps(
            record if draw(st.integers(0, 4)) else draw(JSON_VALUES), ensure_ascii=draw(st.booleans())
        )
        lines.append(line[: draw(st.integers(0, len(line)))] if draw(st.integers(0, 5)) == 0 else line)
    return "\n".join(lines).encode("utf-8")


def plain_texts() -> st.SearchStrategy[bytes]:
    """Text with a title line or none, in any encoding, or any characters at all."""
    article = st.builds(lambda t, b: f"{t}\n\n{b}", PHRASE, PHRASE)
    encoded = st.tuples(article | st.text(), st.sampled_from(("utf-8", *ENCODINGS))).map(
        lambda p: p[0].encode(p[1], errors="replace")
    )
    return encoded | st.text().map(lambda t: t.encode("utf-8", errors="surrogatepass"))


def inputs(fmt: str, seeds: dict[str, list[bytes]] | None = None) -> st.SearchStrategy[bytes]:
    """Bytes to feed the reader of ``fmt``: mutated sample files, generated inputs, random bytes."""
    seeds = seeds or seed_files()
    generated = {
        "text": plain_texts(),
        "html": html_pages(),
        "feed": feeds(),
        "jsonl": json_lines(),
        "sniffed": st.one_of(plain_texts(), html_pages(), feeds(), json_lines()),
    }[fmt]
    return st.one_of(mutated(seeds[fmt]), generated, st.binary(max_size=4096))


# -- the contract ------------------------------------------------------------------------------
def read_file(path: str, fmt: str) -> list[Article | Failure]:
    """What ``parley ingest`` makes of one file: articles, or failures naming the file."""
    reader = SourceReader(fetcher=NoNetwork())  # type: ignore[arg-type]
    found: list[Article | Failure] = []
    for item in reader.read(Source(path, "file", None if fmt == "sniffed" else fmt)):
        if isinstance(item, Failure):
            found.append(item)
            continue
        try:
            found.append(clean_article(item, today=_TODAY))
        except InputError as exc:
            found.append(Failure(exc.origin, exc.reason, stage="clean"))
    return found


def check_contract(path: str, found: list[Article | Failure]) -> None:
    """Raise AssertionError when an outcome breaks the contract."""
    for item in found:
        if isinstance(item, Failure):
            assert item.origin.startswith(path), f"failure names another input: {item.origin!r}"
            assert item.reason.strip(), "a failure without a reason"
            assert len(item.reason) <= MAX_REASON_CHARS, f"a reason of {len(item.reason)} characters"
        else:
            assert item.text.strip() and item.title.strip(), "an article without text or title"
            assert item.sha256 == content_hash(item.text) and item.id == item.sha256[:16]
            assert item.origin.startswith(path)


def property_for(fmt: str, folder: str, seeds: dict[str, list[bytes]]) -> Callable[[], None]:
    """The contract as a hypothesis test (called with no argument), one file in ``folder``."""
    path = os.path.join(folder, f"input{SUFFIX[fmt]}")

    def holds(data: bytes) -> None:
        Path(path).write_bytes(data)
        check_contract(path, read_file(path, fmt))

    test: Callable[[], None] = given(inputs(fmt, seeds))(holds)
    return test


SLOW_SECONDS = 60.0  # one input taking longer than this is a finding (a hang, for a user)


def fuzz_settings(examples: int, slow: float = SLOW_SECONDS, derandomize: bool = False) -> settings:
    return settings(
        max_examples=examples,
        deadline=dt.timedelta(seconds=slow),
        derandomize=derandomize,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        report_multiple_bugs=True,
        suppress_health_check=list(HealthCheck),
    )


def fuzz(fmt: str, examples: int, seed_value: int) -> tuple[float, str | None]:
    """Run ``examples`` inputs through the reader of ``fmt``; (seconds, what failed or None)."""
    seeds = seed_files()
    memory = "/dev/shm" if os.path.isdir("/dev/shm") else None  # one file written per input
    with tempfile.TemporaryDirectory(dir=memory) as folder:
        warm = Path(folder, f"warm{SUFFIX[fmt]}")  # imports and models load before the clock starts
        warm.write_bytes(seeds[fmt][0])
        read_file(str(warm), fmt)
        test = seed(seed_value)(fuzz_settings(examples)(property_for(fmt, folder, seeds)))
        started = time.perf_counter()
        try:
            test()
        except Exception as exc:  # noqa: BLE001 - the finding is printed, the other formats go on
            return time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
        return time.perf_counter() - started, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="in all, shared among the formats")
    parser.add_argument("--rounds", type=int, default=20, help="each format gets a share in every round")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=FORMATS, action="append")
    args = parser.parse_args(argv)
    formats = args.format or list(FORMATS)
    each = max(1, args.examples // len(formats) // args.rounds)
    done = dict.fromkeys(formats, 0)
    spent = dict.fromkeys(formats, 0.0)
    found: list[str] = []
    print(f"{each} examples per format per round, {args.rounds} rounds, seed {args.seed}", flush=True)
    for round_number in range(args.rounds):  # round by round: a run stopped early covers every format
        for fmt in formats:
            seconds, problem = fuzz(fmt, each, args.seed + round_number)
            done[fmt] += each
            spent[fmt] += seconds
            if problem:
                found.append(f"{fmt} (round {round_number}): {problem}")
                print(f"FOUND {found[-1]}", flush=True)
        total = sum(done.values())
        print(f"round {round_number + 1}: {total} examples, {sum(spent.values()):.0f} s", flush=True)
    print(f"{'reader':<8} {'examples':>8} {'seconds':>8} {'per s':>6}")
    for fmt in formats:
        print(f"{fmt:<8} {done[fmt]:>8} {spent[fmt]:>8.1f} {done[fmt] / spent[fmt]:>6.1f}")
    print(f"{len(found)} finding(s)" + "".join(f"\n  {f}" for f in found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
