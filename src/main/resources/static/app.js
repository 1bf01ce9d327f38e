// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var canvas = document.getElementById("cost-chart");
  var calc = document.getElementById("calc-chart");
  var historyCanvas = document.getElementById("history-chart");
  var qualityCanvases = document.querySelectorAll("canvas.quality-chart");
  if (!canvas && !calc && !historyCanvas && qualityCanvases.length === 0) { return; }
  // Quality against blended price: a log price axis, the frontier joined in price order, compared models in red.
  function drawQuality(el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    function point(p) {
      return { x: Number(p.x), y: Number(p.y), label: p.label + (p.variant ? " (" + p.variant + ")" : ""), price: p.price };
    }
    var frontier = data.points.filter(function (p) { return p.frontier; }).map(point);
    var highlighted = data.points.filter(function (p) { return p.highlight; }).map(point);
    var others = data.points.filter(function (p) { return !p.frontier && !p.highlight; }).map(point);
    var datasets = [
      { label: "Cheapest for its score (frontier)", data: frontier, showLine: true, stepped: "before", // level first: the best score a price buys holds until a dearer model beats it
        borderColor: "#2a9d8f", backgroundColor: "#2a9d8f", pointRadius: 4 },
      { label: "Other models", data: others, borderColor: "#8a94a6", backgroundColor: "#8a94a6", pointRadius: 3 }
    ];
    if (highlighted.length > 0) {
      datasets.unshift({ label: "Compared models", data: highlighted, borderColor: "#d1495b", backgroundColor: "#d1495b", pointRadius: 7, pointStyle: "rectRot" });
    }
    new window.Chart(el, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { label: function (c) { return c.raw.label + ": " + c.raw.y + ", " + c.raw.price + " / 1M"; } } } },
        scales: { x: { type: "logarithmic", title: { display: true, text: "Blended USD per 1M tokens (" + data.blend + "), log scale" } },
                  y: { reverse: !data.higherIsBetter, title: { display: true, text: data.title + " (" + data.unit + ")" } } }
      }
    });
  }
  // The x axis is time: a step sits at the day the price changed, so an eleven-month gap is wider than a week's.
  // Days since 1970 on a linear axis (Chart.js's time axis needs a date adapter this page does not load).
  function drawHistory() {
    var data = JSON.parse(historyCanvas.getAttribute("data-chart"));
    var colors = ["#0b5cad", "#2a9d8f", "#d1495b"];
    var days = data.dates.map(function (d) { return Date.parse(d + "T00:00:00Z") / 864e5; });
    // A price whose start no source gives ("before") is drawn from the left edge, a tenth of the span (at least 30 days)
    // before the first date, and its tooltip says "before", never a day.
    // The last value is drawn on to the right edge as far, so the current price is a step too, not a lone point.
    var pad = days.length ? Math.max(30, (days[days.length - 1] - days[0]) / 10) : 0;
    var lead = days.length ? days[0] - pad : 0;
    var tail = days.length ? days[days.length - 1] + pad : 0;
    function dayText(x) {
      if (x === lead) { return "before " + data.dates[0]; }
      if (x === tail) { return "after " + data.dates[data.dates.length - 1]; }
      return new Date(x * 864e5).toISOString().slice(0, 10);
    }
    new window.Chart(historyCanvas, {
      type: "line",
      data: {
        datasets: data.series.map(function (s, i) {
          var points = s.values.map(function (v, j) { return { x: days[j], y: v === null ? null : Number(v) }; });
          if (s.before !== undefined) { points.unshift({ x: lead, y: Number(s.before) }); }
          if (points.length && points[points.length - 1].y !== null) { points.push({ x: tail, y: points[points.length - 1].y }); }
          return { label: s.label, data: points,
                   borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length], stepped: true, spanGaps: false };
        })
      },
      options: { responsive: true, maintainAspectRatio: false,
                 plugins: { tooltip: { callbacks: { title: function (items) { return items.length ? dayText(items[0].parsed.x) : ""; } } } },
                 scales: { x: { type: "linear", title: { display: true, text: "Date of change" },
                                ticks: { callback: function (v) { return dayText(v); } } },
                           y: { title: { display: true, text: "USD per 1M tokens" }, beginAtZero: true } } }
    });
  }
  function drawCalc() {
    var data = JSON.parse(calc.getAttribute("data-chart"));
    new window.Chart(calc, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: "USD per month", data: data.costs.map(Number), backgroundColor: "#0b5cad" }] },
      options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
                 scales: { x: { title: { display: true, text: "USD per month" }, beginAtZero: true } } }
    });
  }
  function drawAll() {
    if (canvas) { draw(); }
    if (calc) { drawCalc(); }
    if (historyCanvas) { drawHistory(); }
    for (var i = 0; i < qualityCanvases.length; i++) { drawQuality(qualityCanvases[i]); }
  }
  function draw() {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var colors = ["#0b5cad", "#d1495b", "#2a9d8f", "#e9a03b", "#6c4ab6"];
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.volumes.map(function (v) { return (v / 1e6) + "M"; }),
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.costs.map(Number), shown: s.shown, borderColor: colors[i % colors.length],
                   backgroundColor: colors[i % colors.length], tension: 0.15 };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + c.dataset.shown[c.dataIndex]; } } } },
        scales: { x: { title: { display: true, text: "Tokens per month (" + data.blend + ")" } },
                  y: { title: { display: true, text: "USD per month" }, beginAtZero: true } }
      }
    });
  }
  if (window.Chart) { drawAll(); return; }
  var script = document.createElement("script");
  script.src = "/webjars/chart.js/4.5.1/dist/chart.umd.js";
  script.onload = drawAll;
  document.head.appendChild(script);
})();
