"""A first, honest eligibility estimate (never a decision) and the route to the right place."""

from collections.abc import Iterable

from bot.catalogue.models import Provision
from bot.crisis import crisis_help
from bot.municipality import Municipality
from bot.settings import settings
from bot.triage.advice import Advice, read_outcomes_file
from bot.triage.dialogue import TriageDialogue
from bot.triage.needs import Needs, read_needs_file
from bot.triage.questions import read_questions


def load_triage(provisions: Iterable[Provision], place: Municipality) -> tuple[TriageDialogue, Advice]:
    """The triage for these catalogue provisions, from the content files under content/triage/."""
    files = settings()
    needs = Needs(read_needs_file(files.needs_file), provisions)
    questions = read_questions(needs, files.questions_file)
    return TriageDialogue(needs, questions), Advice(
        read_outcomes_file(files.outcomes_file), needs, crisis_help(), place
    )
