"""The whole handoff on the running assistant: a resident asks for a person, agrees, the
assistant steps aside, staff log in, read the summary and the conversation, reply on the
resident's own channel (WhatsApp, the website widget), hand back, and the assistant answers again.
While waiting, acute need still gets the help lines, and stopping and deleting still work; an hour
of silence (the conversation's session, or the staff member's) ends nothing; a handoff goes to the
wijkteam of the resident's postcode; one website address cannot fill the queue."""

import asyncio
import json
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import socketio
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Row

from bot.handoff.store import MAX_OPEN_PER_ADDRESS
from bot.staff.sessions import Sessions
from channels.staff_console import HANDED_BACK, NOT_PUSHED
from tests.helpers import STAFF_NAME
from tests.live.assistant_process import Assistant, joined
from tests.live.channel_clients import StaffBrowser, cloud_post, cloud_reply, cloud_text, new_resident, texts
from tests.live.fake_api import FakeApi


def tracker_of(assistant: Assistant, conversation_id: str) -> dict[str, Any]:
    return assistant.tracker(conversation_id)


def handoff_rows(assistant: Assistant, conversation_like: str) -> list[Row]:
    engine = create_engine(assistant.database, future=True)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, channel, status, summary FROM handoffs WHERE conversation_id LIKE :c"),
            {"c": conversation_like},
        ).all()
    engine.dispose()
    return rows


def as_if_earlier(assistant: Assistant, conversation_id: str, seconds: float) -> None:
    """Moves everything in the conversation `seconds` back in time, through Rasa's HTTP API (which
    replaces a conversation's events), as if the resident had been silent that long."""
    events = assistant.tracker(conversation_id)["events"]
    for event in events:
        event["timestamp"] -= seconds
    request = urllib.request.Request(
        f"{assistant.url}/conversations/{conversation_id}/tracker/events",
        data=json.dumps(events).encode(),
        method="PUT",
        headers={"Authorization": f"Bearer {assistant.api_token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200


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
    confirmed: asyncio.Queue[str] = asyncio.Queue()
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(assistant.url, transports=["websocket"])
    await client.emit("session_request", {})
    session = await asyncio.wait_for(confirmed.get(), 10)
    for said in said_before_staff:
        seen = len(arrived)
        await client.emit("user_uttered", {"message": said, "session_id": session})
        for _ in range(600):  # the answer, however busy the machine
            if len(arrived) > seen:
                break
            await asyncio.sleep(0.1)
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
    # The same vague thing twice in other words: what a resident does who is not understood.
    said = ("dat ene gedoe daar", "gedoe daar, dat ene")
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


def test_an_hour_of_silence_ends_neither_the_staff_chat_nor_the_staff_members_work(assistant: Assistant) -> None:
    resident = f"stil-{uuid.uuid4().hex[:8]}"
    assistant.say(resident, "Ik wil een medewerker spreken")
    assistant.say(resident, "ja")
    assistant.say(resident, "Ik heb een vraag over mijn rolstoel.")
    as_if_earlier(assistant, resident, 2 * 3600)  # the domain's session expires after 60 minutes

    # Still with staff: the assistant does not answer, and the message waits for staff.
    assert assistant.say(resident, "Wat kost huishoudelijke hulp?") == []
    [row] = handoff_rows(assistant, resident)
    assert row.status == "open"
    as_if_earlier(assistant, resident, 2 * 3600)
    assert "113" in joined(assistant.say(resident, "ik wil niet meer leven"))  # acute need still answered

    staff = StaffBrowser(assistant)
    staff.login()
    assert staff.get(f"/overdracht/{row.id}") == 200
    # What the resident wrote after the silence waits for staff (earlier sessions: see the console test).
    assert "Wat kost huishoudelijke hulp?" in staff.page and "ik wil niet meer leven" in staff.page

    # The staff member's own session ends while typing; signing in again sends the reply all the same.
    engine = create_engine(assistant.database, future=True)
    Sessions(engine).revoke(STAFF_NAME)
    engine.dispose()
    reply = "Goedemiddag, ik kijk even met u mee."
    assert staff.post(f"/overdracht/{row.id}/antwoord", {"text": reply}) == 401
    assert staff.login_again() == 200 and NOT_PUSHED in staff.page  # the REST channel cannot push
    assert [e["text"] for e in assistant.tracker(resident)["events"] if e["event"] == "bot"][-1] == reply
    assert assistant.say(resident, "Dank u, ik wacht.") == []

    assert staff.post(f"/overdracht/{row.id}/teruggeven") == 200
    assert "abonnementstarief" in joined(assistant.say(resident, "Wat kost huishoudelijke hulp?"))


def test_a_handoff_goes_to_the_wijkteam_of_the_residents_postcode(assistant: Assistant) -> None:
    resident = f"postcode-{uuid.uuid4().hex[:8]}"
    assert "Wijkteam Noord" in joined(assistant.say(resident, "Welk wijkteam hoort bij 1233 AB?"))
    assistant.say(resident, "Ik wil een medewerker spreken")
    assistant.say(resident, "ja")
    [row] = handoff_rows(assistant, resident)
    noord, zuid = (StaffBrowser(assistant) for _ in range(2))
    noord.login(name="noord.medewerker")
    zuid.login(name="zuid.medewerker")
    assert row.id in noord.handoff_links() and noord.get(f"/overdracht/{row.id}") == 200
    assert row.id not in zuid.handoff_links() and zuid.get(f"/overdracht/{row.id}") == 404
    assert noord.post(f"/overdracht/{row.id}/sluiten") == 200


async def website_handoffs(assistant: Assistant, address: str, count: int) -> list[str]:
    """`count` website conversations from one network address (as the proxy forwards it), each
    asking for staff and, when asked for consent, saying yes: what each was told last."""
    told = []
    for _ in range(count):
        arrived: asyncio.Queue[str] = asyncio.Queue()
        client = socketio.AsyncClient()
        client.on("bot_uttered", lambda message, queue=arrived: queue.put_nowait(message.get("text", "")))
        confirmed: asyncio.Queue[str] = asyncio.Queue()
        client.on("session_confirm", confirmed.put_nowait)
        await client.connect(assistant.url, transports=["websocket"], headers={"X-Forwarded-For": address})
        await client.emit("session_request", {})
        session = await asyncio.wait_for(confirmed.get(), 10)
        for said in ("Ik wil een medewerker spreken", "ja"):
            await client.emit("user_uttered", {"message": said, "session_id": session})
            answer = await asyncio.wait_for(arrived.get(), 60)  # each answer here is one bubble
            if "Mag dat?" not in answer:
                break
        await client.disconnect()
        told.append(answer)
    return told


def test_one_website_address_cannot_fill_the_staff_queue(assistant: Assistant) -> None:
    staff = StaffBrowser(assistant)
    staff.login()
    before = set(staff.handoff_links())
    told = asyncio.run(website_handoffs(assistant, "203.0.113.7", MAX_OPEN_PER_ADDRESS + 1))
    assert all("Ik geef het gesprek door aan een medewerker" in t for t in told[:-1])
    assert "Vanaf deze verbinding staan al meerdere vragen open" in told[-1]
    staff.get("/")
    new = [handoff for handoff in staff.handoff_links() if handoff not in before]
    assert len(new) == MAX_OPEN_PER_ADDRESS
    # Another address is not held back by it.
    assert "Ik geef het gesprek door" in asyncio.run(website_handoffs(assistant, "198.51.100.9", 1))[0]
    staff.get("/")
    for handoff in [h for h in staff.handoff_links() if h not in before]:
        assert staff.post(f"/overdracht/{handoff}/sluiten") == 200
