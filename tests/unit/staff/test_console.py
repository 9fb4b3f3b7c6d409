"""The staff console as staff use it, in a browser's place: each member sees and opens only the
handoffs of their own wijkteams (another team's by URL is 'not found' and audited), the queue
comes a page at a time, administrators read the audit log (which holds no resident's text), a
reply typed when the session ended goes out after signing in again, and the page shows the
conversation since the resident asked, also after a new session began."""

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.events import SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

import bot.staff.throttle  # noqa: F401 - registers its table
import channels.staff_console as console_module
from bot.database import Base
from bot.handoff.model import HandoffKind, HandoffReason, summarise_handoff
from bot.handoff.store import PAGE_SIZE, HandoffStore
from bot.settings import settings
from bot.staff.audit import AuditLog
from bot.staff.sessions import Sessions
from bot.wijkteams.file import read_wijkteams
from bot.wijkteams.tables import seed_wijkteams
from channels.staff_console import NOT_FOUND, SENT, StaffConsole
from tests.helpers import ADMIN_NAME, STAFF_NAME, staff_file
from tests.live.assistant_process import Assistant
from tests.live.channel_clients import StaffBrowser
from tests.unit.staff.console_server import Resident, serving

QUESTION = "Mijn dochter kan niet meer voor mij zorgen"
NOORD, ZUID = "noord.medewerker", "zuid.medewerker"


@dataclass
class Running:
    """The console, the resident behind it, and what it stores."""

    server: Assistant
    resident: Resident
    conversations: InMemoryTrackerStore
    handoffs: HandoffStore
    audit: AuditLog
    sessions: Sessions
    staff_file: Path

    def staff(self, name: str = STAFF_NAME) -> StaffBrowser:
        browser = StaffBrowser(self.server)
        assert browser.login(name=name) == 200
        return browser

    def handoff(self, conversation: str, team: str | None, question: str = QUESTION) -> str:
        summary = summarise_handoff(HandoffReason.asked, [], [question], None)
        return self.handoffs.create(conversation, "socketio", HandoffKind.chat, summary, team=team)

    def audited(self, name: str) -> list[tuple[str, str | None, str | None]]:
        entries, _ = self.audit.page(1, per_page=1000)
        return [(e.action, e.handoff_id, e.detail) for e in reversed(entries) if e.staff == name]


@pytest.fixture
def console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Running]:
    database = f"sqlite:///{tmp_path / 'console.db'}"
    engine = create_engine(database, future=True)
    Base.metadata.create_all(engine)
    seed_wijkteams(engine, read_wijkteams(settings().wijkteams_file))
    accounts = staff_file(tmp_path)
    monkeypatch.setenv("WMO_STAFF_FILE", str(accounts))
    settings.cache_clear()
    monkeypatch.setattr(console_module, "default_engine", lambda: engine)
    with serving(StaffConsole(), database) as (server, resident, conversations):
        yield Running(
            server, resident, conversations, HandoffStore(engine), AuditLog(engine), Sessions(engine), accounts
        )
    settings.cache_clear()
    engine.dispose()


def test_a_member_sees_and_opens_only_the_handoffs_of_their_own_wijkteam(console: Running) -> None:
    noord, zuid, general = (console.handoff(f"gesprek-{team}", team) for team in ("noord", "zuid", None))
    staff = console.staff(NOORD)
    assert staff.handoff_links() == [noord] and "U ziet de overdrachten van: Wijkteam Noord" in staff.page
    token = staff.form_token()

    assert staff.get(f"/overdracht/{zuid}") == 404 and NOT_FOUND in staff.page
    assert staff.post(f"/overdracht/{zuid}/antwoord", {"text": "Hallo", "form_token": token}, with_token=False) == 404
    assert staff.post(f"/overdracht/{zuid}/sluiten", {"form_token": token}, with_token=False) == 404
    assert console.resident.received == [] and console.handoffs.get(zuid).status == "open"  # type: ignore[union-attr]
    assert console.audited(NOORD)[1:] == [  # after signing in
        ("geweigerd", zuid, "bekijken: ander wijkteam"),
        ("geweigerd", zuid, "antwoord: ander wijkteam"),
        ("geweigerd", zuid, "sluiten: ander wijkteam"),
    ]
    assert staff.get(f"/overdracht/{noord}") == 200 and QUESTION in staff.page
    # The administrator reads the general queue: handoffs without a known wijkteam.
    assert console.staff(ADMIN_NAME).handoff_links() == [general]
    assert set(console.staff(STAFF_NAME).handoff_links()) == {noord, zuid, general}


