// Reading the GeoJSON API the way every map does: in the page's language, every page of it.

import { pageLanguage } from "./config.js";

/** GET a GeoJSON document; throws on an answer other than 2xx. */
export async function fetchGeoJSON(url, { signal } = {}) {
  const response = await fetch(url, {
    signal,
    headers: { Accept: "application/geo+json", "Accept-Language": pageLanguage() },
  });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

/**
 * Every feature of a paged FeatureCollection: the first answer, then each `next` link it gives,
 * so the map stays complete whatever page size the API allows.
 */
export async function fetchAllFeatures(url, { signal } = {}) {
  const features = [];
  const seen = new Set();
  let next = url;
  while (next && !seen.has(next)) {
    seen.add(next);
    const collection = await fetchGeoJSON(next, { signal });
    features.push(...collection.features);
    next = (collection.links ?? []).find((link) => link.rel === "next")?.href;
  }
  return { type: "FeatureCollection", features };
}
