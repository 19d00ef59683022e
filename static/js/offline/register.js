// The campaign page keeps itself for use without a connection (docs/decisions/0046): it
// registers the site's service worker (/sw.js), then sends it the addresses of what the page
// loaded (its own address, its scripts, styles, images and the script catalog, its first pin
// reads), and asks it to keep the self-hosted base map whole when it is small enough
// (OFFLINE_BASEMAP_MAX_BYTES). What is kept is said in #offline-status, sizes in the page's
// language; data-state on it is "ready" or "failed" once that is known (tests read it).

import { pageLanguage } from "../lib/config.js";
import { gettext, interpolate } from "../lib/i18n.js";

/** A size as the reader writes it: "48 kB", "48 kt", "1,2 MB". */
export function formatBytes(bytes) {
  const megabytes = bytes >= 1e6;
  const format = new Intl.NumberFormat(pageLanguage(), {
    style: "unit",
    unit: megabytes ? "megabyte" : "kilobyte",
    unitDisplay: "short",
    maximumFractionDigits: megabytes ? 1 : 0,
  });
  return format.format(megabytes ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3)));
}

/** The worker's answer to one message (a MessageChannel's reply), or {error} after timeoutMs. */
function ask(worker, message, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve({ error: "timeout" }), timeoutMs);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data ?? {});
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** This site's addresses the page has loaded so far, the page first. */
function loadedUrls() {
  const urls = new Set([location.href.split("#")[0]]);
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name, location.href);
    if (url.origin === location.origin) urls.add(url.href);
  }
  return [...urls];
}

async function keepBasemaps(worker, offline) {
  const texts = [];
  let kept = 0;
  for (const basemap of offline.basemaps ?? []) {
    const limit = offline.basemapMaxBytes;
    let answer = { tooLarge: basemap.bytes };
    if (basemap.bytes <= limit) {
      // A large file on a slow connection takes its time.
      answer = await ask(worker, { type: "basemap", url: basemap.url, maxBytes: limit }, 300_000);
    }
    if (answer.tooLarge) {
      const text = gettext("The base map is too large to keep for offline use (%(size)s, the limit is %(limit)s).");
      texts.push(
        interpolate(text, { size: formatBytes(answer.tooLarge), limit: formatBytes(limit) }),
      );
    } else if (answer.bytes) {
      kept += 1;
      const text = gettext("Ready for offline use: the page, the base map (%(size)s).");
      texts.unshift(interpolate(text, { size: formatBytes(answer.bytes) }));
    } else {
      texts.push(gettext("The base map could not be kept for offline use."));
    }
  }
  if (!kept) texts.unshift(gettext("Ready for offline use: the page."));
  return texts.join(" ");
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Registers the worker and keeps the page; says so in #offline-status. */
export async function setupOffline(offline) {
  const status = document.getElementById("offline-status");
  if (!offline || !status || !("serviceWorker" in navigator) || !window.caches) return;
  const say = (text, state) => {
    status.textContent = text;
    status.dataset.state = state;
  };
  try {
    await navigator.serviceWorker.register(offline.serviceWorker, { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    // Ask the browser not to clear the kept files when space runs short (no prompt in most).
    navigator.storage?.persist?.().catch(() => {});
    // The first pins and tiles load after the map starts: give them a moment to be listed.
    await wait(800);
    const worker = registration.active;
    if (!navigator.onLine) {
      say(gettext("No connection: this page was opened from what this device keeps."), "ready");
      return;
    }
    const answer = await ask(worker, { type: "precache", urls: loadedUrls() });
    if (answer.error) throw new Error(answer.error);
    say(await keepBasemaps(worker, offline), "ready");
  } catch {
    say(gettext("This page could not be kept for offline use."), "failed");
  }
}
