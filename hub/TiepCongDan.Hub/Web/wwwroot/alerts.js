// Alerts: the active ones (open or acknowledged, not yet cleared) and the history; an operator
// acknowledges one with a comment saying what was or will be done (POST /api/alerts/{id}/ack).
"use strict";
(function () {
  const { t } = TCD;
  const tbody = document.querySelector("#alerts tbody");
  const status = document.getElementById("alert-status");
  const form = document.getElementById("alert-filters");
  let canAck = false;
  let last = [];

  function td(tr, text, cls) { const c = document.createElement("td"); c.textContent = text; if (cls) c.className = cls; tr.appendChild(c); return c; }
  function ackForm(a) {
    const f = document.createElement("form");
    f.className = "ack-form";
    const input = document.createElement("input");
    input.name = "comment";
    input.required = true;
    input.maxLength = 1000;
    input.placeholder = t("alerts.comment");
    input.setAttribute("aria-label", t("alerts.comment") + " " + a.kioskId);
    const b = document.createElement("button");
    b.type = "submit";
    b.textContent = t("alerts.ack");
    f.append(input, b);
    f.addEventListener("submit", async e => {
      e.preventDefault();
      const comment = input.value.trim();
      if (!comment) { input.focus(); return; }
      b.disabled = true;
      const r = await TCD.json("/api/alerts/" + a.id + "/ack", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ comment }),
      });
      if (r.ok || r.status === 409) {
        status.textContent = r.ok ? t("alerts.ackDone") : t("alerts.ackError", r.status);
        await load();
      } else {
        b.disabled = false;
        status.textContent = t("alerts.ackError", r.status);
      }
    });
    return f;
  }
  function render() {
    tbody.replaceChildren(...last.map(a => {
      const tr = document.createElement("tr");
      tr.dataset.alertId = a.id;
      tr.dataset.state = a.state;
      tr.dataset.severity = a.severity;
      td(tr, TCD.time(a.openedAt));
      const k = td(tr, "");
      const link = document.createElement("a");
      link.href = "/kiosk.html?id=" + encodeURIComponent(a.kioskId);
      link.textContent = a.kioskId;
      k.appendChild(link);
      td(tr, TCD.province(a.province));
      td(tr, t("severity." + a.severity), "severity");
      td(tr, TCD.lang() === "en" ? a.messageEn : a.message, "message");
      td(tr, t("alertstate." + a.state) + (a.closedAt ? " · " + TCD.time(a.closedAt) : ""), "state");
      const ack = td(tr, "", "ack");
      if (a.acknowledgedBy) ack.textContent = t("alerts.ackBy", a.acknowledgedBy, a.comment || "");
      else if (a.state === "open" && canAck) ack.appendChild(ackForm(a));
      else ack.textContent = "—";
      return tr;
    }));
    document.getElementById("alerts-empty").hidden = last.length > 0;
    document.getElementById("alert-count").textContent = t("alerts.count", last.length);
  }
  async function load() {
    const state = document.getElementById("alert-state").value;
    const kiosk = document.getElementById("alert-kiosk").value.trim();
    const params = new URLSearchParams({ state, limit: "500" });
    if (kiosk) params.set("kiosk", kiosk);
    const r = await TCD.json((state === "active" ? "/api/alerts?" : "/api/alerts/history?") + params.toString());
    if (!r.ok) { status.textContent = t("alerts.ackError", r.status); return; }
    last = await r.json();
    render();
  }
  form.addEventListener("submit", e => { e.preventDefault(); load(); });
  document.getElementById("alert-state").addEventListener("change", load);
  TCD.onLang(render);
  const kioskParam = new URLSearchParams(location.search).get("kiosk");
  if (kioskParam) document.getElementById("alert-kiosk").value = kioskParam;
  TCD.me().then(who => { canAck = !!who && (who.role === "operator" || who.role === "admin"); return load(); });
  // Refresh unless the operator is typing a comment.
  setInterval(() => { if (!tbody.contains(document.activeElement)) load(); }, 15000);
})();
