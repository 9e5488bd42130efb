"""Screen a whole table: one output row per input row, in pandas, dask or the CLI.

``screen_frame(df)`` keeps every original column unchanged and adds ``screen_*``
columns (verdict, counts, flagged and unknown names, confidence, and the
reason a row could not be screened). It is a pure function of its input, so it
runs unchanged on each partition of a dask DataFrame (``screen_dask``).

``screener batch INPUT -o OUTPUT`` streams a CSV/TSV of any length in chunks
and writes CSV (safe against formula injection), JSON Lines or Parquet to a
temporary file that replaces OUTPUT only once everything is written.

Both can share the rows among worker processes (``n_jobs``, ``--jobs``): each
worker loads the screener once, chunks go out in order and come back in input
order, and the result is exactly the one-process result.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any, Protocol

import pandas as pd

from .errors import DatabaseError, ScreenError
from .files import Decoding, check_input_file, check_output_path, create_beside, file_decoding
from .formats import binary_chunks, table_kind
from .kinds import AvoidList
from .limits import CHUNK_ROWS
from .options import Options, normalise_contexts, normalise_product_type, read_avoid
from .product_type import CATEGORY_COLUMNS, NAME_COLUMNS, infer_product_type, pick_column
from .read import PLACEHOLDER, SPREADSHEET_ERROR
from .screen import Screener, get_screener
from .shutdown import check_stop, terminate_pool, watch_parent
from .tabular import (
    cell_to_text,
    detect_column,
    mark_row_problems,
    neutralise_formulas,
    read_table_chunks,
)
from .vocabulary import PRODUCT_TYPES

PREFIX = "screen_"
#: The output schema: every added column and its pandas dtype, used for
#: screen_frame's own columns, the dask ``meta`` and the Parquet types. Nullable
#: dtypes, so that a column with no value in a partition keeps its type.
OUTPUT_COLUMNS: dict[str, str] = {
    "screen_verdict": "string",
    "screen_worst_severity": "string",
    "screen_n_avoid": "Int64",
    "screen_n_caution": "Int64",
    "screen_n_info": "Int64",
    "screen_n_comedogenic": "Int64",
    "screen_n_occlusive": "Int64",
    "screen_n_conflict": "Int64",
    "screen_n_context": "Int64",
    "screen_n_allergen": "Int64",
    "screen_n_fungal_acne": "Int64",
    "screen_n_avoid_list": "Int64",
    "screen_flagged": "string",
    "screen_allergens": "string",
    "screen_unknown": "string",
    "screen_recognised_share": "Float64",
    "screen_confidence": "Float64",
    "screen_error": "string",
    "screen_product_type": "string",
    "screen_product_type_reason": "string",
}
_COUNT_KEYS = (
    ("screen_n_avoid", "counts", "avoid"),
    ("screen_n_caution", "counts", "caution"),
    ("screen_n_info", "counts", "info"),
    ("screen_n_comedogenic", "by_kind", "comedogenic"),
    ("screen_n_occlusive", "by_kind", "occlusive"),
    ("screen_n_conflict", "by_kind", "conflict"),
    ("screen_n_context", "by_kind", "context"),
    ("screen_n_allergen", "by_kind", "allergen"),
    ("screen_n_fungal_acne", "by_kind", "fungal-acne"),
    ("screen_n_avoid_list", "by_kind", "avoid-list"),
)


def row_problem(text: str | None) -> str | None:
    """Why a cell is not an ingredient list before parsing it, or None."""
    if text is None or not text.strip():
        return "empty: no ingredient list in this row"
    if SPREADSHEET_ERROR.match(text):
        return (
            f"spreadsheet error value {text.strip()!r}, not an ingredient list (the list "
            "was lost when the file was edited in a spreadsheet)"
        )
    if PLACEHOLDER.match(text):
        return f"placeholder {text.strip()!r}, not an ingredient list"
    return None


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def screen_values(
    values: Iterable[object],
    *,
    contexts: Sequence[str] = (),
    product_type: str | None = None,
    screener: Screener,
    avoid: AvoidList | None = None,
    row_types: Sequence[tuple[str | None, str]] | None = None,
) -> dict[str, list[Any]]:
    """The added columns for a sequence of cells (already-normalised options).

    ``row_types``: one (product type, reason) per cell (see ``row_product_types``);
    without it every cell is screened as ``product_type``."""
    cols: dict[str, list[Any]] = {name: [] for name in OUTPUT_COLUMNS}
    types_col = cols["screen_product_type"]
    reasons_col = cols["screen_product_type_reason"]
    verdict = cols["screen_verdict"]
    worst_col = cols["screen_worst_severity"]
    flagged = cols["screen_flagged"]
    unknown = cols["screen_unknown"]
    share = cols["screen_recognised_share"]
    confidence = cols["screen_confidence"]
    error = cols["screen_error"]
    counts = [(cols[name], group, key) for name, group, key in _COUNT_KEYS]
    summarise = screener.summarise
    options = Options(tuple(contexts), product_type, avoid)
    by_type = {ptype: Options(tuple(contexts), ptype, avoid) for ptype in (None, *PRODUCT_TYPES)}
    allergens = cols["screen_allergens"]
    for index, value in enumerate(values):
        if row_types is not None:
            row_type, row_reason = row_types[index]
            options = by_type[row_type]
        else:
            row_type, row_reason = product_type, ("set for the whole table" if product_type else "")
        types_col.append(row_type)
        reasons_col.append(row_reason or None)
        problem: str | None = None
        summary: dict[str, Any] | None = None
        if isinstance(value, str):
            text: str | None = value
            if value.lstrip().startswith("["):
                text = cell_to_text(value)
        elif _is_missing(value):
            text = None
        else:
            text = cell_to_text(value)
        problem = row_problem(text)
        if problem is None:
            try:
                summary = summarise(text, options)
            except ScreenError as exc:
                problem = str(exc)
            except Exception as exc:  # noqa: BLE001 - a failing row never stops a batch
                problem = f"could not screen this row ({type(exc).__name__}: {exc})"
            else:
                if (
                    summary["entries"] == 1
                    and summary["unknown"]
                    and len(summary["unknown"][0].split()) >= 3
                ):
                    problem = (
                        f"not an ingredient list: {summary['unknown'][0][:80]!r} "
                        "(one entry of several words, none recognised)"
                    )
                    summary = None
        if summary is None:
            verdict.append(None)
            worst_col.append(None)
            flagged.append(None)
            unknown.append(None)
            share.append(None)
            confidence.append(None)
            allergens.append(None)
            error.append(problem)
            for column, _group, _key in counts:
                column.append(None)
            continue
        verdict.append(summary["verdict"])
        worst_col.append(summary["worst"])
        flagged.append("; ".join(summary["flagged"]))
        unknown.append("; ".join(summary["unknown"]))
        share.append(summary["recognised_share"])
        confidence.append(summary["confidence"])
        allergens.append("; ".join(summary["allergens"]))
        error.append(None)
        for column, group, key in counts:
            column.append(summary[group][key])
    return cols


# --------------------------------------------------------------------------
# Several processes
# --------------------------------------------------------------------------

#: ``screener batch`` without --jobs uses every core once the input has more rows.
AUTO_JOBS_ROWS = 20_000

_WORKER_SCREENER: Screener | None = None
_WORKER_FAILURE: DatabaseError | None = None


def resolve_jobs(n_jobs: int | None) -> int:
    """``n_jobs``: a number of processes; -1 (or None) for one per available core."""
    if n_jobs is None or n_jobs == -1:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs < 1:
        raise ScreenError(
            f"The number of processes (--jobs, n_jobs) must be at least 1, or -1 for one "
            f"per core, not {n_jobs!r}."
        )
    return n_jobs


def _init_worker(screener: Screener | None, parent: int | None = None) -> None:
    """Load the screener once per worker process: the one given (a custom
    database), else the default one (which honours SCREENER_DB_DIR).

    The worker leaves Ctrl-C to its parent and exits by itself once the
    parent process ``parent`` is gone (killed, even with SIGKILL)."""
    global _WORKER_SCREENER, _WORKER_FAILURE
    if parent is not None:
        watch_parent(parent)
    try:
        _WORKER_SCREENER = screener if screener is not None else get_screener()
    except DatabaseError as exc:
        # The parent keeps no database of its own: this worker's first task
        # raises the error there (one line from the CLI, not a broken pool).
        _WORKER_FAILURE = exc
        return
    # What the worker inherited or loaded (database, caches) lives until it
    # exits: keep the garbage collector from walking (and copying) it.
    gc.freeze()


def _worker_values(
    values: list[object],
    contexts: Sequence[str],
    product_type: str | None,
    avoid: AvoidList | None = None,
    row_types: Sequence[tuple[str | None, str]] | None = None,
) -> dict[str, list[Any]]:
    if _WORKER_FAILURE is not None:
        raise _WORKER_FAILURE
    screener = _WORKER_SCREENER if _WORKER_SCREENER is not None else get_screener()
    return screen_values(
        values,
        contexts=contexts,
        product_type=product_type,
        screener=screener,
        avoid=avoid,
        row_types=row_types,
    )


def start_pool(n_jobs: int, screener: Screener | None = None) -> ProcessPoolExecutor:
    """A pool of ``n_jobs`` worker processes, each with its screener loaded once.

    The default screener is not sent to the workers: each builds its own (on
    Linux, a forked worker inherits the parent's, warm caches included)."""
    custom = screener if screener is not None and screener is not get_screener() else None
    return ProcessPoolExecutor(
        max_workers=n_jobs, initializer=_init_worker, initargs=(custom, os.getpid())
    )


def _submit_values(
    executor: Executor,
    values: list[object],
    parts: int,
    contexts: Sequence[str],
    product_type: str | None,
    avoid: AvoidList | None = None,
    row_types: Sequence[tuple[str | None, str]] | None = None,
) -> list[Future[dict[str, list[Any]]]]:
    """Send ``values`` to the workers in ``parts`` contiguous slices, in order."""
    size = max(1, math.ceil(len(values) / max(1, parts)))
    return [
        executor.submit(
            _worker_values,
            values[start : start + size],
            contexts,
            product_type,
            avoid,
            None if row_types is None else row_types[start : start + size],
        )
        for start in range(0, len(values), size)
    ]


def _gather(futures: Iterable[Future[dict[str, list[Any]]]]) -> dict[str, list[Any]]:
    """The slices' columns joined back in input order."""
    cols: dict[str, list[Any]] = {name: [] for name in OUTPUT_COLUMNS}
    for future in futures:
        part = future.result()
        for name, column in cols.items():
            column.extend(part[name])
    return cols


def screen_frame(
    df: pd.DataFrame,
    column: str | None = None,
    *,
    context: str | Iterable[str] | None = None,
    product_type: str | None = None,
    type_column: str | None = None,
    infer_type: bool = True,
    screener: Screener | None = None,
    n_jobs: int | None = 1,
    avoid: object = None,
) -> pd.DataFrame:
    """Screen every row of ``df``; one output row per input row, same order and index.

    Every original column is kept unchanged; the ``screen_*`` columns are added
    (see OUTPUT_COLUMNS). ``column=None`` detects the ingredient column by name;
    the chosen column is recorded in ``result.attrs["screen_column"]``. A row
    that cannot be screened gets the reason in ``screen_error`` and never stops
    the others. Raises ScreenError only for the table as a whole (no ingredient
    column, unknown context, columns that already use the ``screen_`` names).

    ``n_jobs`` worker processes share the rows (-1: one per core); the result
    is exactly the one of ``n_jobs=1``, which screens in this process.
    ``avoid``: a person's avoid list (a path, its text or a list of lines).

    Product type, per row (``screen_product_type`` and ``_reason`` say which
    and why): ``product_type`` for the whole table; else ``type_column``, a
    column of "leave-on"/"rinse-off" (or words such as "Cleanser"); else, with
    ``infer_type``, read off a category column or the product name
    (screener.product_type); ``infer_type=False`` screens every row as
    leave-on without saying so.
    """
    chosen, values = _column_values(df, column)
    contexts = normalise_contexts(context)
    ptype = normalise_product_type(product_type)
    row_types = row_product_types(
        df, product_type=ptype, type_column=type_column, infer_type=infer_type
    )
    screener = screener or get_screener()
    avoid_list = read_avoid(avoid, screener.db)
    jobs = resolve_jobs(n_jobs)
    if jobs > 1 and len(values) > 1:
        with start_pool(jobs, screener) as pool:
            cols = _gather(
                _submit_values(pool, values, 4 * jobs, contexts, ptype, avoid_list, row_types)
            )
    else:
        cols = screen_values(
            values,
            contexts=contexts,
            product_type=ptype,
            screener=screener,
            avoid=avoid_list,
            row_types=row_types,
        )
    return _with_columns(df, chosen, cols)


def _cells(df: pd.DataFrame, name: str | None) -> list[object]:
    if name is None:
        return [None] * len(df)
    label = next(c for c in df.columns if str(c) == name)
    cells = df[label]
    if isinstance(cells, pd.DataFrame):
        cells = cells.iloc[:, 0]
    return cells.tolist()


def row_product_types(
    df: pd.DataFrame,
    *,
    product_type: str | None = None,
    type_column: str | None = None,
    infer_type: bool = True,
) -> list[tuple[str | None, str]] | None:
    """One (product type, reason) per row, or None when every row is ``product_type``.

    ``type_column`` cells may say "leave-on"/"rinse-off" (any spelling
    normalise_product_type accepts) or describe the product ("Cleanser"); an
    empty cell falls back to the inference from the name or category."""
    if product_type is not None:
        return None
    type_col = detect_column(df.columns, type_column) if type_column is not None else None
    if type_col is None and not infer_type:
        return None
    category_col = pick_column(df.columns, CATEGORY_COLUMNS) if infer_type else None
    name_col = pick_column(df.columns, NAME_COLUMNS) if infer_type else None
    if type_col is None and category_col is None and name_col is None:
        return None
    seen: dict[tuple[str, str, str], tuple[str | None, str]] = {}
    out: list[tuple[str | None, str]] = []
    for given, category, name in zip(
        _cells(df, type_col), _cells(df, category_col), _cells(df, name_col), strict=True
    ):
        key = (_text(given), _text(category), _text(name))
        found = seen.get(key)
        if found is None:
            found = seen[key] = _row_type(*key, type_col, infer_type)
            if len(seen) > 100_000:
                seen.clear()
        out.append(found)
    return out


def _text(value: object) -> str:
    return "" if _is_missing(value) else str(value).strip()


def _row_type(
    given: str, category: str, name: str, type_col: str | None, infer_type: bool
) -> tuple[str | None, str]:
    if given:
        try:
            ptype = normalise_product_type(given)
        except ScreenError:
            guess = infer_product_type(category=given)
            return guess.product_type, f"column {type_col!r}: {guess.reason}"
        return ptype, f"column {type_col!r} says {given!r}"
    if not infer_type:
        return None, ""
    guess = infer_product_type(name=name or None, category=category or None)
    return guess.product_type, guess.reason


def _column_values(df: pd.DataFrame, column: str | None) -> tuple[str, list[object]]:
    """The ingredient column's name and cells; ScreenError for a table that cannot be screened."""
    chosen = detect_column(df.columns, column)
    clash = [c for c in df.columns if str(c) in OUTPUT_COLUMNS]
    if clash:
        raise ScreenError(
            "The table already has columns named like the screening results ("
            + ", ".join(repr(str(c)) for c in clash)
            + "): is it the output of an earlier run? Drop or rename them first."
        )
    label = next((c for c in df.columns if str(c) == chosen), chosen)
    cells = df[label]
    if isinstance(cells, pd.DataFrame):  # duplicated column names: the first one
        cells = cells.iloc[:, 0]
    return chosen, cells.tolist()


def _with_columns(df: pd.DataFrame, chosen: str, cols: dict[str, list[Any]]) -> pd.DataFrame:
    """``df`` with the screen_* columns added (same index, attrs kept)."""
    added = pd.DataFrame(
        {
            name: pd.Series(cols[name], index=df.index, dtype=dtype)
            for name, dtype in OUTPUT_COLUMNS.items()
        },
        index=df.index,
    )
    out = pd.concat([df, added], axis=1)
    out.attrs = dict(df.attrs)
    out.attrs["screen_column"] = chosen
    # Rows the reader could not align with the header are reported, not screened.
    return mark_row_problems(
        out, df, [c for c in OUTPUT_COLUMNS if c != "screen_error"], "screen_error"
    )


def output_meta(df: pd.DataFrame, column: str | None = None) -> pd.DataFrame:
    """The empty frame screen_frame returns for ``df``: its columns, then the
    typed OUTPUT_COLUMNS (the declared ``meta`` of a dask result)."""
    chosen, _values = _column_values(df.iloc[:0], column)
    return _with_columns(df.iloc[:0], chosen, {name: [] for name in OUTPUT_COLUMNS})


def screen_dask(ddf: Any, column: str | None = None, **kw: Any) -> Any:
    """``screen_frame`` over every partition of a dask DataFrame, with a typed meta.

    Keyword arguments are those of screen_frame except ``n_jobs`` (dask's
    workers share the partitions). The screener is not shipped with the tasks:
    each worker process builds its own once (see screener.scale).
    """
    from .scale import screen_dask as _screen_dask

    return _screen_dask(ddf, column, **kw)


# --------------------------------------------------------------------------
# Output writers
# --------------------------------------------------------------------------


class Writer(Protocol):
    def write(self, chunk: pd.DataFrame) -> None: ...

    def close(self) -> None: ...


class CsvWriter:
    def __init__(self, handle: IO[str], sep: str = ",") -> None:
        self.handle = handle
        self.sep = sep
        self.header = True

    def write(self, chunk: pd.DataFrame) -> None:
        neutralise_formulas(chunk).to_csv(
            self.handle, index=False, header=self.header, sep=self.sep, lineterminator="\n"
        )
        self.header = False

    def close(self) -> None:
        self.handle.flush()


class JsonLinesWriter:
    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, chunk: pd.DataFrame) -> None:
        if chunk.empty:
            return
        text = chunk.to_json(orient="records", lines=True, force_ascii=False)
        self.handle.write(text if text.endswith("\n") else text + "\n")

    def close(self) -> None:
        self.handle.flush()


