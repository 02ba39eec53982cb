// Draws the dashboard's charts from the figures embedded in the page (no inline script: CSP).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const figures = JSON.parse(document.getElementById("figures").textContent);
  const days = figures.per_day.map((row) => row.day);
  const noAnimation = { animation: false, responsive: true, maintainAspectRatio: false };
  const triageColours = { none: "#7a8b99", see_clinician: "#2f7dbf", urgent: "#e08a00", emergency: "#c62828" };

  new Chart(document.getElementById("chart-per-day"), {
    type: "bar",
    data: { labels: days, datasets: [{ label: "conversations", data: figures.per_day.map((row) => row.conversations), backgroundColor: "#2f7dbf" }] },
    options: { ...noAnimation, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  new Chart(document.getElementById("chart-fallback"), {
    type: "line",
    data: { labels: days, datasets: [{ label: "fallback rate (%)", data: figures.per_day.map((row) => row.fallback_rate === null ? null : Math.round(row.fallback_rate * 1000) / 10), borderColor: "#e08a00", spanGaps: true }] },
    options: { ...noAnimation, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, suggestedMax: 20 } } },
  });

  new Chart(document.getElementById("chart-triage"), {
    type: "doughnut",
    data: {
      labels: figures.triage.map((row) => row.level.replace("_", " ")),
      datasets: [{ data: figures.triage.map((row) => row.conversations), backgroundColor: figures.triage.map((row) => triageColours[row.level]) }],
    },
    options: noAnimation,
  });

  new Chart(document.getElementById("chart-intents"), {
    type: "bar",
    data: { labels: figures.top_intents.map((row) => row.intent), datasets: [{ label: "messages", data: figures.top_intents.map((row) => row.count), backgroundColor: "#4f8a5b" }] },
    options: { ...noAnimation, indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  document.body.dataset.chartsReady = "true";
});
