"""The help lines to give before anything else when a message signals acute need. Each message is
one bubble (lines, no blank line): the national lines and the municipality's stay two bubbles."""

from collections.abc import Sequence

from bot.crisis.signals import CrisisFile, CrisisKind
from bot.dutch import source_line
from bot.municipality import Municipality


class CrisisHelp:
    def __init__(self, file: CrisisFile) -> None:
        self._file = file

    def first_lines(self) -> str:
        """The national help lines for every sign of danger: the domain's `utter_crisis_help`, which
        Rasa serves itself, so they arrive even when the action server is down."""
        return "\n".join([self._file.intro, *(self._file.lines[name] for name in self._file.always)])

    def replies(self, kinds: Sequence[CrisisKind], place: Municipality) -> list[str]:
        """The help lines as two bubbles, national lines first; none when nothing signals danger."""
        return [self.first_lines(), self.follow_up(kinds, place)] if kinds else []

    def message(self, kinds: Sequence[CrisisKind], place: Municipality) -> str:
        """All help lines for these kinds, then the way back to the Wmo question."""
        return "\n".join([self._file.intro, *self._lines(kinds, place, skip=()), *self._closing()])

    def follow_up(self, kinds: Sequence[CrisisKind], place: Municipality) -> str:
        """What comes after `first_lines`: the municipality's lines for these kinds, then the way back."""
        return "\n".join([*self._lines(kinds, place, skip=self._file.always), *self._closing()])

    def _lines(self, kinds: Sequence[CrisisKind], place: Municipality, skip: Sequence[str]) -> list[str]:
        by_kind = {signal.kind: signal.lines for signal in self._file.signals}
        names = [name for kind in kinds for name in by_kind[kind]] or self._file.default_lines
        fill = {
            "phone": place.phone,
            "opening_hours": place.opening_hours,
            "urgent_phone": place.urgent_phone,
            "urgent_hours": place.urgent_hours,
        }
        return [self._file.lines[name].format(**fill) for name in dict.fromkeys(names) if name not in skip]

    def _closing(self) -> list[str]:
        return [self._file.outro, source_line(self._file.sources, self._file.checked)]
