// Fleet overview: kiosks grouped by province then commune with counts, kept live by Server-Sent
// Events from /api/events. Built for 5,000 kiosks: events only queue ids, one requestAnimationFrame
// applies them (counts adjusted by difference, rows patched in place); a province's kiosk rows
// exist only while it is expanded.
"use strict";
(function () {
  const { t } = TCD;
  const M = {
    temp: "System/CPU Temperature", disk: "System/Disk Free", rtt: "Network/Hub RTT", clock: "Clock/Synced",
    throttled: "System/Throttled", session: "Media/Session", frozen: ["camera/Video/Frozen", "Video/Frozen"],
  };
  const HOT_CELSIUS = 80;
  const LOW_DISK_BYTES = 1073741824;
  const MAX_ROWS_PER_PROVINCE = 500;
  const AUTO_EXPAND_UP_TO = 200;
  const KINDS = ["total", "online", "degraded", "offline", "session"];

  const kiosks = new Map();   // id -> { dto, online, degraded, session, problems, search }
  const provinces = new Map(); // code -> { code, counts, communes: Map(code -> { counts, ids: Set }), expanded, el, body }
  const totals = zero();
  const pending = new Map(); // id -> latest dto, so a burst of one kiosk costs one update
  let frame = 0;
  let firstRender = false;
  let filter = { status: "", text: "" };
  const container = document.getElementById("provinces");
  const stats = window.__tcdFleetStats = { events: 0, flushes: 0, applied: 0 };

  function zero() { return { total: 0, online: 0, degraded: 0, offline: 0, session: 0 }; }
  function fold(text) { return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }

  // What makes an online kiosk "degraded": something a citizen would notice before sitting down.
  function assess(dto, old) {
    const m = dto.metrics || {};
    const problems = [];
    for (const [name, d] of Object.entries(dto.devices || {})) {
      if (d.status !== "present") problems.push(t("dev." + name) + ": " + t("devstatus." + d.status) + (d.reason ? " (" + d.reason + ")" : ""));
    }
    if (M.frozen.some(k => m[k] === true)) problems.push(t("problem.frozen"));
    if (m[M.clock] === false) problems.push(t("problem.clock"));
    const temp = TCD.num(m[M.temp]);
    if (temp !== null && temp >= HOT_CELSIUS) problems.push(t("problem.hot"));
    const disk = TCD.num(m[M.disk]);
    if (disk !== null && disk < LOW_DISK_BYTES) problems.push(t("problem.disk"));
    const throttled = TCD.num(m[M.throttled]);
    if (throttled) problems.push(t("problem.throttled"));
    const session = typeof m[M.session] === "string" && m[M.session] !== "";
    return {
      dto, online: dto.online, degraded: dto.online && problems.length > 0, session: dto.online && session, problems,
      // Folding (NFD) per event would cost more than the rest: reused while the commune stays.
      search: old && old.dto.commune === dto.commune ? old.search : fold(dto.deviceId + " " + dto.commune + " " + dto.province + " " + TCD.provinceName(dto.province)),
    };
  }
  function add(counts, k, sign) {
    counts.total += sign;
    if (k.online) counts.online += sign; else counts.offline += sign;
    if (k.degraded) counts.degraded += sign;
    if (k.session) counts.session += sign;
  }
  function statusOf(k) { return !k.online ? "offline" : k.session ? "session" : k.degraded ? "degraded" : "online"; }
  function matches(k) {
    if (filter.status && !(filter.status === "online" ? k.online : filter.status === "offline" ? !k.online : k[filter.status])) return false;
    return !filter.text || k.search.includes(filter.text);
  }
  function filtering() { return filter.status !== "" || filter.text !== ""; }

  // One kiosk's new state: counts move by difference; the province is marked for its header and rows.
  function apply(dto, dirty) {
    const old = kiosks.get(dto.deviceId);
    const k = assess(dto, old);
    let p = provinces.get(dto.province);
    if (!p) {
      p = {
        code: dto.province, counts: zero(), communes: new Map(), expanded: false, el: null, body: null,
        rows: new Map(), communeBoxes: new Map(), dirtyCommunes: new Set(), rebuild: true,
      };
      provinces.set(dto.province, p);
    }
    if (old) {
      add(totals, old, -1);
      const op = provinces.get(old.dto.province);
      add(op.counts, old, -1);
      const oc = op.communes.get(old.dto.commune);
      add(oc.counts, old, -1);
      if (old.dto.commune !== dto.commune) { oc.ids.delete(dto.deviceId); p.rebuild = true; }
    } else {
      p.rebuild = true;
    }
    let c = p.communes.get(dto.commune);
    if (!c) { c = { counts: zero(), ids: new Set() }; p.communes.set(dto.commune, c); p.rebuild = true; }
    c.ids.add(dto.deviceId);
    add(totals, k, 1);
    add(p.counts, k, 1);
    add(c.counts, k, 1);
    kiosks.set(dto.deviceId, k);
    dirty.add(p);
    p.dirtyCommunes.add(dto.commune);
    if (p.expanded && !p.rebuild) {
      const row = p.rows.get(dto.deviceId);
      // A kiosk without a row is either filtered out or past the row cap: only one that starts
      // matching needs the rows rebuilt, not every update of a capped kiosk.
      if (row) { fillRow(row, k); row.hidden = !matches(k); } else if (matches(k) && !(old && matches(old))) p.rebuild = true;
    }
  }

  function countSpans(counts, cls) {
    const box = document.createElement("span");
    box.className = "group-counts " + cls;
    for (const kind of KINDS) {
      const s = document.createElement("span");
      s.className = "c-" + kind;
      s.dataset.count = kind;
      s.title = t("count." + kind);
      s.textContent = counts[kind];
      box.appendChild(s);
    }
    return box;
  }
  function setCounts(box, counts) {
    for (const s of box.children) { const v = String(counts[s.dataset.count]); if (s.textContent !== v) s.textContent = v; }
  }

  function provinceElement(p) {
    const section = document.createElement("section");
    section.className = "province";
    section.dataset.province = p.code;
    const head = document.createElement("button");
    head.type = "button";
    head.className = "province-head";
    head.setAttribute("aria-expanded", "false");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = TCD.province(p.code);
    head.append(name, countSpans(p.counts, "province-counts"));
    head.addEventListener("click", () => toggle(p, !p.expanded));
    const body = document.createElement("div");
    body.className = "province-body";
    body.hidden = true;
    section.append(head, body);
    p.el = section;
    p.body = body;
    p.head = head;
    return section;
  }

  function toggle(p, expanded) {
    p.expanded = expanded;
    p.head.setAttribute("aria-expanded", String(expanded));
    p.body.hidden = !expanded;
    if (expanded) buildBody(p); else { p.body.textContent = ""; p.rows.clear(); p.communeBoxes.clear(); p.rebuild = true; }
  }

  function headerRow() {
    const tr = document.createElement("tr");
    for (const key of ["col.kiosk", "col.status", "col.last", "col.temp", "col.rtt", "col.disk", "col.problems"]) {
      const th = document.createElement("th");
      th.dataset.i18n = key;
      th.textContent = t(key);
      tr.appendChild(th);
    }
    return tr;
  }

  // The communes and kiosk rows of an expanded province (only the matching ones, capped).
  function buildBody(p) {
    p.rebuild = false;
    p.rows.clear();
    p.communeBoxes.clear();
    p.dirtyCommunes.clear();
    const fragment = document.createDocumentFragment();
    let shown = 0, hiddenByCap = 0;
    const communes = Array.from(p.communes.keys()).sort();
    for (const code of communes) {
      const c = p.communes.get(code);
      const ids = Array.from(c.ids).sort().filter(id => matches(kiosks.get(id)));
      if (ids.length === 0) continue;
      const block = document.createElement("div");
      block.className = "commune";
      block.dataset.commune = code;
      const h = document.createElement("h3");
      const label = document.createElement("span");
      label.className = "name";
      label.textContent = t("fleet.commune") + " " + code;
      const box = countSpans(c.counts, "commune-counts");
      p.communeBoxes.set(code, box);
      h.append(label, box);
      const table = document.createElement("table");
      table.className = "kiosks";
      const thead = document.createElement("thead");
      thead.appendChild(headerRow());
      const tbody = document.createElement("tbody");
      for (const id of ids) {
        if (shown >= MAX_ROWS_PER_PROVINCE) { hiddenByCap++; continue; }
        const row = document.createElement("tr");
        row.dataset.kioskId = id;
        fillRow(row, kiosks.get(id));
        tbody.appendChild(row);
        p.rows.set(id, row);
        shown++;
      }
      table.append(thead, tbody);
      block.append(h, table);
      fragment.appendChild(block);
    }
    if (hiddenByCap > 0) {
      const more = document.createElement("p");
      more.className = "more";
      more.textContent = t("fleet.more", hiddenByCap);
      fragment.appendChild(more);
    }
    p.body.replaceChildren(fragment);
  }

  function cell(row, index, cls) {
    let td = row.children[index];
    if (!td) { td = document.createElement("td"); td.className = cls; row.appendChild(td); }
    return td;
  }
  function text(td, value) { if (td.textContent !== value) td.textContent = value; }
  function fillRow(row, k) {
    const m = k.dto.metrics || {};
    const state = k.online ? "online" : "offline";
    row.dataset.state = state;
    row.dataset.health = k.degraded ? "degraded" : "ok";
    row.dataset.session = String(k.session);
    row.dataset.lastSeen = k.dto.lastSeen || "";
    const id = cell(row, 0, "id");
    if (!id.firstChild) {
      const a = document.createElement("a");
      a.href = "/kiosk.html?id=" + encodeURIComponent(k.dto.deviceId);
      a.textContent = k.dto.deviceId;
      id.appendChild(a);
    }
    const st = cell(row, 1, "state");
    st.dataset.state = state;
    text(st, t("status." + state) + (k.session ? " · " + t("status.session") : k.degraded ? " · " + t("status.degraded") : ""));
    text(cell(row, 2, "last"), TCD.relative(k.dto.lastSeen));
    const temp = TCD.num(m[M.temp]);
    const tempCell = cell(row, 3, "temp");
    text(tempCell, temp === null ? "—" : TCD.fixed(temp, 1) + " °C");
    tempCell.classList.toggle("bad", temp !== null && temp >= HOT_CELSIUS);
    const rtt = TCD.num(m[M.rtt]);
    text(cell(row, 4, "rtt"), rtt === null ? "—" : Math.round(rtt) + " ms");
    const disk = TCD.num(m[M.disk]);
    const diskCell = cell(row, 5, "disk");
    text(diskCell, TCD.gib(disk));
    diskCell.classList.toggle("bad", disk !== null && disk < LOW_DISK_BYTES);
    const problems = cell(row, 6, "devices");
    text(problems, k.problems.length ? k.problems.join("; ") : "—");
    problems.classList.toggle("bad", k.problems.length > 0);
  }

  function renderTotals() {
    for (const kind of KINDS) {
      const el = document.getElementById("count-" + kind);
      const v = String(totals[kind]);
      if (el.textContent !== v) el.textContent = v;
    }
    document.getElementById("empty").hidden = kiosks.size > 0;
  }

  // A province shows when any of its kiosks matches; with a search it opens by itself.
  function placeProvince(p) {
    if (!p.el) {
      provinceElement(p);
      const after = Array.from(container.children).find(el => el.dataset.province > p.code);
      container.insertBefore(p.el, after || null);
      if (kiosks.size <= AUTO_EXPAND_UP_TO) toggle(p, true);
    }
    setCounts(p.head.querySelector(".province-counts"), p.counts);
    if (filtering()) {
      let any = false;
      for (const c of p.communes.values()) { for (const id of c.ids) { if (matches(kiosks.get(id))) { any = true; break; } } if (any) break; }
      p.el.hidden = !any;
    } else {
      p.el.hidden = false;
    }
    if (p.expanded) {
      if (p.rebuild) buildBody(p);
      else for (const code of p.dirtyCommunes) { const box = p.communeBoxes.get(code); if (box) setCounts(box, p.communes.get(code).counts); }
    }
    p.dirtyCommunes.clear();
  }

  function flush() {
    frame = 0;
    stats.flushes++;
    const dirty = new Set();
    for (const dto of pending.values()) { apply(dto, dirty); stats.applied++; }
    pending.clear();
    dirty.forEach(placeProvince);
    renderTotals();
  }
  function schedule() { if (!frame) frame = requestAnimationFrame(flush); }

  function refilter() {
    filter = { status: document.getElementById("status-filter").value, text: fold(document.getElementById("search").value.trim()) };
    let visible = 0;
    for (const p of provinces.values()) {
      if (filter.text && !p.expanded) toggle(p, true);
      p.rebuild = true;
      placeProvince(p);
      if (!p.el.hidden) visible++;
    }
    document.getElementById("no-match").hidden = visible > 0 || kiosks.size === 0;
  }
  let searchTimer = 0;
  document.getElementById("search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(refilter, 200); });
  document.getElementById("status-filter").addEventListener("change", refilter);
  document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); refilter(); });
  document.getElementById("expand-all").addEventListener("click", () => provinces.forEach(p => { if (!p.expanded) toggle(p, true); }));
  document.getElementById("collapse-all").addEventListener("click", () => provinces.forEach(p => { if (p.expanded) toggle(p, false); }));

  const status = document.getElementById("connection");
  let live = false;
  // A province-scoped user sees only their provinces (the hub's scope decides what it sends; this
  // keeps the page right whatever the stream carries).
  let allowed = null;
  function visible(dto) { return allowed === null || allowed.has(dto.province); }
  function connect() {
    const source = new EventSource("/api/events");
    source.addEventListener("snapshot", e => {
      performance.mark("tcd-fleet-snapshot");
      for (const dto of JSON.parse(e.data)) if (visible(dto)) pending.set(dto.deviceId, dto);
      live = true;
      status.dataset.i18n = "conn.live";
      status.textContent = t("conn.live");
      if (frame) cancelAnimationFrame(frame);
      flush();
      if (!firstRender) {
        firstRender = true;
        // "Meaningful render": counts and the first province rows are in the DOM and painted.
        requestAnimationFrame(() => setTimeout(() => performance.mark("tcd-fleet-first-render"), 0));
      }
    });
    source.addEventListener("kiosk", e => {
      stats.events++;
      const dto = JSON.parse(e.data);
      if (!visible(dto)) return;
      pending.set(dto.deviceId, dto);
      if (live) schedule();
    });
    source.onerror = () => { status.dataset.i18n = "conn.lost"; status.textContent = t("conn.lost"); };
  }
  TCD.me().then(who => { if (who && Array.isArray(who.provinces)) allowed = new Set(who.provinces); connect(); });

  // Relative times age; texts follow the language.
  setInterval(() => {
    container.querySelectorAll("tr[data-kiosk-id]").forEach(r => { const td = r.children[2]; if (td) text(td, TCD.relative(r.dataset.lastSeen)); });
  }, 5000);
  TCD.onLang(() => {
    for (const k of kiosks.values()) { const fresh = assess(k.dto); k.problems = fresh.problems; }
    for (const p of provinces.values()) { if (p.el) p.el.querySelector(".province-head .name").textContent = TCD.province(p.code); p.rebuild = true; placeProvince(p); }
  });
})();
