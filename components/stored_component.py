"""The plumbing Rasa asks of a trained component that keeps its model in files: created with its
storage place, written there after training, and read back from it when the model is loaded."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from typing_extensions import Self


class StoredComponent(GraphComponent, ABC):
    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Self:
        component = cls(config, model_storage, resource)
        with model_storage.read_from(resource) as directory:
            component.restore(directory)
        return component

    def persist(self) -> Resource:
        """Writes what training learnt; call it at the end of `train`."""
        with self._storage.write_to(self._resource) as directory:
            self.save(directory)
        return self._resource

    @abstractmethod
    def save(self, directory: Path) -> None: ...

    @abstractmethod
    def restore(self, directory: Path) -> None: ...


def file_fingerprint(path: Path) -> str:
    """For `fingerprint_addon`: a component that reads a content file when it trains is trained again,
    not taken from Rasa's cache, when that file changes (Rasa fingerprints only data and config)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
