// Werkplek web: the one script. It adds a live preview under every long
// text of a form (the news editor); everything else works without it.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf"]');
  if (!meta) return;
  var csrf = meta.getAttribute("content");
  document.querySelectorAll("[data-preview-of]").forEach(function (box) {
    var input = document.getElementById(box.getAttribute("data-preview-of"));
    if (!input) return;
    var timer = null;
    function update() {
      var body = new URLSearchParams();
      body.set("text", input.value);
      fetch("/web/preview", {
        method: "POST",
        headers: { "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString(),
        credentials: "same-origin"
      }).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
        box.innerHTML = html;
        box.hidden = input.value.trim() === "";
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    update();
  });
})();
