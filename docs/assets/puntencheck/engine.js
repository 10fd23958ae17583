// The calculator engine on the main thread: talks to the module worker running Pyodide, which
// boot.js started from the page's <head> (window.puntencheckBoot) before this module loaded.
// `startEngine` returns {ready, booted, check, readPortfolio, calendar}. `ready` rejects with an
// EngineFault on a fault or when nothing arrives for the start-up timeout (a slow line that keeps
// delivering bytes never times out); `booted` only on a real fault, so a slow start that ends after
// the timeout still brings the calculator (the page then clears its message).
// `onProgress(loaded, total)` reports the bytes of the calculator's files as they arrive.

export class EngineFault extends Error {
  /** kind: no-wasm | csp | missing | timeout | worker | start; file: the file that failed, if known. */
  constructor(kind, detail = "", file = null) {
    super(detail || kind);
    this.kind = kind;
    this.file = file;
  }
}

/** Input the calculator refused: `path` of the field, `detail` (the Dutch message for next to that
 * field) and, as `message`, the one line the CLI prints for the same refusal. */
export class InputRefused extends Error {
  constructor({ path, message, text, unexpected }) {
    super(text);
    this.path = path;
    this.detail = message;
    if (unexpected) console.error("Puntencheck: fout in de rekenmodule:", unexpected);
  }
}

/** Take over the worker boot.js started (`boot`: window.puntencheckBoot) and give it the norms
 * (JSON text); `timeoutMs` comes from the page's data block (settings.start_timeout_ms). */
export function startEngine(boot, norms, { timeoutMs, onProgress = () => {} }) {
  const pending = new Map();
  let nextId = 1;
  const worker = boot?.worker ?? null;
  let timer = null;
  let timedOut = () => {};
  const timeout = new Promise((_, reject) => { timedOut = () => reject(new EngineFault("timeout", `${timeoutMs / 1000}`)); });
  function restartTimer() {
    clearTimeout(timer);
    timer = setTimeout(timedOut, timeoutMs);
  }

  const booted = new Promise((resolve, reject) => {
    if (!boot) throw new EngineFault("missing", "boot.js did not run", "boot.js");
    if (boot.fault) throw new EngineFault(boot.fault.kind, boot.fault.detail ?? "");
    const handle = (event) => {
      if (event.type === "error") {
        reject(new EngineFault("missing", event.message || "worker", "worker.js"));
        return;
      }
      const { data } = event;
      if (data.type === "progress") {
        restartTimer();
        onProgress(data.loaded, data.total);
      } else if (data.type === "ready") resolve(data.timings);
      else if (data.type === "fault") reject(new EngineFault(data.kind, data.detail, data.file));
      else if (data.type === "answer") settle(data);
    };
    for (const type of ["message", "error"]) {
      worker.removeEventListener(type, boot.keep);
      worker.addEventListener(type, handle);
    }
    boot.early.splice(0).forEach(handle);
    worker.postMessage({ type: "norms", norms });
  });

  restartTimer();
  const ready = Promise.race([booted, timeout]);
  ready.catch(() => {});
  booted.then(() => clearTimeout(timer), () => clearTimeout(timer));

  function settle({ id, envelope }) {
    const request = pending.get(id);
    pending.delete(id);
    const answer = JSON.parse(envelope);
    if (answer.ok) request.resolve(answer);
    else request.reject(new InputRefused(answer.error));
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
    /** {verdict, display} for a portfolio object (display: what the page shows, in Dutch; `pending`:
     * how many typed rows the portfolio leaves out for now, which makes it provisional); rejects with InputRefused. */
    check: (portfolio, today, pending = 0) => ask({ type: "check", portfolio: JSON.stringify(portfolio), today, pending }),
    /** A portfolio object from a file's bytes (JSON or CSV), decoded, read and checked as the CLI does. */
    readPortfolio: (data, name) => ask({ type: "read", data, name }).then((answer) => answer.portfolio),
    /** The verdict's key dates as iCalendar text; `url`: the guide's herregistratie page (or null). */
    calendar: (verdict, url) => ask({ type: "calendar", verdict: JSON.stringify(verdict), url }).then((answer) => answer.calendar),
  };
}
