// Unit tests of the engine's take-over of the worker boot.js started (node --test, a fake worker):
// what the worker said before the page's modules ran is not lost, and a boot that failed is a fault.
import assert from "node:assert/strict";
import { test } from "node:test";

import { EngineFault, startEngine } from "../../docs/assets/puntencheck/engine.js";

/** A worker stand-in: records what is posted to it, lets a test deliver messages and errors. */
class FakeWorker extends EventTarget {
  constructor() {
    super();
    this.posted = [];
  }

  postMessage(message) {
    this.posted.push(message);
  }

  say(data) {
    this.dispatchEvent(Object.assign(new Event("message"), { data }));
  }
}

/** What boot.js leaves in window.puntencheckBoot: the worker, a listener that keeps early events. */
function bootWith(worker) {
  const boot = { worker, early: [], fault: null };
  boot.keep = (event) => boot.early.push(event);
  worker.addEventListener("message", boot.keep);
  worker.addEventListener("error", boot.keep);
  return boot;
}

const OPTIONS = { timeoutMs: 60_000 };

test("messages the worker sent before the engine took over are handled, in order", async () => {
  const worker = new FakeWorker();
  const boot = bootWith(worker);
  worker.say({ type: "progress", loaded: 5, total: 10 });
  worker.say({ type: "ready", timings: { total: 42 } });
  const progress = [];
  const engine = startEngine(boot, "{\"registers\":{}}", { ...OPTIONS, onProgress: (...bytes) => progress.push(bytes) });
  assert.deepEqual(await engine.booted, { total: 42 });
  assert.deepEqual(progress, [[5, 10]]);
  assert.deepEqual(worker.posted, [{ type: "norms", norms: "{\"registers\":{}}" }]);
  assert.equal(boot.early.length, 0);
});

test("after the take-over the engine answers requests; the boot's listener no longer keeps events", async () => {
  const worker = new FakeWorker();
  const boot = bootWith(worker);
  const engine = startEngine(boot, "{}", OPTIONS);
  worker.say({ type: "ready", timings: {} });
  await engine.ready;
  const answer = engine.check({ register: "x" }, "2026-12-02");
  await new Promise((resolve) => setTimeout(resolve, 0));
  const request = worker.posted.find((message) => message.type === "check");
  assert.equal(request.today, "2026-12-02");
  worker.say({ type: "answer", id: request.id, envelope: JSON.stringify({ ok: true, verdict: { met: true } }) });
  assert.deepEqual((await answer).verdict, { met: true });
  assert.equal(boot.early.length, 0);
});

test("a fault before the take-over rejects the start with its kind and file", async () => {
  const worker = new FakeWorker();
  const boot = bootWith(worker);
  worker.say({ type: "fault", kind: "missing", file: "pyodide.asm.wasm", detail: "HTTP 404" });
  const engine = startEngine(boot, "{}", OPTIONS);
  await assert.rejects(engine.booted, (fault) => fault instanceof EngineFault && fault.kind === "missing"
    && fault.file === "pyodide.asm.wasm");
});

test("a worker script that failed to load is named", async () => {
  const worker = new FakeWorker();
  const boot = bootWith(worker);
  worker.dispatchEvent(new Event("error"));
  await assert.rejects(startEngine(boot, "{}", OPTIONS).booted, (fault) => fault.kind === "missing" && fault.file === "worker.js");
});

test("no boot (boot.js missing or blocked) and a failed boot are faults with the boot's kind", async () => {
  await assert.rejects(startEngine(undefined, "{}", OPTIONS).booted, (fault) => fault.kind === "missing" && fault.file === "boot.js");
  for (const kind of ["no-wasm", "worker", "start"]) {
    const boot = { worker: null, early: [], fault: { kind, detail: "x" } };
    await assert.rejects(startEngine(boot, "{}", OPTIONS).booted, (fault) => fault.kind === kind, kind);
  }
});
