"""Reading the text files people really have, and replacing output files safely.

One decoding policy for every way in (``check --file``, routine files,
``batch``, ``coverage``, ``suggest --catalog`` and the page's upload):

1. A byte-order mark decides: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE.
2. Without one, NUL bytes in the first 4 KiB mean a binary file: refused.
3. Otherwise the whole file must be UTF-8. It is checked strictly and in a
   streaming way (1 MiB at a time, nothing held), so a catalog of any length
   is judged on all of its bytes, not on its first 64 KiB.
4. A file that is not UTF-8 and holds no UTF-8 multi-byte sequence at all is
   a legacy single-byte file: cp1252 (latin-1 if a byte cp1252 leaves
   undefined occurs).
5. A file that mixes UTF-8 and another encoding is refused, naming the line
   of the first byte that is not UTF-8: guessing would garble one part.
6. An encoding named by the user (``--encoding``) is used strictly: a byte it
   cannot decode is reported with its line, never replaced silently.

Output files are replaced through a temporary file in the same folder (see
``screener.batch.write_atomically``); this module refuses targets that are not
regular files and creates the temporary file as ``open()`` would (the umask
applies; an existing file keeps its permissions).
"""

from __future__ import annotations

import codecs
import contextlib
import glob
import os
import re
import secrets
import socket
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import ScreenError

BLOCK = 1 << 20
#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
#: A well-formed UTF-8 multi-byte sequence: text that is (partly) UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: Bytes cp1252 leaves undefined (latin-1 reads them as C1 controls).
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
ENCODING_HINT = "re-save it as UTF-8, or name its encoding (--encoding cp1252 on the command line)"


@dataclass(frozen=True)
class Decoding:
    """How to read a file: ``encoding`` for ``open()``/pandas (it consumes a
    byte-order mark), ``codec`` and ``skip`` (the mark's length) for raw bytes."""

    encoding: str
    codec: str
    skip: int = 0


def check_encoding_name(encoding: str) -> str:
    """The user's ``--encoding``, or ScreenError naming the choices."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ScreenError(
            f"Unknown encoding {encoding!r}: use a name such as utf-8, cp1252, latin-1 or utf-16."
        ) from None
    return encoding


def _bom(head: bytes) -> tuple[bytes, str, str] | None:
    return next((item for item in BOMS if head.startswith(item[0])), None)


def _line_of(decoded_lines: int, exc: UnicodeDecodeError, codec: str) -> tuple[int, int]:
    """The 1-based line and the value of the first byte a decoder refused."""
    before = bytes(exc.object[: exc.start]).decode(codec, errors="replace")
    return decoded_lines + before.count("\n") + 1, exc.object[exc.start]


@dataclass(frozen=True)
class _Scan:
    """A strict decoding pass: the text (when kept) or where it first failed."""

    text: str
    failed_line: int = 0
    failed_byte: int = 0
    #: whether non-ASCII text was decoded before the failure (a mixed file)
    non_ascii_before: bool = False
    #: whether anything but white space was decoded
    has_text: bool = True

    @property
    def ok(self) -> bool:
        return self.failed_line == 0


def _strict_scan(blocks: Iterator[bytes], codec: str, keep: bool) -> _Scan:
    """Decode every block strictly, counting lines; keep the text if asked.

    On failure, the line and value of the first bad byte, and whether
    non-ASCII text came before it."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    lines = 0
    kept: list[str] = []
    non_ascii = has_text = False
    try:
        for block in blocks:
            text = decoder.decode(block)
            lines += text.count("\n")
            non_ascii = non_ascii or not text.isascii()
            has_text = has_text or not text.isspace() and bool(text)
            if keep:
                kept.append(text)
        kept.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        line, byte = _line_of(lines, exc, codec)
        before = bytes(exc.object[: exc.start]).decode(codec, errors="replace")
        return _Scan("", line, byte, non_ascii or not before.isascii())
    return _Scan("".join(kept), has_text=has_text)


BlocksFactory = Callable[[int], Iterator[bytes]]


def _file_blocks(path: Path) -> BlocksFactory:
    def blocks(skip: int) -> Iterator[bytes]:
        with open(path, "rb") as handle:
            handle.seek(skip)
            while block := handle.read(BLOCK):
                yield block

    return blocks


def _memory_blocks(data: bytes) -> BlocksFactory:
    def blocks(skip: int) -> Iterator[bytes]:
        yield data[skip:]

    return blocks


def _choose(
    head: bytes, blocks: BlocksFactory, name: str, encoding: str | None, keep: bool
) -> tuple[Decoding, str]:
    """The decoding for a file whose first bytes are ``head``; ``blocks(skip)``
    yields all of its bytes from offset ``skip``. With ``keep``, the text too
    (else "")."""
    if not head.strip():
        raise ScreenError(f"{name}: the file is empty.")
    bom = _bom(head)
    if encoding is not None:
        check_encoding_name(encoding)
        if bom is not None and codecs.lookup(encoding).name == "utf-8":
            return _verified(Decoding("utf-8-sig", "utf-8", len(bom[0])), blocks, name, keep, True)
        return _verified(Decoding(encoding, encoding), blocks, name, keep, True)
    if bom is not None:
        mark, for_open, codec = bom
        return _verified(Decoding(for_open, codec, len(mark)), blocks, name, keep, False)
    if b"\x00" in head[:4096]:
        raise ScreenError(f"{name}: this is a binary file, not text or a CSV/TSV table.")
    scan = _strict_scan(blocks(0), "utf-8", keep)
    if scan.ok:
        if not scan.has_text:
            raise ScreenError(f"{name}: the file is empty.")
        return Decoding("utf-8", "utf-8"), scan.text
    if scan.non_ascii_before or _any_match(_UTF8_MULTIBYTE, blocks(0)):
        raise ScreenError(
            f"{name}: line {scan.failed_line} is not UTF-8 (byte 0x{scan.failed_byte:02x}) but "
            f"other lines are: the file mixes two text encodings; {ENCODING_HINT}."
        )
    legacy = "latin-1" if _any_match(_CP1252_UNDEFINED, blocks(0)) else "cp1252"
    return _verified(Decoding(legacy, legacy), blocks, name, keep, False)


