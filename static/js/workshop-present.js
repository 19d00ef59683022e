// The presentation of a workshop plan or theatre session: one screen at a time, next and
// previous by the buttons or the arrow keys (and Page Down / Page Up, as a clicker sends), the
// Fullscreen API behind a button, and a countdown for each group exercise. Without this script
// the page shows every screen one after the other.

const root = document.getElementById("presentation");
const screens = [...(root?.querySelectorAll("[data-screen]") ?? [])];
const progress = document.getElementById("present-progress");
let current = 0;

function fill(pattern, values) {
  return pattern.replace(/%\((\w+)\)s/g, (_, key) => String(values[key] ?? ""));
}

function show(index, { focus = true } = {}) {
  current = Math.min(Math.max(index, 0), screens.length - 1);
  screens.forEach((screen, n) => {
    screen.hidden = n !== current;
  });
  progress.textContent = fill(root.dataset.progress, { n: current + 1, count: screens.length });
  root.querySelector("[data-present-prev]").disabled = current === 0;
  root.querySelector("[data-present-next]").disabled = current === screens.length - 1;
  history.replaceState(null, "", `#screen-${current + 1}`);
  if (focus) screens[current].focus();
}

function timerOf(box) {
  const total = Number(box.dataset.seconds);
  const display = box.querySelector("[data-timer-display]");
  const statusLine = box.querySelector("[data-timer-status]");
  const start = box.querySelector("[data-timer-start]");
  const pause = box.querySelector("[data-timer-pause]");
  let left = total;
  let ticking = null;
  const draw = () => {
    const minutes = Math.floor(left / 60);
    display.textContent = `${minutes}:${String(left % 60).padStart(2, "0")}`;
    box.classList.toggle("timer-up", left === 0);
  };
  const stop = () => {
    clearInterval(ticking);
    ticking = null;
    start.hidden = false;
    pause.hidden = true;
  };
  start.addEventListener("click", () => {
    if (left === 0) left = total;
    statusLine.textContent = "";
    ticking = setInterval(() => {
      left = Math.max(left - 1, 0);
      draw();
      if (left === 0) {
        stop();
        statusLine.textContent = root.dataset.timeUp;
      }
    }, 1000);
    start.hidden = true;
    pause.hidden = false;
    pause.focus();
  });
  pause.addEventListener("click", () => {
    stop();
    start.focus();
  });
  box.querySelector("[data-timer-reset]").addEventListener("click", () => {
    stop();
    left = total;
    statusLine.textContent = "";
    draw();
  });
  box.querySelector("[data-timer-buttons]").hidden = false;
  draw();
}

if (root && screens.length) {
  root.classList.add("presenting");
  root.querySelector("[data-present-nav]").hidden = false;
  root.querySelector("[data-present-prev]").addEventListener("click", () => show(current - 1));
  root.querySelector("[data-present-next]").addEventListener("click", () => show(current + 1));
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select, video, audio")) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault();
      show(current + 1);
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault();
      show(current - 1);
    }
  });
  const full = root.querySelector("[data-present-fullscreen]");
  if (document.fullscreenEnabled) {
    full.hidden = false;
    full.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else root.requestFullscreen();
    });
    document.addEventListener("fullscreenchange", () => {
      full.setAttribute("aria-pressed", String(document.fullscreenElement === root));
    });
    full.setAttribute("aria-pressed", "false");
  }
  for (const box of root.querySelectorAll("[data-timer]")) timerOf(box);
  const fromHash = /^#screen-(\d+)$/.exec(location.hash);
  show(fromHash ? Number(fromHash[1]) - 1 : 0, { focus: false });
}
