// jpnlp report: filters, search, expand/collapse and two-way links. Without it the page is complete, only static.
(function () {
  "use strict";
  var doc = document, form = doc.getElementById("controls");
  if (!form) return;
  form.hidden = false;
  var $ = function (sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); };
  var norm = function (s) { return (s || "").normalize("NFKC").toLowerCase(); };
  var labelBoxes = $("#controls input[name=label]");
  var get = function (id) { return doc.getElementById(id); };

  function settings() {
    var labels = labelBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var s = { labels: labels, src: get("src").value, un: get("un").checked,
              dis: get("dis") ? get("dis").checked : false, q: norm(get("q").value.trim()) };
    s.active = labels.length < labelBoxes.length || s.src !== "" || s.un || s.dis;
    return s;
  }

  function passes(el, s) {
    var d = el.dataset;
    return s.labels.indexOf(d.label) >= 0 && (!s.src || d.src === s.src) && (!s.un || d.un === "1") && (!s.dis || d.dis === "1");
  }

  function apply() {
    var s = settings(), shown = 0, all = 0;
    $("mark.ent").forEach(function (m) { m.classList.toggle("off", !passes(m, s)); });
    $(".sent").forEach(function (el) {
      var ok = (!s.active || el.querySelector("mark.ent:not(.off)") !== null) && (!s.q || norm(el.textContent).indexOf(s.q) >= 0);
      el.classList.toggle("fh", !ok);
      all += 1; shown += ok ? 1 : 0;
    });
    $("p.blk").forEach(function (p) {
      if (p.closest(".sent")) return;  // a paragraph inside a sentence unit (gold beside silver) goes with it
      var sents = p.querySelectorAll(".sent");
      var empty = sents.length ? p.querySelectorAll(".sent:not(.fh)").length === 0 : (s.active || !!s.q);
      p.classList.toggle("fh", empty);
    });
    $("table.ents tbody tr").forEach(function (tr) {
      tr.classList.toggle("fh", !passes(tr, s) || (!!s.q && norm(tr.textContent).indexOf(s.q) < 0));
    });
    $("table.votes tbody tr").forEach(function (tr) {
      tr.classList.toggle("fh", s.labels.indexOf("VOTE") < 0 || (!!s.q && norm(tr.textContent).indexOf(s.q) < 0));
    });
    $("details.doc").forEach(function (d) {
      var any = d.querySelector(".sent:not(.fh)") !== null;
      d.classList.toggle("fh", (s.active || !!s.q) && !any && d.querySelector(".sent") !== null);
      if (s.q && any) d.open = true;
    });
    get("count").textContent = (s.active || s.q) ? shown + " of " + all + " sentences shown" : "";
  }

  function reveal(id, scroll) {
    var el = id && get(id);
    if (!el) return;
    for (var a = el; a && a !== doc.body; a = a.parentElement) {
      if (a.tagName === "DETAILS") a.open = true;
      a.classList.remove("fh");
    }
    $(".flash").forEach(function (f) { f.classList.remove("flash"); });
    el.classList.add("flash");
    if (scroll) el.scrollIntoView({ block: "center" });
  }

  function fromHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; }
  }

  doc.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (!a) return;
    var id = a.getAttribute("href").slice(1);
    if (!get(id)) return;
    ev.preventDefault();
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    reveal(id, true);
  });
  window.addEventListener("hashchange", function () { reveal(fromHash(), true); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  get("gl").addEventListener("change", function () { doc.body.classList.toggle("hide-gloss", !get("gl").checked); });
  get("expand").addEventListener("click", function () { $("details").forEach(function (d) { d.open = true; }); });
  get("collapse").addEventListener("click", function () { $("details").forEach(function (d) { d.open = false; }); });
  var before = [];
  window.addEventListener("beforeprint", function () {
    before = $("details").map(function (d) { return d.open; });
    $("details").forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    $("details").forEach(function (d, i) { if (i < before.length) d.open = before[i]; });
  });
  if (location.hash) reveal(fromHash(), true);
})();
