// Classic script in the puntencheck page's <head>: starts the calculator's worker (Python) before
// the page's own modules have loaded, so Python starts while the page is still being built. The
// page's engine (engine.js) takes the worker over from window.puntencheckBoot, with the messages
// the worker sent meanwhile. Its data attributes: data-assets (the data folder's URL) and
// data-start ({pyodide, wheel, snapshot, download_bytes}: URLs relative to that folder).
(function () {
  "use strict";
  var script = document.currentScript;
  var boot = { worker: null, early: [], fault: null };
  window.puntencheckBoot = boot;

  function keep(event) {
    boot.early.push(event);
  }

  try {
    if (typeof WebAssembly !== "object") throw { kind: "no-wasm" };
    var assets = new URL(script.dataset.assets, location.href);
    var start = JSON.parse(script.dataset.start);
    var at = function (path) { return path ? new URL(path, assets).href : null; };
    try {
      boot.worker = new Worker(new URL("worker.js", script.src), { type: "module" });
    } catch (error) {
      throw { kind: "worker", detail: String(error) };
    }
    boot.worker.addEventListener("message", keep);
    boot.worker.addEventListener("error", keep);
    boot.keep = keep;
    boot.worker.postMessage({
      type: "start", pyodide: at(start.pyodide), wheel: at(start.wheel), snapshot: at(start.snapshot),
      downloadBytes: start.download_bytes || 0,
    });
  } catch (fault) {
    boot.fault = fault && fault.kind ? fault : { kind: "start", detail: String(fault) };
  }
})();
