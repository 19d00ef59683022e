// The workshop plan's editor: "Move up" and "Move down" reorder the items in the page (the
// order is saved with the form, whose hidden `item` fields follow the page's order), keep the
// focus on the pressed button and say the new place in the live region; the start times and
// the total follow the minutes as they are typed. Without this script each button posts the
// form and the server does the same.

const list = document.getElementById("plan-items");
const status = document.getElementById("plan-status");
const startField = document.querySelector("[data-start-time]");
const total = document.querySelector("#plan-total [data-total]");

function fill(pattern, values) {
  return pattern.replace(/%\((\w+)\)s/g, (_, key) => String(values[key] ?? ""));
}

function duration(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours
    ? fill(list.dataset.formatHours, { h: hours, m: rest })
    : fill(list.dataset.formatMinutes, { m: rest });
}

function startMinutes() {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(startField?.value ?? "");
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function clock(minutes) {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, "0")}:${String(day % 60).padStart(2, "0")}`;
}

function items() {
  return [...list.querySelectorAll(":scope > li.plan-item")];
}

function refresh() {
  const start = startMinutes();
  let offset = 0;
  const all = items();
  all.forEach((item, index) => {
    item.querySelector("[data-number]").textContent = String(index + 1);
    const time = item.querySelector("[data-item-time]");
    time.textContent =
      start === null
        ? fill(list.dataset.startsAfter, { duration: duration(offset) })
        : fill(list.dataset.startsAt, { time: clock(start + offset) });
    const typed = Number.parseInt(item.querySelector("[data-minutes]")?.value ?? "0", 10);
    offset += Number.isFinite(typed) && typed > 0 ? Math.min(typed, 480) : 0;
    const up = item.querySelector('[data-move="up"]');
    const down = item.querySelector('[data-move="down"]');
    up?.setAttribute("aria-disabled", String(index === 0));
    down?.setAttribute("aria-disabled", String(index === all.length - 1));
  });
  if (total) total.textContent = duration(offset);
}

if (list) {
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    event.preventDefault();
    const item = button.closest("li.plan-item");
    const way = button.dataset.move;
    const sibling = way === "up" ? item.previousElementSibling : item.nextElementSibling;
    if (sibling?.classList.contains("plan-item")) {
      if (way === "up") sibling.before(item);
      else sibling.after(item);
    }
    // Moving a node takes the focus away from what it holds: give it back.
    button.focus();
    refresh();
    const all = items();
    status.textContent = `${fill(list.dataset.moved, {
      title: item.dataset.heading,
      n: all.indexOf(item) + 1,
      count: all.length,
    })} ${list.dataset.unsaved}`;
  });
  list.addEventListener("input", (event) => {
    if (event.target.matches("[data-minutes]")) refresh();
  });
  startField?.addEventListener("input", refresh);
  document.getElementById("error-summary")?.focus();
}
