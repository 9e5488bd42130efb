"""The command line: exit codes, formats, --json validating back into the model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from screener.models import ProductReport, RoutineReport


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "Aqua, Glycerin, Squalane")
    assert code == 0 and "milia-friendly" in out.lower()


def test_check_findings_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "Petrolatum, Isopropyl Myristate, Aqua")
    assert code == 1 and "Isopropyl Myristate" in out and "Petrolatum" in out


def test_check_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "   ")
    assert code == 2 and "empty" in err
    code, _, err = run(capsys, "check", "--file", "/nonexistent/file.txt")
    assert code == 2 and "cannot read" in err
    code, _, err = run(capsys, "check", "Aqua", "--context", "moon")
    assert code == 2 and "Unknown context" in err


def test_check_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--json", "-c", "pregnancy", "Aqua, Retinol")
    report = ProductReport.model_validate_json(out)
    assert report.context == ["pregnancy"] and code == 1


def test_check_markdown_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "label.txt"
    path.write_text("Ingredients: Aqua, <script>x</script> Glycerin", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--markdown", "--file", str(path))
    assert out.startswith("# Ingredient screen") and "<script>" not in out and code == 0


def test_routine_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "serum.txt").write_text("Aqua, Ascorbic Acid", encoding="utf-8")
    (tmp_path / "night.txt").write_text("Aqua, Retinol", encoding="utf-8")
    code, out, _ = run(
        capsys, "routine", str(tmp_path / "serum.txt"), str(tmp_path / "night.txt"), "--json"
    )
    routine = RoutineReport.model_validate_json(out)
    assert [p.name for p in routine.products] == ["serum", "night"]
    assert code in (0, 1)


def test_python_m_screener_and_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "screener", "check", "--json"],
        input="Aqua, Glycerin",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert ProductReport.model_validate_json(done.stdout).ingredients[0].inci == "Aqua"


def test_check_db_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-db")
    assert code == 0 and out.startswith("OK:")


def test_corrupt_database_gives_clear_error(tmp_path: Path) -> None:
    env = {"SCREENER_DB_DIR": str(tmp_path / "missing"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "screener", "check", "Aqua"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 2
    assert "database" in done.stderr and "Traceback" not in done.stderr


def test_markdown_escape_defuses_links_and_markup() -> None:
    from screener.report import md_escape

    out = md_escape("http://evil.com. <b>x</b> [a](javascript:alert(1)) www.evil.org a@b.co")
    assert "`http://evil.com`." in out and "`www.evil.org`" in out and "`a@b.co`" in out
    assert "\\<b\\>" in out and "\\[a\\]" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_output_format_works(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from screener.report import OutputFormat

    assert fmt in {f.value for f in OutputFormat}
    code, out, _ = run(capsys, "check", "--format", fmt, "Aqua, Petrolatum")
    assert code == 1 and "Petrolatum" in out
    if fmt == "json":
        assert ProductReport.model_validate_json(out).ingredients[1].inci == "Petrolatum"


def test_output_format_enum_is_covered() -> None:
    from screener.report import OutputFormat

    assert {f.value for f in OutputFormat} == {"text", "markdown", "json"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_undecodable_argv_bytes_never_crash_the_output(fmt: str) -> None:
    """Bytes that are not UTF-8 on the command line arrive as lone surrogates
    (surrogateescape); every output format still prints, with U+FFFD."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    for encoding in ("utf-8", "ascii"):  # a terminal that cannot show '→' either
        done = subprocess.run(
            [sys.executable, "-m", "screener", "check", "--format", fmt, b"Aqua, Glyc\xffrin, P\xe9trolatum"],
            capture_output=True, timeout=120, check=False,
            env={**env, "PYTHONIOENCODING": encoding},
        )  # fmt: skip
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode in (0, 1) and "Traceback" not in err, err
        out = done.stdout.decode(encoding, "strict")
        assert "Aqua" in out
        if fmt == "json":
            report = ProductReport.model_validate_json(out)
            shown = "\ufffd" if encoding == "utf-8" else "?"
            assert report.ingredients[1].text == f"Glyc{shown}rin"


def test_stdin_bytes_follow_the_decoding_policy() -> None:
    for data in ("Aqua, Glycérine".encode("cp1252"), "Aqua, Glycérine".encode("utf-16")):
        done = subprocess.run(
            [sys.executable, "-m", "screener", "check", "--json"],
            input=data, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert ProductReport.model_validate_json(done.stdout).ingredients[1].text == "Glycérine"
