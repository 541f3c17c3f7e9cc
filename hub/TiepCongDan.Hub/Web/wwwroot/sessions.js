// Archived sessions: search, play the verified MP4 export, verify on demand, export link.
"use strict";
(function () {
  const tbody = document.querySelector("#sessions tbody");
  const form = document.getElementById("search");
  const errorBox = document.getElementById("error");

  function time(iso) { return iso ? new Date(iso).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) : "—"; }
  function duration(ms) {
    const s = Math.round(ms / 1000);
    return Math.floor(s / 60) + " phút " + (s % 60) + " giây";
  }
  function td(row, cls, text) {
    const cell = document.createElement("td");
    cell.className = cls;
    cell.textContent = text;
    row.appendChild(cell);
    return cell;
  }
  function showError(text) { errorBox.textContent = text; errorBox.hidden = !text; }

  async function verify(s, cell) {
    cell.textContent = "Đang kiểm tra…";
    const r = await fetch("/api/sessions/" + encodeURIComponent(s.id) + "/verify");
    if (!r.ok) { cell.textContent = "Lỗi " + r.status; cell.className = "verify bad"; return; }
    const report = await r.json();
    cell.textContent = report.intact ? "Nguyên vẹn" : "Không nguyên vẹn: " + report.problems.map(p => p.kind + (p.sequence !== null ? " " + p.sequence : "")).join(", ");
    cell.title = report.summaryVi;
    cell.className = "verify " + (report.intact ? "ok" : "bad");
    cell.dataset.intact = String(report.intact);
  }

  function play(s) {
    const player = document.getElementById("player");
    const video = document.getElementById("video");
    document.getElementById("player-title").textContent = "Xem lại phiên " + s.id;
    player.hidden = false;
    player.dataset.sessionId = s.id;
    video.src = "/api/sessions/" + encodeURIComponent(s.id) + "/export.mp4";
    video.play().catch(() => { /* autoplay may be refused; the controls remain */ });
  }

  const editor = document.getElementById("editor");
  const metadataForm = document.getElementById("metadata");
  const editorStatus = document.getElementById("editor-status");
  let editing = null;

  function edit(s) {
    editing = s;
    editor.hidden = false;
    editor.dataset.sessionId = s.id;
    document.getElementById("editor-title").textContent = "Thông tin phiên " + s.id;
    metadataForm.officials.value = (s.officials || []).map(o => o.name + (o.role ? " — " + o.role : "")).join("\n");
    metadataForm.caseKind.value = s.caseKind || "";
    metadataForm.citizenRef.value = s.citizenRef || "";
    document.getElementById("hold").textContent = s.legalHold ? "Bỏ phong tỏa pháp lý" : "Phong tỏa pháp lý";
    editorStatus.textContent = "";
  }

  async function put(path, body) {
    const r = await fetch(path, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (r.ok) return null;
    if (r.status === 403) return "Tài khoản của bạn không có quyền thực hiện việc này.";
    const problem = await r.json().catch(() => null);
    return "Không lưu được (" + r.status + ")" + (problem && problem.error ? ": " + problem.error : ".");
  }

  metadataForm.addEventListener("submit", async e => {
    e.preventDefault();
    if (!editing) return;
    const officials = metadataForm.officials.value.split("\n").map(l => l.trim()).filter(l => l).map(l => {
      const parts = l.split(/\s+[—-]\s+/);
      return { name: parts[0].trim(), role: parts.slice(1).join(" - ").trim() };
    });
    const error = await put("/api/sessions/" + encodeURIComponent(editing.id) + "/metadata",
      { officials, caseKind: metadataForm.caseKind.value, citizenRef: metadataForm.citizenRef.value.trim() });
    editorStatus.textContent = error || "Đã lưu; biên bản đã được ký lại.";
    editorStatus.className = error ? "error" : "";
    if (!error) search();
  });
  document.getElementById("hold").addEventListener("click", async () => {
    if (!editing) return;
    const error = await put("/api/sessions/" + encodeURIComponent(editing.id) + "/legal-hold", { legalHold: !editing.legalHold });
    editorStatus.textContent = error || (editing.legalHold ? "Đã bỏ phong tỏa pháp lý." : "Đã phong tỏa pháp lý: phiên không bị xóa theo thời hạn lưu trữ.");
    editorStatus.className = error ? "error" : "";
    if (!error) { editing.legalHold = !editing.legalHold; edit(editing); search(); }
  });
  document.getElementById("close-editor").addEventListener("click", () => { editor.hidden = true; editing = null; });

  function render(list) {
    tbody.textContent = "";
    document.getElementById("count").textContent = list.length;
    document.getElementById("empty").hidden = list.length > 0;
    for (const s of list) {
      const row = document.createElement("tr");
      row.dataset.sessionId = s.id;
      td(row, "id", s.id);
      td(row, "kiosk", s.kiosk);
      td(row, "commune", s.commune);
      td(row, "province", s.province);
      td(row, "start", time(s.start));
      td(row, "duration", duration(s.durationMs));
      td(row, "case", s.caseKindVi);
      td(row, "officials", (s.officials || []).map(o => o.name + (o.role ? " (" + o.role + ")" : "")).join("; ") || "—");
      td(row, "citizen", s.citizenRef || "—");
      const state = s.manifestVersion > 0 ? "Đã niêm phong" + (s.legalHold ? ", đang phong tỏa pháp lý" : "")
        : s.complete ? "Đủ đoạn, chờ niêm phong" : "Đang nhận (" + s.segmentsArchived + (s.segmentCount !== null ? "/" + s.segmentCount : "") + " đoạn)";
      td(row, "archive", state).dataset.sealed = String(s.manifestVersion > 0);
      const verifyCell = td(row, "verify", "—");
      const actions = td(row, "actions", "");
      if (s.manifestVersion > 0) {
        const playButton = document.createElement("button");
        playButton.type = "button";
        playButton.textContent = "Xem lại";
        playButton.addEventListener("click", () => play(s));
        const verifyButton = document.createElement("button");
        verifyButton.type = "button";
        verifyButton.textContent = "Kiểm tra toàn vẹn";
        verifyButton.addEventListener("click", () => verify(s, verifyCell));
        const link = document.createElement("a");
        link.href = "/api/sessions/" + encodeURIComponent(s.id) + "/export.mp4";
        link.download = s.id + ".mp4";
        link.textContent = "Tải MP4";
        actions.append(playButton, verifyButton, link);
      }
      const editButton = document.createElement("button");
      editButton.type = "button";
      editButton.textContent = "Sửa thông tin";
      editButton.addEventListener("click", () => edit(s));
      actions.append(editButton);
      tbody.appendChild(row);
    }
  }

  async function search() {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (v) params.set(k, v); });
    const r = await fetch("/api/sessions?" + params.toString());
    if (r.status === 401) { location.href = "/login"; return; }
    if (!r.ok) { showError("Không tải được danh sách phiên (" + r.status + ")."); return; }
    showError("");
    render(await r.json());
  }

  form.addEventListener("submit", e => { e.preventDefault(); search(); });
  // Links from the kiosk page arrive with ?kiosk=…: the search starts from there.
  new URLSearchParams(location.search).forEach((v, k) => { if (form.elements[k]) form.elements[k].value = v; });
  search();
})();
