// Module worker: starts Pyodide once, installs the calculator wheel and hands each request to the
// package's browser module (calculator/browser.py); no Python lives here.
// Python starts from a memory snapshot when it can: the one stored in this browser (snapshots.js),
// else the build's (gunzipped, then stored); with neither it starts the plain way and stores one.
// Messages in:  {type: "start", pyodide, wheel, snapshot, downloadBytes}  (absolute URLs, snapshot may be
//                null; sent by boot.js from the page's <head>)
//               {type: "norms", norms}  (the norms JSON text the page holds; sent once its modules run)
//               {type: "check", id, portfolio, today, pending}  (pending: rows of the form left out for now)
//               {type: "read", id, data, name}  (data: the file's bytes)
//               {type: "calendar", id, verdict, url}  (the verdict's key dates as an .ics file)
// Messages out: {type: "progress", loaded, total} | {type: "ready", timings} | {type: "fault", kind, file?, detail}
//               {type: "answer", id, envelope}  (the JSON text calculator.browser returns)

import { forgetSnapshot, snapshotKey, storedSnapshot, storeSnapshot } from "./snapshots.js";

// Smallest valid WebAssembly module: compiling it fails at once when a CSP forbids WebAssembly,
// where Pyodide itself would hang.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
// Files without which loadPyodide never settles or fails without naming them.
const PYODIDE_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm"];
const LOCK_FILE = "pyodide-lock.json";

// Every byte the worker fetches (Pyodide's own requests too) is counted and reported to the page.
const PROGRESS_EVERY_MS = 100;
const download = { loaded: 0, total: 0, reported: 0 };
const plainFetch = self.fetch.bind(self);
self.fetch = async (...request) => {
  const response = await plainFetch(...request);
  countBytes(response.clone());
  return response;
};

/** Count a copy's bytes as the network delivers them. The response itself stays as the browser
 * made it, so WebAssembly can be compiled while it streams (and from the browser's code cache). */
async function countBytes(copy) {
  if (!copy.body) return;
  const reader = copy.body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      download.loaded += chunk.value.byteLength;
      reportProgress(false);
    }
    reportProgress(true);
  } catch {
    // a broken download fails where the response itself is read
  }
}

function reportProgress(now) {
  if (!now && performance.now() - download.reported < PROGRESS_EVERY_MS) return;
  download.reported = performance.now();
  postMessage({ type: "progress", loaded: download.loaded, total: download.total });
}

let python = null;
let norms = "";
let pageTookOver = () => {};
const pageHere = new Promise((resolve) => { pageTookOver = resolve; });

class Fault extends Error {
  constructor(kind, detail, file = null) {
    super(detail);
    this.kind = kind;
    this.file = file;
  }
}

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Fault("missing", String(error), fileName(url));
  }
  if (!response.ok) throw new Fault("missing", `HTTP ${response.status}`, fileName(url));
  return new Uint8Array(await response.arrayBuffer());
}

function fileName(url) {
  return new URL(url).pathname.split("/").pop();
}

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function start({ pyodide: indexURL, wheel, snapshot, downloadBytes = 0 }) {
  const t0 = performance.now();
  download.total = downloadBytes;
  try {
    await WebAssembly.compile(EMPTY_WASM);
  } catch (error) {
    throw new Fault("csp", String(error));
  }
  // Pyodide's two modules load side by side (it imports pyodide.asm.mjs itself, later; the module
  // is then already there). A failure is Pyodide's to report.
  import(`${indexURL}pyodide.asm.mjs`).catch(() => {});
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(`${indexURL}pyodide.mjs`));
  } catch (error) {
    throw new Fault("missing", String(error), "pyodide.mjs");
  }
  const wheelFile = fetchBytes(wheel);
  wheelFile.catch(() => {});  // handled below; a 404 must not wait for Python
  const key = snapshotKey(indexURL, wheel);
  const tRead = performance.now();
  // The stored snapshot's bytes are read while Pyodide fetches and compiles its own files.
  const stored = await storedSnapshot(key);
  let read = 0;
  const storedBytes = stored?.bytes().finally(() => { read = performance.now() - tRead; });
  // The lock file read here, not by Pyodide: its failure then names the file instead of being an
  // unhandled rejection inside Pyodide.
  const lockFile = fetchBytes(`${indexURL}${LOCK_FILE}`).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)))
    .catch((error) => { throw error instanceof Fault ? error : new Fault("missing", String(error), LOCK_FILE); });
  lockFile.catch(() => {});
  const options = {
    indexURL, packageBaseUrl: indexURL, lockFileContents: lockFile, packages: [], stdout: () => {}, stderr: () => {},
  };
  // Without a stored snapshot Python's plain start keeps both cores busy for seconds: it waits
  // until the page's modules are there (they send the norms), so the form comes first.
  if (!stored) await pageHere;
  if (stored) options._loadSnapshot = storedBytes;
  else if (snapshot) options._loadSnapshot = fetchBytes(snapshot).then(gunzip);
  else options._makeSnapshot = true;
  const missing = missingFile(indexURL);
  missing.catch(() => {});
  // A failed load waits briefly for the file checks, so a missing file is named even when
  // Pyodide's own import fails first.
  const loading = Promise.all([loadWithFallback(loadPyodide, options, key), wheelFile, lockFile])
    .catch((error) => Promise.race([missing, new Promise((done) => setTimeout(done, 2000))]).then(() => { throw error; }));
  const [py, wheelBytes] = await Promise.race([loading, missing]);
  const t1 = performance.now();
  py.unpackArchive(wheelBytes, "wheel");
  py.pyimport("calculator.browser").destroy();  // imported before the snapshot, no proxy kept
  // Taken now: the calculator is imported and no portfolio has been seen.
  const keep = options._makeSnapshot ? () => storeSnapshot(key, py.makeMemorySnapshot())
    : !stored && snapshot ? () => options._loadSnapshot.then((bytes) => storeSnapshot(key, bytes), () => {}) : null;
  python = py.pyimport("calculator.browser");
  const how = stored ? "stored" : snapshot ? "build" : "none";
  return { timings: { read, load: t1 - t0, total: performance.now() - t0, snapshot: how }, keep };
}