def arrow_schema(frame: pd.DataFrame) -> Any:
    """One Parquet schema for every chunk or part: the added columns' fixed types,
    the original columns' own types (text for one with no value in the first block,
    as it may hold text later)."""
    import pyarrow as pa

    fixed = {"string": pa.string(), "Int64": pa.int64(), "Float64": pa.float64()}
    inferred = pa.Schema.from_pandas(frame, preserve_index=False)
    fields = []
    for item in inferred:
        kind = OUTPUT_COLUMNS.get(item.name)
        if kind is not None:
            item = item.with_type(fixed[kind])
        elif pa.types.is_null(item.type):
            item = item.with_type(pa.string())
        fields.append(item)
    return pa.schema(fields, metadata=inferred.metadata)


class ParquetWriter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.writer: Any = None
        self.schema: Any = None

    def write(self, chunk: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            self.schema = arrow_schema(chunk)
            self.writer = pq.ParquetWriter(self.path, self.schema)
        table = pa.Table.from_pandas(chunk, schema=self.schema, preserve_index=False)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def output_format(path: str, requested: str | None) -> str:
    if requested:
        return requested
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ScreenError(
            f"Cannot tell the output format from {path!r}: use --format csv, json or parquet "
            "(or name the file .csv, .jsonl or .parquet)."
        )
    return fmt


def _cannot_write(output: str, exc: OSError) -> ScreenError:
    return ScreenError(f"cannot write {output}: {exc.strerror or exc}.")


def write_atomically(
    output: str,
    fmt: str,
    chunks: Iterable[pd.DataFrame],
    writer_factory: Any = None,
) -> None:
    """Write every chunk to a temporary file beside ``output``, then replace it.

    Whatever stops the writing (an error, Ctrl-C, SIGTERM under the CLI)
    removes the temporary file and leaves a previous ``output`` untouched.
    ``output`` must be a new path or a regular file (a symbolic link, FIFO or
    device is refused, not replaced); the new file gets the permissions a
    plain ``open()`` would give it (the umask, or the replaced file's mode).
    A failure to write is a ScreenError "cannot write OUTPUT: reason".
    """
    target = Path(output)
    existing = check_output_path(target)
    fd, tmp = create_beside(target, existing)
    handle: IO[str] | None = None
    try:
        writer: Writer
        try:
            if fmt == "parquet":
                os.close(fd)
                writer = ParquetWriter(str(tmp))
            else:
                handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
                if fmt == "csv":
                    sep = "\t" if target.suffix.lower() == ".tsv" else ","
                    writer = CsvWriter(handle, sep)
                else:
                    writer = JsonLinesWriter(handle)
            if writer_factory is not None:
                writer = writer_factory(writer)
        except OSError as exc:
            raise _cannot_write(output, exc) from None
        for chunk in chunks:  # reading errors pass through as they are
            try:
                writer.write(chunk)
            except OSError as exc:
                raise _cannot_write(output, exc) from None
        check_stop()  # never publish the output of a run asked to stop
        try:
            writer.close()
            if handle is not None:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
                handle = None
            os.replace(tmp, target)
        except OSError as exc:
            raise _cannot_write(output, exc) from None
    except BaseException:
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()
        tmp.unlink(missing_ok=True)
        raise


def require_parquet() -> None:
    """ScreenError unless pyarrow (which writes Parquet) can be imported."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ScreenError(
            "Writing Parquet needs pyarrow, which is not installed: pip install "
            "'milia-screener[parquet]', or write CSV or JSON Lines (-o out.csv, -o out.jsonl)."
        ) from None


# --------------------------------------------------------------------------
# The CLI
# --------------------------------------------------------------------------


class Progress:
    """A one-line progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, rows: int, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not final and now - self.last < 0.2:
            return
        self.last = now
        elapsed = now - self.start
        rate = rows / elapsed if elapsed > 0 else 0.0
        spin = "|/-\\"[int(elapsed * 5) % 4] if not final else "✓"
        sys.stderr.write(f"\r{spin} {rows:,} rows screened  {rate:,.0f} rows/s  {elapsed:.1f} s")
        if final:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _split_contexts(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out += [v for v in value.split(",") if v.strip()]
    return out


def _chunks(
    path: str, chunksize: int, encoding: str | None, decoding: Decoding | None = None
) -> Iterator[pd.DataFrame]:
    """The input's chunks (the reader turns every reading problem into a ScreenError)."""
    yield from read_table_chunks(path, chunksize, encoding, decoding)


def new_stats() -> dict[str, Any]:
    """A run's summary (format_summary): rows, screened, errors, verdicts, findings."""
    return {
        "rows": 0,
        "screened": 0,
        "errors": 0,
        "by_verdict": Counter(),
        "findings": False,
        "column": None,
    }


def tally(stats: dict[str, Any], out: pd.DataFrame) -> None:
    """Count one screened chunk into the run's summary."""
    stats["rows"] += len(out)
    errors = int(out["screen_error"].notna().sum())
    stats["errors"] += errors
    stats["screened"] += len(out) - errors
    stats["by_verdict"].update(out["screen_verdict"].dropna().tolist())
    if out["screen_worst_severity"].isin(["caution", "avoid"]).any():
        stats["findings"] = True


def run_batch(
    input_path: str,
    output: str,
    *,
    column: str | None = None,
    fmt: str | None = None,
    context: Sequence[str] | None = None,
    encoding: str | None = None,
    chunksize: int = CHUNK_ROWS,
    progress: bool = False,
    screener: Screener | None = None,
    writer_factory: Any = None,
    jobs: int | None = 1,
    avoid: object = None,
    product_type: str | None = None,
    type_column: str | None = None,
    infer_type: bool = True,
) -> dict[str, Any]:
    """Screen a CSV/TSV file in chunks into ``output``; returns the run's summary.

    ``jobs`` worker processes screen the chunks (-1: one per core; None: one
    per core once the input has more than AUTO_JOBS_ROWS rows, else this
    process). Chunks are written in input order, and at most a few are held
    at a time whatever the length of the input.
    """
    if chunksize < 1:
        raise ScreenError("--chunksize must be at least 1.")
    kind = output_format(output, fmt)
    if kind == "parquet":
        require_parquet()
    check_input_file(input_path)
    if Path(output).resolve() == Path(input_path).resolve():
        raise ScreenError("The output would overwrite the input: choose another -o file.")
    check_output_path(output)
    with open(check_input_file(input_path), "rb") as handle:
        table = table_kind(input_path, handle.read(4096))
    # Every byte of a text input is checked before anything is written.
    decoding = file_decoding(input_path, encoding) if table == "text" else None
    contexts = normalise_contexts(list(context) if context else None)
    ptype = normalise_product_type(product_type)
    typing: dict[str, Any] = {
        "product_type": ptype,
        "type_column": type_column,
        "infer_type": infer_type,
    }
    given = screener

    def local() -> Screener:
        """This process's screener, loaded only if this process screens (or reads an
        avoid list): with worker processes the parent only reads and writes, so
        it keeps no database (its peak RSS stays well under the workers')."""
        nonlocal given
        if given is None:
            given = get_screener()
        return given

    avoid_list = read_avoid(avoid, local().db) if avoid is not None else None
    stats = new_stats()
    bar = Progress(progress)
    start = time.perf_counter()

    workers = resolve_jobs(-1 if jobs is None else jobs)

    def finish(out: pd.DataFrame) -> pd.DataFrame:
        check_stop()  # a stop signal whose exception was lost
        tally(stats, out)
        bar.update(stats["rows"])
        return out

    def screened() -> Iterator[pd.DataFrame]:
        chosen: str | None = None
        pool: ProcessPoolExecutor | None = None
        # Chunks read but not yet sent (auto mode waits to see the input's length).
        waiting: list[pd.DataFrame] = []
        pending: deque[tuple[pd.DataFrame, str, list[Future[dict[str, list[Any]]]]]] = deque()
        seen = 0
        try:
            chunks = (
                _chunks(input_path, chunksize, encoding, decoding)
                if decoding is not None
                else binary_chunks(input_path, table, chunksize)
            )
            for chunk in chunks:
                check_stop()
                if chosen is None:
                    chosen = detect_column(chunk.columns, column)
                    stats["column"] = chosen
                seen += len(chunk)
                waiting.append(chunk)
                if pool is None and workers > 1 and (jobs is not None or seen > AUTO_JOBS_ROWS):
                    pool = start_pool(workers, given)
                if pool is None:
                    if jobs is None and workers > 1:
                        continue  # not yet known whether the input is long
                    yield finish(screen_frame(waiting.pop(), chosen, context=contexts,
                                              screener=local(), avoid=avoid_list,
                                              **typing))  # fmt: skip
                    continue
                for ready in waiting:
                    _name, values = _column_values(ready, chosen)
                    row_types = row_product_types(ready, **typing)
                    futures = _submit_values(
                        pool, values, workers, contexts, ptype, avoid_list, row_types
                    )
                    pending.append((ready, chosen, futures))
                waiting.clear()
                # At most two chunks in flight (each shared among the workers).
                while len(pending) > 2:
                    frame, name, futures = pending.popleft()
                    yield finish(_with_columns(frame, name, _gather(futures)))
            while pending:
                frame, name, futures = pending.popleft()
                yield finish(_with_columns(frame, name, _gather(futures)))
            if seen == 0:
                local()  # no row reached a screener: check the database here (DatabaseError)
            for ready in waiting:  # a short input in auto mode: this process
                yield finish(
                    screen_frame(
                        ready,
                        chosen,
                        context=contexts,
                        screener=local(),
                        avoid=avoid_list,
                        **typing,
                    )
                )
        except BaseException:
            if pool is not None:  # stopped part-way (an error, Ctrl-C, SIGTERM): stop now
                terminate_pool(pool)
                pool = None
            raise
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    write_atomically(output, kind, screened(), writer_factory)
    bar.update(stats["rows"], final=True)
    stats["seconds"] = time.perf_counter() - start
    return stats


def format_summary(stats: dict[str, Any]) -> str:
    verdicts = ", ".join(f"{k}: {v:,}" for k, v in stats["by_verdict"].most_common()) or "none"
    rate = stats["rows"] / stats["seconds"] if stats["seconds"] > 0 else 0.0
    return (
        f"rows: {stats['rows']:,} (column {stats['column']!r}); screened: {stats['screened']:,}; "
        f"errors: {stats['errors']:,}; by verdict: {verdicts}; "
        f"seconds: {stats['seconds']:.2f} ({rate:,.0f} rows/s)"
    )


def _avoid_path(path: str | None) -> Path | None:
    if path is None:
        return None
    if not Path(path).is_file():
        raise ScreenError(f"--avoid {path}: no such file.")
    return Path(path)


def run_batch_cli(args: argparse.Namespace) -> int:
    stats = run_batch(
        args.input,
        args.output,
        column=args.column,
        fmt=args.format,
        context=_split_contexts(args.context),
        encoding=args.encoding,
        chunksize=args.chunksize,
        progress=not args.quiet and sys.stderr.isatty(),
        jobs=args.jobs,
        avoid=_avoid_path(getattr(args, "avoid", None)),
        product_type=getattr(args, "product_type", None),
        type_column=getattr(args, "type_column", None),
        infer_type=not getattr(args, "no_type_inference", False),
    )
    print(f"screener batch: {format_summary(stats)}", file=sys.stderr)
    return 1 if stats["findings"] else 0
