// Fleet page: one row per kiosk, kept live by Server-Sent Events from /api/events.
"use strict";
(function () {
  const M = {
    cpu: "System/CPU Load",
    temp: "System/CPU Temperature",
    memAvail: "System/Memory Available",
    memTotal: "System/Memory Total",
    disk: "System/Disk Free",
    rtt: "Network/Hub RTT",
    clock: "Clock/Synced",
  };
  const DEVICE_NAMES = {
    "camera": "Camera", "microphone": "Micrô", "speaker": "Loa", "display": "Màn hình",
    "card-reader": "Đầu đọc thẻ", "button-panel": "Bảng nút",
  };
  const STATUS_NAMES = { present: "có", absent: "không thấy", faulty: "lỗi" };
  const kiosks = new Map();
  const tbody = document.querySelector("#kiosks tbody");

  function num(v) { return typeof v === "number" ? v : (v === null || v === undefined || v === "" ? null : Number(v)); }
  function gib(bytes) { const n = num(bytes); return n === null || isNaN(n) ? "—" : (n / 1073741824).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " GiB"; }
  function relative(iso) {
    if (!iso) return "chưa bao giờ";
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return s + " giây trước";
    if (s < 3600) return Math.floor(s / 60) + " phút trước";
    if (s < 86400) return Math.floor(s / 3600) + " giờ trước";
    return Math.floor(s / 86400) + " ngày trước";
  }
  function cell(row, cls, text, extraClass) {
    let td = row.querySelector("td." + cls);
    if (!td) { td = document.createElement("td"); td.className = cls; row.appendChild(td); }
    td.textContent = text;
    if (extraClass !== undefined) td.classList.toggle("bad", extraClass === "bad");
    return td;
  }
  function render(k) {
    let row = tbody.querySelector('tr[data-kiosk-id="' + k.deviceId + '"]');
    if (!row) {
      row = document.createElement("tr");
      row.setAttribute("data-kiosk-id", k.deviceId);
      const rows = Array.from(tbody.children);
      const after = rows.find(r => r.getAttribute("data-kiosk-id") > k.deviceId);
      tbody.insertBefore(row, after || null);
    }
    const m = k.metrics || {};
    const state = k.online ? "online" : "offline";
    row.setAttribute("data-state", state);
    row.dataset.lastSeen = k.lastSeen || "";
    cell(row, "id", k.deviceId);
    cell(row, "province", k.province);
    const st = cell(row, "state", k.online ? "Trực tuyến" : "Ngoại tuyến");
    st.setAttribute("data-state", state);
    cell(row, "last", relative(k.lastSeen));
    const cpu = num(m[M.cpu]);
    // Load average per core: 1,00 = every core busy; above that, work is queueing.
    cell(row, "cpu", cpu === null ? "—" : cpu.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }), cpu !== null && cpu > 1 ? "bad" : "");
    const t = num(m[M.temp]);
    cell(row, "temp", t === null ? "—" : t.toFixed(1) + " °C", t !== null && t >= 75 ? "bad" : "");
    cell(row, "mem", gib(m[M.memAvail]));
    const disk = num(m[M.disk]);
    cell(row, "disk", gib(disk), disk !== null && disk < 1073741824 ? "bad" : "");
    const rtt = num(m[M.rtt]);
    cell(row, "rtt", rtt === null ? "—" : Math.round(rtt) + " ms");
    const synced = m[M.clock];
    cell(row, "clock", synced === true ? "Đã đồng bộ" : synced === false ? "Chưa đồng bộ" : "—", synced === false ? "bad" : "");
    const problems = Object.entries(k.devices || {})
      .filter(([, d]) => d.status !== "present")
      .map(([name, d]) => (DEVICE_NAMES[name] || name) + ": " + (STATUS_NAMES[d.status] || d.status) + (d.reason ? " (" + d.reason + ")" : ""));
    cell(row, "devices", problems.length ? problems.join("; ") : (Object.keys(k.devices || {}).length ? "Đủ" : "—"), problems.length ? "bad" : "");
  }
  function counts() {
    let online = 0;
    kiosks.forEach(k => { if (k.online) online++; });
    document.getElementById("count-total").textContent = kiosks.size;
    document.getElementById("count-online").textContent = online;
    document.getElementById("count-offline").textContent = kiosks.size - online;
    document.getElementById("empty").hidden = kiosks.size > 0;
  }
  function update(k) { kiosks.set(k.deviceId, k); render(k); }

  const source = new EventSource("/api/events");
  const status = document.getElementById("connection");
  source.addEventListener("snapshot", e => { JSON.parse(e.data).forEach(update); counts(); status.textContent = "Đang cập nhật trực tiếp"; });
  source.addEventListener("kiosk", e => { update(JSON.parse(e.data)); counts(); });
  source.onerror = () => { status.textContent = "Mất kết nối tới máy chủ, đang thử lại…"; };
  setInterval(() => {
    tbody.querySelectorAll("tr").forEach(r => { const td = r.querySelector("td.last"); if (td) td.textContent = relative(r.dataset.lastSeen); });
  }, 5000);
})();
