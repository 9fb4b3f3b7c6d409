"""Answers from the catalogue: what a provision is, what it costs, the pgb, how to apply, the rules,
and the overview. If the database fails, the resident still gets a clear answer."""

import json
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
from bot.dialogue.cost_question import asks_cost
from bot.dialogue.fallback import PROVISION_QUESTIONS
from bot.dialogue.objection import speaks_of_a_decision

logger = logging.getLogger(__name__)

# Two answers and the offer or closing line fill the three bubbles a turn may have.
MAX_PROVISIONS_PER_ANSWER = 2
MORE = "Meer weten"
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


def provisions_of_need(tracker: Tracker) -> list[str]:
    """The provisions of the need the resident describes without naming one ("hij kan niet meer
    goed douchen"): their answer says more than a menu of provisions that may not fit."""
    return list(services().triage()[0].needs.provisions_described(message_of(tracker).text)[:MAX_PROVISIONS_PER_ANSWER])


def catalogue_provisions(codes: list[str]) -> list[Provision]:
    """The catalogue's provisions for these codes, in order; unknown codes are left out."""
    return [p for p in (services().catalogue.provision(code) for code in codes) if p is not None]


def answered_about_provision(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The provisions named now ("leren lezen" is the Taalhuis), answered as a question about them;
    None when none is named or the catalogue cannot be read."""
    try:
        found = catalogue_provisions(named_provisions(tracker))
    except SQLAlchemyError:
        logger.exception("catalogue query failed for a provision named outside the Wmo's intents")
        return None
    if not found:
        return None
    utter_provision_info(dispatcher, found, follow_up_buttons(found))
    return [SlotSet(PROVISION, found[0].code)]


def answered_about_item(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Something named now that is no provision of the catalogue ("rookmelders", "een e-bike"):
    whether the gemeente pays for it, then the check unless the resident is in it already. A
    provision named in the same message comes first."""
    if named_provisions(tracker):
        return False
    check, advice = services().triage()
    item = check.needs.item(message_of(tracker).text)
    if item is None:
        return False
    dispatcher.utter_message(text=advice.about_item(item))
    if not (tracker.active_loop or {}).get("name"):
        dispatcher.utter_message(response="utter_offer_check_item" if item.ordinary else "utter_offer_check")
    return True


class CatalogueAnswer:
    """Mixin for actions that answer from the catalogue; not an Action itself, so rasa_sdk does not
    register it. If the database fails, the resident still gets a clear answer."""

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        raise NotImplementedError

    def provisions(self, codes: list[str]) -> list[Provision]:
        return catalogue_provisions(codes)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            return self.answer(dispatcher, tracker)
        except SQLAlchemyError:
            logger.exception("catalogue query failed in %s", type(self).__name__)
            dispatcher.utter_message(response="utter_catalogue_unavailable")
            return []


def more_button(found: list[Provision]) -> dict[str, str]:
    """ "Meer weten": the details of these provisions (who for, conditions, how to apply)."""
    codes = [p.code for p in found]
    named = json.dumps(codes[0] if len(codes) == 1 else codes, separators=(",", ":"))
    return {"title": MORE, "payload": f'/eligibility_rules{{"provision":{named}}}'}


def follow_up_buttons(found: list[Provision]) -> list[dict[str, str]]:
    """ "Meer weten", then the questions that come after what a provision is: at most three (the
    WhatsApp limit); the check only for maatwerk."""
    kind = found[-1].kind
    asked = ["own_contribution", "check_eligibility" if kind is ProvisionKind.maatwerk else "apply_how"]
    return [more_button(found), *({"title": PROVISION_QUESTIONS[i], "payload": f"/{i}"} for i in asked)]


def utter_provision_info(
    dispatcher: CollectingDispatcher, found: list[Provision], buttons: list[dict[str, str]]
) -> None:
    """One short bubble per provision; the buttons on the last, as the website widget shows only
    the last message's choices."""
    for provision in found:
        dispatcher.utter_message(
            text=answers.provision_info(provision), buttons=buttons if provision is found[-1] else []
        )


class ActionProvisionInfo(CatalogueAnswer, Action):
    def name(self) -> str:
        return "action_provision_info"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if answered_about_item(dispatcher, tracker):
            return []
        named = named_provisions(tracker)
        if named and asks_cost(message_of(tracker).text):
            return [*ActionOwnContribution().answer(dispatcher, tracker), SlotSet(PROVISION, named[0])]
        found = self.provisions(named or provisions_of_need(tracker))
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
        utter_provision_info(dispatcher, found, [] if in_form or offer else follow_up_buttons(found))
        if offer:
            # The response's own buttons (the check, the cost) and "Meer weten": three in all.
            dispatcher.utter_message(response="utter_offer_check", buttons=[more_button(found)])
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
        if answered_about_item(dispatcher, tracker):
            return []
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


class ActionWmoExplain(CatalogueAnswer, Action):
    """What the Wmo is; asked about an item ("krijg ik rookmelders van de Wmo?"), whether it pays for that."""

    def name(self) -> str:
        return "action_wmo_explain"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if not answered_about_item(dispatcher, tracker):
            dispatcher.utter_message(response="utter_wmo_explain")
        return []


class ActionObjection(CatalogueAnswer, Action):
    """The bezwaar answer; an item asked about in words of no decision ("krijgt ze een rookmelder met
    flitslicht vergoed?") gets the answer whether the gemeente pays for it instead."""

    def name(self) -> str:
        return "action_objection"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if speaks_of_a_decision(message_of(tracker).text) or not answered_about_item(dispatcher, tracker):
            dispatcher.utter_message(response="utter_objection")
        return []


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
