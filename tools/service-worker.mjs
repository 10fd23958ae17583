// Writes the site's service worker with Workbox (workbox-build's generateSW), from the built files.
// Usage: node tools/service-worker.mjs SITE_DIR IGNORE_GLOB...
// Every file of SITE_DIR is precached except the IGNORE_GLOBs (source maps, the sitemap, search
// languages the site does not use). Each entry carries a content hash, so a new build gives a new
// sw.js and only changed files are fetched again; old entries are deleted when it takes over.
import { generateSW } from "workbox-build";

const [site, ...globIgnores] = process.argv.slice(2);
const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*"],
  globIgnores: ["sw.js", ...globIgnores],
  swDest: `${site}/sw.js`,
  cacheId: "registratiewijzer",
  // Pyodide is the largest file (the wasm, ~10 MB); nothing may be left out silently.
  maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  // Paths that carry Pyodide's version or a content hash already: fetched without cache-busting,
  // so the copy the page itself just downloaded comes from the HTTP cache instead of the network.
  dontCacheBustURLsMatching: /^assets\/pyodide\/[^/]+\/|\.[0-9a-f]{8,}\.min\.(?:js|css)$/,
  // Decision-tree answers and `?v=` hashes live in the query; the stored page is the same.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: "index.html",
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: false, // a new version waits until the visitor presses the button on the page
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
});
for (const warning of warnings) console.error(warning);
console.log(JSON.stringify({ count, size }));
