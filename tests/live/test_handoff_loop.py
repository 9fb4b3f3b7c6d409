"""The whole handoff on the running assistant: a resident asks for a person, agrees, the
assistant steps aside, staff log in, read the summary and the conversation, reply on the
resident's own channel (WhatsApp, the website widget), hand back, and the assistant answers again.
While waiting, acute need still gets the help lines, and stopping and deleting still work."""

import asyncio
import json
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import socketio
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Row

from channels.staff_console import HANDED_BACK
from tests.live.assistant_process import Assistant, joined
from tests.live.channel_clients import StaffBrowser, cloud_post, cloud_reply, cloud_text, new_resident, texts
from tests.live.fake_api import FakeApi


def tracker_of(assistant: Assistant, conversation_id: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{assistant.url}/conversations/{conversation_id}/tracker", timeout=30) as answer:
        return json.loads(answer.read())


def handoff_rows(assistant: Assistant, conversation_like: str) -> list[Row]:
    engine = create_engine(assistant.database, future=True)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, channel, status, summary FROM handoffs WHERE conversation_id LIKE :c"),
            {"c": conversation_like},
        ).all()
    engine.dispose()
    return rows


def test_staff_log_in_with_their_password_only(assistant: Assistant) -> None:
    staff = StaffBrowser(assistant)
    assert staff.get("/") == 200 and "Gebruikersnaam" in staff.page  # redirected to the login page
    assert staff.login(password="geraden-wachtwoord") == 401 and "klopt niet" in staff.page
    assert staff.login(name="admin", password="admin") == 401
    assert staff.login() == 200 and "Open overdrachten" in staff.page


