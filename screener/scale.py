"""Scale-out with Dask: ``screen_dask`` and ``screener batch --dask [ADDRESS]``.

Imported only when asked for (``import screener`` never loads Dask), and Dask
is an optional extra: ``pip install '.[dask]'``.

No screener travels with the tasks: a task names its database (``None``: the
worker's default, which honours the worker's SCREENER_DB_DIR) and each worker
process builds that screener once, on its first task (``worker_screener``).

``screener batch --dask`` reads the input in this process with the same readers
as the one-process path, sends each block of rows to the cluster as a task,
and writes the screened blocks in input order as they come back. The rows are
thus those of ``screener batch`` by construction; the workers need neither the
input nor the output on their file system, and a worker that dies only costs
the blocks it held, which the scheduler runs again elsewhere (each is written
once, when its turn comes).
"""

from __future__ import annotations

import glob
import itertools
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .batch import (
    Progress,
    _chunks,
    _split_contexts,
    arrow_schema,
    format_summary,
    new_stats,
    output_meta,
    resolve_jobs,
    screen_frame,
    tally,
    write_atomically,
)
from .database import database_dir
from .errors import ScreenError
from .limits import CHUNK_ROWS
from .options import normalise_contexts, normalise_product_type, read_avoid
from .screen import Screener, get_screener
from .tabular import detect_column

if TYPE_CHECKING:
    from .kinds import AvoidList

#: Rows in one task: a fraction of a second of work, and a task small enough
#: (a few MB) to travel inside the task graph, where the scheduler keeps it
#: to run again should its worker die.
TASK_ROWS = 5_000
#: How long to wait for a scheduler given by address.
CONNECT_TIMEOUT = "10s"
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
_ADDRESS = re.compile(r"^(?:(?:tcp|tls|ws|wss|ucx|inproc)://)?[\w.\-\[\]:]+:\d+$")


# --------------------------------------------------------------------------
# One screener per worker process
# --------------------------------------------------------------------------

_LOCK = threading.Lock()
_SCREENERS: dict[str | None, Screener] = {}
#: How many screeners this process built, per database key (the tests read it).
_BUILDS: Counter[str | None] = Counter()


def screener_key(screener: Screener | None) -> str | None:
    """What a task sends instead of the screener: its database folder, or None
    for the default database (each worker then reads its own default)."""
    if screener is None:
        return None
    folder = Path(screener.db.path).resolve()
    return None if folder == database_dir().resolve() else str(folder)


def worker_screener(key: str | None) -> Screener:
    """The screener for ``key`` in this process, built on first use only."""
    found = _SCREENERS.get(key)
    if found is not None:
        return found
    with _LOCK:  # threads of one worker share a single build
        found = _SCREENERS.get(key)
        if found is None:
            found = get_screener(key)
            _SCREENERS[key] = found
            _BUILDS[key] += 1
    return found


def register_screener(screener: Screener) -> str | None:
    """Let in-process schedulers (threads, synchronous) use ``screener`` itself."""
    key = screener_key(screener)
    with _LOCK:
        _SCREENERS[key] = screener
    return key


def screener_builds() -> dict[str | None, int]:
    """Screeners built in this process (run on workers with ``client.run``)."""
    return dict(_BUILDS)


def screen_part(
    part: pd.DataFrame,
    column: str,
    contexts: tuple[str, ...],
    product_type: str | None,
    key: str | None,
    avoid: AvoidList | None = None,
) -> pd.DataFrame:
    """screen_frame on one partition, with this worker's screener."""
    return screen_frame(
        part,
        column,
        context=list(contexts),
        product_type=product_type,
        screener=worker_screener(key),
        avoid=avoid,
    )


def _avoid_list(avoid: object, screener: Screener | None) -> AvoidList | None:
    """The avoid list read once, here (the workers get it resolved, not its file)."""
    if avoid is None:
        return None
    return read_avoid(avoid, (screener or get_screener()).db)


# --------------------------------------------------------------------------
# The API
# --------------------------------------------------------------------------


