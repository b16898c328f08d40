// Quality checks while typing and one-click translation memory. Without JavaScript the checks
// are shown after saving and a suggestion button submits the form.
(function () {
  "use strict";
  var root = document.querySelector(".translation-editor");
  if (!root) { return; }
  var form = document.getElementById("translation-form");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function url(name, unit) {
    return root.getAttribute(name).replace(/\/0\//, "/" + unit + "/");
  }

  function post(address, data) {
    return fetch(address, {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/json" },
      body: new URLSearchParams(data),
      credentials: "same-origin"
    }).then(function (response) { return response.json(); });
  }

  function show(row, findings) {
    var list = row.querySelector("[data-findings]");
    if (!list) { return; }
    list.textContent = "";
    findings.forEach(function (finding) {
      var item = document.createElement("li");
      item.className = "finding finding--" + finding.severity;
      item.textContent = finding.label + " " + finding.message;
      list.appendChild(item);
    });
  }

  var timers = {};
  root.querySelectorAll("textarea[data-unit]").forEach(function (field) {
    field.addEventListener("input", function () {
      var unit = field.getAttribute("data-unit");
      clearTimeout(timers[unit]);
      timers[unit] = setTimeout(function () {
        post(url("data-check-url", unit), { text: field.value }).then(function (data) {
          if (data.findings) { show(field.closest("tr"), data.findings); }
        });
      }, 400);
    });
  });

  root.querySelectorAll("button[data-memory]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var row = button.closest("tr");
      var field = row.querySelector("textarea[data-unit]");
      var version = row.querySelector("[data-version]");
      var unit = field.getAttribute("data-unit");
      post(url("data-memory-url", unit), { match: button.value, version: version.value })
        .then(function (data) {
          var status = row.querySelector(".segment__status");
          if (data.error) { status.textContent = data.error; return; }
          field.value = data.text;
          field.defaultText = data.text;
          version.value = data.version;
          row.querySelector(".segment__state .w-status").textContent = data.label;
          status.textContent = root.getAttribute("data-saved-label") || "✓";
          show(row, data.findings || []);
        });
    });
  });
})();
