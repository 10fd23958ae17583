// The puntencheck page: form at once, Python (Pyodide in a worker) as soon as it is ready.
// Exposes window.puntencheck = {ready, check(portfolio)} (ARCHITECTURE.md, Contracts).
import { el, replace } from "./dom.js";
import { DeviceStore } from "./device.js";
import { InputRefused, startEngine } from "./engine.js";
import { faultMessage } from "./faults.js";
import * as files from "./files.js";
import { PortfolioForm } from "./form.js";
import { localToday, useAmountPattern } from "./numbers.js";
import { choice, downloadStored, droppedNotice } from "./notices.js";
import { calendarDownload } from "./agenda.js";
import { showVerdict } from "./results.js";
import { emptyState, fieldOfPath, fromPortfolio, restoreReport, toPortfolio } from "./state.js";
import { examplesBlock, fileBlock } from "./toolbar.js";

const RECALCULATE_DELAY_MS = 60;

class Page {
  constructor(root, manifest, norms, examples, engine) {
    this.engine = engine;
    this.registers = norms.registers;
    const assets = new URL(root.dataset.assets, location.href);
    this.guidePage = (register) => (manifest.guide_pages?.[register] ? new URL(manifest.guide_pages[register], assets).href : null);
    this.status = root.querySelector("#pc-status");
    this.results = el("section", { class: "pc-results", "aria-labelledby": "pc-verdict", "aria-live": "polite" });
    this.refusal = el("p", { id: "pc-refusal", class: "pc-error", role: "alert", hidden: true });
    root.append(examplesBlock(examples, (example) => this.loadExample(example)));
    this.form = new PortfolioForm(root, this.registers, manifest.bodies ?? {}, () => this.schedule());
    root.append(this.refusal, this.results, fileBlock(this.fileActions()));
    this.timer = null;
    this.sequence = 0;
    this.python = false;
    this.device = new DeviceStore((text) => this.savedElsewhere(text));
  }

  /** The form from this device's saved data, as far as it is usable; says what was left out. */
  restore() {
    const { value, text } = this.device.read();
    const { state, dropped } = value === undefined
      ? { state: null, dropped: ["de bewaarde tekst is geen leesbare JSON"] } : restoreReport(value, this.registers);
    this.start(state ?? emptyState(Object.keys(this.registers)[0]));
    if (dropped.length) this.status.after(droppedNotice(dropped, text, state !== null));
    return state !== null;
  }

  /** Another tab saved or wiped: say so, and offer its version. */
  savedElsewhere(text) {
    const node = document.getElementById("pc-files-status");
    if (text === null) {
      node.textContent = "In een ander tabblad zijn je bewaarde gegevens gewist. Wat hier staat, is niet bewaard.";
      return;
    }
    choice(node, "In een ander tabblad is intussen een andere versie op dit apparaat bewaard. " +
      "Bewaar je hier, dan vraagt de pagina eerst of je die wilt overschrijven.", [
      ["Laad die versie", () => { this.restore(); node.textContent = "De versie uit het andere tabblad is geladen."; }],
      ["Download die versie", () => downloadStored(this.device.text())],
    ]);
  }

  /** Write `value` (null: wipe) to this device; a newer save from another tab is not overwritten unasked. */
  store(value, doneText, after = () => {}, force = false) {
    const node = document.getElementById("pc-files-status");
    const outcome = this.device.write(value, { force });
    if (outcome === "done") {
      after();
      node.textContent = doneText;
    } else if (outcome === "refused") {
      node.textContent = "Bewaren lukte niet: deze browser staat opslaan op dit apparaat niet toe, of de opslag is vol. " +
        "Download je portfolio als bestand om het te bewaren.";
    } else {
      choice(node, "In een ander tabblad is intussen een andere versie op dit apparaat bewaard. " +
        `${value === null ? "Wissen" : "Bewaren"} zou die vervangen.`, [
        [value === null ? "Wis toch" : "Vervang die versie", () => this.store(value, doneText, after, true)],
        ["Download die versie eerst", () => downloadStored(this.device.text())],
      ]);
    }
  }

  start(state) {
    this.form.load(state);
    this.recalculate();
  }

  loadExample(example) {
    this.start(fromPortfolio(example.portfolio, this.registers));
    document.getElementById("pc-example-status").textContent = `Voorbeeld geladen: ${example.title}.`;
  }