def _verified(
    decoding: Decoding, blocks: BlocksFactory, name: str, keep: bool, named: bool
) -> tuple[Decoding, str]:
    scan = _strict_scan(blocks(decoding.skip), decoding.codec, keep)
    if not scan.ok:
        how = f"the encoding {decoding.encoding!r}" if named else decoding.codec.upper()
        raise ScreenError(
            f"{name}: line {scan.failed_line} cannot be read as {how} "
            f"(byte 0x{scan.failed_byte:02x}); {ENCODING_HINT}."
        )
    if not scan.has_text:
        raise ScreenError(f"{name}: the file is empty.")
    return decoding, scan.text


def _any_match(pattern: re.Pattern[bytes], blocks: Iterable[bytes]) -> bool:
    tail = b""
    for block in blocks:
        # Keep three bytes of the previous block: a sequence may straddle the cut.
        if pattern.search(tail + block):
            return True
        tail = block[-3:]
    return False


# --------------------------------------------------------------------------
# The entry points
# --------------------------------------------------------------------------


def check_input_file(path: str | Path) -> Path:
    """``path`` if it is a regular file (or a link to one), else ScreenError.

    A FIFO or a device is refused before it is opened: opening a FIFO with no
    writer would block for ever, and a table is read more than once."""
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        raise ScreenError(f"cannot read {path}: no such file.") from None
    except OSError as exc:
        raise ScreenError(f"cannot read {path}: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise ScreenError(f"cannot read {path}: it is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise ScreenError(
            f"cannot read {path}: it is {_kind(info.st_mode)}, not a regular file "
            "(pipe text in on stdin with --file - instead)."
        )
    return target


def file_decoding(path: str | Path, encoding: str | None = None) -> Decoding:
    """How to read ``path`` (see the module's policy); every byte is checked."""
    target = check_input_file(path)
    with open(target, "rb") as handle:
        head = handle.read(65536)
    decoding, _text = _choose(head, _file_blocks(target), str(path), encoding, keep=False)
    return decoding


def read_text_file(path: str | Path, encoding: str | None = None) -> str:
    """The whole text of a small file (a label, a routine product), decoded by the policy."""
    target = check_input_file(path)
    data = target.read_bytes()
    return decode_bytes(data, encoding, str(path))


def decode_bytes(data: bytes, encoding: str | None = None, name: str = "The file") -> str:
    """Bytes already in memory (an upload) decoded by the policy, without a byte-order mark."""
    _decoding, text = _choose(data[:65536], _memory_blocks(data), name, encoding, keep=True)
    return text


def memory_decoding(data: bytes, encoding: str | None = None, name: str = "The file") -> Decoding:
    """How ``decode_bytes`` reads ``data``."""
    decoding, _text = _choose(data[:65536], _memory_blocks(data), name, encoding, keep=False)
    return decoding


def open_text(path: str | Path, decoding: Decoding) -> IO[str]:
    """``path`` opened for reading text with ``decoding`` (newlines kept for csv)."""
    return open(path, encoding=decoding.encoding, errors="strict", newline="")


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def check_output_path(path: str | Path) -> os.stat_result | None:
    """The existing regular file at ``path`` (its stat), None for a new path.

    Anything else (a symbolic link, FIFO, device, socket, folder) is refused:
    replacing it with a regular file would break whatever it pointed to."""
    target = Path(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ScreenError(f"cannot write {path}: {exc.strerror or exc}.") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ScreenError(
            f"cannot write {path}: it is {_kind(info.st_mode)}; give a new file name or a "
            "regular file to replace."
        )
    folder = target.parent
    if not folder.is_dir():
        raise ScreenError(f"cannot write {path}: the folder {str(folder)!r} does not exist.")
    return info


def _part_prefix(target: Path) -> str:
    return f".{target.name}.{socket.gethostname()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files that earlier runs on this host left beside
    ``target`` when they were killed outright (SIGKILL, a crash): those whose
    process id is no longer running. Returns what was removed."""
    prefix = _part_prefix(target)
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f"{glob.escape(prefix)}*.part"))
    except OSError:
        return removed
    for path in candidates:
        pid_text = path.name[len(prefix) :].split(".", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def create_beside(target: Path, existing: os.stat_result | None) -> tuple[int, Path]:
    """A new, empty temporary file next to ``target``: (descriptor, path).

    Created with mode 0o666 so that the umask applies, as for any new file; a
    file that replaces an existing one takes its permissions."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    remove_stale_parts(target)
    for _ in range(100):
        tmp = target.with_name(f"{_part_prefix(target)}{os.getpid()}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ScreenError(
                f"cannot write {target}: {exc.strerror or exc} (creating {tmp.name})."
            ) from None
        if existing is not None:
            try:
                os.chmod(fd, stat.S_IMODE(existing.st_mode))
            except OSError:
                pass  # not the owner: the umask's mode stays
        return fd, tmp
    raise ScreenError(f"cannot write {target}: no free temporary name beside it.")
