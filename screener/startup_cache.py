"""A cache of the built screener, so a fresh process starts in a fraction of the time.

Loading and validating the bundled database and building its matcher takes
about 0.3 s; unpickling the result takes about 0.04 s. ``cached`` keeps one
pickle per (database folder, the contents of its files and of the screener's
own code, the package, Python, pydantic and rapidfuzz versions) in the user's
cache folder; any change to a data file or to the code gives another key, so
the database is validated again exactly when it could have changed. A cache
that cannot be read or written is ignored (the screener is built as without
it), and so is a file another user owns or may write.

Where: beside the inventory's key index, ``$SCREENER_CACHE_DIR``, else
``$XDG_CACHE_HOME/milia-screener``, else ``~/.cache/milia-screener``.
``SCREENER_NO_CACHE=1`` turns it off.
Only the process-wide screener of a database folder uses it (``get_screener``);
a file in that folder is trusted as much as the folder itself (pickle runs
code on load: the folder is the user's own, like pip's cache).
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")
#: Bumped when the pickled layout changes in a way the files' contents would not show.
_FORMAT = "1"
_KEEP = 8  # screener pickles kept in the cache folder (the oldest go first)


def cache_dir() -> Path | None:
    """The inventory index's cache folder (database.inventory.index_dir, whose
    writer it shares), or None when ``SCREENER_NO_CACHE`` is set."""
    if os.environ.get("SCREENER_NO_CACHE", "").strip() not in ("", "0"):
        return None
    from .database.inventory import index_dir

    return index_dir()


def _files(root: Path) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            yield Path(folder) / name


def fingerprint(database: Path) -> str:
    """A text that changes when any database file or any screener module changes
    (path, size and a CRC-32 of the contents of each: a copy that keeps
    modification times, ``cp -p`` or ``rsync -a``, cannot serve a stale
    database), or the package, Python, pydantic or rapidfuzz version does.
    Reading the ~3 MB costs about 4 ms of a start."""
    import pydantic
    import rapidfuzz

    from . import __version__

    code = Path(__file__).resolve().parent
    parts = [
        f"{_FORMAT}|{__version__}|{sys.version}|{pydantic.VERSION}|{rapidfuzz.__version__}"
        f"|{database}"
    ]
    for root in (database, code):
        for path in _files(root):
            if path.suffix == ".pyc":
                continue
            data = path.read_bytes()
            parts.append(f"{path}|{len(data)}|{zlib.crc32(data):08x}")
    return "\n".join(parts)


def cached(database: Path, build: Callable[[], _T]) -> _T:
    """``build()``, or what it returned for the same fingerprint before."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = fingerprint(database.resolve())
    except OSError:
        return build()
    # The file is named by a checksum and holds the whole fingerprint, checked on
    # load (so a checksum collision only costs a rebuild; and hashlib's import is
    # slower than this whole look-up).
    path = folder / f"screener-{zlib.crc32(key.encode()):08x}.pickle"
    found = _load(path, key)
    if found is not None:
        return found  # type: ignore[return-value]  # what build() returned before
    built = build()
    _store(folder, path, (key, built))
    return built


def _trusted(path: Path) -> bool:
    """Ours alone: owned by this user and writable by nobody else (as ssh asks of
    its keys), so a shared cache folder cannot plant code that a load would run."""
    stat = path.stat()
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the user's own profile folder
        return True
    return stat.st_uid == getuid() and not stat.st_mode & 0o022


def _load(path: Path, key: str) -> object | None:
    try:
        if not _trusted(path):
            return None
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling creates ~10^6 objects: collecting meanwhile doubles the time
    try:
        with path.open("rb") as handle:
            stored_key, value = pickle.load(handle)  # noqa: S301 - the user's own cache
    except Exception:  # noqa: BLE001 - missing, stale or truncated: build it again
        return None
    finally:
        if enabled:
            gc.enable()
    return value if stored_key == key else None


def _store(folder: Path, path: Path, value: object) -> None:
    """Write atomically, then drop the oldest pickles; never fail (a read-only or
    full disk only costs speed)."""
    from .database.inventory import write_cache_file

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something unpicklable: simply not cached
        return
    if not write_cache_file(path, data):
        return
    try:
        old = sorted(folder.glob("screener-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-_KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:  # another process removed one meanwhile
        return
