// Shared by every console page: the Vietnamese/English dictionary and toggle (kept in localStorage,
// sets <html lang>), the navigation bar, province names and number/time formats. No library, no CDN.
"use strict";
window.TCD = (function () {
  const STORE_KEY = "tcd-console-lang";
  const DICT = {
    vi: {
      "nav.fleet": "Tổng quan điểm cầu", "nav.live": "Phiên đang diễn ra", "nav.sessions": "Phiên đã lưu trữ",
      "nav.alerts": "Cảnh báo", "nav.reports": "Báo cáo", "nav.logout": "Đăng xuất", "nav.lang": "English",
      "app.title": "Giám sát điểm cầu tiếp công dân",
      "conn.connecting": "Đang kết nối…", "conn.live": "Đang cập nhật trực tiếp", "conn.lost": "Mất kết nối tới máy chủ, đang thử lại…",
      "status.online": "Trực tuyến", "status.offline": "Ngoại tuyến", "status.degraded": "Suy giảm", "status.session": "Đang tiếp dân",
      "count.total": "Tổng", "count.online": "Trực tuyến", "count.degraded": "Suy giảm", "count.offline": "Ngoại tuyến", "count.session": "Đang tiếp dân",
      "filter.status": "Trạng thái", "filter.all": "Tất cả", "filter.search": "Tìm kiếm", "filter.placeholder": "Mã điểm cầu, xã/phường, tỉnh",
      "filter.expandAll": "Mở tất cả", "filter.collapseAll": "Thu gọn tất cả",
      "fleet.province": "Tỉnh/thành phố", "fleet.commune": "Xã/phường", "fleet.kiosks": "điểm cầu",
      "fleet.empty": "Chưa có điểm cầu nào kết nối.", "fleet.noMatch": "Không có điểm cầu nào khớp điều kiện lọc.",
      "fleet.more": "… và {0} điểm cầu khác: thu hẹp tìm kiếm để xem.",
      "col.kiosk": "Mã điểm cầu", "col.commune": "Xã/phường", "col.status": "Trạng thái", "col.last": "Lần cuối",
      "col.temp": "Nhiệt độ", "col.rtt": "RTT", "col.disk": "Đĩa trống", "col.problems": "Vấn đề",
      "time.never": "chưa bao giờ", "time.s": "{0} giây trước", "time.m": "{0} phút trước", "time.h": "{0} giờ trước", "time.d": "{0} ngày trước",
      "dev.camera": "Camera", "dev.microphone": "Micrô", "dev.speaker": "Loa", "dev.display": "Màn hình", "dev.card-reader": "Đầu đọc thẻ", "dev.button-panel": "Bảng nút",
      "devstatus.present": "hoạt động", "devstatus.absent": "không thấy", "devstatus.faulty": "lỗi", "devstatus.offline": "mất kết nối",
      "problem.frozen": "hình bị đứng", "problem.clock": "chưa đồng bộ giờ", "problem.hot": "nhiệt độ cao", "problem.disk": "đĩa sắp đầy", "problem.throttled": "CPU bị hạ xung",
      "kiosk.title": "Điểm cầu {0}", "kiosk.metrics": "Số đo hiện tại", "kiosk.peripherals": "Thiết bị ngoại vi", "kiosk.history": "Lịch sử 24 giờ",
      "kiosk.alerts": "Cảnh báo gần đây", "kiosk.sessions": "Phiên gần đây", "kiosk.selftest": "Lần tự kiểm tra gần nhất",
      "kiosk.stale": "Điểm cầu đang ngoại tuyến: đây là số liệu cuối cùng trước khi mất kết nối.", "kiosk.commands": "Lệnh từ xa", "kiosk.notFound": "Không tìm thấy điểm cầu {0}.", "kiosk.back": "← Về tổng quan",
      "m.cpu": "Tải CPU", "m.temp": "Nhiệt độ CPU", "m.mem": "RAM trống", "m.disk": "Đĩa trống", "m.rtt": "RTT tới máy chủ", "m.clock": "Đồng bộ giờ",
      "m.uptime": "Thời gian chạy", "m.version": "Phiên bản", "m.session": "Phiên hiện tại", "m.uplink": "Đường truyền", "m.kbps": "Tốc độ (kbit/s)",
      "m.loss": "Mất gói (%)", "m.pending": "Đoạn chờ tải lên", "yes": "Có", "no": "Không", "none": "—",
      "chart.temp": "Nhiệt độ CPU (°C)", "chart.rtt": "RTT (ms)", "chart.loss": "Mất gói SRT (%)", "chart.kbps": "Tốc độ truyền (kbit/s)", "chart.disk": "Đĩa trống (GiB)",
      "chart.noData": "Chưa có số liệu",
      "selftest.none": "Chưa có kết quả tự kiểm tra.", "selftest.passed": "Đạt", "selftest.failed": "Không đạt: {0}", "selftest.at": "lúc {0}",
      "sessions.none": "Chưa có phiên nào.", "alerts.none": "Không có cảnh báo nào.",
      "cmd.restart-media": "Khởi động lại phần hình/tiếng", "cmd.restart-service": "Khởi động lại dịch vụ", "cmd.reboot": "Khởi động lại máy",
      "cmd.rebirth": "Yêu cầu gửi lại toàn bộ số đo", "cmd.selftest": "Chạy tự kiểm tra", "cmd.collect-logs": "Thu thập nhật ký",
      "cmd.screenshot": "Chụp màn hình điểm cầu", "cmd.camera-still": "Chụp ảnh từ camera",
      "cmd.viewer": "Tài khoản xem không được gửi lệnh.", "cmd.confirmTitle": "Xác nhận gửi lệnh",
      "cmd.confirmText": "Gửi lệnh “{0}” tới điểm cầu {1}?", "cmd.disruptive": "Lệnh này làm gián đoạn điểm cầu trong ít phút.",
      "cmd.privacy": "Quyền riêng tư: ảnh chỉ được chụp khi không có phiên tiếp công dân nào đang diễn ra, và việc chụp được ghi vào nhật ký kiểm toán.",
      "cmd.comment": "Lý do (ghi vào nhật ký kiểm toán)", "cmd.send": "Gửi lệnh", "cmd.cancel": "Hủy",
      "cmd.state.sent": "Đã gửi, đang chờ kết quả…", "cmd.state.done": "Đã xong", "cmd.state.failed": "Thất bại", "cmd.state.refused": "Điểm cầu từ chối",
      "cmd.state.timeout": "Hết thời gian chờ", "cmd.artifact": "Tải kết quả", "cmd.err.409": "Không gửi được: điểm cầu đang ngoại tuyến hoặc đang tiếp dân.",
      "cmd.err.428": "Lệnh này cần xác nhận.", "cmd.err.403": "Tài khoản của bạn không có quyền gửi lệnh.", "cmd.err": "Không gửi được lệnh ({0}).",
      "alerts.title": "Cảnh báo", "alerts.active": "Đang mở", "alerts.history": "Lịch sử", "alerts.kiosk": "Điểm cầu", "alerts.province": "Tỉnh",
      "alerts.rule": "Quy tắc", "alerts.message": "Nội dung", "alerts.severity": "Mức độ", "alerts.state": "Trạng thái", "alerts.opened": "Mở lúc",
      "alerts.ack": "Xác nhận", "alerts.ackBy": "Đã xác nhận bởi {0}: {1}", "alerts.comment": "Ghi chú xử lý (bắt buộc)",
      "alerts.ackDone": "Đã xác nhận cảnh báo.", "alerts.ackError": "Không xác nhận được ({0}).", "alerts.count": "{0} cảnh báo",
      "alertstate.open": "Đang mở", "alertstate.acknowledged": "Đã xác nhận", "alertstate.closed": "Đã đóng",
      "severity.critical": "Nghiêm trọng", "severity.warning": "Cảnh báo", "severity.info": "Thông tin",
      "live.title": "Phiên đang diễn ra", "live.kiosk": "Điểm cầu", "live.start": "Bắt đầu", "live.recv": "Nhận (kbit/s)", "live.rtt": "Trễ khứ hồi (ms)",
      "live.loss": "Mất gói (%)", "live.points": "Điểm tiếp nhận", "live.officials": "Cán bộ tham gia", "live.watch": "Xem trực tiếp",
      "live.count": "{0} phiên đang diễn ra", "live.none": "Không có phiên nào đang diễn ra.",
      "sess.case": "Loại vụ việc", "sess.staff": "Cán bộ", "sess.rating": "Đánh giá", "sess.archive": "Lưu trữ",
      "alerts.filterState": "Hiển thị", "alerts.rule.all": "Mọi quy tắc", "alerts.reload": "Tải lại", "alerts.ackedNow": "Đã xác nhận",
    },
    en: {
      "nav.fleet": "Fleet overview", "nav.live": "Live sessions", "nav.sessions": "Archived sessions",
      "nav.alerts": "Alerts", "nav.reports": "Reports", "nav.logout": "Sign out", "nav.lang": "Tiếng Việt",
      "app.title": "Citizen reception kiosk monitoring",
      "conn.connecting": "Connecting…", "conn.live": "Live updates", "conn.lost": "Connection to the hub lost, retrying…",
      "status.online": "Online", "status.offline": "Offline", "status.degraded": "Degraded", "status.session": "In session",
      "count.total": "Total", "count.online": "Online", "count.degraded": "Degraded", "count.offline": "Offline", "count.session": "In session",
      "filter.status": "Status", "filter.all": "All", "filter.search": "Search", "filter.placeholder": "Kiosk id, commune, province",
      "filter.expandAll": "Expand all", "filter.collapseAll": "Collapse all",
      "fleet.province": "Province", "fleet.commune": "Commune", "fleet.kiosks": "kiosks",
      "fleet.empty": "No kiosk has connected yet.", "fleet.noMatch": "No kiosk matches the filter.",
      "fleet.more": "… and {0} more kiosks: narrow the search to see them.",
      "col.kiosk": "Kiosk id", "col.commune": "Commune", "col.status": "Status", "col.last": "Last seen",
      "col.temp": "Temperature", "col.rtt": "RTT", "col.disk": "Disk free", "col.problems": "Problems",
      "time.never": "never", "time.s": "{0} s ago", "time.m": "{0} min ago", "time.h": "{0} h ago", "time.d": "{0} days ago",
      "dev.camera": "Camera", "dev.microphone": "Microphone", "dev.speaker": "Speaker", "dev.display": "Display", "dev.card-reader": "Card reader", "dev.button-panel": "Button panel",
      "devstatus.present": "working", "devstatus.absent": "not found", "devstatus.faulty": "faulty", "devstatus.offline": "disconnected",
      "problem.frozen": "picture frozen", "problem.clock": "clock not synced", "problem.hot": "high temperature", "problem.disk": "disk nearly full", "problem.throttled": "CPU throttled",
      "kiosk.title": "Kiosk {0}", "kiosk.metrics": "Current readings", "kiosk.peripherals": "Peripherals", "kiosk.history": "Last 24 hours",
      "kiosk.alerts": "Recent alerts", "kiosk.sessions": "Recent sessions", "kiosk.selftest": "Latest self-test",
      "kiosk.stale": "The kiosk is offline: these are the last readings before the connection was lost.", "kiosk.commands": "Remote commands", "kiosk.notFound": "Kiosk {0} not found.", "kiosk.back": "← Back to overview",
      "m.cpu": "CPU load", "m.temp": "CPU temperature", "m.mem": "Free RAM", "m.disk": "Free disk", "m.rtt": "RTT to hub", "m.clock": "Clock synced",
      "m.uptime": "Uptime", "m.version": "Version", "m.session": "Current session", "m.uplink": "Uplink", "m.kbps": "Bitrate (kbit/s)",
      "m.loss": "Loss (%)", "m.pending": "Segments awaiting upload", "yes": "Yes", "no": "No", "none": "—",
      "chart.temp": "CPU temperature (°C)", "chart.rtt": "RTT (ms)", "chart.loss": "SRT loss (%)", "chart.kbps": "Bitrate (kbit/s)", "chart.disk": "Free disk (GiB)",
      "chart.noData": "No data yet",
      "selftest.none": "No self-test result yet.", "selftest.passed": "Passed", "selftest.failed": "Failed: {0}", "selftest.at": "at {0}",
      "sessions.none": "No sessions yet.", "alerts.none": "No alerts.",
      "cmd.restart-media": "Restart media", "cmd.restart-service": "Restart service", "cmd.reboot": "Reboot",
      "cmd.rebirth": "Request a full rebirth", "cmd.selftest": "Run self-test", "cmd.collect-logs": "Collect logs",
      "cmd.screenshot": "Kiosk screenshot", "cmd.camera-still": "Camera still",
      "cmd.viewer": "Viewer accounts cannot send commands.", "cmd.confirmTitle": "Confirm command",
      "cmd.confirmText": "Send “{0}” to kiosk {1}?", "cmd.disruptive": "This command interrupts the kiosk for a few minutes.",
      "cmd.privacy": "Privacy: the image is only taken when no reception session is live, and the capture is written to the audit log.",
      "cmd.comment": "Reason (written to the audit log)", "cmd.send": "Send", "cmd.cancel": "Cancel",
      "cmd.state.sent": "Sent, waiting for the result…", "cmd.state.done": "Done", "cmd.state.failed": "Failed", "cmd.state.refused": "Refused by the kiosk",
      "cmd.state.timeout": "Timed out", "cmd.artifact": "Download result", "cmd.err.409": "Not sent: the kiosk is offline or in a session.",
      "cmd.err.428": "This command needs confirmation.", "cmd.err.403": "Your account may not send commands.", "cmd.err": "Command not sent ({0}).",
      "alerts.title": "Alerts", "alerts.active": "Active", "alerts.history": "History", "alerts.kiosk": "Kiosk", "alerts.province": "Province",
      "alerts.rule": "Rule", "alerts.message": "Message", "alerts.severity": "Severity", "alerts.state": "State", "alerts.opened": "Opened",
      "alerts.ack": "Acknowledge", "alerts.ackBy": "Acknowledged by {0}: {1}", "alerts.comment": "What was done (required)",
      "alerts.ackDone": "Alert acknowledged.", "alerts.ackError": "Could not acknowledge ({0}).", "alerts.count": "{0} alerts",
      "alertstate.open": "Open", "alertstate.acknowledged": "Acknowledged", "alertstate.closed": "Closed",
      "severity.critical": "Critical", "severity.warning": "Warning", "severity.info": "Info",
      "live.title": "Live sessions", "live.kiosk": "Kiosk", "live.start": "Started", "live.recv": "Received (kbit/s)", "live.rtt": "Round trip (ms)",
      "live.loss": "Loss (%)", "live.points": "Reception points", "live.officials": "Officials", "live.watch": "Watch live",
      "live.count": "{0} live sessions", "live.none": "No live session.",
      "sess.case": "Case kind", "sess.staff": "Staff", "sess.rating": "Rating", "sess.archive": "Archive",
      "alerts.filterState": "Show", "alerts.rule.all": "All rules", "alerts.reload": "Reload", "alerts.ackedNow": "Acknowledged",
    },
  };
  // Provinces and cities after the 2025 merger (34 units), by the code kiosk ids start with.
  const PROVINCES = {
    "01": "Hà Nội", "04": "Cao Bằng", "08": "Tuyên Quang", "11": "Điện Biên", "12": "Lai Châu", "14": "Sơn La", "15": "Lào Cai",
    "19": "Thái Nguyên", "20": "Lạng Sơn", "22": "Quảng Ninh", "24": "Bắc Ninh", "25": "Phú Thọ", "31": "Hải Phòng", "33": "Hưng Yên",
    "37": "Ninh Bình", "38": "Thanh Hóa", "40": "Nghệ An", "42": "Hà Tĩnh", "44": "Quảng Trị", "46": "Huế", "48": "Đà Nẵng",
    "51": "Quảng Ngãi", "52": "Gia Lai", "56": "Khánh Hòa", "66": "Đắk Lắk", "68": "Lâm Đồng", "75": "Đồng Nai", "79": "TP. Hồ Chí Minh",
    "80": "Tây Ninh", "82": "Đồng Tháp", "86": "Vĩnh Long", "91": "An Giang", "92": "Cần Thơ", "96": "Cà Mau",
  };
  const NAV = [["/", "nav.fleet"], ["/live.html", "nav.live"], ["/sessions.html", "nav.sessions"], ["/alerts.html", "nav.alerts"], ["/reports/service", "nav.reports"]];
  const listeners = [];
  let lang = localStorage.getItem(STORE_KEY) === "en" ? "en" : "vi";

  function t(key) {
    let text = (DICT[lang] && DICT[lang][key]) || DICT.vi[key] || key;
    for (let i = 1; i < arguments.length; i++) text = text.split("{" + (i - 1) + "}").join(String(arguments[i]));
    return text;
  }
  function locale() { return lang === "en" ? "en-GB" : "vi-VN"; }
  // Every element with data-i18n (text), data-i18n-placeholder or data-i18n-title follows the language.
  function apply(root) {
    document.documentElement.lang = lang;
    (root || document).querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
    (root || document).querySelectorAll("[data-i18n-placeholder]").forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    (root || document).querySelectorAll("[data-i18n-title]").forEach(el => { el.title = t(el.dataset.i18nTitle); });
  }
  function setLang(value) {
    lang = value === "en" ? "en" : "vi";
    localStorage.setItem(STORE_KEY, lang);
    apply();
    listeners.forEach(cb => cb(lang));
  }
  function nav() {
    const host = document.getElementById("nav");
    if (!host) return;
    const here = location.pathname;
    for (const [href, key] of NAV) {
      const a = document.createElement("a");
      a.href = href;
      a.dataset.i18n = key;
      if (href === here || (href === "/" && here === "/index.html")) a.setAttribute("aria-current", "page");
      host.appendChild(a);
    }
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.id = "lang-toggle";
    toggle.dataset.i18n = "nav.lang";
    toggle.addEventListener("click", () => setLang(lang === "vi" ? "en" : "vi"));
    host.appendChild(toggle);
    const logout = document.createElement("form");
    logout.method = "post";
    logout.action = "/logout";
    logout.innerHTML = '<button type="submit" data-i18n="nav.logout"></button>';
    host.appendChild(logout);
  }

  function num(v) { return typeof v === "number" ? v : (v === null || v === undefined || v === "" || typeof v === "object" ? null : Number(v)); }
  function fixed(v, digits) { const n = num(v); return n === null || isNaN(n) ? "—" : n.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }); }
  function gib(bytes) { const n = num(bytes); return n === null || isNaN(n) ? "—" : fixed(n / 1073741824, 1) + " GiB"; }
  function relative(iso) {
    if (!iso) return t("time.never");
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return t("time.s", s);
    if (s < 3600) return t("time.m", Math.floor(s / 60));
    if (s < 86400) return t("time.h", Math.floor(s / 3600));
    return t("time.d", Math.floor(s / 86400));
  }
  function time(iso) { return iso ? new Date(iso).toLocaleString(locale(), { timeZone: "Asia/Ho_Chi_Minh" }) : "—"; }
  function province(code) { return PROVINCES[code] ? PROVINCES[code] + " (" + code + ")" : (code || "—"); }
  function provinceName(code) { return PROVINCES[code] || ""; }
  async function json(url, options) {
    const r = await fetch(url, options);
    if (r.status === 401) { location.href = "/login?returnUrl=" + encodeURIComponent(location.pathname + location.search); throw new Error("401"); }
    return r;
  }
  let meCache = null;
  // Who is signed in: role and province scope (GET /api/console/me); null when the call fails.
  function me() {
    if (!meCache) meCache = json("/api/console/me").then(r => r.ok ? r.json() : null).catch(() => null);
    return meCache;
  }

  document.addEventListener("DOMContentLoaded", () => { nav(); apply(); });
  return {
    t, apply, setLang, lang: () => lang, locale, onLang: cb => listeners.push(cb),
    num, fixed, gib, relative, time, province, provinceName, json, me,
  };
})();
