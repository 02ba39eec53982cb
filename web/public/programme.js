// The programme on the chat page, kept apart from chat.js: reminders sent while the person
// was away are shown when they come back (the page has no push), and "how am I doing?" gets a
// small chart of the pain at each check-in, drawn as SVG under the reply.
// Data from this page's server: /api/programme/<sender>/due and /api/programme/<sender>/progress.
(function () {
  "use strict";
  const SESSION_KEY = "backbone-session"; // chat.js: {"sender": id, "key": the page server's key}
  const SVG = "http://www.w3.org/2000/svg";
  const PROGRESS_MARK = "check-ins so far";
  const log = document.getElementById("log");
  if (!log) return;
  // Its own stylesheet, so the page's chat.css stays as it is.
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "programme.css";
  document.head.append(style);

  function session() {
    try {
      const stored = JSON.parse(localStorage.getItem(SESSION_KEY) || "null");
      const ok = stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored.sender) && stored.key;
      return ok ? stored : null;
    } catch (error) {
      return null;
    }
  }

  function sender() {
    const stored = session();
    return stored ? stored.sender : null;
  }

  // The page server answers only the browser that holds the conversation's key.
  // One conversation whatever the chat's transport (the REST fallback sends the key too).
  function api(path) {
    return "/api/programme/" + encodeURIComponent(sender()) + "/" + path;
  }

  function withKey(options) {
    return { ...(options || {}), headers: { "X-Backbone-Key": session().key } };
  }

  async function showDue() {
    if (!sender()) return;
    try {
      const response = await fetch(api("due"), withKey({ method: "POST" }));
      if (!response.ok) return;
      const data = await response.json();
      for (const text of data.due || []) {
        const notice = document.createElement("p");
        notice.className = "notice programme-due";
        notice.setAttribute("role", "status");
        notice.textContent = "Reminder: " + text;
        log.append(notice);
      }
    } catch (error) {
      // No reminder shown is better than a broken page.
    }
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  }

  // Pain (0-10) at each check-in, oldest to newest.
  function chart(points) {
    const width = 260, height = 110, pad = 18;
    const figure = document.createElement("figure");
    figure.className = "programme-chart";
    const caption = document.createElement("figcaption");
    caption.textContent = "Pain at each check-in (0 to 10)";
    const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": "Pain at each check-in: " + points.join(", ") });
    const x = (i) => pad + (points.length > 1 ? (i * (width - 2 * pad)) / (points.length - 1) : 0);
    const y = (pain) => height - pad - (pain * (height - 2 * pad)) / 10;
    drawing.append(svg("line", { x1: pad, y1: y(0), x2: width - pad, y2: y(0), stroke: "#999" }));
    drawing.append(svg("polyline", { points: points.map((p, i) => `${x(i)},${y(p)}`).join(" "),
      fill: "none", stroke: "#1f6feb", "stroke-width": 2 }));
    points.forEach((pain, i) => {
      drawing.append(svg("circle", { cx: x(i), cy: y(pain), r: 3, fill: "#1f6feb" }));
    });
    figure.append(drawing, caption);
    return figure;
  }

  async function addChart(message) {
    if (!sender() || message.dataset.programmeChart) return;
    message.dataset.programmeChart = "yes";
    try {
      const response = await fetch(api("progress"), withKey());
      if (!response.ok) return;
      const data = await response.json();
      const points = (data.check_ins || []).map((c) => c.pain).filter((p) => p !== null);
      if (!points.length) return;
      (message.querySelector(".bubble") || message).append(chart(points));
      log.scrollTop = log.scrollHeight;
    } catch (error) {
      // The text already says it all.
    }
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === 1 && node.classList.contains("bot") &&
            node.textContent.includes(PROGRESS_MARK)) {
          addChart(node);
        }
      }
    }
  }).observe(log, { childList: true });

  window.addEventListener("load", () => setTimeout(showDue, 800));
})();
