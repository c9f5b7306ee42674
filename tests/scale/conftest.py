"""Session fixtures for the scale-out tests: each corpus of ``corpora`` with its in-process reference store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.scale.corpora import FIXTURES, reference, write_kcna, write_wire


@pytest.fixture(scope="session")
def mixed(tmp_path_factory) -> tuple[Path, dict[str, int], dict]:
    base = tmp_path_factory.mktemp("mixed")
    corpus = base / "corpus"
    shutil.copytree(FIXTURES, corpus / "fixtures")
    write_wire(corpus / "wire", 400)
    return (corpus, *reference(corpus, base / "reference.duckdb"))


@pytest.fixture(scope="session")
def kcna(tmp_path_factory) -> tuple[Path, dict[str, int], dict]:
    base = tmp_path_factory.mktemp("kcna")
    corpus = base / "corpus"
    write_kcna(corpus / "kcna", 300)
    shutil.copytree(FIXTURES, corpus / "fixtures")
    write_wire(corpus / "wire", 200)
    return (corpus, *reference(corpus, base / "reference.duckdb"))
