"""The startup cache: a fresh process unpickles the built screener instead of
validating the database again, and any change to a data file rebuilds it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from screener import startup_cache
from screener.database import _cached, load_database, load_database_from
from screener.screen import Screener, _default_screener, get_screener

from .conftest import MINI_DB

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(folder))
    monkeypatch.delenv("SCREENER_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def own_db(tmp_path: Path) -> Path:
    copy = tmp_path / "db"
    shutil.copytree(MINI_DB, copy)
    return copy


def _build_counter(folder: Path) -> tuple[list[int], Callable[[], Screener]]:
    """A build that counts its calls (each one validates the database)."""
    calls: list[int] = []

    def build() -> Screener:
        calls.append(1)
        return Screener.for_database(load_database_from(folder))

    return calls, build


def test_second_start_reads_the_cache_and_screens_the_same(cache_home: Path, own_db: Path) -> None:
    calls, build = _build_counter(own_db)
    first = startup_cache.cached(own_db, build)
    second = startup_cache.cached(own_db, build)
    assert calls == [1], "the second start must not build (nor validate) again"
    assert len(list(cache_home.glob("screener-*.pickle"))) == 1
    assert second is not first  # an unpickled copy
    text = "Water, Petrolatum, Isopropyl Myristate, Retinol, Glycolic Acid"
    assert second.screen(text).model_dump() == first.screen(text).model_dump()


def test_a_changed_data_file_is_validated_again(cache_home: Path, own_db: Path) -> None:
    """Even an edit that keeps the file's size and modification time (a copy
    with ``cp -p`` or ``rsync -a``): the contents are part of the key."""
    calls, build = _build_counter(own_db)
    startup_cache.cached(own_db, build)
    table = own_db / "ratings.csv"
    stat = table.stat()
    text = table.read_text(encoding="utf-8")
    digit = next(i for i, ch in enumerate(text) if ch in "2345")
    edited = text[:digit] + ("1" if text[digit] != "1" else "2") + text[digit + 1 :]
    table.write_text(edited, encoding="utf-8")
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert table.stat().st_size == stat.st_size
    startup_cache.cached(own_db, build)
    assert calls == [1, 1]


def test_turned_off_or_unwritable_it_only_builds(
    cache_home: Path, own_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls, build = _build_counter(own_db)
    monkeypatch.setenv("SCREENER_NO_CACHE", "1")
    startup_cache.cached(own_db, build)
    assert not cache_home.exists()
    monkeypatch.delenv("SCREENER_NO_CACHE")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert startup_cache.cached(own_db, build) is not None
    assert calls == [1, 1]


def test_the_default_screener_and_load_database_share_one_database(
    cache_home: Path, own_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCREENER_DB_DIR", str(own_db))
    for fill in (True, False):  # a cache miss that fills it, then a hit
        _default_screener.cache_clear()
        _cached.cache_clear()
        screener = get_screener()
        assert screener.db is load_database()
        assert list(cache_home.glob("screener-*.pickle")), fill
    _default_screener.cache_clear()
    _cached.cache_clear()


def test_a_fresh_process_uses_it(cache_home: Path) -> None:
    code = (
        "import screener, screener.database.load as load\n"
        "calls = []\n"
        "real = load.load_database_from\n"
        "load.load_database_from = lambda p: calls.append(p) or real(p)\n"
        "print(screener.screen('Aqua, Petrolatum').verdict.label, len(calls))\n"
    )
    env = {**os.environ, "SCREENER_CACHE_DIR": str(cache_home)}
    env.pop("SCREENER_NO_CACHE", None)
    env.pop("SCREENER_DB_DIR", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (run.stdout.split() for run in runs)
    assert first[-1] == "1" and second[-1] == "0"  # validated once, then read from the cache
    assert first[:-1] == second[:-1]


def _broken(stored: Path) -> None:
    stored.write_bytes(b"not a pickle")


def _writable_by_others(stored: Path) -> None:
    stored.chmod(0o666)


def _another_fingerprint(stored: Path) -> None:
    """A checksum collision, or a file copied from another machine."""
    import pickle

    key, value = pickle.loads(stored.read_bytes())  # noqa: S301 - written by this test
    stored.write_bytes(pickle.dumps((key + "|another machine", value)))


@pytest.mark.parametrize("tamper", [_broken, _writable_by_others, _another_fingerprint])
def test_a_stored_file_that_cannot_be_trusted_is_rebuilt(
    cache_home: Path, own_db: Path, tamper: Callable[[Path], None]
) -> None:
    """File names are checksums: the fingerprint inside, the file's owner and
    mode decide; anything else means a fresh load and validation, stored again."""
    calls, build = _build_counter(own_db)
    startup_cache.cached(own_db, build)
    (stored,) = cache_home.glob("screener-*.pickle")
    tamper(stored)
    again = startup_cache.cached(own_db, build)
    assert calls == [1, 1]
    assert again.screen("Water, Glycerin").verdict.label
    assert startup_cache.cached(own_db, build) is not None and calls == [1, 1]  # stored again
