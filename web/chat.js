// Starts the chat widget and adds what the widget lacks: screen-reader
// announcements, labels, and "Copy summary" / "Download" for the physio.
// The Rasa server's address comes from ?server=..., or defaults to port 5005
// on the host that served this page.
(function () {
  var params = new URLSearchParams(window.location.search);
  var server = params.get("server") || (window.location.protocol + "//" + window.location.hostname + ":5005");
  var SUMMARY_KEY = "physio_summary";  // the latest assessment's summary, sent by action_assess over socket.io

  var tools = document.getElementById("summary-tools");
  var status = document.getElementById("summary-status");
  var download = document.getElementById("download-summary");

  function showSummary(text) {
    if (!text) { tools.hidden = true; return; }
    var dated = "Runner's ankle assistant, " + new Date().toISOString().slice(0, 10) + "\n\n" + text + "\n";
    download.href = "data:text/plain;charset=utf-8," + encodeURIComponent(dated);
    download.download = "ankle-summary-" + new Date().toISOString().slice(0, 10) + ".txt";
    tools.hidden = false;
  }

  document.getElementById("copy-summary").addEventListener("click", function () {
    var text = window.localStorage.getItem(SUMMARY_KEY) || "";
    var done = function () { status.textContent = "Summary copied."; };
    var failed = function () { status.textContent = "Could not copy: use Download instead."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  });

  // The widget renders its own DOM: label it once it is there.
  function label() {
    var list = document.querySelector(".rw-messages-container");
    if (list && !list.hasAttribute("aria-live")) {
      list.setAttribute("role", "log");
      list.setAttribute("aria-live", "polite");
      list.setAttribute("aria-label", "Conversation");
      list.setAttribute("tabindex", "0");  // scrollable by keyboard
    }
    var input = document.querySelector(".rw-new-message");
    if (input && !input.hasAttribute("aria-label")) input.setAttribute("aria-label", "Your message");
    var send = document.querySelector(".rw-send");
    if (send && !send.hasAttribute("aria-label")) send.setAttribute("aria-label", "Send");
    document.querySelectorAll(".rw-messages-container img:not([alt])").forEach(function (img) { img.alt = ""; });
  }
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });

  showSummary(window.localStorage.getItem(SUMMARY_KEY));
  window.WebChat.default({
    selector: "#webchat",
    socketUrl: server,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    title: "Ankle assistant",
    subtitle: "for runners",
    inputTextFieldHint: "Tell me where it hurts...",
    embedded: true,
    showFullScreenButton: false,
    showMessageDate: false,
    customMessageDelay: function () { return 0; },  // the whole answer at once, no drip-feed
    onSocketEvent: {
      bot_uttered: function (message) {
        if (message && message.physio_summary) {
          window.localStorage.setItem(SUMMARY_KEY, message.physio_summary);
          showSummary(message.physio_summary);
        }
      }
    },
    params: { storage: "local" }  // keeps the conversation across page reloads
  }, null);
})();
