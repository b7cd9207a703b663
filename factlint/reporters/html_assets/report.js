// factlint HTML report: details on click, filters, keyboard navigation. No network, no innerHTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("factlint-data").textContent);
  var findings = data.findings;
  var marks = findings.map(function () { return []; });
  var items = findings.map(function () { return null; });
  document.querySelectorAll("mark[data-finding]").forEach(function (m) {
    marks[+m.dataset.finding].push(m);
  });
  document.querySelectorAll(".findings li[data-finding]").forEach(function (li) {
    items[+li.dataset.finding] = li;
  });
  var hiddenFamilies = new Set();
  var hiddenSeverities = new Set();
  var current = -1;
  var detail = document.getElementById("detail");
  var shownCount = document.getElementById("shown-count");

  function visible(n) {
    var f = findings[n];
    return !hiddenFamilies.has(f.family) && !hiddenSeverities.has(f.severity);
  }

  function applyFilters() {
    var shown = 0;
    for (var n = 0; n < findings.length; n++) {
      var on = visible(n);
      if (on) shown++;
      marks[n].forEach(function (m) { m.classList.toggle("off", !on); });
      if (items[n]) items[n].hidden = !on;
    }
    if (shownCount) shownCount.textContent = String(shown);
    document.querySelectorAll(".summary tr[data-family]").forEach(function (tr) {
      tr.classList.toggle("off", hiddenFamilies.has(tr.dataset.family));
    });
    if (current >= 0 && !visible(current)) clearCurrent();
  }

  document.querySelectorAll("input[data-filter-family]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenFamilies.delete(box.dataset.filterFamily);
      else hiddenFamilies.add(box.dataset.filterFamily);
      applyFilters();
    });
  });
  document.querySelectorAll("input[data-filter-severity]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenSeverities.delete(box.dataset.filterSeverity);
      else hiddenSeverities.add(box.dataset.filterSeverity);
      applyFilters();
    });
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fill(n) {
    var f = findings[n];
    var rule = data.rules[f.rule] || {};
    detail.replaceChildren();
    var first = marks[n][0];
    detail.className = "detail " + (first ? first.className.split(" ")[0] : "");
    var head = el("div", "d-head");
    head.append(el("span", "sev-badge sev-" + f.severity, f.severity), el("span", "d-rule", f.rule),
                el("span", "d-family", f.family),
                el("span", "d-where", "line " + f.line + ", column " + f.column));
    detail.append(head, el("p", "d-message", f.message));
    var dl = el("dl");
    function row(label, value) {
      dl.append(el("dt", "", label));
      var dd = el("dd");
      if (typeof value === "string") dd.textContent = value; else dd.append(value);
      dl.append(dd);
      return dd;
    }
    if (f.fix) {
      var fix = el("span");
      fix.append(el("span", "d-suggestion", f.fix.replacement || "(delete)"),
                 document.createTextNode(f.fix.safe ? " (safe)" : " (unsafe: check before applying)"));
      row("Fix", fix);
    }
    var others = f.suggestions.filter(function (s) { return !f.fix || s !== f.fix.replacement; });
    if (others.length) {
      var sugg = el("span");
      others.forEach(function (s, i) {
        if (i) sugg.append(document.createTextNode(", "));
        sugg.append(el("span", "d-suggestion", s));
      });
      row(f.fix ? "Or" : "Try", sugg);
    }
    if (rule.why) row("Why", rule.why);
    if (rule.description) row("More", rule.description).className = "d-description";
    if (rule.link && /^https?:\/\//i.test(rule.link)) {
      var a = el("a", "", rule.link.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, ""));
      a.href = rule.link;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      row("Source", a);
    }
    row("Explain", "factlint explain " + f.rule);
    detail.append(dl);
    var nav = el("div", "d-nav");
    var prev = el("button", "", "\u2190 previous (k)");
    var next = el("button", "", "next (j) \u2192");
    var close = el("button", "", "close (Esc)");
    prev.type = next.type = close.type = "button";
    prev.addEventListener("click", function () { step(-1); });
    next.addEventListener("click", function () { step(1); });
    close.addEventListener("click", clearCurrent);
    nav.append(prev, next, close);
    detail.append(nav);
  }

  function place(anchor) {
    detail.hidden = false;
    var r = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
    var width = detail.offsetWidth, height = detail.offsetHeight;
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    var top = r.bottom + 8;
    if (top + height > window.innerHeight && r.top - height - 8 > 0) top = r.top - height - 8;
    detail.style.left = (left + window.scrollX) + "px";
    detail.style.top = (top + window.scrollY) + "px";
  }

  function clearCurrent() {
    if (current >= 0) {
      marks[current].forEach(function (m) { m.classList.remove("current"); });
      if (items[current]) items[current].classList.remove("current");
    }
    current = -1;
    detail.hidden = true;
  }

  function select(n, scroll) {
    clearCurrent();
    current = n;
    marks[n].forEach(function (m) { m.classList.add("current"); });
    var item = items[n];
    if (item) {
      item.classList.add("current");
      var list = item.closest(".findings");
      if (list) {
        var top = item.offsetTop, bottom = top + item.offsetHeight;
        if (top < list.scrollTop || bottom > list.scrollTop + list.clientHeight) list.scrollTop = top - list.clientHeight / 3;
      }
    }
    var first = marks[n][0];
    fill(n);
    if (first) {
      if (scroll) first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
      place(first);
    } else if (item) {
      if (scroll) item.scrollIntoView({ block: "center" });
      place(item);
    }
    if (history.replaceState) history.replaceState(null, "", "#finding-" + n);
  }

  function step(delta) {
    var count = findings.length;
    for (var i = 1; i <= count; i++) {
      var n = ((current < 0 ? (delta > 0 ? -1 : 0) : current) + delta * i + count * 2) % count;
      if (visible(n)) { select(n, true); return; }
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target.closest ? target.closest("mark[data-finding]") : null;
    while (mark && mark.classList.contains("off")) mark = mark.parentElement.closest("mark[data-finding]");
    if (mark) { select(+mark.dataset.finding, false); return; }
    var link = target.closest ? target.closest(".findings li[data-finding] a") : null;
    if (link) {
      event.preventDefault();
      select(+link.parentElement.dataset.finding, true);
      return;
    }
    if (!detail.hidden && !detail.contains(target)) clearCurrent();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target, tag = (t.tagName || "").toLowerCase();
    var typing = tag === "textarea" || tag === "select" || t.isContentEditable ||
                 (tag === "input" && !/^(checkbox|radio|button|submit|reset)$/.test(t.type));
    if (typing) return;
    var key = event.key;
    if (key === "j" || key === "n") { step(1); event.preventDefault(); }
    else if (key === "k" || key === "p") { step(-1); event.preventDefault(); }
    else if (key === "Escape") { clearCurrent(); }
    else if (key === "Enter" && event.target.matches && event.target.matches("mark[data-finding]")) {
      select(+event.target.dataset.finding, false);
    }
  });

  window.addEventListener("resize", function () {
    if (current >= 0 && marks[current][0]) place(marks[current][0]);
  });

  var start = /^#finding-(\d+)$/.exec(location.hash);
  if (start && +start[1] < findings.length) select(+start[1], true);
  document.body.dataset.ready = "true";
})();