  schedule() {
    this.results.dataset.pending = "true";
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recalculate(), RECALCULATE_DELAY_MS);
  }

  /** Validate in the form, then let Python judge; only the newest answer is shown. */
  async recalculate() {
    const { portfolio, problems, rows } = toPortfolio(this.form.state, this.registers);
    this.form.showProblems(problems);
    if (!portfolio || !this.python) {
      if (!portfolio) replace(this.results);
      delete this.results.dataset.pending;
      return;
    }
    const sequence = ++this.sequence;
    this.results.dataset.pending = "true";
    try {
      const { verdict, display } = await this.engine.check(portfolio, localToday());
      if (sequence !== this.sequence) return;
      this.refusal.hidden = true;
      const titles = (index) => portfolio.activities[index]?.title ??
        `Activiteit ${this.form.state.activities.findIndex((row) => row.key === rows[index]) + 1}`;
      showVerdict(this.results, verdict, display, titles,
        calendarDownload(this.engine, verdict, this.guidePage(verdict.register)));
    } catch (error) {
      if (sequence !== this.sequence) return;
      replace(this.results);
      const where = fieldOfPath(error.path, rows, this.form.state);
      const unplaced = this.form.showProblems([...problems, ...(where ? [{ field: where, message: error.detail }] : [])]);
      this.refusal.textContent = where && !unplaced.length ? "" : error.message;
      this.refusal.hidden = !this.refusal.textContent;
    }
    delete this.results.dataset.pending;
  }

  pythonReady() {
    this.python = true;
    this.say("Rekenmodule klaar. De uitslag verschijnt terwijl je typt.", false);
    this.recalculate();
  }

  say(text, fault = false) {
    this.status.textContent = text;
    this.status.className = fault ? "pc-status pc-fault" : "pc-status";
  }

  fileActions() {
    const note = (text) => { document.getElementById("pc-files-status").textContent = text; };
    const current = () => toPortfolio(this.form.state, this.registers);
    const exportAs = (make, extension, type, leavesOut = () => []) => () => {
      const { portfolio, problems } = current();
      if (!portfolio) return note("Vul eerst de begindatum van je periode in.");
      try {
        files.download(make(portfolio), `portfolio-${portfolio.register}.${extension}`, type);
      } catch (error) {
        return note(error.message);
      }
      const missing = leavesOut(portfolio);
      note([problems.length ? "Geëxporteerd; onvolledige activiteiten zijn niet meegenomen." : "Geëxporteerd.",
        missing.length ? `Zonder ${missing.join(" en ")}: daar heeft CSV geen plaats voor. Exporteer als JSON om ze te bewaren.` : "",
      ].join(" ").trim());
    };
    return {
      exportJson: exportAs(files.portfolioJson, "json", "application/json"),
      exportCsv: exportAs(files.portfolioCsv, "csv", "text/csv", files.csvLeavesOut),
      importFile: async (data, name) => {
        try {
          this.start(fromPortfolio(await this.engine.readPortfolio(data, name), this.registers));
          note(`Geïmporteerd: ${name}.`);
        } catch (error) {
          if (!(error instanceof InputRefused)) console.error("Puntencheck: importeren mislukt", error);
          note(`${name} kon niet worden ingelezen: ${error instanceof InputRefused ? error.message
            : "de rekenmodule werkt niet (zie de melding bovenaan); je gegevens zijn niet veranderd."}`);
        }
      },
      save: () => this.store(this.form.state, "Bewaard op dit apparaat."),
      wipe: () => this.store(null, "Je gegevens zijn gewist van dit apparaat.",
        () => this.start(emptyState(Object.keys(this.registers)[0]))),
    };
  }
}

async function main() {
  const root = document.getElementById("pc-app");
  const status = root.querySelector("#pc-status");
  const assetsUrl = new URL(root.dataset.assets, location.href);
  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  ready.catch(() => {});  // a start fault is shown on the page; it is no unhandled rejection
  window.puntencheck = { ready, check: null };
  try {
    const { manifest, norms, examples } = JSON.parse(document.getElementById("pc-data").textContent);
    const at = (path) => (path ? new URL(path, assetsUrl).href : null);
    useAmountPattern(manifest.settings.amount_pattern);
    const engine = startEngine({
      pyodide: at(manifest.pyodide), wheel: at(manifest.wheel), snapshot: at(manifest.snapshot), norms: JSON.stringify(norms),
    }, { timeoutMs: manifest.settings.start_timeout_ms });
    readyResolve(engine.ready.then(() => undefined));
    window.puntencheck.check = (portfolio) => engine.check(portfolio, localToday()).then(({ verdict }) => verdict);
    const page = new Page(root, manifest, norms, examples, engine);
    if (page.restore()) page.say("Je bewaarde gegevens zijn geladen. Rekenmodule laden…");
    performance.mark("puntencheck:form-usable");
    let shown = null;
    const showFault = (fault) => {
      if (fault === shown) return;
      shown = fault;
      console.error("Puntencheck: de rekenmodule start niet", fault);
      page.say(faultMessage(fault), true);
    };
    engine.ready.catch(showFault);
    engine.booted.then((timings) => {
      performance.mark("puntencheck:python-ready", { detail: timings });
      window.puntencheck.ready = Promise.resolve();
      page.pythonReady();
    }, showFault);  // a fault found after the timeout replaces the timeout's message
  } catch (error) {
    console.error("Puntencheck: de pagina kon niet starten", error);
    status.textContent = faultMessage(error);
    status.className = "pc-status pc-fault";
    readyResolve(Promise.reject(error));
  }
}

main();
