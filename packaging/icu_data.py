"""A smaller ICU data library for the Linux bundle (used by alliance-desktop.spec).

PySide6's Qt links ICU 73, whose `libicudata.so.73` is nothing but one 30 MB array,
`icudt73_dat`, in ICU's "common data" format (a table of contents, then items named
like ``icudt73l/coll/de.res``). Qt calls ICU for only a few things:

* collation: `QCollator` (the file dialog's name sorting, `localeAwareCompare`);
* time zones: `QTimeZone` display names and canonical IDs;
* converters: `QStringDecoder`/`QStringEncoder` for encodings Qt has no codec of its
  own for (UTF-8/16/32 and Latin-1 are Qt's own);
* case mapping: `QLocale::toUpper`/`toLower` (built into libicuuc, no data needed).

So the stub keeps, for every locale: all collation data (`coll/`), all time zone names
(`zone/`), every top-level resource (the locales' main data, supplemental data, likely
subtags, zoneinfo64, meta zones, numbering systems), the normalisation and property
files, and the converter alias table with the small table converters (single-byte
Windows, ISO-8859, Mac, KOI8 and IBM code pages). It drops what Qt never asks ICU for:
break-iterator rules and the CJK/Thai/Khmer/Lao/Burmese dictionaries (`brkitr/`; Qt
segments text itself), unit names (`unit/`), currency names (`curr/`), language and
region display names (`lang/`, `region/`), transliterators (`translit/`), spelled-out
numbers (`rbnf/`), character names, StringPrep/UTS #46 (Qt's IDNA is its own), the
spoof checker's confusables, and the large multi-byte (CJK) and EBCDIC converter
tables: Shift_JIS, EUC-JP/KR, GBK, GB18030, Big5 and ISO-2022-JP then have no
`QStringDecoder` (the app decodes nothing by name; Python's own codecs are unaffected). An item
ICU cannot find makes the call fail or fall back (to the root locale, or to a
"GMT+01:00"-style zone name); it never crashes.

The new array goes into a stub library with the same soname and symbol, assembled with
`.incbin` (so building needs gcc; without it the spec keeps Qt's own library).

Run by hand to see what it keeps: ``python packaging/icu_data.py path/to/libicudata.so.73``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Item folders (inside icudtNNl/) that Qt's ICU calls never read.
DROPPED_TREES = ("brkitr/", "unit/", "curr/", "lang/", "region/", "translit/", "rbnf/")
# Table converters above this size are the multi-byte CJK and EBCDIC DBCS tables.
LARGEST_CONVERTER = 20_000


# Top-level items for ICU services Qt does its own way or never uses: character names
# (u_charName), StringPrep profiles and UTS #46 (Qt has its own IDNA), and the spoof
# checker's confusables.
DROPPED_ITEMS = ("unames.icu", "uts46.nrm", "confusables.cfu")
DROPPED_SUFFIXES = (".spp",)


def keep(item: str) -> bool:
    """`item` without its ``icudtNNl/`` prefix, e.g. ``coll/de.res`` or ``ibm-943_P15A-2003.cnv``."""
    dropped = (
        item.startswith(DROPPED_TREES) or item in DROPPED_ITEMS or item.endswith(DROPPED_SUFFIXES)
    )
    return not dropped


def keep_sized(item: str, size: int) -> bool:
    if item.endswith(".cnv") and "/" not in item:
        return size <= LARGEST_CONVERTER
    return keep(item)


def _symbol(lib: Path) -> tuple[int, int, str]:
    """File offset, size and name of the `icudtNN_dat` array in `lib`."""
    out = subprocess.run(
        ["readelf", "-sW", "-SW", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    sym = re.search(
        r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\w+\s+(\d+)\s+(icudt\d+_dat)\b", out
    )
    if not sym:
        raise ValueError(f"{lib}: no icudtNN_dat symbol")
    addr, size, shndx, name = int(sym[1], 16), int(sym[2], 0), int(sym[3]), sym[4]
    # The section that holds it: [Nr] Name Type Address Off Size ...
    for line in out.splitlines():
        m = re.match(r"\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s", line)
        if m and int(m[1]) == shndx:
            return addr - int(m[2], 16) + int(m[3], 16), size, name
    raise ValueError(f"{lib}: section {shndx} of {name} not found")


def read_common(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU common data -> (its header, [(item name, item bytes)])."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    count = struct.unpack_from("<I", data, header_size)[0]
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + offset for _, offset in entries] + [len(data)]
    items = []
    for i, (name_offset, _) in enumerate(entries):
        at = header_size + name_offset
        name = data[at : data.index(b"\0", at)].decode("ascii")
        items.append((name, data[starts[i] : starts[i + 1]]))
    return data[:header_size], items


def write_common(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of read_common; items stay in their (sorted) order, 16-byte aligned."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    first = (toc_size + len(names) + 15) // 16 * 16
    toc, name_at, data_at, body = [struct.pack("<I", len(items))], toc_size, first, []
    for name, blob in items:
        toc.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        body.append(padded)
        data_at += len(padded)
    head = b"".join(toc) + names
    return header + head + b"\0" * (first - len(head)) + b"".join(body)


def trimmed(lib: Path) -> tuple[str, bytes, bytes]:
    """(symbol name, original array, trimmed array) for an ICU data library."""
    offset, size, symbol = _symbol(lib)
    with open(lib, "rb") as fh:
        fh.seek(offset)
        data = fh.read(size)
    header, items = read_common(data)
    prefix = items[0][0].split("/", 1)[0] + "/"
    kept = [(n, b) for n, b in items if keep_sized(n[len(prefix) :], len(b))]
    # A small extension-only converter (windows-949-2000 on top of ibm-1363) names its
    # base table inside; without that base it cannot load, so it goes too.
    names = {n for n, _ in kept}
    gone = [
        n[len(prefix) : -4].encode("ascii") + b"\0"
        for n, _ in items
        if n not in names and n.endswith(".cnv")
    ]
    kept = [(n, b) for n, b in kept if not (n.endswith(".cnv") and any(g in b for g in gone))]
    return symbol, data, write_common(header, kept)


def build_stub(lib: Path, outdir: Path) -> Path | None:
    """Write a trimmed copy of `lib` (same file name and soname) into `outdir`.

    Returns its path, or None (with a warning) when it cannot be built here; the
    caller then ships the original.
    """
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None or shutil.which("readelf") is None:
        print(f"WARNING: icu_data: no gcc/readelf, shipping the full {lib.name}", file=sys.stderr)
        return None
    symbol, _, data = trimmed(lib)
    soname = re.search(
        r"SONAME\)\s+Library soname: \[([^\]]+)\]",
        subprocess.run(["readelf", "-dW", str(lib)], capture_output=True, text=True).stdout,
    )
    outdir.mkdir(parents=True, exist_ok=True)
    blob = outdir / f"{symbol}.bin"
    blob.write_bytes(data)
    asm = outdir / f"{symbol}.S"
    asm.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
        f'\t.incbin "{blob.name}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    out = outdir / lib.name
    subprocess.run(
        [
            gcc,
            "-shared",
            "-nostdlib",
            "-o",
            str(out),
            asm.name,
            f"-Wl,-soname,{soname[1] if soname else lib.name}",
            "-Wl,-z,noexecstack",
            "-s",
        ],
        cwd=outdir,
        check=True,
    )
    # The stub must carry exactly the trimmed array under the same symbol.
    check = _symbol(out)
    if check[1:] != (len(data), symbol):
        raise RuntimeError(
            f"icu_data: stub {out} has {check}, expected {symbol} of {len(data)} bytes"
        )
    return out


if __name__ == "__main__":
    lib = Path(sys.argv[1])
    symbol, before, after = trimmed(lib)
    _, items = read_common(before)
    _, kept = read_common(after)
    names = {n for n, _ in kept}
    dropped: dict[str, int] = {}
    for name, blob in items:
        if name not in names:
            part = name.split("/")[1] if name.count("/") > 1 else "(top level)"
            dropped[part] = dropped.get(part, 0) + len(blob)
    print(
        f"{symbol}: {len(before) / 2**20:.2f} MiB, {len(items)} items -> "
        f"{len(after) / 2**20:.2f} MiB, {len(kept)} items"
    )
    for part, size in sorted(dropped.items(), key=lambda kv: -kv[1]):
        print(f"  dropped {part:14} {size / 2**20:6.2f} MiB")
    if len(sys.argv) > 2:
        print(build_stub(lib, Path(sys.argv[2])))
