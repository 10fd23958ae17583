// The puntencheck page: form at once, Python (Pyodide in a worker) as soon as it is ready.
// Exposes window.puntencheck = {ready, check(portfolio)} (DESIGN.md, Contracts).
import { el, replace } from "./dom.js";
import { startEngine } from "./engine.js";
import { faultMessage } from "./faults.js";
import * as files from "./files.js";
import { PortfolioForm } from "./form.js";
import { categoryId, localToday } from "./numbers.js";
import { showVerdict } from "./results.js";
import { emptyState, fromPortfolio, restoreState, toPortfolio } from "./state.js";
import { examplesBlock, fileBlock } from "./toolbar.js";

const RECALCULATE_DELAY_MS = 60;

class Page {
  constructor(root, manifest, norms, examples, engine) {
    this.engine = engine;
    this.registers = norms.registers;
    this.status = root.querySelector("#pc-status");
    this.results = el("section", { class: "pc-results", "aria-labelledby": "pc-verdict", "aria-live": "polite" });
    this.refusal = el("p", { id: "pc-refusal", class: "pc-error", role: "alert", hidden: true });
    root.append(examplesBlock(examples, (example) => this.loadExample(example)));
    this.form = new PortfolioForm(root, this.registers, manifest.bodies ?? {}, () => this.schedule());
    root.append(this.refusal, this.results, fileBlock(this.fileActions()));
    this.timer = null;
    this.sequence = 0;
    this.python = false;
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
      const verdict = JSON.parse(await this.engine.check(portfolio, localToday()));
      if (sequence !== this.sequence) return;
      this.refusal.hidden = true;
      const titles = (index) => portfolio.activities[index]?.title ??
        `Activiteit ${this.form.state.activities.findIndex((row) => row.key === rows[index]) + 1}`;
      showVerdict(this.results, verdict, titles);
    } catch (error) {
      if (sequence !== this.sequence) return;
      replace(this.results);
      const where = pythonField(error.message, rows, this.form.state);
      const unplaced = this.form.showProblems([...problems, ...(where ? [{ field: where, message: error.message }] : [])]);
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
      importText: async (text, name) => {
        try {
          const portfolio = files.looksLikeJson(text) ? JSON.parse(text) : await this.engine.importCsv(text);
          this.start(fromPortfolio(portfolio, this.registers));
          note(`Geïmporteerd: ${name}.`);
        } catch (error) {
          note(`${name} kon niet worden ingelezen: ${error instanceof SyntaxError ? "geen geldige JSON." : error.message}`);
        }
      },
      save: () => { files.save(this.form.state); note("Bewaard op dit apparaat."); },
      wipe: () => {
        files.wipe();
        this.start(emptyState(Object.keys(this.registers)[0]));
        note("Je gegevens zijn gewist van dit apparaat.");
      },
    };
  }
}

/** The form field a calculator message is about ("activities[2].points (activiteit 3): …"). */
function pythonField(message, rows, state) {
  const where = message.split(": ")[0];
  const activity = /^activities\[(\d+)\]\.(\w+)/.exec(where);
  if (activity) return rows[Number(activity[1])] ? `${rows[Number(activity[1])]}.${activity[2]}` : null;
  const category = /^norm\.categories\.(\w+)\.(min|max)/.exec(where);
  if (category) {
    const row = state.norm.categories.find((c) => categoryId(c.name) === category[1]);
    return row ? `norm.${row.key}.${category[2]}` : null;
  }
  const document = /^documents\.(\w+)/.exec(where);
  if (document) return `documents.${document[1]}`;
  return ["period_start", "submission_date", "norm.years", "norm.total", "register"].includes(where) ? where : null;
}

async function main() {
  const root = document.getElementById("pc-app");
  const status = root.querySelector("#pc-status");
  const assetsUrl = new URL(root.dataset.assets, location.href);
  let readyResolve;
  window.puntencheck = { ready: new Promise((resolve) => { readyResolve = resolve; }), check: null };
  try {
    const { manifest, norms, examples } = JSON.parse(document.getElementById("pc-data").textContent);
    const at = (path) => (path ? new URL(path, assetsUrl).href : null);
    const engine = startEngine({
      pyodide: at(manifest.pyodide), wheel: at(manifest.wheel), snapshot: at(manifest.snapshot), norms: JSON.stringify(norms),
    });
    readyResolve(engine.ready.then(() => undefined));
    window.puntencheck.check = async (portfolio) => JSON.parse(await engine.check(portfolio, localToday()));
    const page = new Page(root, manifest, norms, examples, engine);
    const stored = restoreState(files.saved(), norms.registers);
    page.start(stored ?? emptyState(Object.keys(norms.registers)[0]));
    if (stored) page.say("Je bewaarde gegevens zijn geladen. Rekenmodule laden…");
    performance.mark("puntencheck:form-usable");
    engine.ready.catch((fault) => page.say(faultMessage(fault), true));
    engine.booted.then(() => {
      performance.mark("puntencheck:python-ready");
      window.puntencheck.ready = Promise.resolve();
      page.pythonReady();
    }, () => {});
  } catch (error) {
    status.textContent = faultMessage(error);
    status.className = "pc-status pc-fault";
    readyResolve(Promise.reject(error));
  }
}

main();
