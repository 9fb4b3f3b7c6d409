"""Builds and installs the project's small Dutch spaCy pipeline, `nl_wmo_sm`.

`nl_core_news_sm` cannot be downloaded on these machines (it is not on PyPI), so set-up builds a
pipeline from PyPI packages: spaCy's Dutch tokenizer plus a lookup lemmatizer whose tables come
from `spacy-lookups-data`. It is packaged with `spacy package` and installed like any model, so
`SpacyNLP` loads it by name. Rasa caches SpacyNLP's output by model name only; scripts/train
retrains when VERSION below changes, so bump it whenever the pipeline's behaviour changes.
"""

import importlib.metadata
import subprocess
import sys
import tempfile
from pathlib import Path

NAME = "wmo_sm"
PACKAGE = f"nl_{NAME}"
VERSION = "1.0.0"


def installed_version() -> str:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return ""


def build(target: Path) -> Path:
    # Imported here: spaCy takes seconds to import, and an installed pipeline needs no build.
    import spacy
    from spacy.cli.package import package
    from spacy.lookups import load_lookups

    nlp = spacy.blank("nl")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # add_pipe is typed as returning any pipe; the lemmatizer's initialize takes its lookups.
    lemmatizer.initialize(lookups=load_lookups("nl", ["lemma_lookup"]))  # type: ignore[call-arg]
    nlp.meta.update(
        name=NAME,
        version=VERSION,
        description="Dutch tokenizer and lookup lemmatizer for the Wmo-assistent",
        license="MIT",
        author="Wmo-assistent",
        email="",
        url="",
    )
    source = target / "pipeline"
    nlp.to_disk(source)
    package(source, target, create_sdist=True, force=True, silent=True)
    return target / f"{PACKAGE}-{VERSION}" / "dist" / f"{PACKAGE}-{VERSION}.tar.gz"


def main() -> None:
    if installed_version() == VERSION:
        print(f"{PACKAGE} {VERSION} is already installed")
        return
    with tempfile.TemporaryDirectory() as folder:
        sdist = build(Path(folder))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--force-reinstall",
                str(sdist),
            ],
            check=True,
        )
    print(f"installed {PACKAGE} {VERSION}")


if __name__ == "__main__":
    main()