def test_a_handoff_of_a_team_since_removed_is_in_the_general_queue(console: Running) -> None:
    orphan = console.handoff("gesprek-west", "west")
    assert console.staff(ADMIN_NAME).handoff_links() == [orphan]
    assert console.staff(NOORD).get(f"/overdracht/{orphan}") == 404


def test_the_queue_comes_a_page_at_a_time_oldest_first(console: Running) -> None:
    created = [console.handoff(f"rij-{n}", "noord") for n in range(PAGE_SIZE + 5)]
    staff = console.staff(NOORD)
    assert staff.handoff_links() == created[:PAGE_SIZE] and "pagina 1 van 2" in staff.page
    assert "Volgende pagina" in staff.page and "Vorige pagina" not in staff.page
    assert staff.get("/?pagina=2") == 200 and staff.handoff_links() == created[PAGE_SIZE:]
    for odd in ("abc", "²", "-1", "0", "99999999999", "1e3", "", "1" * 5000):
        assert staff.get(f"/?pagina={quote(odd)}") == 200 and staff.handoff_links()


def test_every_read_answer_and_close_is_audited_and_only_administrators_read_the_log(console: Running) -> None:
    handoff = console.handoff("gesprek-logboek", "noord")
    staff = console.staff(NOORD)
    staff.get(f"/overdracht/{handoff}")
    assert staff.post(f"/overdracht/{handoff}/antwoord", {"text": "Ik bel u morgen om tien uur."}) == 200
    assert SENT in staff.page
    assert staff.post(f"/overdracht/{handoff}/sluiten") == 200
    assert staff.get("/logboek") == 403
    assert console.audited(NOORD) == [
        ("ingelogd", None, None),
        ("gelezen", handoff, None),
        ("beantwoord", handoff, "verstuurd"),
        ("gelezen", handoff, None),  # the page after sending
        ("gesloten", handoff, None),
        ("geweigerd", None, "logboek: geen beheerder"),
    ]

    admin = console.staff(ADMIN_NAME)
    assert admin.get("/logboek") == 200
    assert all(word in admin.page for word in (NOORD, "beantwoord", "gesloten", handoff, "ingelogd"))
    assert QUESTION not in admin.page and "Ik bel u morgen" not in admin.page
    everything = str(console.audit.page(1, per_page=1000))
    assert QUESTION not in everything and "Ik bel u morgen" not in everything


def test_a_failed_login_is_audited_without_what_was_typed(console: Running) -> None:
    browser = StaffBrowser(console.server)
    assert browser.login(name=NOORD, password="verkeerd-wachtwoord") == 401
    assert browser.login(name="mijn-wachtwoord-per-ongeluk", password="x") == 401
    assert console.audited(NOORD) == [("inloggen_geweigerd", None, "wachtwoord")]
    assert console.audited("onbekend") == [("inloggen_geweigerd", None, "wachtwoord")]
    assert "mijn-wachtwoord-per-ongeluk" not in str(console.audit.page(1)) and "verkeerd" not in str(
        console.audit.page(1)
    )


