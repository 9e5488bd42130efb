"""Input size limits, in one place so that the README, CLI and page agree.

Each limit can be raised through an environment variable (for a trusted batch
job) without touching code.
"""

from __future__ import annotations

import os


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


#: Longest pasted label text accepted by ``screen()`` (characters).
MAX_TEXT_CHARS = _env_int("SCREENER_MAX_TEXT_CHARS", 100_000)
#: Most ingredient entries one product may declare.
MAX_ENTRIES = _env_int("SCREENER_MAX_ENTRIES", 2_000)
#: Longest single entry that is still matched (longer ones are reported unknown).
MAX_ENTRY_CHARS = _env_int("SCREENER_MAX_ENTRY_CHARS", 200)
#: Most products in one routine.
MAX_ROUTINE_PRODUCTS = _env_int("SCREENER_MAX_ROUTINE_PRODUCTS", 20)
#: Largest upload accepted by the web page and the batch reader (megabytes).
MAX_UPLOAD_MB = _env_int("SCREENER_MAX_UPLOAD_MB", 200)
#: Rows ``screener batch`` reads, screens and writes at a time (``--chunksize``).
#: With at most two chunks in flight besides the one being read, this sets the
#: parent's memory: 10,000 rows of the Sephora corpus keep it near 300 MB,
#: 20,000 above 400 MB, for about 5% more speed (README, "Benchmark").
CHUNK_ROWS = _env_int("SCREENER_CHUNK_ROWS", 10_000)
