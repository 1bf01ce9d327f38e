// The comparison builder, made pleasant: suggestions from /api/v1/models as you type, buttons to move a model up or
// down, a slider next to the cache-hit field. Progressive enhancement only: the form works without this file.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.builder");
  if (!forms.length) { return; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function suggest(input) {
    var list = el("ul", { "class": "suggest", "role": "listbox", "aria-label": "Suggestions for " + input.id });
    input.parentNode.insertBefore(list, input.nextSibling);
    var timer = null;
    var asked = "";
    function clear() { list.textContent = ""; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { clear(); return; }
      timer = setTimeout(function () {
        asked = q;
        fetch("/api/v1/models?limit=8&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { models: [] }; })
          .then(function (page) {
            if (asked !== q) { return; } // a later keystroke asked again
            clear();
            page.models.forEach(function (m) {
              var li = el("li", { "role": "option" });
              var b = el("button", { "type": "button", "data-id": m.id }, m.display_name + " ");
              b.appendChild(el("code", {}, m.id));
              b.addEventListener("click", function () { input.value = m.id; clear(); input.focus(); });
              li.appendChild(b);
              list.appendChild(li);
            });
          })
          .catch(clear); // no suggestions (say, a static copy of the site): the field still takes any name
      }, 200);
    });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") { clear(); } });
  }

  function reorder(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("ol.slots input[type=text]"));
    inputs.forEach(function (input, i) {
      var moves = el("span", { "class": "moves" });
      [["up", -1, "\u2191"], ["down", 1, "\u2193"]].forEach(function (d) {
        var j = i + d[1];
        if (j < 0 || j >= inputs.length) { return; }
        var b = el("button", { "type": "button", "class": "move-" + d[0], "aria-label": "Move model " + (i + 1) + " " + d[0] }, d[2]);
        b.addEventListener("click", function () {
          var v = inputs[i].value;
          inputs[i].value = inputs[j].value;
          inputs[j].value = v;
          inputs[j].focus();
        });
        moves.appendChild(b);
      });
      input.parentNode.appendChild(moves);
    });
  }

  function slider(form) {
    var number = form.querySelector("input[name=cache_hit]");
    if (!number) { return; }
    var range = el("input", { "type": "range", "min": "0", "max": "100", "step": "1", "aria-label": "Cache hits (%)", "class": "cache-slider" });
    range.value = number.value || "0";
    range.addEventListener("input", function () { number.value = range.value === "0" ? "" : range.value; });
    number.addEventListener("input", function () { range.value = number.value || "0"; });
    number.parentNode.insertBefore(range, number);
  }

  Array.prototype.forEach.call(forms, function (form) {
    Array.prototype.forEach.call(form.querySelectorAll("ol.slots input[type=text]"), suggest);
    reorder(form);
    slider(form);
  });
})();