def screen_dask(
    ddf: Any,
    column: str | None = None,
    *,
    context: str | Iterable[str] | None = None,
    product_type: str | None = None,
    screener: Screener | None = None,
    avoid: object = None,
) -> Any:
    """Every partition of ``ddf`` screened; a dask DataFrame with a declared meta.

    The meta is ``ddf``'s columns then OUTPUT_COLUMNS with their dtypes (the
    dtypes screen_frame returns), so ``to_parquet``, ``to_csv`` and
    ``compute`` all see real types. The ingredient column is chosen once from
    ``ddf.columns``. ``screener`` is used as is by in-process schedulers; a
    worker process builds its own from the same database folder, once.
    """
    meta = output_meta(ddf._meta, column)
    chosen = str(meta.attrs["screen_column"])
    contexts = tuple(normalise_contexts(context))
    ptype = normalise_product_type(product_type)
    avoid_list = _avoid_list(avoid, screener)
    key = register_screener(screener) if screener is not None else None
    return ddf.map_partitions(screen_part, chosen, contexts, ptype, key, avoid_list, meta=meta)


# --------------------------------------------------------------------------
# Inputs and outputs of ``screener batch --dask``
# --------------------------------------------------------------------------


def _natural_key(path: str) -> list[Any]:
    """part.2 before part.10, as a person (and dask) would order them."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path)]


@dataclass(frozen=True)
class Inputs:
    kind: str  # "csv" or "parquet"
    files: tuple[str, ...]


def resolve_inputs(spec: str) -> Inputs:
    """A file, a glob, or a folder of CSV or Parquet partitions, in natural order."""
    path = Path(spec)
    if path.is_dir():
        files = [
            str(p)
            for p in path.iterdir()
            if p.is_file()
            and not p.name.startswith((".", "_"))
            and p.suffix.lower() in CSV_SUFFIXES + PARQUET_SUFFIXES
        ]
        if not files:
            raise ScreenError(f"{spec}: the folder holds no CSV, TSV or Parquet file.")
    elif path.is_file():
        files = [spec]
    elif glob.has_magic(spec):
        files = [p for p in glob.glob(spec) if Path(p).is_file()]
        if not files:
            raise ScreenError(f"{spec}: no file matches this pattern.")
    else:
        raise FileNotFoundError(2, "No such file or directory", spec)
    files.sort(key=_natural_key)
    kinds = {"parquet" if Path(f).suffix.lower() in PARQUET_SUFFIXES else "csv" for f in files}
    if len(kinds) > 1:
        raise ScreenError(f"{spec}: mixes CSV and Parquet files; screen them apart.")
    for name in files:
        if not os.access(name, os.R_OK):
            raise PermissionError(13, "Permission denied", name)
    return Inputs(kinds.pop(), tuple(files))


def _parquet_chunks(path: str, rows: int) -> Iterator[pd.DataFrame]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with pq.ParquetFile(path) as handle:
            empty = True
            for batch in handle.iter_batches(batch_size=rows):
                empty = False
                yield pa.Table.from_batches([batch]).to_pandas()
            if empty:
                yield handle.schema_arrow.empty_table().to_pandas()
    except (pa.ArrowException, OSError) as exc:
        raise ScreenError(f"{path}: could not read it as Parquet ({exc}).") from None


def read_blocks(
    inputs: Inputs, rows: int, encoding: str | None = None
) -> Iterator[tuple[str, pd.DataFrame]]:
    """(file, block of at most ``rows`` rows) in input order; every file must
    have the first one's columns."""
    columns: list[str] | None = None
    for name in inputs.files:
        if inputs.kind == "csv":
            chunks: Iterable[pd.DataFrame] = _chunks(name, rows, encoding)
        else:
            chunks = _parquet_chunks(name, rows)
        for chunk in chunks:
            found = [str(c) for c in chunk.columns]
            if columns is None:
                columns = found
            elif found != columns:
                raise ScreenError(
                    f"{name}: its columns differ from those of {inputs.files[0]} "
                    f"({', '.join(map(repr, found))} against {', '.join(map(repr, columns))})."
                )
            yield name, chunk


