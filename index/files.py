"""How the project writes files: whole or not at all, and under one permission rule.

The rule, for everything the project writes (the data dir, the corpus, the model cache): the
service's own user reads and writes, its group reads (a backup job, an operator's account), others
get nothing. Files are FILE_MODE, folders DIR_MODE. Modes are set explicitly, never left to the
umask (022 on most machines, 077 on some) or to a library (SQLite creates 0644, mkstemp 0600).
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o640
DIR_MODE = 0o750


def make_dir(path: Path, exist_ok: bool = True) -> Path:
    """Create folder `path`, and its missing parents, with DIR_MODE. A folder that exists keeps its
    mode: a volume or a folder the operator made is theirs to set."""
    if not path.parent.is_dir():
        make_dir(path.parent)
    try:
        os.mkdir(path, DIR_MODE)
    except FileExistsError:
        if exist_ok and path.is_dir():
            return path
        raise
    os.chmod(path, DIR_MODE)  # mkdir's mode passes through the umask
    return path


def create_file(path: Path) -> Path:
    """Create `path` empty unless it exists, and give it FILE_MODE: for a file that another library
    opens by name and would create with a mode of its own (SQLite), or that an older version of the
    project made with another mode."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def set_modes(path: Path) -> None:
    """Give `path` the rule's mode and, if it is a folder, everything in it: for files written by
    libraries that choose their own modes (numpy, faiss, SQLite, safetensors), before the folder
    holding them is renamed into place. A path that does not exist is left alone."""
    if path.is_file():
        os.chmod(path, FILE_MODE)
    for folder, _, names in os.walk(path):  # nothing when `path` is not a folder
        os.chmod(folder, DIR_MODE)
        for name in names:
            os.chmod(os.path.join(folder, name), FILE_MODE)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` in one step: a synced temporary file beside it, then a rename.

    The temporary name starts with a dot, so corpus and index listings never pick it up.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), FILE_MODE)  # instead of mkstemp's 0600, which the rename would keep
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
