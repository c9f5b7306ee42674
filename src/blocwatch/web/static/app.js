// blocwatch: "/" moves the focus to the first filter field of the page (unless typing in a field already);
// state-code fields are upper-cased before a form is sent.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    Array.prototype.forEach.call(event.target.querySelectorAll("input.code"), function (input) {
      input.value = input.value.trim().toUpperCase();
    });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) return;
    var target = document.querySelector("[data-filter]");
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });
})();
