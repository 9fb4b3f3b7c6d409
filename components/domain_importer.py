"""Rasa's file importer, with the domain folder (domain/) merged the same way on every machine.

Rasa merges a domain folder in the order the file system lists it, and that order decides the
order of the slots and actions the dialogue policy learns on: two machines with the same files and
seeds would train different models. Here the files are merged in name order. A domain that does not
load stops training, where Rasa's importer would warn and train on an empty domain.
"""

from pathlib import Path
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.utils.io import read_file, read_yaml


class SortedDomainImporter(RasaFileImporter):
    def get_domain(self) -> Domain:
        path = Path(self._domain_path or "")
        if not path.is_dir():
            return Domain.load(str(path))
        combined: dict[str, Any] = {}
        for file in sorted(path.rglob("*")):
            if file.is_file() and Domain.is_domain_file(str(file)):
                Domain.from_file(str(file))  # validates the file on its own, as Rasa does
                combined = Domain.merge_domain_dicts(read_yaml(read_file(str(file))), combined)
        return Domain.from_dict(combined)
