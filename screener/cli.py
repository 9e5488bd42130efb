"""The ``screener`` command. It parses arguments, calls the library, prints.

Exit codes: 0 nothing above info; 1 findings (caution or avoid); 2 could not
run: bad arguments, a missing, unreadable or malformed file, an invalid
database. The reason is ONE line on stderr, ``screener…: reason``, never a
traceback (argparse's usage block is replaced by a pointer to ``--help``).
Stopped by Ctrl-C, SIGTERM or SIGHUP: 128 + the signal number (130, 143,
129), after removing any partial output. ``check-db`` is the one command
that lists many lines: every problem of an invalid database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errors import DatabaseError, ScreenError
from .files import decode_bytes, read_text_file
from .limits import CHUNK_ROWS
from .report import OutputFormat, render, render_routine_text
from .shutdown import exit_code, stop_signals_raise
from .vocabulary import CONTEXTS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: the reason and where to find the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def one_line(message: object) -> str:
    """A message folded onto one line (whitespace runs become single spaces)."""
    return " ".join(str(message).split())


def clean_text(text: str) -> str:
    """Text with lone surrogates replaced by U+FFFD, so that every output path
    can encode it: bytes that were not UTF-8 in argv arrive as surrogates
    (surrogateescape), one per byte, and become one U+FFFD each."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def _read_stdin(encoding: str | None) -> str:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return decode_bytes(data, encoding, "stdin") if data.strip() else ""


def _read_text_file(path: str, encoding: str | None = None) -> str:
    if path == "-":
        return _read_stdin(encoding)
    return read_text_file(path, encoding)


def _contexts(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        out += [v for v in value.split(",") if v.strip()]
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="screener",
        description="Screen skincare ingredient lists for pore-clogging ingredients, heavy "
        "occlusives linked to milia, clashing actives and context warnings.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ctx_help = f"context(s), repeatable or comma-separated: {', '.join(CONTEXTS)}"

    check = sub.add_parser("check", help="screen one ingredient list")
    check.add_argument("text", nargs="?", help="the ingredient list (or use --file / stdin)")
    check.add_argument("--file", "-f", help="read the list from a file ('-' for stdin)")
    check.add_argument("--context", "-c", action="append", help=ctx_help)
    check.add_argument("--product-type", choices=["leave-on", "rinse-off"])
    avoid_help = "a personal avoid list (TOML, JSON or one entry per line: docs/avoid-lists.md)"
    check.add_argument("--avoid", metavar="FILE", help=avoid_help)
    check.add_argument("--encoding", help="encoding of --file (detected by default)")
    check.add_argument(
        "--name",
        help="the product's name; sets the product type unless given (e.g. 'Foaming Cleanser')",
    )
    fmt = check.add_mutually_exclusive_group()
    fmt.add_argument(
        "--format", choices=[f.value for f in OutputFormat], default=None, help="output format"
    )
    fmt.add_argument("--json", action="store_true", help="same as --format json")
    fmt.add_argument("--markdown", action="store_true", help="same as --format markdown")

    routine = sub.add_parser(
        "routine",
        help="screen several products used together",
        description="Each product is [NAME:][WHEN:][TYPE:]FILE, e.g. "
        "Cleanser:AM+PM:rinse-off:cleanser.txt or Serum:PM:serum.txt (WHEN: AM, PM, AM+PM; "
        "TYPE: leave-on, rinse-off, else read off the name). Or --from routine.toml / "
        "routine.csv with name, when, product_type and ingredients (or file) per product.",
    )
    routine.add_argument("files", nargs="*", help="[NAME:][WHEN:][TYPE:]FILE, one per product")
    routine.add_argument("--from", dest="routine_file", help="a routine file (.toml or .csv)")
    routine.add_argument("--context", "-c", action="append", help=ctx_help)
    routine.add_argument("--encoding", help="encoding of the files (detected by default)")
    routine_fmt = routine.add_mutually_exclusive_group()
    routine_fmt.add_argument(
        "--format",
        choices=["text", "json", "markdown", "html"],
        default=None,
        help="text report (default), json, or a printable handout (markdown, html)",
    )
    routine_fmt.add_argument("--json", action="store_true", help="same as --format json")

    batch = sub.add_parser("batch", help="screen every row of a CSV/TSV catalog")
    batch.add_argument("input")
    batch.add_argument("-o", "--output", required=True)
    batch.add_argument("--column", help="the ingredient column (auto-detected by default)")
    batch.add_argument("--format", choices=["csv", "json", "parquet"], default=None)
    batch.add_argument("--context", "-c", action="append", help=ctx_help)
    batch.add_argument("--encoding", help="input encoding (detected by default)")
    batch.add_argument(
        "--chunksize", type=int, default=CHUNK_ROWS, help=f"rows at a time (default {CHUNK_ROWS:,})"
    )
    batch.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="worker processes (-1: one per core; default: one per core for inputs "
        "over 20,000 rows, else 1)",
    )
    batch.add_argument(
        "--product-type",
        choices=["leave-on", "rinse-off"],
        help="screen every row as this type (default: inferred per row from a category "
        "column or the product name)",
    )
    batch.add_argument(
        "--type-column", help="a column saying each row's type (leave-on, rinse-off, Cleanser …)"
    )
    batch.add_argument(
        "--no-type-inference",
        action="store_true",
        help="do not infer the type from the name or category (every row leave-on)",
    )
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    batch.add_argument("--avoid", metavar="FILE", help=avoid_help)
    batch.add_argument(
        "--dask",
        nargs="?",
        const="local",
        default=None,
        metavar="ADDRESS",
        help="screen on a Dask cluster: alone, worker processes on this machine (--jobs of "
        "them); with a scheduler address (tcp://host:8786), that cluster. INPUT may then be "
        "a glob or a folder of CSV or Parquet files; OUTPUT a .csv file or a Parquet folder",
    )

    coverage = sub.add_parser("coverage", help="measure recognition on a CSV corpus")
    coverage.add_argument("input")
    coverage.add_argument("--column", help="the ingredient column (auto-detected by default)")
    coverage.add_argument("--top", type=int, default=30, help="how many unknown names to list")
    coverage.add_argument("--encoding")

    suggest = sub.add_parser("suggest", help="find milia-friendly products in a catalog")
    suggest.add_argument("text", nargs="?", help="the product's ingredient list")
    suggest.add_argument("--file", "-f")
    suggest.add_argument("--catalog", required=True, help="catalog CSV")
    suggest.add_argument("--column")
    suggest.add_argument("-k", type=int, default=5)
    suggest.add_argument(
        "--category", help="suggest from this category (default: the product's own, if known)"
    )
    suggest.add_argument(
        "--name", help="the product's name (sets its type: a cleanser for a cleanser)"
    )
    suggest.add_argument(
        "--row", type=int, help="use catalog row N (1 = first data row) as the product"
    )
    suggest.add_argument("--context", "-c", action="append", help=ctx_help)
    suggest.add_argument("--json", action="store_true")
    suggest.add_argument("--encoding", help="encoding of the catalog and --file")

    compare = sub.add_parser("compare", help="compare two products side by side")
    compare.add_argument("a", help="first list, or @file")
    compare.add_argument("b", help="second list, or @file")
    compare.add_argument("--json", action="store_true")

    sub.add_parser("check-db", help="validate the ingredient database and print its size")
    return parser


