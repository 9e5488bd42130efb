"""Every way the command line can fail: exit 2, one line on stderr, no traceback.

The policy (screener/cli.py): a failure prints exactly one line,
``screener…: reason`` (argparse's usage block is replaced by a pointer to
``--help``), and exits 2. Each case runs the real command in a subprocess,
all of them at once, each with a time bound.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
MINI_DB = HERE / "fixtures" / "mini_db"
ROOT = HERE.parent
TIMEOUT = 120

#: Runs the CLI as if pyarrow were not installed (an import of it fails).
NO_PYARROW = (
    "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None; "
    "from screener.cli import main; raise SystemExit(main(sys.argv[1:]))"
)
#: Runs the CLI with a 2 KB file-size limit: writing the output fails part-way.
FULL_DISK = (
    "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
    "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048)); "
    "from screener.cli import main; raise SystemExit(main(sys.argv[1:]))"
)


@dataclass
class Case:
    name: str
    args: list[str | bytes]
    expect: str  # a piece of the one-line reason
    env: dict[str, str] = field(default_factory=dict)
    code: str | None = None  # python -c CODE instead of python -m screener
    close_stdout: bool = False


def _files(tmp: Path) -> dict[str, Path]:
    good = tmp / "good.csv"
    good.write_text('name,ingredients\na,"Aqua, Glycerin"\n', encoding="utf-8")
    many = tmp / "many.csv"
    many.write_text(
        "name,ingredients\n" + "".join(f'p{i},"Aqua, Glycerin"\n' for i in range(200)),
        encoding="utf-8",
    )
    png = tmp / "image.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp / "empty.csv"
    empty.write_bytes(b"")
    mixed = tmp / "mixed.csv"
    mixed.write_bytes(
        "name,ingredients\nCrème,Aqua\n".encode() + "Baume,Glycérine\n".encode("cp1252")
    )
    fifo = tmp / "pipe.csv"
    os.mkfifo(fifo)
    folder_csv = tmp / "folder.csv"
    folder_csv.mkdir()
    link = tmp / "link.csv"
    link.symlink_to(tmp / "elsewhere.csv")
    not_db = tmp / "not_a_db"
    not_db.write_text("x", encoding="utf-8")
    return {
        "good": good,
        "many": many,
        "png": png,
        "empty": empty,
        "mixed": mixed,
        "fifo": fifo,
        "folder_csv": folder_csv,
        "link": link,
        "not_db": not_db,
    }


def _cases(tmp: Path) -> list[Case]:
    f = _files(tmp)
    out = str(tmp / "out.csv")
    good, many = str(f["good"]), str(f["many"])
    long_list = ", ".join(["Aqua", "Glycerin", "Squalane", "Dimethicone"] * 120)
    cases = [
        Case("no subcommand", [], "required"),
        Case("unknown subcommand", ["frobnicate"], "invalid choice"),
        Case("batch without -o", ["batch", good], "-o/--output"),
        Case("bad integer option", ["batch", good, "-o", out, "--chunksize", "abc"], "invalid int"),
        Case("zero chunk size", ["batch", good, "-o", out, "--chunksize", "0"], "at least 1"),
        Case("bad --jobs", ["batch", good, "-o", out, "--jobs", "0"], "at least 1"),
        Case("bad -k", ["suggest", "Aqua", "--catalog", good, "-k", "0"], "at least 1"),
        Case("missing file", ["check", "--file", str(tmp / "nope.txt")], "no such file"),
        Case("missing batch input", ["batch", str(tmp / "nope.csv"), "-o", out], "no such file"),
        Case("missing routine file", ["routine", str(tmp / "nope.txt")], "no such file"),
        Case("missing compare file", ["compare", "@" + str(tmp / "nope.txt"), "Aqua"], "no such"),
        Case("folder as file", ["check", "--file", str(tmp)], "folder"),
        Case("folder as batch input", ["batch", str(tmp), "-o", out], "folder"),
        Case("FIFO as file (no writer)", ["check", "--file", str(f["fifo"])], "FIFO"),
        Case("FIFO as batch input", ["batch", str(f["fifo"]), "-o", out], "FIFO"),
        Case("binary file", ["check", "--file", str(f["png"])], "binary"),
        Case("binary batch input", ["batch", str(f["png"]), "-o", out], "binary"),
        Case("binary catalog", ["suggest", "Aqua", "--catalog", str(f["png"])], "binary"),
        Case("binary coverage input", ["coverage", str(f["png"])], "binary"),
        Case("empty file", ["check", "--file", str(f["empty"])], "empty"),
        Case("empty batch input", ["batch", str(f["empty"]), "-o", out], "empty"),
        Case("mixed encodings", ["batch", str(f["mixed"]), "-o", out], "line 3"),
        Case("mixed encodings, check", ["check", "--file", str(f["mixed"])], "mixes two"),
        Case("bad encoding name", ["batch", good, "-o", out, "--encoding", "nope"], "nope"),
        Case("bad encoding, coverage", ["coverage", good, "--encoding", "nope"], "nope"),
        Case("bad encoding, check", ["check", "--file", good, "--encoding", "nope"], "nope"),
        Case("wrong strict encoding", ["batch", str(f["mixed"]), "-o", out, "--encoding", "ascii"], "line 2"),
        Case("unknown column", ["batch", good, "-o", out, "--column", "nope"], "columns are"),
        Case("unknown column, coverage", ["coverage", good, "--column", "nope"], "columns are"),
        Case("bad context", ["check", "Aqua", "-c", "moon"], "context"),
        Case("bad context, batch", ["batch", good, "-o", out, "-c", "moon"], "context"),
        Case("bad product type", ["check", "Aqua", "--product-type", "soap"], "invalid choice"),
        Case("undecodable argv", ["check", b"Aqua", "-c", b"moo\xffn"], "context"),
        Case("empty list", ["check", "   "], "empty"),
        Case("output format unknown", ["batch", good, "-o", str(tmp / "o.xyz")], "--format"),
        Case("parquet without pyarrow", ["batch", good, "-o", str(tmp / "o.parquet")], "pyarrow", code=NO_PYARROW),
        Case("output folder missing", ["batch", good, "-o", str(tmp / "no" / "o.csv")], "does not exist"),
        Case("output is a folder", ["batch", good, "-o", str(f["folder_csv"])], "folder"),
        Case("output is a symlink", ["batch", good, "-o", str(f["link"])], "symbolic link"),
        Case("output is a FIFO", ["batch", good, "-o", str(f["fifo"]), "--format", "csv"], "FIFO"),
        Case("output is a device", ["batch", good, "-o", os.devnull, "--format", "csv"], "device"),
        Case("output overwrites input", ["batch", good, "-o", good], "overwrite the input"),
        Case("output cannot be written", ["batch", many, "-o", out], "cannot write", code=FULL_DISK),
        Case("database folder missing", ["check", "Aqua"], "database", env={"SCREENER_DB_DIR": str(tmp / "nowhere")}),
        Case("database is a file", ["check", "Aqua"], "database", env={"SCREENER_DB_DIR": str(f["not_db"])}),
        Case("stdout closed early", ["check", "--json", long_list], "broken pipe", close_stdout=True),
    ]  # fmt: skip
    if os.geteuid() != 0:  # root reads any file whatever its mode
        locked = tmp / "locked.csv"
        locked.write_text("a,b\n", encoding="utf-8")
        locked.chmod(0)
        cases.append(Case("unreadable file", ["check", "--file", str(locked)], "ermission"))
    return cases


def _run(case: Case) -> tuple[int, str]:
    env = {**os.environ, "SCREENER_DB_DIR": str(MINI_DB), **case.env, "PYTHONPATH": str(ROOT)}
    env.pop("SCREENER_DEBUG", None)
    head = ["-c", case.code] if case.code else ["-m", "screener"]
    argv: list[str | bytes] = [sys.executable, *head, *case.args]
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    if case.close_stdout:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(TIMEOUT)
    else:
        _out, err = proc.communicate(timeout=TIMEOUT)
    return proc.returncode, err.decode("utf-8", "replace")


def test_every_failure_exits_2_with_one_line(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_run, cases))
    problems = []
    for case, (code, err) in zip(cases, results, strict=True):
        lines = err.splitlines()
        if code != 2 or len(lines) != 1 or "Traceback" in err or case.expect not in err:
            problems.append(f"{case.name}: exit {code}, stderr {err!r}")
        elif not lines[0].startswith("screener"):
            problems.append(f"{case.name}: the line does not name the command: {err!r}")
    assert not problems, "\n".join(problems)
    assert not list(tmp_path.glob(".*.part"))  # no failure leaves a temporary file
    assert not (tmp_path / "out.csv").exists()