def dask_output_format(output: str, requested: str | None) -> str:
    """csv or json: one file; parquet: a dataset folder (the default)."""
    if requested:
        return requested
    suffix = Path(output).suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".json", ".jsonl", ".ndjson"):
        return "json"
    return "parquet"


def _looks_like_dataset(folder: Path) -> bool:
    return all(p.name.startswith("part.") and p.suffix == ".parquet" for p in folder.iterdir())


def check_output(output: str, kind: str) -> Path:
    """The folder that will hold ``output``; ScreenError for an output that
    cannot be written (checked before a cluster starts)."""
    target = Path(output)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ScreenError(f"The output folder {str(parent)!r} does not exist.")
    if kind != "parquet":
        if target.is_dir():
            raise ScreenError(f"{output} is a folder: name a file for {kind} output.")
        return parent
    if target.exists() and not target.is_dir():
        raise ScreenError(f"{output} is a file: a Parquet dataset is a folder (or use -o X.csv).")
    if target.is_dir() and not _looks_like_dataset(target):
        raise ScreenError(f"{output} is a folder with other files in it: choose a new -o folder.")
    return parent


def write_dataset(output: str, blocks: Iterable[pd.DataFrame]) -> None:
    """Parquet parts ``part.00000.parquet``… in a folder beside ``output``, which
    replaces ``output`` only once every part is written (a previous dataset
    there is replaced; a folder holding anything else is refused)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(output)
    parent = check_output(output, "parquet")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    try:
        schema = None
        for index, block in enumerate(blocks):
            schema = schema if schema is not None else arrow_schema(block)
            table = pa.Table.from_pandas(block, schema=schema, preserve_index=False)
            pq.write_table(table, tmp / f"part.{index:05d}.parquet")
        old = None
        if target.is_dir():
            old = parent / f".{target.name}.{uuid.uuid4().hex}.old"
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# --------------------------------------------------------------------------
# The cluster
# --------------------------------------------------------------------------


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ScreenError(
            "--dask needs Dask's distributed scheduler: pip install 'milia-screener[dask]'."
        ) from None
    return distributed


def check_address(address: str) -> str:
    if not _ADDRESS.match(address):
        raise ScreenError(
            f"--dask {address!r} is not a scheduler address (such as tcp://10.0.0.5:8786); "
            "write --dask after INPUT, or --dask alone for a cluster on this machine."
        )
    return address


def start_client(address: str | None, workers: int | None) -> tuple[Any, Any]:
    """(client, local cluster or None): a LocalCluster of worker processes
    (one per core unless ``workers``), or the scheduler at ``address``."""
    distributed = _import_distributed()
    if address is not None:
        if workers is not None:
            raise ScreenError("--jobs sizes a cluster on this machine; a scheduler has its own.")
        check_address(address)
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ScreenError(f"Cannot reach the Dask scheduler at {address} ({exc}).") from None
        return client, None
    cluster = distributed.LocalCluster(
        n_workers=resolve_jobs(-1 if workers is None else workers),
        threads_per_worker=1,  # screening holds the GIL: processes, not threads
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return distributed.Client(cluster), cluster


def _workers_and_threads(client: Any) -> tuple[int, int]:
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        raise ScreenError("The Dask scheduler has no worker.") from None
    threads = client.nthreads()
    return max(1, len(threads)), max(1, sum(threads.values()))


def screen_on_cluster(
    client: Any,
    blocks: Iterable[tuple[str, pd.DataFrame]],
    column: str,
    contexts: Sequence[str],
    key: str | None,
    in_flight: int,
    avoid: AvoidList | None = None,
) -> Iterator[pd.DataFrame]:
    """Each block screened on the cluster, yielded in input order, with at most
    ``in_flight`` blocks sent and not yet yielded."""
    run = uuid.uuid4().hex[:12]
    pending: deque[tuple[str, int, Any]] = deque()
    first_row = 0

    def collect() -> pd.DataFrame:
        name, start, future = pending.popleft()
        try:
            result: pd.DataFrame = future.result()
        except ScreenError:
            raise
        except Exception as exc:  # noqa: BLE001 - one line for the CLI, whatever broke
            raise ScreenError(
                f"{name}: the cluster could not screen the rows from row {start + 1:,} "
                f"({type(exc).__name__}: {exc})."
            ) from None
        future.release()
        return result

    try:
        for index, (name, block) in enumerate(blocks):
            future = client.submit(
                screen_part, block, column, tuple(contexts), None, key, avoid,
                key=f"screener-block-{run}-{index}", pure=False,
            )  # fmt: skip
            pending.append((name, first_row, future))
            first_row += len(block)
            while len(pending) >= in_flight:
                yield collect()
        while pending:
            yield collect()
    finally:
        for _name, _start, future in pending:
            future.cancel()


def run_dask_batch(
    input_spec: str,
    output: str,
    *,
    address: str | None = None,
    workers: int | None = None,
    column: str | None = None,
    fmt: str | None = None,
    context: Sequence[str] | None = None,
    encoding: str | None = None,
    chunksize: int = CHUNK_ROWS,
    progress: bool = False,
    screener: Screener | None = None,
    avoid: object = None,
) -> dict[str, Any]:
    """``screener batch --dask``: the summary of the run (as run_batch's)."""
    if chunksize < 1:
        raise ScreenError("--chunksize must be at least 1.")
    if address is not None:
        check_address(address)
    inputs = resolve_inputs(input_spec)
    kind = dask_output_format(output, fmt)
    out_path = Path(output).resolve()
    if any(Path(f).resolve() == out_path for f in inputs.files) or (
        Path(input_spec).is_dir() and Path(input_spec).resolve() == out_path
    ):
        raise ScreenError("The output would overwrite the input: choose another -o.")
    check_output(output, kind)
    contexts = normalise_contexts(list(context) if context else None)
    avoid_list = _avoid_list(avoid, screener)
    key = register_screener(screener) if screener is not None else None
    stats = new_stats()
    bar = Progress(progress)
    start = time.perf_counter()

    def finish(out: pd.DataFrame) -> pd.DataFrame:
        tally(stats, out)
        bar.update(stats["rows"])
        return out

    blocks = read_blocks(inputs, min(chunksize, TASK_ROWS), encoding)
    first = next(blocks, None)  # the input is readable and has its column before a cluster starts
    if first is None:
        raise ScreenError(f"{input_spec}: no table to screen.")
    chosen = detect_column(first[1].columns, column)
    output_meta(first[1], chosen)  # columns already named screen_* are refused here, once
    stats["column"] = chosen
    if progress:  # a cluster takes a few seconds to start: say so
        where = address or "this machine"
        sys.stderr.write(f"starting Dask workers on {where}…\n")
        sys.stderr.flush()
    client, cluster = start_client(address, workers)
    try:
        stats["workers"], threads = _workers_and_threads(client)
        screened = (
            finish(out)
            for out in screen_on_cluster(
                client, itertools.chain([first], blocks), chosen, contexts, key,
                in_flight=2 * threads + 1, avoid=avoid_list,
            )
        )  # fmt: skip
        if kind == "parquet":
            write_dataset(output, screened)
        else:
            write_atomically(output, kind, screened)
        bar.update(stats["rows"], final=True)
        stats["seconds"] = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return stats


def run_dask_batch_cli(args: Any) -> int:
    address = None if args.dask == LOCAL else args.dask
    stats = run_dask_batch(
        args.input,
        args.output,
        address=address,
        workers=args.jobs,
        column=args.column,
        fmt=args.format,
        context=_split_contexts(args.context),
        encoding=args.encoding,
        chunksize=args.chunksize,
        progress=not args.quiet and sys.stderr.isatty(),
        avoid=getattr(args, "avoid", None),
    )
    where = f"Dask, {stats['workers']} worker{'s' if stats['workers'] != 1 else ''}"
    print(f"screener batch ({where}): {format_summary(stats)}", file=sys.stderr)
    return 1 if stats["findings"] else 0


#: ``--dask`` given without an address.
LOCAL = "local"
