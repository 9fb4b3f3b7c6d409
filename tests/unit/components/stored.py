"""A trained component as Rasa makes it: created, trained on `training_data`, written to model storage
in `folder`, and loaded back from there, as the server loads a model."""

from pathlib import Path
from typing import TypeVar

from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.stored_component import StoredComponent

Component = TypeVar("Component", bound=StoredComponent)


def trained_and_loaded(kind: type[Component], training_data: TrainingData, folder: Path) -> Component:
    storage = LocalModelStorage(folder)
    resource = Resource(kind.__name__)
    config = kind.get_default_config()
    context = ExecutionContext(graph_schema=None, model_id="test")
    kind.create(config, storage, resource, context).train(training_data)
    return kind.load(config, storage, resource, context)
