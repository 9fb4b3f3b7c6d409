"""The website widget's socket.io channel under fuzz, over engine.io's HTTP long-polling (what the
widget falls back to, and plain HTTP a script can send anything over): the handshake with any
Origin, any packet once connected, and messages with signed, forged or missing session ids and
metadata that tries to set the visitor's address. No server error, no handler crash, only the
allowed origin connects, only a session id this server signed reaches a conversation, and every
valid message on a signed session reaches the assistant."""

import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from bot.web_sessions import ADDRESS_METADATA, WebSessions
from channels.website_chat import EXPIRED
from tests.fuzz.client import FUZZ, Answer, assert_clear, quoted, request
from tests.fuzz.strategies import FORWARDED, HEADER, JSON, MESSAGE, TEXT, headers
from tests.fuzz.target import WEB_ORIGIN, WEB_SESSION_SECRET, Target

POLLING = "/socket.io/?EIO=4&transport=polling"
SESSIONS = WebSessions(WEB_SESSION_SECRET.encode())
RECORD_SEPARATOR = "\x1e"  # between packets in one long-polling body


class Visitor:
    """A browser on the demo page with its socket.io connection, over long-polling."""

    def __init__(self, target: Target, forwarded: str = "") -> None:
        self.target = target
        self.headers = {"Origin": WEB_ORIGIN, "X-Forwarded-For": forwarded}
        opened = request(target.url, "GET", POLLING, headers=self.headers)
        assert opened.status == 200, opened.body
        self.sid = json.loads(opened.text[1:])["sid"]
        assert self.send("0").status == 200  # joins the default namespace
        assert self.receive()[0].startswith("0{")

    def send(self, packet: str) -> Answer:
        """One engine.io message (4) carrying a socket.io packet."""
        return request(self.target.url, "POST", f"{POLLING}&sid={self.sid}", f"4{packet}".encode(), self.headers)

    def emit(self, event: str, *args: Any) -> Answer:
        return self.send("2" + json.dumps([event, *args]))

    def receive(self) -> list[str]:
        """The socket.io packets waiting for this visitor (call only when one is expected: long-polling
        waits for one, and a few seconds is far longer than any handler takes)."""
        answer = request(self.target.url, "GET", f"{POLLING}&sid={self.sid}", headers=self.headers, timeout=5)
        assert answer.status == 200, answer.body
        return [packet[1:] for packet in answer.text.split(RECORD_SEPARATOR) if packet.startswith("4")]

    def events(self) -> list[list[Any]]:
        return [json.loads(packet[1:]) for packet in self.receive() if packet.startswith("2")]

    def session(self, data: Any = None) -> str:
        assert self.emit("session_request", data).status == 200
        [[name, session_id]] = self.events()
        assert name == "session_confirm"
        return str(session_id)


@FUZZ
@given(origin=st.one_of(st.just(WEB_ORIGIN), HEADER), query=TEXT, sent=headers())
def test_only_the_allowed_origin_opens_the_chat(target: Target, origin: str, query: str, sent: dict[str, str]) -> None:
    answer = request(target.url, "GET", f"{POLLING}&x={quoted(query)}", headers={**sent, "Origin": origin})
    assert_clear(answer)
    if origin in (WEB_ORIGIN, ""):  # no origin: not a browser on another site's page
        assert answer.status == 200 and '"sid"' in answer.text
    else:
        assert answer.status == 400 and "sid" not in answer.text


EVENT = st.one_of(st.sampled_from(["session_request", "user_uttered", "connect", "disconnect", "message"]), TEXT)
PACKET = st.one_of(
    st.builds(lambda event, args: "2" + json.dumps([event, *args]), EVENT, st.lists(JSON, max_size=3)),
    st.builds(lambda auth: "0" + json.dumps(auth), JSON),  # connect again, with any auth
    st.sampled_from(["0", "1", "2", "3", "4", "5", "6", "2[]", "2{}", "3[]", '2["connect"]', '2["disconnect"]']),
    TEXT,  # anything at all
)


@FUZZ
@given(packet=PACKET, forwarded=FORWARDED)
@example(packet='2["session_request","0"]', forwarded="")  # found: session_request crashed on a non-object
@example(packet='2["connect"]', forwarded="")  # found: called Rasa's connect handler with no arguments
@example(packet='2["session_request"]', forwarded="")  # found: the handler crashed without its argument
@example(packet="4", forwarded="")  # found: a packet only servers send, logged as an error with a traceback
@example(packet="\x1e<", forwarded="")  # found: a body engine.io cannot read, logged as an error
def test_any_packet_on_a_connection_is_handled_without_a_crash(target: Target, packet: str, forwarded: str) -> None:
    visitor = Visitor(target, forwarded)
    before = target.recorder.count()
    assert_clear(visitor.send(packet))
    assert target.recorder.since(before) == []  # no packet here carries a signed session id


@FUZZ
@given(
    message=st.one_of(MESSAGE, JSON),
    session=st.one_of(st.just("signed"), st.just("missing"), TEXT, st.just(SESSIONS.issue()[:-1] + "x")),
    metadata=st.one_of(
        st.dictionaries(st.one_of(st.just(ADDRESS_METADATA), st.text(max_size=12)), JSON, max_size=3), JSON
    ),
    forwarded=FORWARDED,
)
def test_a_message_reaches_the_assistant_only_on_a_signed_session_and_then_always(
    target: Target, message: Any, session: str, metadata: Any, forwarded: str
) -> None:
    visitor = Visitor(target, forwarded)
    signed = visitor.session()
    assert SESSIONS.valid(signed)
    data: dict[str, Any] = {"message": message, "metadata": metadata}
    if session != "missing":
        data["session_id"] = signed if session == "signed" else session
    before = target.recorder.count()
    assert_clear(visitor.emit("user_uttered", data))
    arrived = target.recorder.since(before)
    if session == "signed" and isinstance(message, str):
        [got] = arrived
        assert got.sender_id == signed and got.text == message.strip()
        sent_address = metadata.get(ADDRESS_METADATA) if isinstance(metadata, dict) else None
        # The address pseudonym is the channel's, never what the page sent.
        assert sent_address is None or got.metadata.get(ADDRESS_METADATA) != sent_address
    elif session != "signed":
        assert arrived == []
        assert visitor.events() == [["bot_uttered", {"text": EXPIRED}]]


@FUZZ
@given(data=st.one_of(JSON, st.fixed_dictionaries({"session_id": st.one_of(TEXT, JSON)})))
def test_a_session_request_always_gets_a_signed_id_never_a_chosen_one(target: Target, data: Any) -> None:
    session_id = Visitor(target).session(data)
    assert SESSIONS.valid(session_id)
    chosen = data.get("session_id") if isinstance(data, dict) else None
    assert session_id != chosen or SESSIONS.valid(chosen)
