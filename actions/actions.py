"""Thin Rasa actions: they read the tracker, call plain Python in bot/ and send the answer."""
import logging
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot import answers
from bot.catalogue import Catalogue, Provision
from bot.catalogue.models import Kind
from bot.database import default_engine
from bot.fallback import best_guesses
from bot.municipality import municipality

logger = logging.getLogger(__name__)

CATALOGUE = Catalogue(default_engine())
MAX_PROVISIONS_PER_ANSWER = 3
SUGGESTED_PROVISIONS = (
    "huishoudelijke_ondersteuning",
    "woningaanpassing",
    "scootmobiel",
    "rolstoel",
    "individuele_begeleiding",
    "dagbesteding",
)


def named_provisions(tracker: Tracker) -> List[str]:
    """Codes the resident named in the latest message, in order."""
    codes = [e["value"] for e in tracker.latest_message.get("entities", []) if e.get("entity") == "provision"]
    return list(dict.fromkeys(codes))[:MAX_PROVISIONS_PER_ANSWER]


def provisions_in_context(tracker: Tracker) -> List[str]:
    """Named now, or else the one talked about before ("Wat kost dat?")."""
    slot = tracker.get_slot("provision")
    return named_provisions(tracker) or ([slot] if slot else [])


class CatalogueAnswer:
    """Mixin for actions that answer from the catalogue; not an Action itself, so rasa_sdk does not
    register it. If the database fails, the resident still gets a clear answer."""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        raise NotImplementedError

    def provisions(self, codes: List[str]) -> List[Provision]:
        return [p for p in (CATALOGUE.provision(code) for code in codes) if p is not None]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        try:
            return self.answer(dispatcher, tracker)
        except SQLAlchemyError:
            logger.exception("catalogue query failed in %s", type(self).__name__)
            dispatcher.utter_message(response="utter_catalogue_unavailable")
            return []


def follow_up_buttons() -> List[Dict[str, str]]:
    return [
        {"title": "Wat kost het?", "payload": "/own_contribution"},
        {"title": "Hoe vraag ik het aan", "payload": "/apply_how"},
        {"title": "Kom ik in aanmerking", "payload": "/check_eligibility"},
    ]


class ActionProvisionInfo(CatalogueAnswer, Action):
    def name(self) -> Text:
        return "action_provision_info"

    def answer(self, dispatcher, tracker):
        found = self.provisions(named_provisions(tracker))
        if not found:
            options = self.provisions(list(SUGGESTED_PROVISIONS))
            dispatcher.utter_message(
                response="utter_ask_which_provision",
                buttons=[
                    *({"title": p.name, "payload": f'/provision_info{{"provision":"{p.code}"}}'} for p in options),
                    {"title": "Alle voorzieningen", "payload": "/provision_overview"},
                ],
            )
            return []
        # In a form, its own question comes next. After maatwerk, the offer of the check ("ja"
        # starts it, data/rules/triage.yml). Otherwise, the follow-up questions as buttons.
        in_form = bool((tracker.active_loop or {}).get("name"))
        offer = not in_form and found[-1].kind is Kind.maatwerk
        for provision in found:
            follow_up = provision is found[-1] and not (in_form or offer)
            buttons = follow_up_buttons() if follow_up else []
            dispatcher.utter_message(text=answers.provision_info(provision), buttons=buttons)
        if offer:
            dispatcher.utter_message(response="utter_offer_check")
        return [SlotSet("provision", found[0].code)]


class ProvisionInContextAnswer(CatalogueAnswer):
    """Answers about each provision in context, or in general when there is none."""

    def general(self, dispatcher: CollectingDispatcher) -> None:
        raise NotImplementedError

    def about(self, provision: Provision) -> str:
        raise NotImplementedError

    def close(self, dispatcher: CollectingDispatcher, found: List[Provision]) -> None:
        """Optional last message, after the answers."""

    def answer(self, dispatcher, tracker):
        found = self.provisions(provisions_in_context(tracker))
        if not found:
            self.general(dispatcher)
        for provision in found:
            dispatcher.utter_message(text=self.about(provision))
        self.close(dispatcher, found)
        return []


