"""The one reader of content files: a file that cannot be used is refused with its path, the field
and the reason, so the municipality can fix it without reading code."""

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)


class ContentError(ValueError):
    """A content file cannot be used; the message names the file, the field and why."""


def problems(error: ValidationError) -> str:
    """'provisions.3.checked: invalid date format; ...' for every problem pydantic found."""
    return "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'] if part != '__root__') or 'bestand'}: {problem['msg']}"
        for problem in error.errors()
    )


def read_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise ContentError(f"{path}: bestand niet gevonden") from error


def read_yaml(path: str | Path) -> Any:
    try:
        return yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: geen geldige YAML: {error}") from error


def parse(model: type[ModelT], raw: Any, where: str | Path) -> ModelT:
    """The validated model of `raw`; `where` names the file (and line) in an error."""
    try:
        return model.parse_obj(raw)
    except ValidationError as error:
        raise ContentError(f"{where}: {problems(error)}") from error


def read_model(path: str | Path, model: type[ModelT]) -> ModelT:
    return parse(model, read_yaml(path), path)
