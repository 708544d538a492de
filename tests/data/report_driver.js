// Test driver for tests/test_report.py: appended after the report's own script, it works the controls
// as a reviewer would and writes what it saw as JSON into a new pre element (id driver-result) for --dump-dom.
(function () {
  "use strict";
  var R = {}, doc = document;
  var $ = function (s) { return Array.prototype.slice.call(doc.querySelectorAll(s)); };
  var uniq = function (xs) { return xs.filter(function (x, i) { return xs.indexOf(x) === i; }).sort(); };
  var form = doc.getElementById("controls");
  var fire = function (el, type) { el.dispatchEvent(new Event(type, { bubbles: true })); };
  var inView = function (el) { var r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };
  var shown = function (sel) { return $(sel).filter(function (el) { return !el.closest(".fh"); }); };
  R.pwned = String(window.pwned);
  R.images = $("img").length;
  R.scripts = $("script").length;
  R.headings = $("h2").map(function (h) { return h.textContent; });
  R.controls = form ? !form.hidden : false;
  var rendered = function (el) {  // laid out and not inside a closed <details> or a display:none ancestor
    return el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  };
  R.marks_rendered = $("mark.ent").filter(rendered).length;
  R.glosses_rendered = $("mark .gloss").filter(rendered).length;
  R.vote_rows_rendered = $("table.votes tbody tr").filter(rendered).length;
  if (!R.controls) form = null;  // the page's own script did not run: only look
  if (form) {
    R.sentences = $(".sent").length;
    $("#controls input[name=label]").forEach(function (b) { b.checked = b.value === "DATE"; });
    fire(form, "change");
    R.label_on = uniq($("mark.ent:not(.off)").map(function (m) { return m.dataset.label; }));
    R.label_sentences = shown(".sent").length;
    R.label_sentences_have_date = shown(".sent").every(function (s) { return !!s.querySelector("mark[data-label=DATE]"); });
    R.label_entity_rows = uniq(shown("table.ents tbody tr").map(function (tr) { return tr.dataset.label; }));
    $("#controls input[name=label]").forEach(function (b) { b.checked = true; });
    fire(form, "change");
    R.reset_sentences = shown(".sent").length;
    var only = function (id, sel) {  // tick an "… only" box: how many sentences show, do all hold such a mark
      var box = doc.getElementById(id);
      if (!box) return null;
      box.click();
      var s = shown(".sent"), res = [s.length, s.every(function (x) { return !!x.querySelector(sel); })];
      box.click();
      return res;
    };
    R.unaligned_only = only("un", "mark[data-un]:not(.off)");
    R.disagreements_only = only("dis", "mark[data-dis]:not(.off)");
    var src = doc.getElementById("src");
    src.value = "glossary";
    fire(src, "change");
    R.source_labels = uniq($("mark.ent:not(.off)").map(function (m) { return m.dataset.label; }));
    src.value = "";
    fire(src, "change");
    var q = doc.getElementById("q");
    q.value = window.DRIVER_QUERY || "abm";
    fire(q, "input");
    R.search_sentences = shown(".sent").length;
    R.search_all_match = shown(".sent").every(function (s) {
      return s.textContent.normalize("NFKC").toLowerCase().indexOf(q.value.toLowerCase()) >= 0;
    });
    R.count = doc.getElementById("count").textContent;
    q.value = "";
    fire(q, "input");
    doc.getElementById("expand").click();
    R.expanded = $("details").every(function (d) { return d.open; });
    doc.getElementById("collapse").click();
    R.collapsed = $("details[open]").length;
    var row = doc.querySelector("table.votes tbody tr");
    if (row) {
      var link = row.querySelector("td.sentence a");
      link.click();
      var sent = doc.getElementById(link.getAttribute("href").slice(1));
      R.sentence_is_sent = sent.classList.contains("sent");
      R.sentence_flash = sent.classList.contains("flash");
      R.sentence_in_view = inView(sent);
      window.scrollTo(0, 0);
      var back = sent.querySelector("mark[data-label=VOTE] a");
      back.click();
      R.back_to_row = back.getAttribute("href") === "#" + row.id;
      R.row_flash = row.classList.contains("flash");
      R.row_in_view = inView(row);
      R.sentence_unflashed = !sent.classList.contains("flash");
    }
    var mention = doc.querySelector("table.ents td.links a");
    if (mention) {
      window.scrollTo(0, 0);
      mention.click();
      var mark = doc.getElementById(mention.getAttribute("href").slice(1));
      R.mention_flash = mark.tagName === "MARK" && mark.classList.contains("flash") && inView(mark);
    }
    doc.getElementById("gl").click();
    R.gloss_hidden = $("mark .gloss").every(function (g) { return getComputedStyle(g).display === "none"; });
    doc.getElementById("collapse").click();
    R.collapsed_marks_rendered = $("mark.ent").filter(rendered).length;
    window.dispatchEvent(new Event("beforeprint"));
    R.print_all_open = $("details").every(function (d) { return d.open; });
    window.dispatchEvent(new Event("afterprint"));
    R.after_print_open = $("details[open]").length;
    R.controls_rendered = rendered(doc.getElementById("controls"));
  }
  var pre = doc.createElement("pre");
  pre.id = "driver-result";
  pre.textContent = JSON.stringify(R);
  doc.body.appendChild(pre);
})();
