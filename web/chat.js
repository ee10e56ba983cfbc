// Starts the chat widget and adds what the widget lacks: screen-reader
// announcements, labels, and "Copy summary" / "Download" for the physio.
// The Rasa server's address comes from ?server=..., or defaults to port 5005
// on the host that served this page.
(function () {
  var params = new URLSearchParams(window.location.search);
  var server = params.get("server") || (window.location.protocol + "//" + window.location.hostname + ":5005");
  var SUMMARY_KEY = "physio_summary";  // the latest assessment's summary, sent by action_assess over socket.io

  var tools = document.getElementById("summary-tools");
  var connection = document.getElementById("connection-status");
  var status = document.getElementById("summary-status");
  var download = document.getElementById("download-summary");
  var planLink = document.getElementById("download-plan");
  var PLAN_KEY = "return_plan";  // the latest return-to-running plan, sent by action_show_plan over socket.io

  // The plan as a calendar file: one all-day event per step (RFC 5545).
  function icsDate(iso) { return iso.replace(/-/g, ""); }
  function dayAfter(iso) {
    var d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }
  function icsText(text) { return text.replace(/\\/g, "\\\\").replace(/([,;])/g, "\\$1").replace(/\n/g, "\\n"); }
  function showPlan(steps) {
    if (!steps || !steps.length) { planLink.hidden = true; return; }
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//runners-ankle-assistant//plan//EN"];
    steps.forEach(function (step, i) {
      lines.push("BEGIN:VEVENT", "UID:plan-" + step.start + "-" + i + "@ankle-assistant",
        "DTSTAMP:" + new Date().toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z",
        "DTSTART;VALUE=DATE:" + icsDate(step.start), "DTEND;VALUE=DATE:" + icsDate(dayAfter(step.end)),
        "SUMMARY:" + icsText("Running plan: " + step.title), "DESCRIPTION:" + icsText(step.text), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    planLink.href = "data:text/calendar;charset=utf-8," + encodeURIComponent(lines.join("\r\n") + "\r\n");
    planLink.hidden = false;
    tools.hidden = false;
  }

  function showSummary(text) {
    if (!text) { tools.hidden = true; return; }
    var dated = "Runner's ankle assistant, " + new Date().toISOString().slice(0, 10) + "\n\n" + text + "\n";
    download.href = "data:text/plain;charset=utf-8," + encodeURIComponent(dated);
    download.download = "ankle-summary-" + new Date().toISOString().slice(0, 10) + ".txt";
    tools.hidden = false;
  }

  var clearStatus = null;
  function say(text) {  // a short status, read out by screen readers, gone after a few seconds
    status.textContent = text;
    window.clearTimeout(clearStatus);
    clearStatus = window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  document.getElementById("copy-summary").addEventListener("click", function () {
    var text = window.localStorage.getItem(SUMMARY_KEY) || "";
    var done = function () { say("Summary copied."); };
    var failed = function () { say("Could not copy: use Download instead."); };
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
    document.querySelectorAll(".rw-reply:not([tabindex])").forEach(function (reply) {
      reply.setAttribute("tabindex", "0");  // reply buttons reachable with Tab
      reply.setAttribute("role", "button");
    });
  }

  // A long answer (several bubbles) is read from its start: when the bubbles
  // since the runner's last message are taller than the list, the list is
  // scrolled to the first of them instead of to the very end.
  var lastStart = null;
  function showStartOfAnswer() {
    var list = document.querySelector(".rw-messages-container");
    if (!list) return;
    var groups = list.querySelectorAll(".rw-message");
    var firstOfAnswer = null;
    for (var i = groups.length - 1; i >= 0; i--) {
      if (groups[i].querySelector(".rw-client")) break;
      if (groups[i].querySelector(".rw-response")) firstOfAnswer = groups[i];
    }
    if (!firstOfAnswer) return;
    var top = firstOfAnswer.offsetTop - list.offsetTop - 8;
    var tooTall = list.scrollHeight - top > list.clientHeight;
    if (tooTall && (firstOfAnswer !== lastStart || list.scrollTop > top)) {
      list.scrollTop = top;
    }
    lastStart = firstOfAnswer;
  }

  new MutationObserver(function () { label(); showStartOfAnswer(); }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.classList && target.classList.contains("rw-reply")) {
      event.preventDefault();
      target.click();
    }
  });

  showSummary(window.localStorage.getItem(SUMMARY_KEY));
  try { showPlan(JSON.parse(window.localStorage.getItem(PLAN_KEY) || "null")); } catch (e) { showPlan(null); }
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
      connect: function () { connection.hidden = true; },
      disconnect: function () {
        connection.textContent = "Connection lost. Reconnecting... your conversation is kept; send your last message again once this goes away.";
        connection.hidden = false;
      },
      bot_uttered: function (message) {
        if (message && message.physio_summary) {
          window.localStorage.setItem(SUMMARY_KEY, message.physio_summary);
          showSummary(message.physio_summary);
        }
        if (message && message.return_plan) {
          window.localStorage.setItem(PLAN_KEY, JSON.stringify(message.return_plan));
          showPlan(message.return_plan);
        }
      }
    },
    params: { storage: "local" }  // keeps the conversation across page reloads
  }, null);
})();
