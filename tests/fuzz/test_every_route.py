"""Every route both servers serve has its fuzz test: a route added later without one fails here.
This table, with EXAMPLES inputs per test, is the one docs/security.md shows."""

from types import ModuleType

from tests.fuzz import test_operations_and_api, test_resident_webhooks, test_staff_console, test_website_chat
from tests.fuzz.target import Target

MODULES: list[ModuleType] = [test_resident_webhooks, test_website_chat, test_staff_console, test_operations_and_api]
CHANNEL_HEALTH = "test_the_channels_health_answers_anyone"
RASA_API = "test_rasas_api_needs_the_token_in_a_header"
STEP = "test_a_step_on_a_handoff_needs_a_session_and_its_form_token"
# Route (as Sanic names it; "action:" for the action server) -> the tests that fuzz it.
FUZZED: dict[str, tuple[str, ...]] = {
    "": (CHANNEL_HEALTH,),
    **dict.fromkeys(
        (
            "version",
            "status",
            "model/train",
            "model/test/stories",
            "model/test/intents",
            "model/predict",
            "model/parse",
            "model",
            "domain",
            "conversations/<conversation_id:path>/tracker",
            "conversations/<conversation_id:path>/tracker/events",
            "conversations/<conversation_id:path>/story",
            "conversations/<conversation_id:path>/execute",
            "conversations/<conversation_id:path>/trigger_intent",
            "conversations/<conversation_id:path>/predict",
            "conversations/<conversation_id:path>/messages",
        ),
        (RASA_API,),
    ),
    "webhooks/rest": (CHANNEL_HEALTH,),
    "webhooks/rest/webhook": (
        "test_rest_without_the_token_is_refused_and_reaches_no_conversation",
        "test_rest_with_the_token_passes_each_valid_message_and_refuses_the_rest_clearly",
    ),
    "socket.io": (
        "test_only_the_allowed_origin_opens_the_chat",
        "test_any_packet_on_a_connection_is_handled_without_a_crash",
        "test_a_message_reaches_the_assistant_only_on_a_signed_session_and_then_always",
        "test_a_session_request_always_gets_a_signed_id_never_a_chosen_one",
    ),
    "webhooks/socketio": (CHANNEL_HEALTH,),
    "chat": ("test_the_demo_page_serves_its_own_files_and_nothing_else",),
    "chat/<name:str>": ("test_the_demo_page_serves_its_own_files_and_nothing_else",),
    "webhooks/whatsapp": (CHANNEL_HEALTH,),
    "webhooks/whatsapp/webhook": (
        "test_whatsapp_verification_answers_only_meta_with_the_verify_token",
        "test_whatsapp_without_metas_signature_is_refused_and_stores_nothing",
        "test_whatsapp_signed_passes_each_text_and_refuses_garbage_clearly",
    ),
    "webhooks/twilio": (CHANNEL_HEALTH,),
    "webhooks/twilio/webhook": (
        "test_twilio_without_its_signature_is_refused_and_stores_nothing",
        "test_twilio_signed_passes_each_text_and_refuses_the_rest_clearly",
    ),
    "medewerkers": ("test_the_queue_shows_only_to_staff_and_reflects_nothing",),
    "medewerkers/logboek": ("test_the_audit_log_shows_only_to_administrators",),
    "medewerkers/inloggen": (
        "test_the_login_page_reflects_nothing",
        "test_a_wrong_login_opens_no_session_and_reflects_nothing",
    ),
    "medewerkers/uitloggen": ("test_logging_out_ends_only_the_session_it_carries",),
    "medewerkers/overdracht/<handoff_id:str>": ("test_a_handoff_page_shows_only_to_staff",),
    "medewerkers/overdracht/<handoff_id:str>/antwoord": (STEP,),
    "medewerkers/overdracht/<handoff_id:str>/teruggeven": (STEP,),
    "medewerkers/overdracht/<handoff_id:str>/sluiten": (STEP,),
    "health": ("test_the_probes_answer_anyone_with_part_names_only",),
    "health/ready": ("test_the_probes_answer_anyone_with_part_names_only",),
    "metrics": ("test_metrics_open_only_to_their_token",),
    "action:health": ("test_the_action_servers_probes_answer_anyone_with_part_names_only",),
    "action:health/ready": ("test_the_action_servers_probes_answer_anyone_with_part_names_only",),
    "action:webhook": (
        "test_the_action_server_runs_nothing_without_its_token",
        "test_the_action_server_refuses_a_call_that_is_not_one_clearly",
    ),
    "action:actions": ("test_the_action_server_runs_nothing_without_its_token",),
    "action:metrics": ("test_the_action_server_runs_nothing_without_its_token",),
}


def test_every_route_of_both_servers_has_its_fuzz_test(target: Target) -> None:
    served = {route.path for route in target.app.router.routes}
    served |= {f"action:{route.path}" for route in target.action_app.router.routes}
    assert served == set(FUZZED)
    tests = {name for module in MODULES for name in dir(module) if name.startswith("test_")}
    assert {name for names in FUZZED.values() for name in names} <= tests
