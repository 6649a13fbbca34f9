// Filtering and expanding the cases of a conformance report. Works on the page as rendered:
// every case is a <tbody class="case"> with data-outcome, data-area, data-basis and data-text.
(function () {
  "use strict";
  var cases = Array.prototype.slice.call(document.querySelectorAll("tbody.case"));
  var controls = {
    outcome: document.getElementById("f-outcome"),
    area: document.getElementById("f-area"),
    basis: document.getElementById("f-basis"),
    text: document.getElementById("f-text"),
  };
  var shown = document.getElementById("shown");
  if (!controls.outcome) return;

  function outcomeMatches(wanted, outcome) {
    if (wanted === "") return true;
    if (wanted === "not-passing") return outcome !== "pass" && outcome !== "na";
    return wanted === outcome;
  }

  function apply() {
    var words = controls.text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    cases.forEach(function (tbody) {
      var d = tbody.dataset;
      var visible = outcomeMatches(controls.outcome.value, d.outcome)
        && (controls.area.value === "" || controls.area.value === d.area)
        && (controls.basis.value === "" || controls.basis.value === d.basis)
        && words.every(function (w) { return d.text.indexOf(w) !== -1; });
      tbody.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + " of " + cases.length + " cases shown";
  }

  function expand(tbody, open) {
    var button = tbody.querySelector("button.toggle");
    var detail = tbody.querySelector("tr.detail");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    detail.hidden = !open;
  }

  cases.forEach(function (tbody) {
    tbody.querySelector("tr.head").addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      expand(tbody, tbody.querySelector("tr.detail").hidden);
    });
  });
  ["outcome", "area", "basis"].forEach(function (name) { controls[name].addEventListener("change", apply); });
  controls.text.addEventListener("input", apply);
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter-area]"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      controls.area.value = link.getAttribute("data-filter-area");
      apply();
      controls.area.scrollIntoView({ block: "start" });
    });
  });

  // A failure listed at the top opens its case below at once (the hash follows for history).
  Array.prototype.forEach.call(document.querySelectorAll("a.open-case"), function (link) {
    link.addEventListener("click", function () {
      open(document.getElementById(decodeURIComponent(link.hash.slice(1))));
    });
  });

  function open(target) {
    if (target && target.classList.contains("case")) {
      target.hidden = false;
      expand(target, true);
      target.scrollIntoView({ block: "start" });
    }
  }

  function openFromHash() {
    open(location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))));
  }
  window.addEventListener("hashchange", openFromHash);
  apply();
  openFromHash();
})();
