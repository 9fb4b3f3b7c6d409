"""The staff console, at /medewerkers/: wijkteam staff log in, see open handoffs with the summary
and the conversation, reply to the resident on the channel the resident used, hand the
conversation back to the assistant, or close it.

Plain server-rendered pages on Rasa's own Sanic server, so a reply is delivered through the very
channel objects Rasa uses. Accounts come from WMO_STAFF_FILE (bot/staff); there are no
built-in ones. Every form carries a token tied to the session, and cookies are HttpOnly and
SameSite=Strict.
"""

import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.database import default_engine
from bot.handoff.model import OPEN, HandoffKind, Status
from bot.handoff.store import Handoff, HandoffStore
from bot.intake.summary import IntakeSummary
from bot.municipality import municipality
from bot.settings import settings
from bot.staff.accounts import check_password, read_staff
from bot.staff.sessions import Sessions, session_key

COOKIE = "wmo_medewerker"
TEMPLATES = Path(__file__).parent / "templates"
PREFIX = "/medewerkers"
MAX_REPLY = 2000
# Five wrong passwords for one account within a quarter of an hour lock that account for the rest of it.
MAX_FAILURES, FAILURE_WINDOW = 5, 15 * 60

HANDED_BACK = "U praat weer met de digitale assistent. Waar kan ik u nog mee helpen?"
CLOSED = "De medewerker heeft het gesprek afgesloten. Heeft u nog een vraag? Dan helpt de digitale assistent u."


