"""The EU CosIng inventory as the base layer of recognition (``inventory/``).

About 28,700 INCI names with CAS numbers and functions, no ratings. Rows are
kept as tuples in a dict keyed by the folded name; an ``Ingredient`` is built
only when a name is matched (``curated=False``, never a rating: unknown, not 0).

Folding 28,700 names costs about half a second, so the folded and squeezed
keys are cached in a small text file at first use (``index_dir()``), named by
a hash of the inventory file, of ``normalise.py`` (the folding rules) and of
this module (the checks the index vouches for):
a change to any of them yields a new name, so the index is never stale; it is
written only after the file passed every check. If the cache cannot be
written the keys are folded in memory. Rows stay raw CSV lines until matched.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import normalise
from ..normalise import fold_name
from ..vocabulary import cosing_functions
from .display import inci_case
from .models import Ingredient

FOLDER = "inventory"
FILENAME = "cosing_inventory.csv"
HEADER = ["inci_name", "cas_number", "einecs_number", "function"]
SOURCE_ID = "COSING-INVENTORY"
#: Bump when the index file's layout changes.
INDEX_FORMAT = "4"
_SQUEEZE = re.compile(r"[^a-z0-9]+")

#: (INVENTORY NAME, CAS, EC, CosIng function words)
Row = tuple[str, str, str, str]


def index_dir() -> Path:
    """$SCREENER_CACHE_DIR, else $XDG_CACHE_HOME/milia-screener, else ~/.cache/milia-screener."""
    env = os.environ.get("SCREENER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "milia-screener"


@dataclass(eq=False)
class Inventory:
    """Inventory rows by folded name, and by squeezed name where that is unambiguous.

    A row stays its raw CSV line until it is matched: parsing 28,697 lines at
    every start would cost more than the rest of the load."""

    lines: dict[str, str] = field(default_factory=dict)
    squeezed: dict[str, str] = field(default_factory=dict)
    label: str = ""
    _built: dict[str, Ingredient] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.lines)

    def __contains__(self, key: object) -> bool:
        return key in self.lines

    def row(self, key: str) -> Row | None:
        line = self.lines.get(key)
        if line is None:
            return None
        cells = next(csv.reader([line.rstrip("\r")]))
        return (cells[0], cells[1], cells[2], cells[3])

    @property
    def rows(self) -> dict[str, Row]:
        """Every row, parsed (for checks and tests; matching never needs them all)."""
        return {key: row for key in self.lines if (row := self.row(key)) is not None}

    def ingredient(self, key: str) -> Ingredient | None:
        """The inventory-only ingredient for a folded name (built once, on first match)."""
        hit = self._built.get(key)
        if hit is not None:
            return hit
        row = self.row(key)
        if row is None:
            return None
        name, cas, _ec, words = row
        hit = Ingredient(
            inci=inci_case(name),
            functions=cosing_functions(words),
            sources=(SOURCE_ID,),
            family_file=self.label,
            curated=False,
            cas=cas or None,
            inventory_name=name,
            inventory_functions=tuple(w.strip() for w in words.split(",") if w.strip()),
        )
        self._built[key] = hit
        return hit

    def by_squeezed(self, squeezed: str) -> str | None:
        return self.squeezed.get(squeezed)


def _index_name(data: bytes) -> str:
    import hashlib  # only when the index is looked up: a warm start never needs it

    digest = hashlib.sha256()
    digest.update(INDEX_FORMAT.encode())
    digest.update(Path(normalise.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())  # the checks the index vouches for
    digest.update(data)
    return f"inventory-{digest.hexdigest()[:20]}.keys"


def _fold_all(names: list[str]) -> list[str]:
    """The folded keys of every name, then their squeezed forms (2 × n lines)."""
    keys = [fold_name(name) for name in names]
    return keys + [_SQUEEZE.sub("", key) for key in keys]


def _read_index(path: Path, count: int) -> tuple[list[str], list[str]] | None:
    """(folded, squeezed) of every row from the index file, if it is there and whole."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) != 2 * count:
        return None
    return lines[:count], lines[count:]


