// Backbone's chat widget: plain JavaScript, no framework, no innerHTML with any message text.
//
// Talks to Rasa over its socket.io channel (session_persistence: the sender id kept in
// localStorage is the session id), or over the REST channel when the socket.io client is
// missing or /config.json says so. The id comes from this page's server (POST /api/sessions)
// with a key that proves this browser was given it; history and the triage level come from
// that server too (/api/conversations/<id>, with the key), which reads Rasa's tracker. Rasa's
// socket.io channel joins the session only with the same key (session_request {session_id, key});
// a refused key (session_refused) starts a new conversation, as a refused history does. The REST
// fallback sends the key in X-Backbone-Key with each message, and Rasa's REST channel then uses
// the same conversation as socket.io.
//
// `BackboneChat.mount(root, options)` runs the chat in `root` (the page's document, or the
// shadow root of the embeddable widget, web/public/widget.js): `options.base` is the page
// server's origin ("" on the page itself), `options.state` the element that gets the
// data-ready / data-transport attributes.
"use strict";

(function () {
  const SESSION_KEY = "backbone-session"; // {"sender": id, "key": the page server's key}
  const OLD_SENDER_KEY = "backbone-sender"; // an id without a key, from before keys
  const QUIET_MS = 1500; // a turn is over when no bot message came for this long
  const NO_REPLY_MS = 60000; // give up waiting for a first reply after this long
  const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;
  const BULLET = /^\s*[•\-*–]\s+(.*)$/;
  // Files of this page's server that bot messages point at (exercise pictures, the plan).
  const PICTURE_PATH = /^\/pictures\/([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:svg|png)$/;
  const PLAN_PATH = /^\/plan\/[A-Za-z0-9_-]{1,65}$/;

  // (The body of mount() keeps the page script's old indentation, so its history stays readable.)
  function mount(root, options) {
  const base = (options && options.base) || "";
  const stateElement = (options && options.state) || document.body;
  const log = root.getElementById("log");
  const form = root.getElementById("composer");
  const input = root.getElementById("message");
  const hint = root.getElementById("message-hint");
  const hintText = hint.textContent;
  const typing = root.getElementById("typing");
  const connection = root.getElementById("connection");
  const banner = root.getElementById("emergency");

  let sender = null;
  let key = null;
  let transport = null;
  let waiting = false;
  let quietTimer = null;
  let noReplyTimer = null;

  function storedSession() {
    try {
      localStorage.removeItem(OLD_SENDER_KEY);
      const stored = JSON.parse(localStorage.getItem(SESSION_KEY) || "null");
      if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored.sender) && typeof stored.key === "string") {
        return stored;
      }
    } catch (error) {
      // No storage (private mode) or a damaged value: a new session.
    }
    return null;
  }

  async function newSession() {
    const response = await fetch(base + "/api/sessions", { method: "POST" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const session = await response.json();
    try {
      localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (error) {
      // Private mode without storage: the conversation lasts as long as the page.
    }
    return session;
  }

  function useSession(session) {
    sender = session.sender;
    key = session.key;
  }

  // The same conversation whatever the transport: Rasa's REST channel, given the key, uses the
  // socket.io channel's conversation for this id.
  function conversationUrl(suffix) {
    return base + "/api/conversations/" + encodeURIComponent(sender) + (suffix || "");
  }

  function withKey() {
    return { headers: { "X-Backbone-Key": key } };
  }

  // --- rendering --------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Bot text as blocks: blank lines split paragraphs; "1. step" lines become an ordered list,
  // "• tip" lines a bullet list; a short line ending in ":" is a label; other lines keep
  // their line breaks. Everything goes in through textContent.
  function renderBotText(container, text) {
    const blocks = String(text).split(/\n\s*\n/);
    for (const block of blocks) {
      let list = null;
      let listKind = null;
      let paragraph = null;
      for (const rawLine of block.split("\n")) {
        const line = rawLine.trimEnd();
        if (!line.trim()) continue;
        const numbered = line.match(NUMBERED);
        const bullet = numbered ? null : line.match(BULLET);
        if (numbered || bullet) {
          const kind = numbered ? "ol" : "ul";
          if (!list || listKind !== kind) {
            list = el(kind);
            listKind = kind;
            if (numbered && numbered[1] !== "1") list.start = Number(numbered[1]);
            container.append(list);
          }
          list.append(el("li", null, numbered ? numbered[2] : bullet[1]));
          paragraph = null;
          continue;
        }
        list = null;
        listKind = null;
        if (line.length <= 60 && line.endsWith(":")) {
          container.append(el("p", "label", line));
          paragraph = null;
          continue;
        }
        if (paragraph) {
          paragraph.append(document.createElement("br"), document.createTextNode(line));
        } else {
          paragraph = el("p", null, line);
          container.append(paragraph);
        }
      }
    }
  }

  function addMessage(from, text, buttons) {
    const item = el("div", "message " + from);
    item.append(el("span", "visually-hidden", from === "user" ? "You said: " : "Backbone said: "));
    const body = el("div", "bubble");
    if (from === "bot") {
      renderBotText(body, text);
    } else {
      body.append(el("p", null, text));
    }
    item.append(body);
    log.append(item);
    if (buttons && buttons.length) addQuickReplies(buttons);
    scrollToEnd();
    return item;
  }

  // --- pictures, the hold timer and the plan to keep ---------------------------------------

  // A URL of the page server's own pictures or plan, loaded from the server this chat talks to
  // (its public address may differ from how the assistant named it); anything else: null.
  function serverUrl(src, pattern) {
    let url;
    try {
      url = new URL(String(src), window.location.href);
    } catch (error) {
      return null;
    }
    if (!/^https?:$/.test(url.protocol) || !pattern.test(url.pathname)) return null;
    return base + url.pathname + url.search;
  }

  // The bubble of the latest bot message, which an image or a link that follows belongs to.
  function lastBotBubble() {
    const last = log.lastElementChild;
    return last && last.classList.contains("bot") ? last.querySelector(".bubble") : null;
  }

  function addPicture(src) {
    const url = serverUrl(src, PICTURE_PATH);
    if (!url) return false;
    const slug = new URL(url, window.location.href).pathname.match(PICTURE_PATH)[1];
    let bubble = lastBotBubble();
    if (!bubble || bubble.querySelector(".exercise-picture")) {
      bubble = addMessage("bot", "", []).querySelector(".bubble");
    }
    // The card's text and the picture side by side (stacked on a phone).
    const text = el("div", "card-text");
    text.append(...bubble.childNodes);
    const figure = el("figure", "exercise-picture");
    const image = el("img");
    image.alt = "Start and end position of the exercise";
    image.width = 460;
    image.height = 210;
    image.src = url;
    figure.append(image);
    bubble.append(text, figure);
    bubble.classList.add("with-picture");
    describeExercise(slug, image, figure);
    return true;
  }

  async function describeExercise(slug, image, figure) {
    try {
      const response = await fetch(base + "/api/exercises/" + encodeURIComponent(slug));
      if (!response.ok) return;
      const facts = await response.json();
      image.alt = facts.title + ". " + facts.alt;
      if (facts.hold_seconds) figure.append(holdTimer(facts.hold_seconds, facts.name));
    } catch (error) {
      // The picture keeps its short alt text; no timer.
    }
  }

  // "Start 20 s": counts one hold down, from the exercise's dose (never hard-coded here).
  function holdTimer(seconds, name) {
    const box = el("div", "hold-timer");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Hold timer for " + name);
    box.dataset.state = "ready";
    const startText = "Start " + seconds + " s";
    const button = el("button", "hold-button", startText);
    button.type = "button";
    const left = el("span", "hold-left", seconds + " s");
    left.setAttribute("role", "timer");
    left.setAttribute("aria-live", "off");
    const status = el("span", "visually-hidden");
    status.setAttribute("role", "status");
    let ticking = null;
    let endsAt = 0;
    function stop(state, shown, said) {
      clearInterval(ticking);
      ticking = null;
      box.dataset.state = state;
      left.textContent = shown;
      status.textContent = said;
      button.textContent = startText;
    }
    function tick() {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      left.textContent = remaining + " s left";
      if (remaining === 0) stop("done", "Done", "Time is up. Lower down and rest.");
    }
    button.addEventListener("click", () => {
      if (ticking) {
        stop("stopped", "Stopped", "Timer stopped.");
        return;
      }
      endsAt = Date.now() + seconds * 1000;
      box.dataset.state = "running";
      button.textContent = "Stop";
      status.textContent = "Hold for " + seconds + " seconds.";
      tick();
      ticking = setInterval(tick, 250);
    });
    box.append(button, left, status);
    return box;
  }

  function addDocumentLink(payload) {
    const url = payload && serverUrl(payload.src || "", PLAN_PATH);
    if (!url) return false;
    const bubble = lastBotBubble() || addMessage("bot", "", []).querySelector(".bubble");
    const link = el("a", "plan-link", "Open your plan to print or save");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener";
    const paragraph = el("p");
    paragraph.append(link);
    bubble.append(paragraph);
    return true;
  }

  function addQuickReplies(buttons) {
    clearQuickReplies();
    const group = el("div", "quick-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    for (const button of buttons) {
      const choice = el("button", "quick-reply", button.title || button.payload);
      choice.type = "button";
      choice.addEventListener("click", () => {
        clearQuickReplies();
        input.focus();
        send(button.payload, button.title || button.payload);
      });
      group.append(choice);
    }
    log.append(group);
  }

  function clearQuickReplies() {
    for (const group of log.querySelectorAll(".quick-replies")) group.remove();
  }

  function addNotice(text) {
    const notice = el("p", "notice", text);
    log.append(notice);
    scrollToEnd();
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function showEmergency(triage) {
    if (triage !== "emergency" || !banner.hidden) return;
    banner.replaceChildren();
    banner.append(el("strong", null, "This may be an emergency."));
    const text = el("p");
    text.append(
      "Call your local emergency number now (",
      telLink("999"), " in the UK, ", telLink("911"), " in the US, ", telLink("112"),
      " in Europe) or go to the nearest emergency department. Don't wait to see if it gets better."
    );
    banner.append(text);
    banner.hidden = false;
    scrollToEnd(); // the banner took height from the conversation: keep the latest in view
  }

  function telLink(number) {
    const link = el("a", null, number);
    link.href = "tel:" + number;
    return link;
  }

  // --- turn state ---------------------------------------------------------------------------

  function startWaiting() {
    waiting = true;
    typing.hidden = false;
    scrollToEnd();
    clearTimeout(quietTimer);
    clearTimeout(noReplyTimer);
    noReplyTimer = setTimeout(() => {
      endTurn();
      addNotice("Backbone hasn't answered. Please check your connection and try again.");
    }, NO_REPLY_MS);
  }

  function botMessageArrived() {
    clearTimeout(noReplyTimer);
    clearTimeout(quietTimer);
    if (waiting) {
      quietTimer = setTimeout(endTurn, QUIET_MS);
    } else {
      refreshState();
    }
  }

  function endTurn() {
    waiting = false;
    clearTimeout(quietTimer);
    clearTimeout(noReplyTimer);
    typing.hidden = true;
    refreshState();
  }

  async function refreshState() {
    try {
      const response = await fetch(conversationUrl("/state"), withKey());
      if (response.ok) showEmergency((await response.json()).triage);
    } catch (error) {
      // The banner is checked again after the next message.
    }
  }

  function onBotMessage(message) {
    const text = message.text || "";
    const buttons = (message.buttons || message.quick_replies || []).filter((b) => b && b.payload);
    if (text || buttons.length) addMessage("bot", text, buttons);
    const attachment = message.attachment && typeof message.attachment === "object" ? message.attachment : null;
    const payload = attachment && attachment.payload ? attachment.payload : {};
    const image = message.image || (attachment && attachment.type === "image" && payload.src);
    if (image && !addPicture(image)) addNotice("Backbone sent an image that this page cannot show.");
    if (attachment && attachment.type === "document") addDocumentLink(payload);
    botMessageArrived();
  }

  // --- transports ---------------------------------------------------------------------------

  function socketTransport(config) {
    let ready = false;
    let renewed = false; // a refused session was replaced once since the last confirmation
    const queue = []; // messages typed before the session was confirmed (without session_id)
    // HTTP long-polling only: Rasa 3.6 serves socket.io through Sanic 21.12, whose upgraded
    // websocket closes right after the handshake (the browser reports "Invalid frame header"),
    // so a websocket attempt would only add a failed request and a console error.
    const socket = window.io(config.rasaUrl, {
      path: config.socketPath || "/socket.io",
      transports: ["polling"],
      upgrade: false,
      reconnectionDelayMax: 10000,
    });
    connection.textContent = "Connecting…";
    // Rasa joins the session only with the key this page's server gave for the id.
    const requestSession = () => socket.emit("session_request", { session_id: sender, key });
    const emitMessage = (event) => socket.emit("user_uttered", { ...event, session_id: sender });
    socket.on("connect", requestSession);
    socket.on("session_confirm", () => {
      ready = true;
      renewed = false;
      connection.textContent = "";
      while (queue.length) emitMessage(queue.shift());
    });
    // Rasa does not accept this id's key (its secret is not the page server's any more): start a
    // new conversation, as when the history is refused; once, so a misconfiguration cannot loop.
    socket.on("session_refused", async () => {
      ready = false;
      if (renewed) {
        connection.textContent = "Backbone couldn't open a conversation. Please reload the page later.";
        return;
      }
      renewed = true;
      try {
        useSession(await newSession());
      } catch (error) {
        connection.textContent = "The chat couldn't start. Please reload the page.";
        return;
      }
      if (log.querySelector(".message")) {
        addNotice("The earlier conversation couldn't be continued, so this is a new one.");
      }
      if (!queue.length) {
        // A new conversation opens with the assistant's greeting (hidden, as at the start).
        startWaiting();
        queue.push({ message: "/greet", metadata: { hidden: true } });
      }
      requestSession();
    });
    socket.on("bot_uttered", onBotMessage);
    socket.on("disconnect", () => {
      ready = false;
      connection.textContent = "Connection lost. Reconnecting…";
    });
    socket.on("connect_error", () => {
      connection.textContent = "Can't reach Backbone yet. Retrying…";
    });
    return {
      name: "socketio",
      send(message, metadata) {
        const event = { message, metadata };
        if (ready) emitMessage(event);
        else queue.push(event);
      },
    };
  }

  function restTransport(config) {
    connection.textContent = "";
    return {
      name: "rest",
      async send(message, metadata) {
        let replies;
        try {
          const response = await fetch(config.rasaUrl + "/webhooks/rest/webhook", {
            method: "POST",
            // The key binds the id to this browser: without it Rasa would not use this page's
            // conversation (a wrong one is refused with 403).
            headers: { "Content-Type": "application/json", "X-Backbone-Key": key },
            body: JSON.stringify({ sender, message, metadata }),
          });
          // 503: the turn failed, but the body still says what to do (a red flag's reply too).
          if (!response.ok && response.status !== 503) throw new Error("HTTP " + response.status);
          replies = await response.json();
        } catch (error) {
          endTurn();
          addNotice("Sorry, Backbone couldn't be reached. Your message may not have arrived; please try again.");
          return;
        }
        for (const reply of replies) onBotMessage(reply);
        endTurn();
      },
    };
  }

  // --- sending ------------------------------------------------------------------------------

  function send(message, shown) {
    addMessage("user", shown);
    startWaiting();
    const metadata = shown !== message ? { display_text: shown } : {};
    transport.send(message, metadata);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) {
      hint.textContent = "Please type a message first.";
      input.focus();
      return;
    }
    hint.textContent = hintText;
    input.value = "";
    clearQuickReplies();
    send(text, text);
    input.focus();
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  input.addEventListener("input", () => {
    if (hint.textContent !== hintText && input.value.trim()) hint.textContent = hintText;
  });

  // --- start ------------------------------------------------------------------------------

  // The history of this browser's conversation; -2 when the server does not know this browser's
  // key any more (a new secret): the page then starts a new conversation.
  async function restore() {
    try {
      const response = await fetch(conversationUrl(""), withKey());
      if (response.status === 403) return -2;
      if (!response.ok) throw new Error("HTTP " + response.status);
      const history = await response.json();
      const messages = history.messages || [];
      messages.forEach((message, index) => {
        const last = index === messages.length - 1;
        if (message.text || message.from !== "bot") {
          addMessage(message.from, message.text, last && message.from === "bot" ? message.buttons : []);
        }
        if (message.image) addPicture(message.image);
        if (message.document) addDocumentLink(message.document);
      });
      showEmergency(history.triage);
      return messages.length;
    } catch (error) {
      addNotice("Earlier messages couldn't be loaded.");
      return -1;
    }
  }

  async function start() {
    const config = await (await fetch(base + "/config.json")).json();
    const useSocket = config.transport !== "rest" && typeof window.io === "function";
    const stored = storedSession();
    useSession(stored || (await newSession()));
    let restored = stored ? await restore() : 0;
    if (restored === -2) {
      useSession(await newSession());
      restored = 0;
    }
    transport = useSocket ? socketTransport(config) : restTransport(config);
    stateElement.dataset.transport = transport.name;
    if (restored === 0) {
      // A new conversation opens with the assistant's own greeting and buttons; the "/greet"
      // that asks for it is marked hidden, so a restored history does not show it.
      startWaiting();
      transport.send("/greet", { hidden: true });
    }
    stateElement.dataset.ready = "true";
  }

  start().catch(() => {
    connection.textContent = "The chat couldn't start. Please reload the page.";
  });
  }

  window.BackboneChat = { mount };
  // The chat page itself (index.html); the widget mounts into its own shadow root instead.
  if (!window.BackboneChatEmbedded && document.getElementById("log") && document.getElementById("composer")) {
    mount(document, { base: "", state: document.body });
  }
})();
