// While the worker makes a story video's web version, the editor's video page asks for itself
// every few seconds and puts the new state in place, read out by a status region: the editor
// need not press "Check again" (the link stays, for a page without this script).

const section = document.getElementById("video-state-section");
const news = document.getElementById("video-state-news");
const EVERY_MS = 3000;
const GIVE_UP_MS = 60 * 60 * 1000; // a transcode never takes an hour (VIDEO_MAX_SECONDS)
const started = Date.now();

const stateOf = (root) => root?.querySelector("#video-state")?.dataset.state;

async function check() {
  if (stateOf(section) !== "processing" || Date.now() - started > GIVE_UP_MS) return;
  try {
    const response = await fetch(window.location.href, {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    });
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("video-state-section");
      if (fresh && stateOf(fresh) !== "processing") {
        section.replaceChildren(...[...fresh.childNodes].map((node) => document.adoptNode(node)));
        news.textContent = section.querySelector("#video-state").textContent.trim();
        return;
      }
    }
  } catch {
    // Offline for a moment: the next check tries again.
  }
  window.setTimeout(check, EVERY_MS);
}

if (section && news) window.setTimeout(check, EVERY_MS);
