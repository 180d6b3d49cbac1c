"""Bytes to text: BOMs, UTF-8, then charset detection; binary input is refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from parley.errors import BinaryInput, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text files (tab, LF, CR, FF are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode_text(data: bytes, origin: str) -> str:
    """Decode ``data`` to ``str`` or raise EmptyInput / BinaryInput.

    Order: a byte-order mark decides; else strict UTF-8; else charset-normalizer's best guess
    (which handles cp1251, latin-1, UTF-16 without BOM ...). Bytes with NULs or many control
    characters that no encoding explains are binary.
    """
    if not data.strip():
        raise EmptyInput(origin, "empty file" if not data else "only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInput(origin, f"invalid {encoding} text: {exc.reason}") from exc
            return _check_text(text, origin)
    if b"\x00" not in data:
        try:
            return _check_text(data.decode("utf-8"), origin)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BinaryInput(origin, "binary data, not text in any known encoding")
    return _check_text(str(best), origin, detected=best.encoding)


def _check_text(text: str, origin: str, detected: str | None = None) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        how = f" (best guess {detected})" if detected else ""
        raise BinaryInput(origin, f"binary data, not text{how}")
    if not text.strip():
        raise EmptyInput(origin, "only whitespace")
    return text


def one_line(value: str | None) -> str | None:
    """A title or name on one line, runs of white space made one space (None when empty). A
    title is matched against the text with regular expressions; a run of thousands of tabs or
    spaces in it would make them slow."""
    joined = " ".join(value.split()) if value else ""
    return joined or None
