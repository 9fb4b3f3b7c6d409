"""The staff console, at /medewerkers/: wijkteam staff log in, see the open handoffs of their own
wijkteams a page at a time, open one to read the summary and the conversation, reply to the
resident on the channel the resident used, hand the conversation back to the assistant, or close
it. Administrators also read the audit log (/medewerkers/logboek); accounts are managed with
`python -m bot.staff`, never from the console.

Plain server-rendered pages on Rasa's own Sanic server, so a reply is delivered through the very
channel objects Rasa uses. Accounts come from WMO_STAFF_FILE (bot/staff); there are no
built-in ones. Every form carries a token tied to the session, and cookies are HttpOnly and
SameSite=Strict. Every read, answer, hand-back, close and refusal goes into the audit log.

When a staff member's session ends while a form is open (8 hours, or revoked), posting it asks
to log in again and then does what was asked: the form's token proves it came from this browser's
own page, so nothing typed is lost and no other site can post through the login.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.content.reader import ContentError
from bot.database import default_engine
from bot.handoff.model import GENERAL, OPEN, HandoffKind, Status
from bot.handoff.store import Handoff, HandoffStore, Visibility
from bot.intake.summary import IntakeSummary
from bot.municipality import municipality
from bot.settings import settings
from bot.staff.accounts import Account, read_staff, verify
from bot.staff.audit import PAGE_SIZE as AUDIT_PAGE
from bot.staff.audit import AuditAction, AuditLog, valid_handoff_id
from bot.staff.sessions import Sessions
from bot.staff.throttle import Throttle
from bot.wijkteams.directory import WijkteamDirectory
from channels.client_address import client_address_of

logger = logging.getLogger(__name__)

COOKIE = "wmo_medewerker"
TEMPLATES = Path(__file__).parent / "templates"
PREFIX = "/medewerkers"
MAX_REPLY = 2000
SENT = "Verstuurd."
NOT_PUSHED = "Bewaard in het gesprek; dit kanaal kan niet zelf berichten afleveren."
NOT_SENT = "Niet verstuurd: het kanaal gaf een fout. Het bericht staat wel in het gesprek. Probeer het later opnieuw."
NOT_FOUND = "Deze overdracht bestaat niet (meer), of hoort niet bij uw wijkteam."
NOT_OPEN = "Dit gesprek is niet meer open."
# What a redirect may announce: a code in the URL, never text from it.
DONE = {
    "verstuurd": SENT,
    "bewaard": NOT_PUSHED,
    Status.handed_back.value: "Overdracht teruggegeven aan de assistent.",
    Status.closed.value: "Overdracht gesloten.",
}
DELIVERY_CODE = {SENT: "verstuurd", NOT_PUSHED: "bewaard", NOT_SENT: "niet_verstuurd"}

HANDED_BACK = "U praat weer met de digitale assistent. Waar kan ik u nog mee helpen?"
CLOSED = "De medewerker heeft het gesprek afgesloten. Heeft u nog een vraag? Dan helpt de digitale assistent u."


async def deliver(output: OutputChannel | None, conversation_id: str, text: str) -> str:
    """Sends a staff message on the resident's channel; what staff are told about it. None is a
    channel that cannot push messages (the REST test channel)."""
    if output is None:
        return NOT_PUSHED
    try:
        await output.send_response(conversation_id, {"text": text})
    except Exception as error:  # any failure of any channel: staff must not read it as sent
        logger.warning("Staff reply not delivered on %s: %s", output.name(), type(error).__name__)
        return NOT_SENT
    return SENT


def page_number(raw: str | None) -> int:
    """`?pagina=` as a page number; anything else is the first page."""
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) <= 6 else 1


@dataclass(frozen=True)
class Member:
    """A signed-in staff member: the account as the staff file says now."""

    name: str
    account: Account


@dataclass(frozen=True)
class Pending:
    """What a form asked when its session had ended, carried through the login page."""

    step: str
    handoff_id: str
    text: str
    token: str

    @classmethod
    def of(cls, form: Any) -> "Pending | None":
        step, handoff_id = form.get("stap") or "", form.get("overdracht") or ""
        if not valid_handoff_id(handoff_id) or step not in (*STEPS, "bekijken"):
            return None
        return cls(step, handoff_id, (form.get("tekst") or "")[:MAX_REPLY], form.get("vorig_token") or "")


# The console's actions on one handoff, by the last part of their URL, and what the login page says
# will happen after signing in again.
STEPS = {
    "antwoord": "daarna wordt uw bericht verstuurd",
    "teruggeven": "daarna wordt het gesprek teruggegeven aan de assistent",
    "sluiten": "daarna wordt de overdracht gesloten",
}


class StaffConsole(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "medewerkers"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self) -> None:
        engine = default_engine()
        self.handoffs = HandoffStore(engine)
        self.sessions = Sessions(engine)
        self.throttle = Throttle(engine)
        self.audit = AuditLog(engine)
        self.wijkteams = WijkteamDirectory(engine)
        self.pages = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=select_autoescape(["html"]),
        )
        self.office = municipality().office_hours
        self.pages.filters["local"] = lambda moment: self.office.local(moment).strftime("%d-%m-%Y %H:%M")

    def url_prefix(self) -> str:
        return PREFIX

    # Sign-in -------------------------------------------------------------------------------

    @staticmethod
    def _accounts() -> dict[str, Account]:
        try:
            return read_staff(settings().staff_file)
        except ContentError as error:
            # Names the file and field; nobody signs in until the administrator fixes it.
            logger.error("staff file refused: %s", error)
            return {}

    def _session_id(self, request: Request) -> str:
        """The session of this request: the one just issued at login, or the cookie's."""
        issued: str | None = getattr(request.ctx, "session_id", None)
        return issued or request.cookies.get(COOKIE, "")

    def _member(self, request: Request) -> Member | None:
        """The signed-in member, as long as the session lives and the account still exists."""
        name = self.sessions.holder(self._session_id(request))
        account = self._accounts().get(name) if name else None
        return Member(name, account) if name and account else None

    def _visibility(self, member: Member) -> Visibility:
        return Visibility.of(member.account.queues(), frozenset(self.wijkteams.names()))

    def _page(self, template: str, request: Request, status: int = 200, **values: Any) -> HTTPResponse:
        session_id = self._session_id(request)
        member = self._member(request)
        html = self.pages.get_template(template).render(
            prefix=PREFIX,
            staff=member.name if member else None,
            admin=bool(member and member.account.admin),
            form_token=self.sessions.form_token(session_id),
            **values,
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
        return self.sessions.form_token_valid(self._session_id(request), request.form.get("form_token", ""))

    def _team_names(self) -> dict[str | None, str]:
        names: dict[str | None, str] = {None: "Algemeen", GENERAL: "Algemeen"}
        for code, name in self.wijkteams.names().items():
            names[code] = name
        return names

    # Delivering to the resident ------------------------------------------------------------

    @staticmethod
    def _output(request: Request, channel: str) -> OutputChannel | None:
        for input_channel in getattr(request.app.ctx, "input_channels", []):
            if input_channel.name() == channel:
                return input_channel.get_output_channel()
        return None

    async def _say(self, request: Request, handoff: Handoff, text: str, staff: str, resume: bool) -> str:
        """Adds the staff message to the conversation and sends it; what staff are told about it."""
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
        return await deliver(self._output(request, handoff.channel), handoff.conversation_id, text)

    async def _conversation(self, request: Request, handoff: Handoff) -> list[dict[str, str]]:
        """The conversation since the start of the session in which the resident asked for staff,
        also when a later session began (a callback request read the next day)."""
        tracker = await request.app.ctx.agent.tracker_store.retrieve_full_tracker(handoff.conversation_id)
        events = list(tracker.events) if tracker else []
        asked = handoff.created_at.timestamp()
        starts = [i for i, event in enumerate(events) if isinstance(event, SessionStarted) and event.timestamp <= asked]
        lines = []
        for event in events[starts[-1] if starts else 0 :]:
            if isinstance(event, UserUttered) and event.text:
                who, css = "Inwoner", "resident"
            elif isinstance(event, BotUttered) and event.text:
                staff = (event.metadata or {}).get("medewerker")
                who, css = (f"Medewerker {staff}", "staff") if staff else ("Assistent", "bot")
            else:
                continue
            when = self.office.local(datetime.fromtimestamp(event.timestamp, timezone.utc))
            lines.append({"who": who, "css": css, "text": event.text, "time": when.strftime("%d-%m %H:%M")})
        return lines

    # Pages ---------------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        console = Blueprint("staff_console", __name__)

        def login_page(
            request: Request, error: str | None = None, status: int = 200, pending: Pending | None = None
        ) -> HTTPResponse:
            return self._page(
                "login.html",
                request,
                status=status,
                title="Inloggen",
                error=error,
                pending=pending,
                no_accounts=not self._accounts(),
            )

        @console.route("/", methods=["GET"], strict_slashes=False)
        async def overview(request: Request) -> HTTPResponse:
            member = self._member(request)
            if not member:
                return response.redirect(f"{PREFIX}/inloggen", status=303)
            names = self._team_names()
            return self._page(
                "list.html",
                request,
                title="Open overdrachten",
                queue=self.handoffs.queue(self._visibility(member), page_number(request.args.get("pagina"))),
                queues=sorted(names.get(team, team) for team in member.account.queues()),
                team_names=names,
                done=DONE.get(request.args.get("klaar") or ""),
            )

        @console.route("/inloggen", methods=["GET"])
        async def login_form(request: Request) -> HTTPResponse:
            # After an expired session on a handoff's page: back to that page after signing in.
            return login_page(
                request, pending=Pending.of({"stap": "bekijken", "overdracht": request.args.get("overdracht")})
            )

        @console.route("/inloggen", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            name = (request.form.get("name") or "").strip().lower()
            password = request.form.get("password") or ""
            pending = Pending.of(request.form)
            ip = client_address_of(request) or request.ip
            accounts = self._accounts()
            audited_name = name if name in accounts else "onbekend"  # never a mistyped password
            if self.throttle.locked(name, ip):
                self.audit.record(audited_name, AuditAction.login_refused, detail="geblokkeerd")
                return login_page(
                    request, "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier.", 429, pending
                )
            stored = accounts[name].password if name in accounts else None
            # scrypt takes about 50 ms: in a thread, so other requests go on meanwhile.
            if not await asyncio.get_running_loop().run_in_executor(None, verify, password, stored):
                self.throttle.failed(name, ip)
                self.audit.record(audited_name, AuditAction.login_refused, detail="wachtwoord")
                return login_page(request, "Gebruikersnaam of wachtwoord klopt niet.", 401, pending)
            self.throttle.succeeded(name)
            # Only this browser's own page carries a token that matches its (ended) session.
            earlier_form = pending is not None and self.sessions.form_token_valid(
                request.cookies.get(COOKIE, ""), pending.token
            )
            request.ctx.session_id = self.sessions.issue(name)
            self.audit.record(name, AuditAction.logged_in)
            member = Member(name, accounts[name])
            if pending is not None and pending.step in STEPS and earlier_form:
                answer = await on_handoff(request, member, pending.step, pending.handoff_id, pending.text)
            elif pending is not None:
                answer = response.redirect(f"{PREFIX}/overdracht/{pending.handoff_id}", status=303)
            else:
                answer = response.redirect(f"{PREFIX}/", status=303)
            answer.cookies[COOKIE] = request.ctx.session_id
            cookie = answer.cookies[COOKIE]
            cookie["httponly"], cookie["samesite"], cookie["path"] = True, "Strict", PREFIX
            cookie["secure"] = request.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
            return answer

        @console.route("/uitloggen", methods=["POST"])
        async def logout(request: Request) -> HTTPResponse:
            session_id = request.cookies.get(COOKIE, "")
            name = self.sessions.holder(session_id)
            self.sessions.end(session_id)
            if name:
                self.audit.record(name, AuditAction.logged_out)
            answer = response.redirect(f"{PREFIX}/inloggen", status=303)
            # The cookie was set on PREFIX; deleting it on any other path leaves it in the browser.
            answer.cookies[COOKIE] = ""
            answer.cookies[COOKIE]["path"], answer.cookies[COOKIE]["max-age"] = PREFIX, 0
            return answer

        @console.route("/logboek", methods=["GET"])
        async def audit_log(request: Request) -> HTTPResponse:
            member = self._member(request)
            if not member:
                return response.redirect(f"{PREFIX}/inloggen", status=303)
            if not member.account.admin:
                self.audit.record(member.name, AuditAction.refused, detail="logboek: geen beheerder")
                return response.text("Alleen beheerders zien het logboek.", status=403)
            number = page_number(request.args.get("pagina"))
            entries, total = self.audit.page(number)
            self.audit.record(member.name, AuditAction.audit_read, detail=f"pagina {number}")
            older = number * AUDIT_PAGE < total
            return self._page(
                "audit.html", request, title="Logboek", entries=entries, number=number, total=total, older=older
            )

        def guarded(step: str) -> Callable[[Request, str], Coroutine[Any, Any, HTTPResponse]]:
            """Signed in and a valid form token, or a clear refusal; a session that ended while
            the form was open gets the login page, which then does what the form asked."""

            async def handler(request: Request, handoff_id: str) -> HTTPResponse:
                member = self._member(request)
                if not member:
                    return signed_out(request, step, handoff_id)
                if step in STEPS and not self._form_ok(request):
                    self.audit.record(member.name, AuditAction.refused, handoff_id, f"{step}: formulier verlopen")
                    return response.text("Het formulier is verlopen. Laad de pagina opnieuw.", status=403)
                return await on_handoff(request, member, step, handoff_id, request.form.get("text") or "")

            handler.__name__ = f"handoff_{step}"
            return handler

        def signed_out(request: Request, step: str, handoff_id: str) -> HTTPResponse:
            if step not in STEPS:
                target = f"?overdracht={handoff_id}" if valid_handoff_id(handoff_id) else ""
                return response.redirect(f"{PREFIX}/inloggen{target}", status=303)
            token = request.form.get("form_token") or ""
            if valid_handoff_id(handoff_id) and self.sessions.form_token_valid(request.cookies.get(COOKIE, ""), token):
                pending = Pending(step, handoff_id, (request.form.get("text") or "")[:MAX_REPLY], token)
                error = f"Uw sessie is verlopen. Log opnieuw in: {STEPS[step]}."
                return login_page(request, error, 401, pending)
            return login_page(request, "U bent niet (meer) ingelogd. Er is niets verstuurd of gewijzigd.", 401)

        async def on_handoff(request: Request, member: Member, step: str, handoff_id: str, text: str) -> HTTPResponse:
            """One step on a handoff this member may see; any other handoff is 'not found', and audited."""
            handoff = self.handoffs.get(handoff_id) if valid_handoff_id(handoff_id) else None
            if handoff is None or not self._visibility(member).sees(handoff):
                reason = "bestaat niet" if handoff is None else "ander wijkteam"
                self.audit.record(member.name, AuditAction.refused, handoff_id, f"{step}: {reason}")
                return response.text(NOT_FOUND, status=404)
            if step == "antwoord":
                return await reply(request, handoff, member, text.strip())
            if step == "teruggeven":
                return await finish(request, handoff, member, Status.handed_back, HANDED_BACK)
            if step == "sluiten":
                return await finish(request, handoff, member, Status.closed, CLOSED)
            self.audit.record(member.name, AuditAction.read, handoff.id)
            return await show(request, handoff, done=DONE.get(request.args.get("klaar") or ""))

        async def show(request: Request, handoff: Handoff, **values: Any) -> HTTPResponse:
            intake = IntakeSummary(**handoff.summary.intake).text() if handoff.summary.intake else None
            return self._page(
                "handoff.html",
                request,
                title="Overdracht",
                handoff=handoff,
                team=self._team_names().get(handoff.team, "Algemeen"),
                intake=intake,
                conversation=await self._conversation(request, handoff),
                open_statuses=OPEN,
                max_reply=MAX_REPLY,
                **values,
            )

        async def reply(request: Request, handoff: Handoff, member: Member, text: str) -> HTTPResponse:
            if handoff.kind != HandoffKind.chat.value or handoff.status not in OPEN:
                self.audit.record(member.name, AuditAction.refused, handoff.id, "antwoord: niet open")
                return await show(request, handoff, error=NOT_OPEN)
            if not text or len(text) > MAX_REPLY:
                return await show(request, handoff, error=f"Typ een bericht van 1 tot {MAX_REPLY} tekens.", draft=text)
            done = await self._say(request, handoff, text, member.name, resume=False)
            self.handoffs.set_status(handoff.id, Status.taken, member.name)
            self.audit.record(member.name, AuditAction.replied, handoff.id, DELIVERY_CODE[done])
            if done == NOT_SENT:
                return await show(request, self.handoffs.get(handoff.id) or handoff, error=done)
            return response.redirect(f"{PREFIX}/overdracht/{handoff.id}?klaar={DELIVERY_CODE[done]}", status=303)

        async def finish(request: Request, handoff: Handoff, member: Member, status: Status, text: str) -> HTTPResponse:
            if handoff.status not in OPEN:
                self.audit.record(member.name, AuditAction.refused, handoff.id, f"{status.value}: niet open")
                return await show(request, handoff, error=NOT_OPEN)
            if handoff.kind == HandoffKind.chat.value:
                await self._say(request, handoff, text, member.name, resume=True)
            self.handoffs.set_status(handoff.id, status, member.name)
            action = AuditAction.handed_back if status is Status.handed_back else AuditAction.closed
            self.audit.record(member.name, action, handoff.id)
            return response.redirect(f"{PREFIX}/?klaar={status.value}", status=303)

        console.add_route(guarded("bekijken"), "/overdracht/<handoff_id>", methods=["GET"])
        for step in STEPS:
            console.add_route(guarded(step), f"/overdracht/<handoff_id>/{step}", methods=["POST"])
        return console
