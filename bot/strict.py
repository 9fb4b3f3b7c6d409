"""The base of every model of a data file: unknown fields are refused and values cannot change."""
from pydantic import BaseModel, Extra


class StrictModel(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False