def _write_index(path: Path, keys: list[str]) -> None:
    # A read-only home: fold in memory every time, still correct.
    write_cache_file(path, "\n".join(keys).encode("utf-8"))


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write a file of the cache folder atomically (a private temporary file,
    mode 0600, renamed into place): readers see the old file or the whole new
    one. False when it cannot be written (read-only or full disk)."""
    import tempfile  # only when writing: a warm start never needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _locate_problems(text: str, label: str, problems: list[str]) -> None:
    """The slow pass, run only when the fast one found something: which line is wrong."""
    reader = csv.reader(io.StringIO(text, newline=""))
    last = 0
    for cells in reader:
        line, last = last + 1, reader.line_num
        if last != line:
            problems.append(f"{label} line {line}: a cell runs over lines {line}-{last}")
        elif len(cells) != len(HEADER):
            problems.append(f"{label} line {line}: expected 4 cells, found {len(cells)}")
        elif not cells[0].strip():
            problems.append(f"{label} line {line}: inci_name is empty")
        if len(problems) > 50:
            return


def read_inventory_rows(text: str, label: str, problems: list[str]) -> list[Row]:
    """The inventory file's rows, checked for shape; problems name file and line.

    One ``csv.reader`` pass, then whole-file checks (as many records as lines,
    so no cell spans lines; four cells and a name in each); the slow pass that
    names the line runs only when they fail."""
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        problems.append(f"{label}: unreadable CSV ({exc}); an unterminated quote?")
        return []
    if not records or records[0] != HEADER:
        found = records[0] if records else "nothing"
        problems.append(f"{label} line 1: header must be {','.join(HEADER)}, found {found}")
        return []
    lines = text.count("\n") + (not text.endswith("\n"))
    body = records[1:]
    if lines != len(records) or set(map(len, body)) - {4} or not all(r[0] for r in body):
        _locate_problems(text, label, problems)
        return []
    if not body:
        problems.append(f"{label}: no data rows (the inventory must not be empty)")
    return list(map(tuple, body))  # type: ignore[arg-type]


def load_inventory(root: Path, problems: list[str]) -> Inventory:
    """The inventory under ``root/inventory/``, or an empty one when the folder is absent.

    With a valid index file (named by the hash of this very file and of the
    folding rules, written only after the file passed every check) the rows
    are not parsed at all: the lines are split and zipped with the cached keys."""
    path = root / FOLDER / FILENAME
    label = f"{FOLDER}/{FILENAME}"
    if not (root / FOLDER).is_dir():
        return Inventory(label=label)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        problems.append(f"{label}: file is missing")
        return Inventory(label=label)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{label}: cannot be read as UTF-8 text ({exc})")
        return Inventory(label=label)
    lines = text.split("\n")[1:]
    if lines and not lines[-1]:
        lines.pop()
    index_path = index_dir() / _index_name(data)
    index = _read_index(index_path, len(lines))
    if index is None:
        rows = read_inventory_rows(text, label, problems)
        if not rows:
            return Inventory(label=label)
        folded = _fold_all([r[0] for r in rows])
        keys, squeezed_keys = folded[: len(rows)], folded[len(rows) :]
        if len(set(keys)) != len(keys) or "" in keys:
            _duplicates(keys, rows, label, problems)
            return Inventory(label=label)
        _write_index(index_path, folded)
    else:
        keys, squeezed_keys = index
    owner = dict(zip(squeezed_keys, keys, strict=True))
    if len(owner) != len(keys):  # two names squeeze alike: neither is found that way
        for sq, count in Counter(squeezed_keys).items():
            if count > 1:
                del owner[sq]
    return Inventory(lines=dict(zip(keys, lines, strict=True)), squeezed=owner, label=label)


def _duplicates(keys: list[str], rows: list[Row], label: str, problems: list[str]) -> None:
    first: dict[str, Row] = {}
    for line, (key, row) in enumerate(zip(keys, rows, strict=True), start=2):
        if not key:
            problems.append(f"{label} line {line}: {row[0]!r} folds to nothing")
        elif key in first:
            problems.append(
                f"{label} line {line}: {row[0]!r} folds like {first[key][0]!r}: "
                "merge them (scripts/refresh_inventory.py does)"
            )
        else:
            first[key] = row
