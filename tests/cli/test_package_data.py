"""Every data file under src/blocwatch ships in the wheel: a non-editable install (the README's first
command) has only what pyproject's package-data globs name, so a file they miss breaks a fresh machine."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_package_data_globs_cover_every_data_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["blocwatch"]
    package = ROOT / "src" / "blocwatch"
    data_files = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data_files
    # setuptools globs do not cross directories: "web/static/*" does not ship "web/static/vendor/x"
    missed = [f for f in data_files if not any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs)]
    assert missed == [], f"add to [tool.setuptools.package-data] in pyproject.toml: {missed}"
