// Builds the maps' front-end libraries from node_modules into .local/vendor/ (or $VENDOR_DIR),
// which Django serves as static/vendor/. Run by `make` (the .local/vendor/.built target) and by
// the Dockerfile's front-end stage; the libraries come from package-lock.json, never from the repo.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const out = resolve(process.env.VENDOR_DIR || join(root, ".local", "vendor"));
const modules = join(root, "node_modules");
mkdirSync(out, { recursive: true });

// The tile decoder: @mapbox/vector-tile and pbf as one small ES module.
await build({
  entryPoints: [join(here, "mvt.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  outfile: join(out, "mvt.js"),
  logLevel: "warning",
});

// Libraries whose own dist files are the browser build: copied as they are, with their licences.
const copies = {
  "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.min.js": "leaflet-geoman.min.js",
  "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css": "leaflet-geoman.css",
  "@geoman-io/leaflet-geoman-free/LICENSE": "leaflet-geoman.LICENSE.txt",
  "protomaps-leaflet/dist/protomaps-leaflet.js": "protomaps-leaflet.js",
  "protomaps-leaflet/LICENSE": "protomaps-leaflet.LICENSE.txt",
};
for (const [from, to] of Object.entries(copies)) {
  copyFileSync(join(modules, from), join(out, to));
}
writeFileSync(join(out, ".built"), new Date().toISOString() + "\n");
console.log(`Front-end libraries built in ${out}`);
