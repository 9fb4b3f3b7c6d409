// Starts rasa-webchat on Rasa's socketio channel, in Dutch, and fills in what the widget leaves
// out for keyboard and screen-reader users: names for its buttons and field, a live region for
// new messages, and quick replies that can be reached and chosen with the keyboard.
(function () {
  "use strict";

  var LABELS = [
    [".rw-launcher", "aria-label", "Open de chat met de Wmo-assistent"],
    [".rw-close-button", "aria-label", "Sluit de chat"],
    [".rw-send", "aria-label", "Verstuur uw bericht"],
    [".rw-new-message", "aria-label", "Uw bericht"],
    [".rw-messages-container", "role", "log"],
    [".rw-messages-container", "aria-live", "polite"],
    [".rw-messages-container", "aria-label", "Gesprek"],
  ];

  function reachable(reply) {
    if (reply.tagName === "A" || reply.getAttribute("role") === "button") return;
    reply.setAttribute("role", "button");
    reply.setAttribute("tabindex", "0");
    reply.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        reply.click();
      }
    });
  }

  function improve() {
    LABELS.forEach(function (rule) {
      document.querySelectorAll(rule[0]).forEach(function (element) {
        if (element.getAttribute(rule[1]) !== rule[2]) element.setAttribute(rule[1], rule[2]);
      });
    });
    document.querySelectorAll(".rw-reply").forEach(reachable);
  }

  new MutationObserver(improve).observe(document.body, { childList: true, subtree: true });

  window.WebChat.default({
    initPayload: "/greet",
    socketUrl: window.location.origin,
    socketPath: "/socket.io/",
    title: "Wmo-assistent",
    subtitle: "Vragen over hulp en ondersteuning",
    inputTextFieldHint: "Typ uw vraag",
    connectingText: "Verbinden...",
    hideWhenNotConnected: false,
    withRules: false,
    customMessageDelay: function () { return 300; },
    // The conversation survives a reload, and is gone when the tab is closed: safer on a
    // shared computer, such as in a library.
    params: { storage: "session" },
  }, null);
})();
