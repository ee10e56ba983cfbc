// Starts the chat widget. The Rasa server's address comes from ?server=...,
// or defaults to port 5005 on the host that served this page.
(function () {
  var params = new URLSearchParams(window.location.search);
  var server = params.get("server") || (window.location.protocol + "//" + window.location.hostname + ":5005");
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
    params: { storage: "local" }  // keeps the conversation across page reloads
  }, null);
})();
