// The campaign pages' service worker (docs/decisions/0046), served at /sw.js by
// engagement/participation/offline.py, which puts the site's facts before this code as
// self.YHDESSA (language prefixes, the roots of the static files, the API and the base maps).
//
// It keeps only what a campaign page needs to open and work without a connection: the campaign
// pages the visitor opened, the static files and the script catalog they loaded, their GET reads
// of pins (the tiles and the API), and the self-hosted base map, kept whole and answered in byte
// ranges. Everything else (accounts, moderation, the admin, every write, the kiosk and the live
// screen) is not touched: the browser fetches it as if there were no worker.

const FACTS = self.YHDESSA;
const CACHES = {
  pages: "yhdessa-pages-v1",
  files: "yhdessa-files-v1",
  data: "yhdessa-data-v1",
  basemap: "yhdessa-basemap-v1",
};
// At most this many pin reads (tiles, API pages) are kept; the oldest go first.
const DATA_ENTRIES = 500;
// A slow connection (a "lie-fi" on a walk): after this long, a kept copy answers instead.
const NETWORK_WAIT_MS = 4000;

const languages = FACTS.languages.map((code) => code.replace(/[^a-z-]/g, "")).join("|");
const prefix = languages ? `(?:/(?:${languages}))?` : "";
// A campaign's page, or the site's front page (the default campaign's page, in each language).
const CAMPAIGN_PAGE = new RegExp(`^${prefix}/(?:campaigns/[^/]+/)?$`);
const CATALOG = new RegExp(`^${prefix}/jsi18n/$`);
// A static file whose name carries its content's hash (ManifestStaticFilesStorage): it never
// changes, so a kept copy is always right.
const HASHED = /\.[0-9a-f]{12}(\.[^./]+)$/;

/** What a request is to this worker, from its address alone; null: not ours to answer. */
function kindOf(url) {
  if (url.origin !== self.location.origin) return null;
  const path = url.pathname;
  if (CAMPAIGN_PAGE.test(path)) return "page";
  if (path.startsWith(FACTS.staticUrl) || CATALOG.test(path)) return "file";
  if (path.startsWith(FACTS.basemapPrefix)) return "basemap";
  if (path.startsWith(FACTS.tilesPrefix) || path.startsWith(FACTS.apiPrefix)) return "data";
  return null;
}

/** A campaign page (never its kiosk or live screen, which are other addresses). */
async function fromCampaignPage(event) {
  if (!event.clientId) return false;
  const client = await self.clients.get(event.clientId);
  return Boolean(client && CAMPAIGN_PAGE.test(new URL(client.url).pathname));
}

function keepable(response) {
  return response && response.ok && response.type === "basic" && !response.redirected;
}

/** The network's answer, kept; without a network (or after NETWORK_WAIT_MS), the kept one. */
async function networkFirst(request, cacheName, { fallback } = {}) {
  const cache = await caches.open(cacheName);
  const network = fetch(request).then(async (response) => {
    if (keepable(response)) {
      await cache.put(request, response.clone());
      if (cacheName === CACHES.data) trimLater(cache);
    }
    return response;
  });
  network.catch(() => {}); // answered below; a late failure after a kept copy is no error
  const kept = async () =>
    (await cache.match(request, { ignoreVary: true })) ?? (fallback ? await fallback(cache) : null);
  const timer = new Promise((resolve) => {
    setTimeout(async () => resolve(await kept()), NETWORK_WAIT_MS);
  });
  try {
    const first = await Promise.race([network, timer]);
    return first ?? (await network);
  } catch (error) {
    const copy = await kept();
    if (copy) return copy;
    throw error;
  }
}

let puts = 0;
function trimLater(cache) {
  puts += 1;
  if (puts % 25) return;
  cache.keys().then(async (keys) => {
    for (const key of keys.slice(0, Math.max(0, keys.length - DATA_ENTRIES))) {
      await cache.delete(key);
    }
  });
}

/** A hashed file is answered from the cache; others from the network first. */
async function fileAnswer(request) {
  if (HASHED.test(new URL(request.url).pathname)) {
    const cache = await caches.open(CACHES.files);
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
  }
  return networkFirst(request, CACHES.files);
}

/** A page opened with another query (a filter) falls back to the page as kept. */
function pageAnswer(request) {
  return networkFirst(request, CACHES.pages, {
    fallback: (cache) => cache.match(request.url, { ignoreSearch: true, ignoreVary: true }),
  });
}

/** The base map's bytes from the whole file kept, as the server answers a range (206). */
async function basemapAnswer(request) {
  const cache = await caches.open(CACHES.basemap);
  const whole = await cache.match(request.url, { ignoreVary: true });
  if (!whole) return fetch(request);
  return rangeOf(whole, request.headers.get("Range"));
}

