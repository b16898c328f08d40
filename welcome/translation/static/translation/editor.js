// The translation editor's small helpers: Tab and Shift+Tab move between segments; a changed
// segment is saved on its own when the translator leaves it (the form still saves everything).
(function () {
  "use strict";
  var root = document.querySelector(".translation-editor");
  if (!root) { return; }
  var form = document.getElementById("translation-form");
  var fields = Array.prototype.slice.call(root.querySelectorAll("textarea[data-unit]"));
  var saveUrl = root.getAttribute("data-save-url");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  fields.forEach(function (field, index) {
    field.defaultText = field.value;
    field.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var next = fields[index + (event.shiftKey ? -1 : 1)];
      if (next) { event.preventDefault(); next.focus(); }
    });
    field.addEventListener("change", function () { save(field); });
  });

  function save(field) {
    var row = field.closest("tr");
    var version = row.querySelector("[data-version]");
    var status = row.querySelector(".segment__status");
    var body = new URLSearchParams({ text: field.value, version: version.value });
    fetch(saveUrl.replace(/\/0\/save\/$/, "/" + field.getAttribute("data-unit") + "/save/"), {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, status: response.status, data: data }; });
    }).then(function (result) {
      if (result.ok) {
        version.value = result.data.version;
        field.defaultText = field.value;
        row.querySelector(".segment__state .w-status").textContent = result.data.label;
        status.textContent = root.getAttribute("data-saved-label") || "✓";
      } else {
        row.classList.add("segment--problem");
        status.textContent = result.data.error + (result.status === 409 ? " — " + result.data.text : "");
      }
    }).catch(function () {
      status.textContent = "…";
    });
  }
})();
