"""The one exception the public API raises for bad input, and data errors."""

from __future__ import annotations


class ScreenError(ValueError):
    """Input that cannot be screened: empty, oversized, non-text or not a list.

    The message is written for the person who pasted the text: it says what is
    wrong and what to do.
    """


class DatabaseError(RuntimeError):
    """The curated database under ``ingredients/`` is missing or malformed.

    Messages name the file and the physical line, e.g. ``ratings.csv line 12: ...``.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:25]
        more = f"\n… and {len(problems) - 25} more" if len(problems) > 25 else ""
        super().__init__(
            "The ingredient database is invalid:\n" + "\n".join(f"- {p}" for p in shown) + more
        )

    def __reduce__(self) -> tuple[type[DatabaseError], tuple[list[str]]]:
        # Raised in a worker process, it travels back to the parent whole.
        return (DatabaseError, (self.problems,))
