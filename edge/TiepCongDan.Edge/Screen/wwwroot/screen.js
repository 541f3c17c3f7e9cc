// The kiosk page: follows the edge's screen state over Server-Sent Events (no polling) and draws
// one state at a time. Every text shown comes from the state, except the few below.
"use strict";

const words = {
  vi: { videoWaiting: "Đang kết nối hình ảnh...", welcome: (name) => `Xin chào ${name}`, secondsLeft: (n) => `Còn ${n} giây`, reconnecting: "Đang kết nối lại với máy kiosk…" },
  en: { videoWaiting: "Connecting video...", welcome: (name) => `Welcome, ${name}`, secondsLeft: (n) => `${n} seconds left`, reconnecting: "Reconnecting to the kiosk…" },
};

const $ = (id) => document.getElementById(id);
let countdownTimer = null;
let rendered = 0;

// A live stream from the kiosk (fragmented MP4 as it arrives). The placeholder stays over the
// video until a picture plays; a stream that breaks or ends while the state still wants it is
// asked for again after 2 s (the officials may not have joined yet, or the link came back).
function setVideo(video, placeholder, url, text) {
  placeholder.textContent = text;
  if (!url) {
    video.dataset.want = "";
    clearTimeout(video.retryTimer);
    video.removeAttribute("src");
    video.load();
    video.hidden = true;
    video.dataset.playing = "false";
    placeholder.hidden = false;
    return;
  }

  video.hidden = false;
  if (video.dataset.want === url) {
    return;
  }

  video.dataset.want = url;
  video.dataset.playing = "false";
  placeholder.hidden = false;
  if (!video.dataset.wired) {
    video.dataset.wired = "true";
    video.addEventListener("playing", () => {
      video.dataset.playing = "true";
      placeholder.hidden = true;
    });
    const retry = () => {
      if (!video.dataset.want) return;
      video.dataset.playing = "false";
      placeholder.hidden = false;
      clearTimeout(video.retryTimer);
      video.retryTimer = setTimeout(() => {
        if (!video.dataset.want) return;
        video.dataset.attempts = String(Number(video.dataset.attempts || "0") + 1);
        video.src = video.dataset.want + (video.dataset.want.includes("?") ? "&" : "?") + "attempt=" + video.dataset.attempts;
        video.play().catch(() => {});
      }, 2000);
    };
    video.addEventListener("error", retry);
    video.addEventListener("ended", retry);
  }

  video.src = url;
  video.play().catch(() => {});
}

function startCountdown(seconds, lang) {
  const element = $("countdown");
  clearInterval(countdownTimer);
  countdownTimer = null;
  if (seconds === undefined || seconds === null) {
    element.hidden = true;
    return;
  }

  // Counted here from the moment the state arrived: the edge sends it once, not every second.
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    element.textContent = words[lang].secondsLeft(left);
    if (left === 0) {
      clearInterval(countdownTimer);
    }
  };
  element.hidden = false;
  tick();
  countdownTimer = setInterval(tick, 250);
}

function render(state) {
  const lang = words[state.language] ? state.language : "vi";
  const w = words[lang];
  document.documentElement.lang = lang;
  document.body.dataset.state = state.state;

  $("instruction").textContent = state.instruction;

  const citizen = $("citizen");
  citizen.hidden = !state.citizenName;
  citizen.textContent = state.citizenName ? w.welcome(state.citizenName) : "";

  const error = $("error");
  error.hidden = !(state.state === "Error" && state.errorMessage);
  error.textContent = state.errorMessage || "";

  const live = state.state === "Live";
  $("live").hidden = !live;
  setVideo($("officials-video"), $("officials-placeholder"), live ? state.officialsVideoUrl : null, w.videoWaiting);
  setVideo($("self-video"), $("self-placeholder"), live ? state.selfViewUrl : null, w.videoWaiting);

  const ratings = $("ratings");
  ratings.replaceChildren();
  const choices = state.state === "Rating" || state.state === "Identified" ? (state.ratingChoices || []) : [];
  for (const choice of choices) {
    const item = document.createElement("li");
    item.dataset.rating = choice.key;
    item.style.backgroundColor = choice.colour;
    item.style.color = choice.textColour;
    item.textContent = choice.label;
    ratings.append(item);
  }
  ratings.hidden = choices.length === 0;

  startCountdown(state.countdownSeconds, lang);
  document.body.dataset.rendered = String(++rendered);
}

function connect() {
  const source = new EventSource("/api/screen/events");
  source.addEventListener("state", (event) => {
    document.body.dataset.connected = "true";
    $("link").hidden = true;
    render(JSON.parse(event.data));
  });
  source.onerror = () => {
    // EventSource retries by itself (the edge asks for 1 s); the last state stays on screen meanwhile.
    document.body.dataset.connected = "false";
    const link = $("link");
    link.textContent = words[document.documentElement.lang === "en" ? "en" : "vi"].reconnecting;
    link.hidden = false;
  };
}

connect();