class StaffConsole(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "medewerkers"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self) -> None:
        self.handoffs = HandoffStore(default_engine())
        self.sessions = Sessions(session_key())
        self.failures: dict[str, deque[float]] = defaultdict(deque)
        self.pages = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=select_autoescape(["html"]),
        )
        self.office = municipality().office_hours
        self.pages.filters["local"] = lambda moment: self.office.local(moment).strftime("%d-%m-%Y %H:%M")

    def url_prefix(self) -> str:
        return PREFIX

    # Sign-in -------------------------------------------------------------------------------

    def _staff(self, request: Request) -> str | None:
        return self.sessions.holder(request.cookies.get(COOKIE, ""))

    def _locked(self, name: str) -> bool:
        failures = self.failures[name]
        while failures and failures[0] < time.time() - FAILURE_WINDOW:
            failures.popleft()
        return len(failures) >= MAX_FAILURES

    def _page(self, template: str, request: Request, status: int = 200, **values: Any) -> HTTPResponse:
        token = request.cookies.get(COOKIE, "")
        html = self.pages.get_template(template).render(
            prefix=PREFIX, staff=self._staff(request), form_token=self.sessions.form_token(token), **values
        )
        return response.html(
            html,
            status=status,
            headers={
                "Cache-Control": "no-store",
                "X-Frame-Options": "DENY",
                "Referrer-Policy": "no-referrer",
            },
        )

    def _form_ok(self, request: Request) -> bool:
        token = request.cookies.get(COOKIE, "")
        return self.sessions.form_token_valid(token, request.form.get("form_token", ""))

    # Delivering to the resident ------------------------------------------------------------

    @staticmethod
    def _output(request: Request, channel: str) -> OutputChannel | None:
        for input_channel in getattr(request.app.ctx, "input_channels", []):
            if input_channel.name() == channel:
                return input_channel.get_output_channel()
        return None

    async def _say(self, request: Request, handoff: Handoff, text: str, staff: str, resume: bool) -> bool:
        """Adds the staff message to the conversation and sends it; False when the channel cannot
        push messages (the REST test channel), in which case it is only in the conversation."""
        agent = request.app.ctx.agent
        async with agent.lock_store.lock(handoff.conversation_id):
            tracker = await agent.tracker_store.get_or_create_tracker(handoff.conversation_id)
            if resume:
                # Ends the staff chat form (actions/handoff.py): the assistant answers again.
                tracker.update(ActiveLoop(None))
                tracker.update(SlotSet(REQUESTED_SLOT, None))
            tracker.update(BotUttered(text, metadata={"medewerker": staff}))
            # As after any bot turn: the resident's next message starts a fresh turn for the policies.
            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
            await agent.tracker_store.save(tracker)
        output = self._output(request, handoff.channel)
        if output is None:
            return False
        await output.send_response(handoff.conversation_id, {"text": text})
        return True

    async def _conversation(self, request: Request, conversation_id: str) -> list[dict[str, str]]:
        tracker = await request.app.ctx.agent.tracker_store.retrieve(conversation_id)
        lines = []
        for event in tracker.events if tracker else []:
            if isinstance(event, UserUttered) and event.text:
                who, css = "Inwoner", "resident"
            elif isinstance(event, BotUttered) and event.text:
                staff = (event.metadata or {}).get("medewerker")
                who, css = (f"Medewerker {staff}", "staff") if staff else ("Assistent", "bot")
            else:
                continue
            when = self.office.local(datetime.fromtimestamp(event.timestamp, timezone.utc))
            lines.append({"who": who, "css": css, "text": event.text, "time": when.strftime("%H:%M")})
        return lines

    # Pages ---------------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        console = Blueprint("staff_console", __name__)

        def login_page(request: Request, error: str | None = None, status: int = 200) -> HTTPResponse:
            return self._page(
                "login.html",
                request,
                status=status,
                title="Inloggen",
                error=error,
                no_accounts=not read_staff(settings().staff_file),
            )

        @console.route("/", methods=["GET"], strict_slashes=False)
        async def overview(request: Request) -> HTTPResponse:
            if not self._staff(request):
                return response.redirect(f"{PREFIX}/inloggen", status=303)
            return self._page(
                "list.html",
                request,
                title="Open overdrachten",
                handoffs=self.handoffs.open_handoffs(),
                done=request.args.get("klaar"),
            )

        @console.route("/inloggen", methods=["GET"])
        async def login_form(request: Request) -> HTTPResponse:
            return login_page(request)

        @console.route("/inloggen", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            name = (request.form.get("name") or "").strip().lower()
            password = request.form.get("password") or ""
            if self._locked(name):
                return login_page(request, "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier.", 429)
            stored = read_staff(settings().staff_file).get(name)
            if stored is None or not check_password(password, stored):
                self.failures[name].append(time.time())
                return login_page(request, "Gebruikersnaam of wachtwoord klopt niet.", 401)
            self.failures.pop(name, None)
            answer = response.redirect(f"{PREFIX}/", status=303)
            answer.cookies[COOKIE] = self.sessions.issue(name)
            cookie = answer.cookies[COOKIE]
            cookie["httponly"], cookie["samesite"], cookie["path"] = True, "Strict", PREFIX
            cookie["secure"] = request.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
            return answer

        @console.route("/uitloggen", methods=["POST"])
        async def logout(request: Request) -> HTTPResponse:
            answer = response.redirect(f"{PREFIX}/inloggen", status=303)
            del answer.cookies[COOKIE]
            return answer

        def guarded(
            action: Callable[..., Awaitable[HTTPResponse]],
        ) -> Callable[[Request, str], Coroutine[Any, Any, HTTPResponse]]:
            """Signed in, a valid form token and an existing handoff, or a clear refusal."""

            async def handler(request: Request, handoff_id: str) -> HTTPResponse:
                staff = self._staff(request)
                if not staff:
                    return response.redirect(f"{PREFIX}/inloggen", status=303)
                if request.method == "POST" and not self._form_ok(request):
                    return response.text("Het formulier is verlopen. Laad de pagina opnieuw.", status=403)
                handoff = self.handoffs.get(handoff_id)
                if handoff is None:
                    return response.text("Deze overdracht bestaat niet (meer).", status=404)
                return await action(request, handoff, staff)

            handler.__name__ = action.__name__
            return handler

        async def show(request: Request, handoff: Handoff, staff: str, **values: Any) -> HTTPResponse:
            intake = IntakeSummary(**handoff.summary.intake).text() if handoff.summary.intake else None
            return self._page(
                "handoff.html",
                request,
                title="Overdracht",
                handoff=handoff,
                intake=intake,
                conversation=await self._conversation(request, handoff.conversation_id),
                open_statuses=OPEN,
                **values,
            )

        @guarded
        async def detail(request: Request, handoff: Handoff, staff: str) -> HTTPResponse:
            return await show(request, handoff, staff, done=request.args.get("klaar"))

        @guarded
        async def reply(request: Request, handoff: Handoff, staff: str) -> HTTPResponse:
            text = (request.form.get("text") or "").strip()
            if handoff.kind != HandoffKind.chat.value or handoff.status not in OPEN:
                return await show(request, handoff, staff, error="Dit gesprek is niet meer open.")
            if not text or len(text) > MAX_REPLY:
                return await show(request, handoff, staff, error=f"Typ een bericht van 1 tot {MAX_REPLY} tekens.")
            sent = await self._say(request, handoff, text, staff, resume=False)
            self.handoffs.set_status(handoff.id, Status.taken, staff)
            done = "Verstuurd." if sent else "Bewaard in het gesprek; dit kanaal kan niet zelf berichten afleveren."
            return response.redirect(f"{PREFIX}/overdracht/{handoff.id}?klaar={done}", status=303)

        async def finish(request: Request, handoff: Handoff, staff: str, status: Status, text: str) -> HTTPResponse:
            if handoff.status not in OPEN:
                return await show(request, handoff, staff, error="Dit gesprek is niet meer open.")
            if handoff.kind == HandoffKind.chat.value:
                await self._say(request, handoff, text, staff, resume=True)
            self.handoffs.set_status(handoff.id, status, staff)
            return response.redirect(f"{PREFIX}/?klaar=Overdracht {status.value}.", status=303)

        @guarded
        async def hand_back(request: Request, handoff: Handoff, staff: str) -> HTTPResponse:
            return await finish(request, handoff, staff, Status.handed_back, HANDED_BACK)

        @guarded
        async def close(request: Request, handoff: Handoff, staff: str) -> HTTPResponse:
            return await finish(request, handoff, staff, Status.closed, CLOSED)

        console.add_route(detail, "/overdracht/<handoff_id>", methods=["GET"])
        console.add_route(reply, "/overdracht/<handoff_id>/antwoord", methods=["POST"])
        console.add_route(hand_back, "/overdracht/<handoff_id>/teruggeven", methods=["POST"])
        console.add_route(close, "/overdracht/<handoff_id>/sluiten", methods=["POST"])
        return console
