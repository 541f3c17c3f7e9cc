// Plays a live session: fetches the hub's fragmented MP4 (/api/live/{id}/watch.mp4, the kiosk's
// H.264 and AAC remuxed, not transcoded) and feeds it to Media Source Extensions as it arrives.
(async () => {
  const status = document.getElementById("status");
  const video = document.getElementById("video");
  const id = new URLSearchParams(location.search).get("session");
  if (!id) { await showList(status); return; }
  video.hidden = false;
  const type = 'video/mp4; codecs="avc1.640028, mp4a.40.2"';
  if (!window.MediaSource || !MediaSource.isTypeSupported(type)) { status.textContent = "Trình duyệt không hỗ trợ phát trực tiếp H.264."; return; }
  const source = new MediaSource();
  video.src = URL.createObjectURL(source);
  await new Promise(r => source.addEventListener("sourceopen", r, { once: true }));
  const buffer = source.addSourceBuffer(type);
  buffer.mode = "sequence";
  const response = await fetch("/api/live/" + encodeURIComponent(id) + "/watch.mp4");
  if (!response.ok) { status.textContent = "Phiên không còn trực tiếp (" + response.status + ")."; return; }
  status.textContent = "Đang phát trực tiếp phiên " + id;
  const reader = response.body.getReader();
  const queue = [];
  const pump = () => { if (!buffer.updating && queue.length) buffer.appendBuffer(queue.shift()); };
  buffer.addEventListener("updateend", () => {
    // Keep playback close to the live edge and the buffer small.
    if (buffer.buffered.length && !buffer.updating) {
      const end = buffer.buffered.end(buffer.buffered.length - 1);
      if (end - video.currentTime > 3) video.currentTime = end - 0.5;
      if (video.currentTime > 30 && !buffer.updating) { try { buffer.remove(0, video.currentTime - 20); } catch (e) { /* next time */ } }
    }
    pump();
  });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    queue.push(value);
    pump();
    if (video.paused) video.play().catch(() => {});
  }
  status.textContent = "Phiên đã kết thúc.";
  const close = () => { if (!buffer.updating && !queue.length) { try { source.endOfStream(); } catch (e) { /* closed */ } } else setTimeout(close, 200); };
  close();
})();

// Without ?session=: the live sessions with their link and every receiver, refreshed every 2 s.
async function showList(status) {
  document.getElementById("list").hidden = false;
  const body = document.getElementById("sessions");
  const cell = (text) => { const td = document.createElement("td"); td.textContent = text; return td; };
  const refresh = async () => {
    const r = await fetch("/api/live");
    if (!r.ok) { status.textContent = "Không tải được danh sách (" + r.status + ")."; return; }
    const sessions = await r.json();
    status.textContent = sessions.length ? TCD.t("live.count", sessions.length) : TCD.t("live.none");
    body.replaceChildren(...sessions.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.sessionId = s.sessionId;
      tr.dataset.kioskId = s.kioskId;
      const link = s.link || {};
      const kiosk = cell("");
      const kioskLink = document.createElement("a");
      kioskLink.href = "/kiosk.html?id=" + encodeURIComponent(s.kioskId);
      kioskLink.textContent = s.kioskId;
      kiosk.append(kioskLink);
      tr.append(kiosk, cell(new Date(s.startedAt).toLocaleTimeString(TCD.locale())),
        cell(link.receiveKbps != null ? link.receiveKbps.toFixed(0) : "–"), cell(link.rttMs != null ? link.rttMs.toFixed(0) : "–"),
        cell(link.lossPercent != null ? link.lossPercent.toFixed(1) : "–"),
        cell(s.points.map(p => (p.name || p.receiver) + ": " + p.state + ", " + p.kbps.toFixed(0) + " kbit/s, mất " + p.lossPercent.toFixed(1) + " %").join("; ") || "–"),
        cell(s.officials.length ? s.officials.length + " cán bộ" + (s.composing ? " (ghép hình)" : "") : "–"));
      const watch = document.createElement("td");
      const a = document.createElement("a");
      a.href = "live.html?session=" + encodeURIComponent(s.sessionId);
      a.textContent = TCD.t("live.watch");
      watch.append(a);
      tr.append(watch);
      return tr;
    }));
  };
  await refresh();
  setInterval(refresh, 2000);
}
