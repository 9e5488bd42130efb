"""Reading a routine from the command line or a file, for ``screen_routine``.

On the command line each product is ``[NAME:][WHEN:][TYPE:]FILE``: WHEN is AM,
PM or AM+PM, TYPE leave-on or rinse-off, FILE a text file with the list
(``Cleanser:AM+PM:rinse-off:cleanser.txt``, ``Serum:PM:serum.txt``, or just
``serum.txt``, named after the file).

A routine file holds the same fields, one product each:

* TOML (``.toml``)::

      [[product]]
      name = "Gentle cleanser"
      when = "AM+PM"              # optional: AM, PM or AM+PM
      product_type = "rinse-off"  # optional: leave-on or rinse-off
      ingredients = "Aqua, Glycerin, ..."   # or: file = "cleanser.txt"

* CSV (``.csv``/``.tsv``) with the columns ``name``, ``when``,
  ``product_type`` and ``ingredients`` (or ``file``).

A relative ``file`` is read beside the routine file. Without a type, the
product's name sets it ("… Cleanser" → rinse-off; screener.product_type).
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import ScreenError
from .options import normalise_product_type
from .product_type import type_and_reason

WHEN_WORDS = {"AM": "AM", "PM": "PM", "AM+PM": "AM+PM", "BOTH": "AM+PM", "AMPM": "AM+PM"}
ROUTINE_SUFFIXES = (".toml", ".csv", ".tsv")


def _when(word: str) -> str | None:
    return WHEN_WORDS.get(word.strip().upper().replace(" ", ""))


def _type(word: str) -> str | None:
    try:
        return normalise_product_type(word)
    except ScreenError:
        return None


def with_type(product: dict[str, Any]) -> dict[str, Any]:
    """A product with its type: given, else read off its name (with the reason)."""
    given = normalise_product_type(product.get("product_type") or None)
    ptype, reason = type_and_reason(given, product.get("name"))
    product["product_type"] = ptype
    if given:
        product.setdefault("product_type_reason", reason)
    else:
        product["product_type_reason"] = reason
    return product


def parse_product_arg(spec: str, read: Callable[[str], str]) -> dict[str, Any]:
    """``[NAME:][WHEN:][TYPE:]FILE`` → a routine product; ``read`` reads FILE."""
    parts = spec.split(":")
    path = parts[-1]
    if not path:
        raise ScreenError(f"{spec!r}: no file after the last ':' (NAME:WHEN:TYPE:FILE).")
    name: str | None = None
    when: str | None = None
    ptype: str | None = None
    for index, part in enumerate(parts[:-1]):
        if (found_when := _when(part)) is not None:
            when = found_when
        elif (found_type := _type(part)) is not None:
            ptype = found_type
        elif index == 0 and part.strip():
            name = part.strip()
        else:
            raise ScreenError(
                f"{spec!r}: {part!r} is neither AM, PM, AM+PM nor leave-on/rinse-off "
                "(write NAME:WHEN:TYPE:FILE, e.g. Cleanser:AM+PM:rinse-off:cleanser.txt)."
            )
    return with_type(
        {
            "name": name or Path(path).stem,
            "text": read(path),
            "when": when,
            "product_type": ptype,
        }
    )


def _row_product(
    row: Mapping[str, Any], where: str, base: Path, read: Callable[[str], str]
) -> dict[str, Any]:
    folded = {str(k).strip().casefold(): v for k, v in row.items() if k is not None}
    text = folded.get("ingredients") or folded.get("text") or folded.get("inci")
    file = folded.get("file")
    if not text and file:
        target = Path(str(file))
        text = read(str(target if target.is_absolute() else base / target))
    if not text or not str(text).strip():
        raise ScreenError(f"{where}: give 'ingredients' or 'file' for each product.")
    when_raw = str(folded.get("when") or folded.get("time") or "").strip()
    when = _when(when_raw) if when_raw else None
    if when_raw and when is None:
        raise ScreenError(f"{where}: 'when' must be AM, PM or AM+PM, not {when_raw!r}.")
    ptype_raw = str(folded.get("product_type") or folded.get("type") or "").strip()
    try:
        ptype = normalise_product_type(ptype_raw) if ptype_raw else None
    except ScreenError as exc:
        raise ScreenError(f"{where}: {exc}") from None
    return with_type(
        {
            "name": str(folded.get("name") or "").strip() or where,
            "text": str(text),
            "when": when,
            "product_type": ptype,
        }
    )


def read_routine_file(path: str | Path, read: Callable[[str], str]) -> list[dict[str, Any]]:
    """The products of a TOML or CSV routine file (format in the module docstring)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in ROUTINE_SUFFIXES:
        raise ScreenError(
            f"{target.name}: a routine file is .toml or .csv (see `screener routine --help`)."
        )
    raw = read(str(target))
    base = target.parent
    rows: Sequence[Mapping[str, Any]]
    if suffix == ".toml":
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise ScreenError(f"{target.name}: not valid TOML ({exc}).") from None
        found = data.get("product") or data.get("products")
        if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
            raise ScreenError(
                f"{target.name}: list the products as [[product]] tables "
                "(name, when, product_type, ingredients or file)."
            )
        rows = found
    else:
        rows = list(csv.DictReader(io.StringIO(raw), delimiter="\t" if suffix == ".tsv" else ","))
    if not rows:
        raise ScreenError(f"{target.name}: the routine has no products.")
    return [
        _row_product(row, f"{target.name} product {n}", base, read)
        for n, row in enumerate(rows, start=1)
    ]
