"""A first, honest eligibility estimate (never a decision) and the route to the right place."""
from typing import Iterable, Tuple

from bot.catalogue.models import Provision
from bot.crisis import crisis_help
from bot.municipality import Municipality
from bot.triage.advice import Advice, read_outcomes_file
from bot.triage.dialogue import TriageDialogue
from bot.triage.needs import Needs, read_needs_file
from bot.triage.questions import read_questions


def load_triage(provisions: Iterable[Provision], place: Municipality) -> Tuple[TriageDialogue, Advice]:
    """The triage for these catalogue provisions, from the data files under data/triage/."""
    needs = Needs(read_needs_file(), provisions)
    return TriageDialogue(needs, read_questions(needs)), Advice(read_outcomes_file(), needs, crisis_help(), place)
