// What changes on a narrow screen (a phone, or a zoomed-in desktop): the main navigation folds
// behind a menu button, and long texts marked data-fold-narrow (a campaign's description) fold
// away so the map and the "add your idea" action are on the first screen. Without this script
// the links wrap and the texts stay open: nothing is lost, the page is only longer.

const NARROW = window.matchMedia("(max-width: 40rem)");

const header = document.querySelector(".site-header");
const button = header?.querySelector(".menu-button");
const menu = button && document.getElementById(button.getAttribute("aria-controls"));

function menuSet(open) {
  button.setAttribute("aria-expanded", String(open));
  header.dataset.menu = open ? "open" : "closed";
}

if (button && menu) {
  button.hidden = false;
  menuSet(false);
  button.addEventListener("click", () => menuSet(button.getAttribute("aria-expanded") !== "true"));
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && NARROW.matches && header.dataset.menu === "open") {
      menuSet(false);
      button.focus();
    }
  });
}

function foldsSet() {
  for (const details of document.querySelectorAll("details[data-fold-narrow]")) {
    details.open = !NARROW.matches;
  }
}

foldsSet();
NARROW.addEventListener("change", foldsSet);
