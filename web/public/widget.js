// Backbone's embeddable chat: one tag on any page,
//   <script src="https://chat.example.org/widget.js" defer></script>
// adds a launcher button that opens the chat in a panel. The chat itself is the page's own code
// (chat.js, mounted in a shadow root so neither page's styles or ids touch the other's), loaded
// from the server this file came from, which must list the page's origin in WIDGET_ORIGINS.
"use strict";

(function () {
  if (window.BackboneWidget) return;
  const script = document.currentScript;
  const base = new URL(script && script.src ? script.src : "/", window.location.href).origin;
  const OPEN_KEY = "backbone-widget-open";
  let host = null;
  let shadow = null;
  let launcher = null;
  let panel = null;
  let loading = null;

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function stylesheet(path) {
    return el("link", { rel: "stylesheet", href: base + path });
  }

  // The same regions as index.html: banner, status line, log, typing indicator, composer.
  function buildPanel() {
    const section = el("section", {
      id: "backbone-panel",
      class: "panel app",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "panel-title",
    });
    section.hidden = true;
    const header = el("header", { class: "app-header" });
    const titles = el("div");
    titles.append(el("h2", { id: "panel-title" }, "Backbone"), el("p", { class: "tagline" }, "Education, not diagnosis"));
    const close = el("button", { type: "button", class: "close", "aria-label": "Close the chat" }, "×");
    close.addEventListener("click", () => setOpen(false));
    header.append(titles, close);

    const banner = el("div", { id: "emergency", class: "emergency", role: "alert" });
    banner.hidden = true;

    const chat = el("div", { class: "chat" });
    const connection = el("p", { id: "connection", class: "connection", role: "status" });
    const log = el("div", {
      id: "log",
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      tabindex: "0",
      "aria-label": "Conversation with Backbone",
    });
    const typing = el("div", { id: "typing", class: "typing", role: "status" });
    typing.hidden = true;
    const dots = el("span", { class: "dots", "aria-hidden": "true" });
    dots.append(el("span"), el("span"), el("span"));
    typing.append(dots, el("span", {}, "Backbone is typing…"));

    const form = el("form", { id: "composer", class: "composer", novalidate: "" });
    const label = el("label", { for: "message" }, "Your message");
    const row = el("div", { class: "composer-row" });
    const textarea = el("textarea", {
      id: "message",
      name: "message",
      rows: "2",
      autocomplete: "off",
      "aria-describedby": "message-hint",
    });
    row.append(textarea, el("button", { type: "submit", id: "send" }, "Send"));
    const hint = el("p", { id: "message-hint", class: "hint", "aria-live": "polite" },
      "Press Enter to send, Shift+Enter for a new line.");
    form.append(label, row, hint);
    chat.append(connection, log, typing, form);

    const footer = el("p", { class: "panel-footer" },
      "Backbone shares general education about back and hip pain. It is not a doctor.");
    section.append(header, banner, chat, footer);
    return section;
  }

  function loadScript(path) {
    return new Promise((resolve, reject) => {
      const tag = el("script", { src: base + path });
      tag.async = false;
      tag.addEventListener("load", resolve);
      tag.addEventListener("error", () => reject(new Error("could not load " + path)));
      document.head.append(tag);
    });
  }

  // The chat starts on the first opening (a visitor who never opens it starts no conversation).
  function startChat() {
    if (!loading) {
      window.BackboneChatEmbedded = true; // chat.js: do not look for a chat in the host page
      const socket = typeof window.io === "function" ? Promise.resolve() : loadScript("/vendor/socket.io.min.js").catch(() => null);
      loading = socket
        .then(() => (window.BackboneChat ? null : loadScript("/chat.js")))
        .then(() => window.BackboneChat.mount(shadow, { base, state: host }))
        .catch(() => {
          shadow.getElementById("connection").textContent = "The chat couldn't start. Please reload the page.";
        });
    }
    return loading;
  }

  function remember(open) {
    try {
      sessionStorage.setItem(OPEN_KEY, open ? "1" : "0");
    } catch (error) {
      // Without storage the panel starts closed after a reload.
    }
  }

  function setOpen(open, focus = true) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    host.dataset.open = String(open);
    remember(open);
    if (open) {
      startChat();
      if (focus) shadow.getElementById("message").focus();
    } else if (focus) {
      launcher.focus();
    }
  }

  function install() {
    host = el("div", { id: "backbone-widget" });
    shadow = host.attachShadow({ mode: "open" });
    launcher = el("button", {
      type: "button",
      class: "launcher",
      "aria-expanded": "false",
      "aria-controls": "backbone-panel",
    }, "Chat with Backbone");
    launcher.addEventListener("click", () => setOpen(panel.hidden));
    panel = buildPanel();
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false);
      }
    });
    shadow.append(stylesheet("/chat.css"), stylesheet("/widget.css"), panel, launcher);
    document.body.append(host);
    let wasOpen = false;
    try {
      wasOpen = sessionStorage.getItem(OPEN_KEY) === "1";
    } catch (error) {
      wasOpen = false;
    }
    if (wasOpen) setOpen(true, false);
    window.BackboneWidget = { open: () => setOpen(true), close: () => setOpen(false) };
  }

  if (document.body) install();
  else document.addEventListener("DOMContentLoaded", install);
})();