/** Rejects with a "missing" Fault as soon as the server says a file Pyodide needs is not there;
 * otherwise never settles. No answer at all (offline) is left to Pyodide's own loading. Files in
 * the offline copy (service worker) are not asked for: no request on a return visit or offline. */
function missingFile(indexURL) {
  return new Promise((_, reject) => {
    for (const name of PYODIDE_FILES) {
      inOfflineCopy(`${indexURL}${name}`).then((stored) => stored || fetch(`${indexURL}${name}`, { method: "HEAD" }))
        .then((response) => {
          if (response !== true && !response.ok) reject(new Fault("missing", `HTTP ${response.status}`, name));
        }, () => {});
    }
  });
}

function inOfflineCopy(url) {
  return typeof caches === "undefined" ? Promise.resolve(false) : caches.match(url).then(Boolean, () => false);
}

/** Start from the memory snapshot; if it cannot be had or restored, start Python the plain way. */
async function loadWithFallback(loadPyodide, options, key) {
  if (!options._loadSnapshot) return loadPyodide(options);
  try {
    return await loadPyodide(options);
  } catch {
    forgetSnapshot(key);
    const { _loadSnapshot, ...plain } = options;
    return loadPyodide(plain);
  }
}


const HANDLERS = {
  async start(message) {
    try {
      const { timings, keep } = await start(message);
      postMessage({ type: "ready", timings });
      keep?.(); // after "ready", before any request: the form is not kept waiting for it
    } catch (error) {
      const kind = error instanceof Fault ? error.kind : "start";
      postMessage({ type: "fault", kind, file: error.file ?? null, detail: String(error.message ?? error) });
    }
  },
  norms({ norms: text }) {
    norms = text;
    pageTookOver();
  },
  check({ id, portfolio, today, pending = 0 }) {
    answer(id, () => python.check(portfolio, norms, today, pending));
  },
  read({ id, data, name }) {
    answer(id, () => python.read_portfolio_file(data, name, norms));
  },
  calendar({ id, verdict, url }) {
    answer(id, () => python.calendar(verdict, url ?? ""));
  },
};

/** Post the envelope `work` returns; a failure of Python itself still answers (in Dutch, details for the console). */
function answer(id, work) {
  let envelope;
  try {
    envelope = work();
  } catch (error) {
    const message = "De puntencheck kon dit niet verwerken door een fout in de rekenmodule. Herlaad de pagina; " +
      "je gegevens blijven staan.";
    envelope = JSON.stringify({ ok: false, error: { path: "", message, text: message, unexpected: String(error) } });
  }
  postMessage({ type: "answer", id, envelope });
}

// Pyodide loads some files in promises nobody awaits; when one fails, the start fails or times out
// and the page says so. The error itself only goes to the console, as a warning.
for (const type of ["unhandledrejection", "error"]) {
  self.addEventListener(type, (event) => {
    event.preventDefault();
    console.warn("Puntencheck (worker):", event.reason ?? event.message);
  });
}

self.addEventListener("message", (event) => HANDLERS[event.data.type](event.data));
