"""The base of every content file's model, and the field types several files share."""

from pydantic import BaseModel, ConstrainedStr, Extra


class StrictModel(BaseModel):
    """Unknown fields are refused (a typo is an error, not a silent default) and values cannot change."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Code(ConstrainedStr):
    """A stable identifier such as a catalogue code: lower case and underscores."""

    regex = r"^[a-z][a-z_]*$"


class Sentence(ConstrainedStr):
    """Text a resident reads: at least a few characters after trimming."""

    strip_whitespace = True
    min_length = 3


class Word(ConstrainedStr):
    """A word or phrase residents use, compared in lower case."""

    strip_whitespace = True
    to_lower = True
    min_length = 2


class Phone(ConstrainedStr):
    """A phone number as people write it: digits, spaces, brackets, plus and dashes."""

    strip_whitespace = True
    regex = r"^[0-9 ()+-]{3,20}$"
