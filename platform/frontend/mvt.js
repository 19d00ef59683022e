// Entry of .local/vendor/mvt.js: the vector-tile decoder for the campaign map, as an ES module.
// Bundled by build.mjs from npm packages; never edited by hand and never committed.
export { VectorTile } from "@mapbox/vector-tile";
export { PbfReader as Pbf } from "pbf";