def _avoid_arg(path: str | None) -> Path | None:
    """The avoid file as a path (the library reads and checks it), refused clearly."""
    if path is None:
        return None
    file = Path(path)
    if not file.is_file():
        raise ScreenError(f"--avoid {path}: no such file.")
    return file


def _text_arg(value: str | None, file: str | None, encoding: str | None = None) -> str:
    if file:
        return _read_text_file(file, encoding)
    if value is not None:
        if value.startswith("@"):
            return _read_text_file(value[1:], encoding)
        return clean_text(value)
    if not sys.stdin.isatty():
        return _read_stdin(encoding)
    raise ScreenError("Give the ingredient list as an argument, with --file, or on stdin.")


def _robust_streams() -> None:
    """stdout and stderr never fail on a character they cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def _fail(message: object, code: int = EXIT_ERROR) -> int:
    print(f"screener: {one_line(message)}", file=sys.stderr)
    return code


def _database_message(exc: DatabaseError) -> str:
    shown = "; ".join(exc.problems[:3])
    more = f"; … and {len(exc.problems) - 3} more" if len(exc.problems) > 3 else ""
    return f"the ingredient database is invalid: {shown}{more} (screener check-db lists them all)"


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    _robust_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with stop_signals_raise():
            return _run(args)
    except ScreenError as exc:
        return _fail(exc)
    except DatabaseError as exc:
        return _fail(_database_message(exc))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP as shutdown.Terminated
        return _fail(
            f"stopped by {exc or 'SIGINT (Ctrl-C)'}; no partial output left", exit_code(exc)
        )
    except BrokenPipeError:
        _silence_stdout()
        return _fail("the output was closed before everything was written (broken pipe)")
    except UnicodeError as exc:
        return _fail(f"cannot read the text: {exc}")
    except MemoryError:
        return _fail("out of memory: split the input into smaller files")
    except OSError as exc:
        return _fail(_os_message(exc))
    except Exception as exc:  # noqa: BLE001 - the promise: a reason, never a traceback
        if os.environ.get("SCREENER_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _run(args: argparse.Namespace) -> int:
    from .screen import get_screener

    if args.command == "check-db":
        from .database import main as db_main

        return db_main(["--check"])
    if args.command == "batch" and args.dask is not None:
        from .scale import run_dask_batch_cli  # lazily: Dask is an optional extra

        return run_dask_batch_cli(args)
    if args.command == "batch":
        from .batch import run_batch_cli

        return run_batch_cli(args)
    if args.command == "coverage":
        from .coverage import run_coverage_cli

        return run_coverage_cli(args)
    if args.command in ("suggest", "compare"):
        return _run_catalog(args)

    screener = get_screener()
    if args.command == "check":
        text = _text_arg(args.text, args.file, args.encoding)
        report = screener.screen(
            text,
            context=_contexts(args.context),
            product_type=args.product_type,
            avoid=_avoid_arg(args.avoid),
            name=args.name,
        )
        fmt = args.format or ("json" if args.json else "markdown" if args.markdown else "text")
        print(render(report, fmt), end="")
        return EXIT_FINDINGS if report.verdict.worst in ("caution", "avoid") else EXIT_CLEAN
    if args.command == "routine":
        from .routine_file import parse_product_arg, read_routine_file

        def read(path: str) -> str:
            return _read_text_file(path, args.encoding)

        products = read_routine_file(args.routine_file, read) if args.routine_file else []
        products += [parse_product_arg(clean_text(spec), read) for spec in args.files]
        if not products:
            raise ScreenError("Name the products (NAME:WHEN:FILE …) or a routine file (--from).")
        routine = screener.screen_routine(products, context=_contexts(args.context))
        fmt = args.format or ("json" if args.json else "text")
        if fmt == "json":
            print(routine.model_dump_json(indent=2))
        elif fmt in ("markdown", "html"):
            from .handout import routine_handout, routine_handout_html

            print((routine_handout if fmt == "markdown" else routine_handout_html)(routine), end="")
        else:
            print(render_routine_text(routine), end="")
        return EXIT_FINDINGS if routine.verdict.worst in ("caution", "avoid") else EXIT_CLEAN
    raise ScreenError(f"unknown command {args.command}")  # pragma: no cover


def _read_catalog(path: str, encoding: str | None = None) -> Any:
    from .files import check_input_file
    from .formats import read_binary_table, table_kind
    from .tabular import read_table

    with open(check_input_file(path), "rb") as handle:
        head = handle.read(4096)
    kind = table_kind(path, head)
    if kind == "text":
        return read_table(path, encoding)
    return read_binary_table(Path(path), kind, path)


def _run_catalog(args: argparse.Namespace) -> int:
    from .catalog import NAME_COLUMNS, _pick, compare, suggest_products

    if args.command == "compare":
        result = compare(_text_arg(args.a, None), _text_arg(args.b, None))
        if args.json:
            print(json.dumps(dict(result.items()), indent=2))
        else:
            print(result.render())
        return EXIT_CLEAN
    catalog = _read_catalog(args.catalog, args.encoding)
    row = None
    text: str | None = None
    if args.row is not None:
        if not 1 <= args.row <= len(catalog):
            raise ScreenError(f"--row {args.row}: the catalog has rows 1 to {len(catalog)}.")
        row = args.row - 1
    else:
        text = _text_arg(args.text, args.file, args.encoding)
    found = suggest_products(
        text,
        catalog,
        column=args.column,
        k=args.k,
        context=_contexts(args.context),
        category=args.category,
        name=args.name,
        row=row,
    )
    if args.json:
        print(found.to_json(orient="records", indent=2))
        return EXIT_CLEAN
    if found.empty:
        print("No product in the catalog screens clean and matches this one.", file=sys.stderr)
        return EXIT_CLEAN
    name_col = _pick(found.columns, NAME_COLUMNS)
    brand_col = found.attrs.get("brand_column", "brand")
    price_col = found.attrs.get("price_column", "price")
    if found.attrs.get("category"):
        print(f"Same shelf: {found.attrs['category']}")
    for _, item in found.iterrows():
        label = str(item[name_col]) if name_col else f"row {item.name}"
        brand = str(item.get(brand_col, "") or "")
        price = str(item.get(price_col, "") or "")
        head = " — ".join(p for p in (brand, label) if p) + (f" ({price})" if price else "")
        print(f"{item['score']:.3f}  {head}\n       {item['why']}")
    return EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
