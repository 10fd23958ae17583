// The calculator engine on the main thread: one module worker running Pyodide, started once.
// `startEngine` returns {ready, booted, check, importCsv}. `ready` rejects with an EngineFault on a
// fault or after the start-up timeout; `booted` only on a real fault, so a slow start that ends
// after the timeout still brings the calculator (the page then clears its message).

const START_TIMEOUT_MS = 8000;

export class EngineFault extends Error {
  /** kind: no-wasm | csp | missing | timeout | worker | start; file: the file that failed, if known. */
  constructor(kind, detail = "", file = null) {
    super(detail || kind);
    this.kind = kind;
    this.file = file;
  }
}

export class InputRefused extends Error {}

/** Start the worker: {pyodide, wheel, snapshot} are absolute URLs, `norms` the norms as JSON text. */
export function startEngine(start, { timeoutMs = START_TIMEOUT_MS } = {}) {
  const pending = new Map();
  let nextId = 1;
  let worker = null;

  const booted = new Promise((resolve, reject) => {
    if (typeof WebAssembly !== "object") throw new EngineFault("no-wasm");
    try {
      worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch (error) {
      throw new EngineFault("worker", String(error));
    }
    worker.addEventListener("error", (event) => {
      reject(new EngineFault("missing", event.message || "worker", "worker.js"));
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") resolve(data.timings);
      else if (data.type === "fault") reject(new EngineFault(data.kind, data.detail, data.file));
      else if (data.type === "answer") settle(data);
    });
    worker.postMessage({ type: "start", ...start });
  });

  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new EngineFault("timeout")), timeoutMs);
  });
  const ready = Promise.race([booted, timeout]);
  ready.catch(() => {});
  booted.catch(() => {});

  function settle({ id, ok, value, message }) {
    const request = pending.get(id);
    pending.delete(id);
    if (ok) request.resolve(value);
    else request.reject(new InputRefused(message));
  }

  function ask(message) {
    return booted.then(() => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    }));
  }

  return {
    ready,
    booted,
    /** Verdict JSON text for a portfolio object; rejects with InputRefused(message). */
    check: (portfolio, today) => ask({ type: "check", portfolio: JSON.stringify(portfolio), today }),
    /** A portfolio object from CSV text, read by the calculator's own CSV reader. */
    importCsv: (text) => ask({ type: "csv", text }).then((json) => JSON.parse(json)),
  };
}