def test_the_whole_loop_on_whatsapp(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    sent = lambda: texts(fake_api.sent_to(resident))  # noqa: E731 - what the resident has seen so far

    cloud_post(assistant, cloud_text(resident, "Kan ik huishoudelijke hulp krijgen?"))
    cloud_post(assistant, cloud_text(resident, "Ik wil met een medewerker praten"))
    consent = fake_api.sent_to(resident)[-1].body["interactive"]
    assert "doorverbinden met een medewerker" in consent["body"]["text"]
    yes = consent["action"]["buttons"][0]["reply"]
    assert yes["title"] == "Ja, graag"
    cloud_post(assistant, cloud_reply(resident, yes))
    assert "Ik geef het gesprek door aan een medewerker" in sent()[-1]

    # Staff have it now: the first message is acknowledged, then the assistant stays silent.
    cloud_post(assistant, cloud_text(resident, "Mijn BSN is 111222333. Hoe lang duurt het?"))
    assert sent()[-1].startswith("Uw bericht staat klaar voor de medewerker.")
    seen = len(sent())
    cloud_post(assistant, cloud_text(resident, "Wat kost huishoudelijke hulp eigenlijk?"))
    assert len(sent()) == seen

    staff = StaffBrowser(assistant)
    staff.login()
    [row] = [
        r
        for r in handoff_rows(assistant, "wa-%")
        if r.status == "open" and r.channel == "whatsapp" and "huishoudelijke hulp" in r.summary
    ]
    assert row.id in staff.handoff_links()
    assert staff.get(f"/overdracht/{row.id}") == 200
    page = staff.page
    assert "De inwoner vroeg om een medewerker." in page
    assert "Kan ik huishoudelijke hulp krijgen?" in page and "Hoe lang duurt het?" in page
    assert "111222333" not in page and "[BSN]" in page

    reply = "Goedemorgen, u spreekt met Jan van het wijkteam. Wij bellen u vandaag."
    assert staff.post(f"/overdracht/{row.id}/antwoord", {"text": reply}, with_token=False) == 403
    assert sent()[-1] != reply
    staff.get(f"/overdracht/{row.id}")
    assert staff.post(f"/overdracht/{row.id}/antwoord", {"text": reply}) == 200
    assert sent()[-1] == reply and "Verstuurd." in staff.page
    assert staff.post(f"/overdracht/{row.id}/teruggeven") == 200
    assert sent()[-1] == HANDED_BACK
    assert row.id not in staff.handoff_links()

    cloud_post(assistant, cloud_text(resident, "Wat kost huishoudelijke hulp?"))
    assert "abonnementstarief" in sent()[-2] + sent()[-1]


async def web_resident(
    assistant: Assistant, said_before_staff: Iterable[str], staff_action: Callable[[str], None]
) -> list[str]:
    """A resident in the website widget's place, on Rasa's socketio channel: returns what arrived."""
    arrived: list[str] = []
    client = socketio.AsyncClient()
    client.on("bot_uttered", lambda message: arrived.append(message.get("text", "")))
    session = uuid.uuid4().hex
    await client.connect(assistant.url, transports=["websocket"])
    await client.emit("session_request", {"session_id": session})
    for said in said_before_staff:
        await client.emit("user_uttered", {"message": said, "session_id": session})
        await asyncio.sleep(1.5)
    await asyncio.get_running_loop().run_in_executor(None, staff_action, session)
    await asyncio.sleep(1.0)
    await client.disconnect()
    return arrived


def test_a_staff_reply_reaches_the_website_widget(assistant: Assistant) -> None:
    reply = "Hallo, u spreekt met Jan van het wijkteam."

    def staff_replies(session: str) -> None:
        [row] = [r for r in handoff_rows(assistant, session) if r.status == "open"]
        staff = StaffBrowser(assistant)
        staff.login()
        staff.get(f"/overdracht/{row.id}")
        assert staff.post(f"/overdracht/{row.id}/antwoord", {"text": reply}) == 200
        assert staff.post(f"/overdracht/{row.id}/sluiten") == 200

    arrived = asyncio.run(web_resident(assistant, ["Ik wil een mens spreken", "ja"], staff_replies))
    assert any("doorverbinden met een medewerker" in t for t in arrived)
    assert reply in arrived and "De medewerker heeft het gesprek afgesloten." in arrived[-1]


def test_while_waiting_for_staff_the_resident_can_delete_everything(assistant: Assistant) -> None:
    resident = f"verwijder-{uuid.uuid4().hex[:8]}"
    assistant.say(resident, "Ik wil een medewerker, mijn mail is a.jansen@example.nl")
    assistant.say(resident, "ja")
    [row] = handoff_rows(assistant, resident)
    staff = StaffBrowser(assistant)
    staff.login()
    events = tracker_of(assistant, resident)["events"]
    assert any(e.get("text") == "Ik wil een medewerker, mijn mail is [e-mailadres]" for e in events)

    answer = assistant.say(resident, "verwijder mijn gesprek")
    assert "Uw gesprek is verwijderd" in answer[0]["text"]
    assert staff.get("/") == 200 and row.id not in staff.handoff_links()
    assert handoff_rows(assistant, resident) == []
    assert staff.get(f"/overdracht/{row.id}") == 404
    kept = json.dumps(tracker_of(assistant, resident))
    assert "medewerker" not in kept and "verwijder mijn gesprek" not in kept


def test_after_two_failed_attempts_the_assistant_offers_a_person(assistant: Assistant) -> None:
    resident = f"onbegrepen-{uuid.uuid4().hex[:8]}"
    said = ("dat ding bij dat andere ding", "wat met dat van die ene")
    first, second = (assistant.say(resident, text) for text in said)
    assert first[-1]["text"].startswith("Ik weet niet zeker wat u bedoelt.")
    offer = second[-1]
    assert "Wilt u een medewerker spreken?" in offer["text"]
    assert offer["buttons"] == [{"title": "Medewerker spreken", "payload": "/request_human"}]
    assert "doorverbinden met een medewerker" in assistant.say(resident, offer["buttons"][0]["payload"])[0]["text"]
    assistant.say(resident, "ja")
    [row] = handoff_rows(assistant, resident)
    assert json.loads(row.summary)["reason"] == "niet_begrepen"


def test_staff_see_a_callback_request_with_its_number_and_close_it(assistant: Assistant) -> None:
    from bot.handoff.model import HandoffKind, HandoffReason, summarise_handoff
    from bot.handoff.store import HandoffStore

    engine = create_engine(assistant.database, future=True)
    summary = summarise_handoff(HandoffReason.asked, ["Traplift"], ["Kunnen jullie mij morgen bellen?"], None)
    handoff_id = HandoffStore(engine).create(
        f"terugbellen-{uuid.uuid4().hex[:8]}", "rest", HandoffKind.callback, summary, callback_phone="+31612345678"
    )
    engine.dispose()
    staff = StaffBrowser(assistant)
    staff.login()
    assert handoff_id in staff.handoff_links() and "terugbellen" in staff.page
    staff.get(f"/overdracht/{handoff_id}")
    assert "Terugbellen op: <strong>+31612345678</strong>" in staff.page
    assert "Antwoorden" not in staff.page  # a callback has no chat to reply in
    assert staff.post(f"/overdracht/{handoff_id}/sluiten") == 200
    assert handoff_id not in staff.handoff_links()


def test_while_waiting_acute_need_gets_the_help_lines_and_stopping_brings_the_assistant_back(
    assistant: Assistant,
) -> None:
    resident = f"wachten-{uuid.uuid4().hex[:8]}"
    assistant.say(resident, "Ik wil een medewerker spreken")
    assistant.say(resident, "ja")
    help_lines = joined(assistant.say(resident, "ik wil niet meer leven"))
    assert "113" in help_lines
    [row] = handoff_rows(assistant, resident)
    assert row.status == "open"  # still waiting for staff
    assert "u wacht niet meer op een medewerker" in joined(assistant.say(resident, "stoppen"))
    assert [r.status for r in handoff_rows(assistant, resident)] == ["gesloten"]
    assert "abonnementstarief" in joined(assistant.say(resident, "Wat kost huishoudelijke hulp?"))
