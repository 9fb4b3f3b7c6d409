"""Answers from the catalogue: what a provision is, what it costs, the pgb, how to apply, the rules,
and the overview. If the database fails, the resident still gets a clear answer."""

import logging
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import message_of
from actions.names import PROVISION
from actions.services import services
from bot.catalogue import Provision, ProvisionKind, answers
from bot.dialogue.fallback import PROVISION_QUESTIONS

logger = logging.getLogger(__name__)

MAX_PROVISIONS_PER_ANSWER = 3
SUGGESTED_PROVISIONS = (
    "huishoudelijke_ondersteuning",
    "woningaanpassing",
    "scootmobiel",
    "rolstoel",
    "individuele_begeleiding",
    "dagbesteding",
)


def named_provisions(tracker: Tracker) -> list[str]:
    """Codes the resident named in the latest message, in order."""
    return list(message_of(tracker).provisions[:MAX_PROVISIONS_PER_ANSWER])


def provisions_in_context(tracker: Tracker) -> list[str]:
    """Named now, or else the one talked about before ("Wat kost dat?")."""
    slot = tracker.get_slot(PROVISION)
    return named_provisions(tracker) or ([slot] if slot else [])


class CatalogueAnswer:
    """Mixin for actions that answer from the catalogue; not an Action itself, so rasa_sdk does not
    register it. If the database fails, the resident still gets a clear answer."""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        raise NotImplementedError

    def provisions(self, codes: list[str]) -> list[Provision]:
        return [p for p in (services().catalogue.provision(code) for code in codes) if p is not None]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            return self.answer(dispatcher, tracker)
        except SQLAlchemyError:
            logger.exception("catalogue query failed in %s", type(self).__name__)
            dispatcher.utter_message(response="utter_catalogue_unavailable")
            return []


def follow_up_buttons() -> list[dict[str, str]]:
    """The questions that come after what a provision is."""
    return [{"title": t, "payload": f"/{i}"} for i, t in PROVISION_QUESTIONS.items() if i != "provision_info"]


class ActionProvisionInfo(CatalogueAnswer, Action):
    def name(self) -> str:
        return "action_provision_info"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
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
        offer = not in_form and found[-1].kind is ProvisionKind.maatwerk
        for provision in found:
            follow_up = provision is found[-1] and not (in_form or offer)
            buttons = follow_up_buttons() if follow_up else []
            dispatcher.utter_message(text=answers.provision_info(provision), buttons=buttons)
        if offer:
            dispatcher.utter_message(response="utter_offer_check")
        return [SlotSet(PROVISION, found[0].code)]


class ProvisionInContextAnswer(CatalogueAnswer):
    """Answers about each provision in context, or in general when there is none."""

    def general(self, dispatcher: CollectingDispatcher) -> None:
        raise NotImplementedError

    def about(self, provision: Provision) -> str:
        raise NotImplementedError

    def close(self, dispatcher: CollectingDispatcher, found: list[Provision]) -> None:
        """Optional last message, after the answers."""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        found = self.provisions(provisions_in_context(tracker))
        if not found:
            self.general(dispatcher)
        for provision in found:
            dispatcher.utter_message(text=self.about(provision))
        self.close(dispatcher, found)
        return []


class ActionOwnContribution(ProvisionInContextAnswer, Action):
    def name(self) -> str:
        return "action_own_contribution"

    def general(self, dispatcher: CollectingDispatcher) -> None:
        today = date.today()
        exemptions = services().catalogue.sourced_list("contribution_exemptions")
        dispatcher.utter_message(
            text=answers.contribution_general(services().catalogue.latest_verified_rate(today), exemptions, today)
        )

    def about(self, provision: Provision) -> str:
        today = date.today()
        return answers.own_contribution(provision, services().catalogue.latest_verified_rate(today), today)


class ActionPgb(ProvisionInContextAnswer, Action):
    def name(self) -> str:
        return "action_pgb"

    def general(self, dispatcher: CollectingDispatcher) -> None:
        dispatcher.utter_message(text=answers.pgb_general(services().catalogue.sourced_list("pgb_conditions")))

    def about(self, provision: Provision) -> str:
        return answers.pgb_for(provision)


class ActionApplyHow(ProvisionInContextAnswer, Action):
    def name(self) -> str:
        return "action_apply_how"

    def general(self, dispatcher: CollectingDispatcher) -> None:
        dispatcher.utter_message(response="utter_apply_how")

    def about(self, provision: Provision) -> str:
        return answers.how_to_apply(provision)

    def close(self, dispatcher: CollectingDispatcher, found: list[Provision]) -> None:
        if found:
            dispatcher.utter_message(response="utter_find_wijkteam")


class ActionEligibilityRules(ProvisionInContextAnswer, Action):
    """The rules themselves: conditions of a provision, or when there is no maatwerk in general."""

    def name(self) -> str:
        return "action_eligibility_rules"

    def general(self, dispatcher: CollectingDispatcher) -> None:
        dispatcher.utter_message(
            text=answers.no_maatwerk(
                services().catalogue.sourced_list("exclusion_grounds"), services().catalogue.sourced_list("not_grounds")
            )
        )

    def about(self, provision: Provision) -> str:
        return answers.eligibility_for(provision)

    def close(self, dispatcher: CollectingDispatcher, found: list[Provision]) -> None:
        dispatcher.utter_message(response="utter_decision_by_municipality")


class ActionProvisionOverview(CatalogueAnswer, Action):
    def name(self) -> str:
        return "action_provision_overview"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        provisions = services().catalogue.provisions()
        dispatcher.utter_message(
            text=answers.overview(provisions),
            buttons=[
                {"title": "Wanneer geen maatwerk", "payload": "/eligibility_rules"},
                {"title": "Wat kost het?", "payload": "/own_contribution"},
            ],
        )
        return []
