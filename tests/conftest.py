"""Shared fixtures: the real bundled database, and the small fixture database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.database import Database, _cached, load_database, load_database_from
from screener.screen import Screener, _default_screener

HERE = Path(__file__).parent
MINI_DB = HERE / "fixtures" / "mini_db"


@pytest.fixture(scope="session")
def db() -> Database:
    """The real curated database in ingredients/."""
    return load_database()


@pytest.fixture(scope="session")
def screener_real(db: Database) -> Screener:
    return Screener.for_database(db)


@pytest.fixture(scope="session")
def mini_db() -> Database:
    return load_database_from(MINI_DB)


@pytest.fixture(scope="session")
def mini(mini_db: Database) -> Screener:
    """A screener over the small fixture database: rule tests that must not move with data."""
    return Screener.for_database(mini_db)


@pytest.fixture
def mini_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The default screener (as the CLI uses it) reads the fixture database."""
    monkeypatch.setenv("SCREENER_DB_DIR", str(MINI_DB))
    _default_screener.cache_clear()
    _cached.cache_clear()
    yield
    _default_screener.cache_clear()
    _cached.cache_clear()
