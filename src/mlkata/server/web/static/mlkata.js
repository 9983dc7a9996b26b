/* mlkata pages: progressive enhancement only; every page works without this script.
   - <time datetime> elements are shown in the reader's time zone
   - forms' hidden "tz" fields get the browser's time zone (deadlines are typed in it)
   - math (.math elements) is typeset by the vendored KaTeX
   - a submission waiting for its verdict is long-polled, and the page reloads when graded
   - forms with data-confirm ask first */
(function () {
  "use strict";

  function localTimes() {
    var formats = {
      long: new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "short"}),
      short: new Intl.DateTimeFormat(undefined, {month: "short", day: "numeric",
                                                 hour: "2-digit", minute: "2-digit"})
    };
    document.querySelectorAll("time[datetime]").forEach(function (el) {
      var when = new Date(el.getAttribute("datetime"));
      if (isNaN(when.getTime())) { return; }
      el.title = el.textContent;
      el.textContent = (formats[el.dataset.style] || formats.long).format(when);
    });
  }

  function timeZoneFields() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) { return; }
    document.querySelectorAll("input[name=tz]").forEach(function (el) { el.value = zone; });
    document.querySelectorAll("[data-time-zone]").forEach(function (el) {
      el.textContent = zone;
    });
  }

  function typesetMath() {
    if (typeof window.renderMathInElement !== "function") { return; }
    document.querySelectorAll(".math").forEach(function (el) {
      window.renderMathInElement(el, {
        delimiters: [{left: "\\[", right: "\\]", display: true},
                     {left: "\\(", right: "\\)", display: false}],
        throwOnError: false
      });
    });
  }

  function awaitVerdict() {
    var section = document.querySelector("[data-await-submission]");
    if (!section) { return; }
    var url = "/api/submissions/" + section.dataset.awaitSubmission + "?wait=20";
    var detail = section.querySelector("[data-verdict-detail]");
    var headline = section.querySelector("[data-verdict-headline]");
    function poll() {
      fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (reply) {
          if (!reply.ok) { throw new Error("HTTP " + reply.status); }
          return reply.json();
        })
        .then(function (shown) {
          if (shown.state === "done") { window.location.reload(); return; }
          if (shown.state === "running") {
            if (headline) { headline.textContent = "Running the checks"; }
            if (detail) { detail.textContent = "A grader is running the checks. This page updates by itself."; }
          }
          poll();
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    poll();
  }

  function confirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
      });
    });
  }

  function chosenFile() {
    var input = document.querySelector("input[type=file][name=file]");
    var editor = document.querySelector("textarea[name=code]");
    if (!input || !editor) { return; }
    input.addEventListener("change", function () {
      editor.disabled = input.files.length > 0;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes();
    timeZoneFields();
    typesetMath();
    awaitVerdict();
    confirmations();
    chosenFile();
  });
})();