async function rangeOf(whole, header) {
  const blob = await whole.blob();
  const size = blob.size;
  const headers = {
    "Content-Type": whole.headers.get("Content-Type") || "application/vnd.pmtiles",
    "Accept-Ranges": "bytes",
  };
  const etag = whole.headers.get("ETag");
  if (etag) headers.ETag = etag;
  const spec = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header || "");
  if (!spec || (spec[1] === "" && spec[2] === "")) {
    return new Response(blob, { status: 200, headers: { ...headers, "Content-Length": `${size}` } });
  }
  let start;
  let end;
  if (spec[1] === "") {
    start = Math.max(0, size - Number(spec[2]));
    end = size - 1;
  } else {
    start = Number(spec[1]);
    end = spec[2] === "" ? size - 1 : Math.min(Number(spec[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${size}` },
    });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      ...headers,
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": `${end - start + 1}`,
    },
  });
}

const ANSWERS = { file: fileAnswer, data: (r) => networkFirst(r, CACHES.data), basemap: basemapAnswer };

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const kind = kindOf(new URL(request.url));
  if (!kind) return;
  if ((request.headers.get("Accept") || "").includes("text/event-stream")) return;
  if (kind === "page") {
    if (request.mode === "navigate") event.respondWith(pageAnswer(request));
    return;
  }
  event.respondWith(
    fromCampaignPage(event).then((ours) => (ours ? ANSWERS[kind](request) : fetch(request))),
  );
});

// Keeping what the page loaded ---------------------------------------------------------------

/** The file's name without its hash: two versions of one file have the same. */
function unhashed(url) {
  return new URL(url).pathname.replace(HASHED, "$1");
}

/** Keeps the page and the files it loaded (the page sends their addresses); an older version
 * of a hashed file goes. Answers how many were kept and which failed. */
async function precache(urls) {
  const wanted = [];
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    const kind = kindOf(url);
    if (kind === "page" || kind === "file" || kind === "data") wanted.push([kind, url.href]);
  }
  const failed = [];
  const names = { page: CACHES.pages, file: CACHES.files, data: CACHES.data };
  await Promise.all(
    wanted.map(async ([kind, href]) => {
      const cache = await caches.open(names[kind]);
      if (kind === "file" && HASHED.test(new URL(href).pathname) && (await cache.match(href))) {
        return;
      }
      try {
        const response = await fetch(href, { credentials: "same-origin" });
        if (!keepable(response)) throw new Error(String(response.status));
        await cache.put(href, response);
      } catch {
        failed.push(href);
      }
    }),
  );
  const files = await caches.open(CACHES.files);
  const current = new Set(wanted.filter(([kind]) => kind === "file").map(([, href]) => href));
  const currentNames = new Set([...current].map(unhashed));
  for (const key of await files.keys()) {
    if (!current.has(key.url) && currentNames.has(unhashed(key.url))) await files.delete(key);
  }
  return { kept: wanted.length - failed.length, failed };
}

/** Keeps the whole base map file when it is at most maxBytes; an older version of it goes. */
async function keepBasemap(href, maxBytes) {
  const cache = await caches.open(CACHES.basemap);
  const url = new URL(href, self.location.origin);
  const kept = await cache.match(url.href);
  if (kept) return { bytes: (await kept.blob()).size };
  const response = await fetch(url.href, { credentials: "same-origin" });
  if (!keepable(response)) return { error: String(response.status) };
  const length = Number(response.headers.get("Content-Length") || "0");
  if (length > maxBytes) {
    await response.body?.cancel();
    return { tooLarge: length };
  }
  const blob = await response.blob();
  if (blob.size > maxBytes) return { tooLarge: blob.size };
  const headers = new Headers(response.headers);
  headers.set("Content-Length", String(blob.size));
  await cache.put(url.href, new Response(blob, { status: 200, headers }));
  for (const key of await cache.keys()) {
    if (key.url !== url.href && new URL(key.url).pathname === url.pathname) await cache.delete(key);
  }
  return { bytes: blob.size };
}

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (!port || !event.data) return;
  const { type } = event.data;
  let work = null;
  if (type === "precache") work = precache(event.data.urls || []);
  else if (type === "basemap") work = keepBasemap(event.data.url, event.data.maxBytes);
  else if (type === "version") work = Promise.resolve({ version: FACTS.version });
  if (!work) return;
  event.waitUntil(
    work.then(
      (answer) => port.postMessage(answer),
      (error) => port.postMessage({ error: String(error) }),
    ),
  );
});

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  const ours = new Set(Object.values(CACHES));
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("yhdessa-") && !ours.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});
