// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var canvas = document.getElementById("cost-chart");
  var calc = document.getElementById("calc-chart");
  var historyCanvas = document.getElementById("history-chart");
  if (!canvas && !calc && !historyCanvas) { return; }
  function drawHistory() {
    var data = JSON.parse(historyCanvas.getAttribute("data-chart"));
    var colors = ["#0b5cad", "#2a9d8f", "#d1495b"];
    new window.Chart(historyCanvas, {
      type: "line",
      data: {
        labels: data.dates,
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.values.map(function (v) { return v === null ? null : Number(v); }),
                   borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length], stepped: true, spanGaps: false };
        })
      },
      options: { responsive: true, maintainAspectRatio: false,
                 scales: { x: { title: { display: true, text: "Date of change" } },
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
