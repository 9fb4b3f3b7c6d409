"""The help lines to give before anything else when a message signals acute need."""

from collections.abc import Sequence

from bot.crisis.signals import CrisisFile, CrisisKind
from bot.dutch import source_line
from bot.municipality import Municipality


class CrisisHelp:
    def __init__(self, file: CrisisFile) -> None:
        self._file = file

    def message(self, kinds: Sequence[CrisisKind], place: Municipality) -> str:
        """The help lines for these kinds first, then the way back to the Wmo question."""
        by_kind = {signal.kind: signal.lines for signal in self._file.signals}
        names = [name for kind in kinds for name in by_kind[kind]] or self._file.default_lines
        fill = {
            "phone": place.phone,
            "opening_hours": place.opening_hours,
            "urgent_phone": place.urgent_phone,
            "urgent_hours": place.urgent_hours,
        }
        lines = [self._file.lines[name].format(**fill) for name in dict.fromkeys(names)]
        return "\n\n".join(
            [self._file.intro, *lines, self._file.outro, source_line(self._file.sources, self._file.checked)]
        )