class ActionOwnContribution(ProvisionInContextAnswer, Action):
    def name(self) -> Text:
        return "action_own_contribution"

    def general(self, dispatcher):
        today = date.today()
        exemptions = CATALOGUE.sourced_list("contribution_exemptions")
        dispatcher.utter_message(
            text=answers.contribution_general(CATALOGUE.latest_verified_rate(today), exemptions, today)
        )

    def about(self, provision):
        today = date.today()
        return answers.own_contribution(provision, CATALOGUE.latest_verified_rate(today), today)


class ActionPgb(ProvisionInContextAnswer, Action):
    def name(self) -> Text:
        return "action_pgb"

    def general(self, dispatcher):
        dispatcher.utter_message(text=answers.pgb_general(CATALOGUE.sourced_list("pgb_conditions")))

    def about(self, provision):
        return answers.pgb_for(provision)


class ActionApplyHow(ProvisionInContextAnswer, Action):
    def name(self) -> Text:
        return "action_apply_how"

    def general(self, dispatcher):
        dispatcher.utter_message(response="utter_apply_how")

    def about(self, provision):
        return answers.how_to_apply(provision)

    def close(self, dispatcher, found):
        if found:
            dispatcher.utter_message(response="utter_find_wijkteam")


class ActionEligibilityRules(ProvisionInContextAnswer, Action):
    """The rules themselves: conditions of a provision, or when there is no maatwerk in general."""

    def name(self) -> Text:
        return "action_eligibility_rules"

    def general(self, dispatcher):
        dispatcher.utter_message(
            text=answers.no_maatwerk(CATALOGUE.sourced_list("exclusion_grounds"), CATALOGUE.sourced_list("not_grounds"))
        )

    def about(self, provision):
        return answers.eligibility_for(provision)

    def close(self, dispatcher, found):
        dispatcher.utter_message(response="utter_decision_by_municipality")


class ActionProvisionOverview(CatalogueAnswer, Action):
    def name(self) -> Text:
        return "action_provision_overview"

    def answer(self, dispatcher, tracker):
        provisions = CATALOGUE.provisions()
        dispatcher.utter_message(
            text=answers.overview(provisions),
            buttons=[
                {"title": "Wanneer geen maatwerk", "payload": "/eligibility_rules"},
                {"title": "Wat kost het?", "payload": "/own_contribution"},
            ],
        )
        return []


class ActionOutOfScope(Action):
    """Other municipal services: say kindly that this is not Wmo and point to the right page."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher, tracker, domain):
        place = municipality()
        service = place.other_service(tracker.latest_message.get("text") or "")
        if service is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        dispatcher.utter_message(
            text=f"Vragen over {service.name} horen niet bij de Wmo, dus daar kan ik u niet mee helpen. "
            f"U vindt het antwoord op {service.url}. Of bel {place.phone} ({place.opening_hours})."
        )
        return []


class ActionDefaultAskAffirmation(Action):
    """Replaces Rasa's English "Did you mean" with the two best guesses as Dutch buttons."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher, tracker, domain):
        if not (tracker.latest_message.get("text") or "").strip():
            dispatcher.utter_message(response="utter_empty_message")
            return []
        ranking = tracker.latest_message.get("intent_ranking") or []
        buttons = [{"title": label, "payload": f"/{intent}"} for intent, label in best_guesses(ranking)]
        dispatcher.utter_message(
            text="Ik weet niet zeker wat u bedoelt. Gaat uw vraag over een van deze onderwerpen?",
            buttons=[*buttons, {"title": "Iets anders", "payload": "/out_of_scope"}],
        )
        return []


class ActionSessionStart(Action):
    """Starts a session with the municipality's own details in the slots that responses use."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher, tracker, domain):
        carried = {name: value for name, value in tracker.current_slot_values().items() if value is not None}
        slots = {**carried, **municipality().as_slots()}
        return [
            SessionStarted(),
            *(SlotSet(name, value) for name, value in slots.items()),
            ActionExecuted("action_listen"),
        ]