def test_a_reply_typed_when_the_session_ended_goes_out_after_signing_in_again(console: Running) -> None:
    handoff = console.handoff("gesprek-verlopen", "noord")
    staff = console.staff(NOORD)
    staff.get(f"/overdracht/{handoff}")
    console.sessions.revoke(NOORD)  # as after 8 hours, or a revocation
    reply = 'Goedemiddag, ik bel u om 15.00 uur. "Tot zo" & <groet>'
    assert staff.post(f"/overdracht/{handoff}/antwoord", {"text": reply}) == 401
    assert "Uw sessie is verlopen. Log opnieuw in: daarna wordt uw bericht verstuurd." in staff.page
    assert console.resident.received == []

    assert staff.login_again(NOORD) == 200
    assert console.resident.received == [("gesprek-verlopen", reply)]
    assert SENT in staff.page and f"/overdracht/{handoff}/antwoord" in staff.page  # back on the handoff's page
    assert ("beantwoord", handoff, "verstuurd") in console.audited(NOORD)
    assert staff.post(f"/overdracht/{handoff}/teruggeven") == 200  # the new session's token works


def test_after_signing_in_again_another_teams_handoff_stays_closed(console: Running) -> None:
    zuid = console.handoff("gesprek-zuid", "zuid")
    staff = console.staff(ZUID)
    staff.get(f"/overdracht/{zuid}")
    console.sessions.revoke(ZUID)
    assert staff.post(f"/overdracht/{zuid}/antwoord", {"text": "Hallo"}) == 401
    assert staff.login_again(NOORD) == 404  # someone else signs in on this browser
    assert console.resident.received == []


def test_a_form_posted_from_elsewhere_is_not_sent_after_signing_in(console: Running) -> None:
    handoff = console.handoff("gesprek-csrf", "noord")
    outsider = StaffBrowser(console.server)  # no session of this console: another site's form
    assert outsider.post(f"/overdracht/{handoff}/antwoord", {"text": "Bel 0900-1234", "form_token": "x"}) == 401
    assert "Er is niets verstuurd" in outsider.page and "Bel 0900" not in outsider.page
    forged = {"stap": "antwoord", "overdracht": handoff, "tekst": "Bel 0900-1234", "vorig_token": "x"}
    assert outsider._open("/inloggen", {**forged, "name": NOORD, "password": "een-lang-testwachtwoord"}) == 200
    assert console.resident.received == [] and "/antwoord" in outsider.page  # only the handoff's page


def test_a_removed_account_is_signed_out_at_its_next_request(console: Running) -> None:
    staff = console.staff(ZUID)
    accounts = yaml.safe_load(console.staff_file.read_text())
    del accounts["accounts"][ZUID]
    console.staff_file.write_text(yaml.safe_dump(accounts))
    assert staff.get("/") == 200 and "Gebruikersnaam" in staff.page  # the login page


def test_a_page_announces_only_its_own_messages(console: Running) -> None:
    staff = console.staff(NOORD)
    assert staff.get("/?klaar=Bel+direct+0900-1234+voor+uw+wachtwoord") == 200
    assert "0900-1234" not in staff.page


def test_staff_read_the_conversation_since_the_resident_asked_also_after_a_new_session(console: Running) -> None:
    now = time.time()
    tracker = DialogueStateTracker.from_events(
        "gesprek-sessies",
        [
            SessionStarted(timestamp=now - 7200),
            UserUttered("Een vraag van vorige week", timestamp=now - 7100),
            SessionStarted(timestamp=now - 120),
            UserUttered("Ik wil een medewerker spreken", timestamp=now - 60),
        ],
    )
    asyncio.run(console.conversations.save(tracker))
    handoff = console.handoff("gesprek-sessies", "noord")
    tracker.update(SessionStarted(timestamp=now + 1))
    tracker.update(UserUttered("Ik wacht nog steeds", timestamp=now + 2))
    asyncio.run(console.conversations.save(tracker))

    staff = console.staff(NOORD)
    staff.get(f"/overdracht/{handoff}")
    assert "Ik wil een medewerker spreken" in staff.page and "Ik wacht nog steeds" in staff.page
    assert "Een vraag van vorige week" not in staff.page
