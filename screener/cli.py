"""The ``screener`` command. It parses arguments, calls the library, prints.

Exit codes: 0 nothing above info; 1 findings (caution or avoid); 2 could not
run (bad input, missing file, invalid database) with the message on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DatabaseError, ScreenError
from .report import OutputFormat, render, render_routine_text
from .vocabulary import CONTEXTS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _read_text_file(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    from .tabular import detect_encoding  # lazily: it brings pandas, which check() never needs

    data = Path(path).read_bytes()
    text = data.decode(detect_encoding(data))
    return text[1:] if text.startswith("\ufeff") else text


def _contexts(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        out += [v for v in value.split(",") if v.strip()]
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    fmt = check.add_mutually_exclusive_group()
    fmt.add_argument(
        "--format", choices=[f.value for f in OutputFormat], default=None, help="output format"
    )
    fmt.add_argument("--json", action="store_true", help="same as --format json")
    fmt.add_argument("--markdown", action="store_true", help="same as --format markdown")

    routine = sub.add_parser("routine", help="screen several products used together")
    routine.add_argument("files", nargs="+", help="one file per product (name = file name)")
    routine.add_argument("--context", "-c", action="append", help=ctx_help)
    routine.add_argument("--json", action="store_true")

    batch = sub.add_parser("batch", help="screen every row of a CSV/TSV catalog")
    batch.add_argument("input")
    batch.add_argument("-o", "--output", required=True)
    batch.add_argument("--column", help="the ingredient column (auto-detected by default)")
    batch.add_argument("--format", choices=["csv", "json", "parquet"], default=None)
    batch.add_argument("--context", "-c", action="append", help=ctx_help)
    batch.add_argument("--encoding", help="input encoding (detected by default)")
    batch.add_argument("--chunksize", type=int, default=20_000)
    batch.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="worker processes (-1: one per core; default: one per core for inputs "
        "over 20,000 rows, else 1)",
    )
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    batch.add_argument("--avoid", metavar="FILE", help=avoid_help)

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
    suggest.add_argument("--context", "-c", action="append", help=ctx_help)
    suggest.add_argument("--json", action="store_true")

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


def _text_arg(value: str | None, file: str | None) -> str:
    if file:
        return _read_text_file(file)
    if value is not None:
        return _read_text_file(value[1:]) if value.startswith("@") else value
    if not sys.stdin.isatty():
        return sys.stdin.read()
    raise ScreenError("Give the ingredient list as an argument, with --file, or on stdin.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except ScreenError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except DatabaseError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        print(f"screener: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("screener: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from .screen import get_screener

    if args.command == "check-db":
        from .database import main as db_main

        return db_main(["--check"])
    if args.command == "batch":
        from .batch import run_batch_cli

        return run_batch_cli(args)
    if args.command == "coverage":
        from .coverage import run_coverage_cli

        return run_coverage_cli(args)
    if args.command in ("suggest", "compare"):
        from .catalog import run_catalog_cli

        return run_catalog_cli(args)

    screener = get_screener()
    if args.command == "check":
        text = _text_arg(args.text, args.file)
        report = screener.screen(
            text,
            context=_contexts(args.context),
            product_type=args.product_type,
            avoid=_avoid_arg(args.avoid),
        )
        fmt = args.format or ("json" if args.json else "markdown" if args.markdown else "text")
        print(render(report, fmt), end="")
        return EXIT_FINDINGS if report.verdict.worst in ("caution", "avoid") else EXIT_CLEAN
    if args.command == "routine":
        products = [{"name": Path(f).stem, "text": _read_text_file(f)} for f in args.files]
        routine = screener.screen_routine(products, context=_contexts(args.context))
        if args.json:
            print(routine.model_dump_json(indent=2))
        else:
            print(render_routine_text(routine), end="")
        return EXIT_FINDINGS if routine.verdict.worst in ("caution", "avoid") else EXIT_CLEAN
    raise ScreenError(f"unknown command {args.command}")  # pragma: no cover


if __name__ == "__main__":
    raise SystemExit(main())
