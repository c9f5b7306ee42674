// blocwatch scenario page: save the edited YAML with the write token (POST /api/scenarios, Bearer auth).
(function () {
  "use strict";
  var form = document.getElementById("save-form");
  if (!form) return;
  var status = document.getElementById("save-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = JSON.stringify({ name: form.elements.name.value, yaml: document.getElementById("yaml").value });
    status.textContent = "Saving…";
    fetch(form.dataset.action || "/api/scenarios", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + form.elements.token.value },
      body: body
    }).then(function (response) {
      return response.json().then(function (data) {
        status.textContent = response.ok ? "Saved as “" + data.name + "”." :
          "Not saved (" + response.status + "): " + (typeof data.detail === "string" ? data.detail : "check the name");
      });
    }).catch(function () { status.textContent = "Not saved: the server did not answer."; });
  });
})();
