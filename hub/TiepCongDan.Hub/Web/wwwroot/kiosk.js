// One kiosk: live readings and peripherals (polled), 24-hour history charts as inline SVG, recent
// alerts and sessions, the latest self-test, and remote commands with a confirmation dialog.
"use strict";
(function () {
  const { t } = TCD;
  const id = new URLSearchParams(location.search).get("id") || "";
  const enc = encodeURIComponent(id);
  const M = {
    cpu: "System/CPU Load", temp: "System/CPU Temperature", mem: "System/Memory Available", disk: "System/Disk Free",
    rtt: "Network/Hub RTT", clock: "Clock/Synced", uptime: "System/Uptime", version: "Properties/Service Version",
    session: "Media/Session", uplink: "Media/Uplink State", kbps: "Media/Uplink kbps", loss: "Media/Uplink Loss %", pending: "Media/Pending Segments",
  };
  const COMMANDS = ["selftest", "collect-logs", "rebirth", "restart-media", "restart-service", "reboot", "screenshot", "camera-still"];
  const DISRUPTIVE = new Set(["restart-media", "restart-service", "reboot"]);
  const PRIVACY = new Set(["screenshot", "camera-still"]);
  const LIVE_POINTS = 600;
  let device = null;
  let history = [];
  const liveSeries = { loss: [], kbps: [] };
  const errorBox = document.getElementById("error");

  function showError(text) { errorBox.textContent = text || ""; errorBox.hidden = !text; }
  function setTitle() {
    document.getElementById("title").textContent = t("kiosk.title", id);
    document.title = t("kiosk.title", id);
  }

  // ---- live readings and peripherals -------------------------------------------------------
  function row(dl, key, value) {
    const dt = document.createElement("dt");
    dt.textContent = t(key);
    const dd = document.createElement("dd");
    dd.dataset.metric = key;
    dd.textContent = value;
    dl.append(dt, dd);
  }
  function renderDevice() {
    if (!device) return;
    const m = device.metrics || {};
    const state = device.online ? "online" : "offline";
    const st = document.getElementById("kiosk-state");
    st.dataset.state = state;
    st.textContent = t("status." + state);
    // An offline kiosk's readings and peripherals are what it last said: shown, but greyed and labelled.
    document.getElementById("stale").hidden = device.online;
    for (const card of ["metrics-card", "peripherals-card"]) document.getElementById(card).classList.toggle("stale", !device.online);
    document.getElementById("kiosk-place").textContent = TCD.province(device.province) + " · " + t("fleet.commune") + " " + device.commune;
    document.getElementById("kiosk-last").textContent = t("col.last") + ": " + TCD.relative(device.lastSeen);
    const dl = document.getElementById("metrics");
    dl.textContent = "";
    row(dl, "m.cpu", TCD.fixed(m[M.cpu], 2));
    row(dl, "m.temp", TCD.num(m[M.temp]) === null ? "—" : TCD.fixed(m[M.temp], 1) + " °C");
    row(dl, "m.mem", TCD.gib(m[M.mem]));
    row(dl, "m.disk", TCD.gib(m[M.disk]));
    row(dl, "m.rtt", TCD.num(m[M.rtt]) === null ? "—" : Math.round(TCD.num(m[M.rtt])) + " ms");
    row(dl, "m.clock", m[M.clock] === true ? t("yes") : m[M.clock] === false ? t("no") : "—");
    row(dl, "m.uptime", TCD.num(m[M.uptime]) === null ? "—" : TCD.fixed(TCD.num(m[M.uptime]) / 3600, 1) + " h");
    row(dl, "m.version", typeof m[M.version] === "string" ? m[M.version] : "—");
    row(dl, "m.session", typeof m[M.session] === "string" && m[M.session] ? m[M.session] : "—");
    row(dl, "m.uplink", typeof m[M.uplink] === "string" && m[M.uplink] ? m[M.uplink] : "—");
    row(dl, "m.kbps", TCD.fixed(m[M.kbps], 0));
    row(dl, "m.loss", TCD.fixed(m[M.loss], 1));
    row(dl, "m.pending", TCD.fixed(m[M.pending], 0));
    const ul = document.getElementById("peripherals");
    ul.textContent = "";
    const names = Object.keys(device.devices || {}).sort();
    if (names.length === 0) { const li = document.createElement("li"); li.textContent = "—"; ul.appendChild(li); }
    for (const name of names) {
      const d = device.devices[name];
      const li = document.createElement("li");
      li.dataset.device = name;
      li.dataset.status = d.status;
      const label = document.createElement("strong");
      label.textContent = t("dev." + name) + ": ";
      const s = document.createElement("span");
      s.className = "st";
      s.textContent = t("devstatus." + d.status) + (d.reason ? " (" + d.reason + ")" : "");
      li.append(label, s);
      ul.appendChild(li);
    }
  }
  async function pollDevice() {
    const r = await TCD.json("/api/devices/" + enc);
    if (r.status === 404) { showError(t("kiosk.notFound", id)); return; }
    if (!r.ok) return;
    device = await r.json();
    const m = device.metrics || {};
    const now = Date.now();
    for (const key of ["loss", "kbps"]) {
      const v = TCD.num(m[M[key]]);
      if (v !== null && !isNaN(v)) { liveSeries[key].push([now, v]); if (liveSeries[key].length > LIVE_POINTS) liveSeries[key].shift(); }
    }
    renderDevice();
    renderCharts();
  }

  // ---- charts ---------------------------------------------------------------------------------
  // A line over time in a 300x100 box; the labels (last, min, max) are HTML so they never stretch.
  function chart(key, points, note) {
    const fig = document.createElement("figure");
    fig.className = "chart";
    fig.dataset.chart = key;
    const cap = document.createElement("figcaption");
    const values = points.map(p => p[1]);
    const fmt = v => TCD.fixed(v, Math.abs(v) < 100 ? 1 : 0);
    cap.textContent = t("chart." + key) + (note ? " (" + t(note) + ")" : "") + (values.length
      ? ": " + fmt(values[values.length - 1]) + " · min " + fmt(Math.min(...values)) + " · max " + fmt(Math.max(...values)) : "");
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 300 100");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("chart." + key));
    if (points.length) {
      const t0 = points[0][0], t1 = points[points.length - 1][0];
      let lo = Math.min(...values), hi = Math.max(...values);
      if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
      const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
      line.setAttribute("points", points.map(p => {
        const x = t1 > t0 ? ((p[0] - t0) / (t1 - t0)) * 296 + 2 : 150;
        const y = 96 - ((p[1] - lo) / (hi - lo)) * 92;
        return x.toFixed(1) + "," + y.toFixed(1);
      }).join(" "));
      line.dataset.count = String(points.length);
      svg.appendChild(line);
    } else {
      const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
      text.setAttribute("x", "150");
      text.setAttribute("y", "55");
      text.setAttribute("text-anchor", "middle");
      text.textContent = t("chart.noData");
      svg.appendChild(text);
    }
    fig.append(cap, svg);
    if (points.length) {
      const axis = document.createElement("div");
      axis.className = "axis";
      const clock = ms => new Date(ms).toLocaleTimeString(TCD.locale(), { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" });
      const from = document.createElement("span");
      from.textContent = clock(points[0][0]);
      const to = document.createElement("span");
      to.textContent = clock(points[points.length - 1][0]);
      axis.append(from, to);
      fig.appendChild(axis);
    }
    return fig;
  }
  function series(field, scale) {
    return history.filter(h => h[field] !== null && h[field] !== undefined).map(h => [Date.parse(h.timestamp), h[field] * (scale || 1)]);
  }
  // The stored history (sampled by the hub while a session streams), then what arrived since the page loaded it.
  function withLive(stored, live) {
    const last = stored.length ? stored[stored.length - 1][0] : -Infinity;
    return stored.concat(live.filter(p => p[0] > last));
  }
  function renderCharts() {
    const host = document.getElementById("charts");
    host.replaceChildren(
      chart("temp", series("cpuTemperature")),
      chart("rtt", series("hubRtt")),
      chart("loss", withLive(series("uplinkLossPercent"), liveSeries.loss)),
      chart("kbps", withLive(series("uplinkKbps"), liveSeries.kbps)),
      chart("disk", series("diskFree", 1 / 1073741824)));
  }
  async function loadHistory() {
    const r = await TCD.json("/api/devices/" + enc + "/history");
    if (r.ok) history = await r.json();
    renderCharts();
  }

  // ---- alerts, sessions, self-test ------------------------------------------------------------
  function td(tr, text, cls) { const c = document.createElement("td"); c.textContent = text; if (cls) c.className = cls; tr.appendChild(c); return c; }
  async function loadAlerts() {
    const r = await TCD.json("/api/alerts/history?kiosk=" + enc + "&limit=20");
    if (!r.ok) return;
    const list = await r.json();
    const tbody = document.querySelector("#alerts tbody");
    tbody.replaceChildren(...list.map(a => {
      const tr = document.createElement("tr");
      tr.dataset.alertId = a.id;
      tr.dataset.severity = a.severity;
      td(tr, TCD.time(a.openedAt));
      td(tr, t("severity." + a.severity), "severity");
      td(tr, TCD.lang() === "en" ? a.messageEn : a.message, "message");
      td(tr, t("alertstate." + a.state) + (a.acknowledgedBy ? " — " + a.acknowledgedBy + (a.comment ? ": " + a.comment : "") : ""), "state");
      return tr;
    }));
    document.getElementById("alerts-empty").hidden = list.length > 0;
  }
  async function loadSessions() {
    const r = await TCD.json("/api/reception/sessions?kiosk=" + enc + "&limit=10");
    if (!r.ok) return;
    const list = await r.json();
    const tbody = document.querySelector("#sessions tbody");
    tbody.replaceChildren(...list.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.sessionId = s.sessionId;
      td(tr, TCD.time(s.startedAt));
      td(tr, s.stateName || s.state);
      td(tr, s.caseKindName || "—");
      td(tr, s.staff || "—");
      td(tr, s.ratingName || "—");
      const archive = td(tr, "");
      if (s.archiveReference) {
        const a = document.createElement("a");
        a.href = "/sessions.html?kiosk=" + enc;
        a.textContent = s.archiveSealed ? "✔ " + s.archiveReference : s.archiveReference;
        archive.appendChild(a);
      } else archive.textContent = "—";
      return tr;
    }));
    document.getElementById("sessions-empty").hidden = list.length > 0;
  }
  async function loadSelfTest() {
    const r = await TCD.json("/api/devices/" + enc + "/selftest");
    const p = document.getElementById("selftest");
    if (!r.ok) { p.textContent = t("selftest.none"); p.dataset.passed = ""; return; }
    const v = await r.json();
    p.dataset.passed = String(v.passed);
    p.className = v.passed ? "" : "bad";
    p.textContent = (v.passed ? t("selftest.passed") : t("selftest.failed", (v.failedChecks || []).join(", "))) + " · " + t("selftest.at", TCD.time(v.finishedAt)) + " · " + v.version;
  }

  // ---- remote commands --------------------------------------------------------------------------
  const dialog = document.getElementById("confirm");
  function confirmCommand(command) {
    return new Promise(resolve => {
      document.getElementById("confirm-text").textContent = t("cmd.confirmText", t("cmd." + command), id);
      document.getElementById("confirm-disruptive").hidden = !DISRUPTIVE.has(command);
      document.getElementById("confirm-privacy").hidden = !PRIVACY.has(command);
      document.getElementById("confirm-comment").value = "";
      dialog.returnValue = "";
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "send" ? document.getElementById("confirm-comment").value.trim() : null), { once: true });
      dialog.showModal();
    });
  }
  function logEntry(command) {
    const li = document.createElement("li");
    li.dataset.command = command;
    document.getElementById("command-log").prepend(li);
    return li;
  }
  function showState(li, command, result) {
    li.dataset.state = result.state;
    li.textContent = TCD.time(new Date().toISOString()) + " · " + t("cmd." + command) + ": " + t("cmd.state." + result.state) + (result.message ? " — " + result.message : "");
    const artifact = typeof result.artifact === "string" ? result.artifact : result.artifact && (result.artifact.url || result.artifact.href);
    if (artifact) {
      const a = document.createElement("a");
      a.href = artifact;
      a.textContent = " " + t("cmd.artifact");
      a.target = "_blank";
      li.append(" ", a);
    }
  }
  async function send(command) {
    const comment = await confirmCommand(command);
    if (comment === null) return;
    const li = logEntry(command);
    const r = await TCD.json("/api/devices/" + enc + "/commands", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ command, confirm: true, comment }),
    });
    if (!r.ok) {
      li.dataset.state = "error";
      li.className = "error";
      li.textContent = t("cmd." + command) + ": " + (r.status === 409 ? t("cmd.err.409") : r.status === 428 ? t("cmd.err.428") : r.status === 403 ? t("cmd.err.403") : t("cmd.err", r.status));
      return;
    }
    let result = await r.json().catch(() => ({}));
    if (!result.state) result.state = "sent";
    showState(li, command, result);
    const deadline = Date.now() + 180000;
    while (result.id && result.state === "sent" && Date.now() < deadline) {
      await new Promise(res => setTimeout(res, 1500));
      const poll = await TCD.json("/api/commands/" + encodeURIComponent(result.id));
      if (!poll.ok) continue;
      result = Object.assign({ id: result.id }, await poll.json());
      showState(li, command, result);
    }
  }
  async function setupCommands() {
    const who = await TCD.me();
    const allowed = who && (who.role === "operator" || who.role === "admin");
    document.getElementById("commands-viewer").hidden = !!allowed;
    const box = document.getElementById("commands");
    box.hidden = !allowed;
    if (!allowed) return;
    for (const command of COMMANDS) {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.command = command;
      b.dataset.i18n = "cmd." + command;
      b.textContent = t("cmd." + command);
      b.addEventListener("click", () => send(command));
      box.appendChild(b);
    }
  }

  setTitle();
  if (!/^[0-9]{2}-[0-9]{5}(-[0-9]{2})?$/.test(id)) { showError(t("kiosk.notFound", id)); return; }
  TCD.onLang(() => { setTitle(); renderDevice(); renderCharts(); loadAlerts(); loadSelfTest(); });
  pollDevice();
  loadHistory();
  loadAlerts();
  loadSessions();
  loadSelfTest();
  setupCommands();
  setInterval(pollDevice, 3000);
  setInterval(loadHistory, 60000);
  setInterval(loadAlerts, 15000);
})();
