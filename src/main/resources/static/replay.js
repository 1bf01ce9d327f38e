// The replay report's chart (progressive enhancement: the table says everything without it). Loaded by the replay
// page only; Chart.js comes from the webjar on the same origin, so the strict CSP allows it.
(function () {
  "use strict";
  var canvas = document.getElementById("replay-chart");
  if (!canvas) { return; }
  function draw() {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: "USD for the whole log", data: data.totals.map(Number), backgroundColor: "#0b5cad" }] },
      options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
                 scales: { x: { title: { display: true, text: "USD for the whole log" }, beginAtZero: true } } }
    });
  }
  if (window.Chart) { draw(); return; }
  var script = document.createElement("script");
  script.src = "/webjars/chart.js/4.5.1/dist/chart.umd.js";
  script.onload = draw;
  document.head.appendChild(script);
})();
