// The puntencheck page: form at once, Python (Pyodide in a worker) as soon as it is ready.
// Exposes window.puntencheck = {ready, check(portfolio)} (ARCHITECTURE.md, Contracts).
import { DeviceStore } from "./device.js";
import { el, replace } from "./dom.js";
import { InputRefused, startEngine } from "./engine.js";
import { faultMessage } from "./faults.js";
import * as files from "./files.js";
import { PortfolioForm } from "./form.js";
import { localToday, useAmountPattern } from "./numbers.js";
import { choice, downloadStored, droppedNotice } from "./notices.js";
import { calendarDownload } from "./agenda.js";
import { showVerdict } from "./results.js";
import * as session from "./session.js";
import { emptyState, fieldOfPath, fromPortfolio, restoreReport, restoreState, toPortfolio } from "./state.js";
import { examplesBlock, fileBlock, offerUndo } from "./toolbar.js";
import { Waiting } from "./waiting.js";

const RECALCULATE_DELAY_MS = 60;
const MAX_REFUSED_ROWS = 50;

class Page {
  constructor(root, manifest, norms, examples, engine, guide) {
    this.engine = engine;
    this.registers = norms.registers;
    const assets = new URL(root.dataset.assets, location.href);
    this.guidePage = (register) => (manifest.guide_pages?.[register] ? new URL(manifest.guide_pages[register], assets).href : null);
    this.status = root.querySelector("#pc-status");
    this.waiting = new Waiting(this.status);
    this.results = el("section", { class: "pc-results", "aria-labelledby": "pc-verdict", "aria-live": "polite" });
    this.refusal = el("p", { id: "pc-refusal", class: "pc-error", role: "alert", hidden: true });
    this.form = new PortfolioForm(root, this.registers, manifest.bodies ?? {}, () => this.schedule(), guide);
    root.append(this.refusal, this.results, examplesBlock(examples, (example) => this.loadExample(example)),
      fileBlock(this.fileActions()));
    this.timer = null;
    this.sequence = 0;
    this.python = false;
    this.saved = null;
    this.device = new DeviceStore((text) => this.savedElsewhere(text));
    window.addEventListener("beforeunload", (event) => {
      if (this.unsaved()) event.preventDefault();
    });
    // A reload within the recalculation's pause still finds the last keystroke.
    window.addEventListener("pagehide", () => session.keepForTab(this.form.state));
  }

  /** The form as this tab had it (reload, Back/Forward), else this device's saved data as far as
   * it is usable (says what was left out). True when the device's saved data was loaded. */
  restore({ preferTab = true } = {}) {
    const { value, text } = this.device.read();
    const { state, dropped } = value === undefined
      ? { state: null, dropped: ["de bewaarde tekst is geen leesbare JSON"] } : restoreReport(value, this.registers);
    this.rememberSaved(state);
    const kept = preferTab ? restoreState(session.tabState(), this.registers) : null;
    const shown = kept ?? state;
    this.start(shown ?? emptyState(Object.keys(this.registers)[0]), { showAll: session.hasData(shown) });
    if (dropped.length) this.status.after(droppedNotice(dropped, text, state !== null));
    return !kept && state !== null;
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
      ["Laad die versie", () => {
        this.restore({ preferTab: false });
        node.textContent = "De versie uit het andere tabblad is geladen.";
      }],
      ["Download die versie", () => downloadStored(this.device.text())],
    ]);
  }

  /** Write `value` (null: wipe) to this device; a newer save from another tab is not overwritten
   * unasked. `after` runs once written (it may replace the status text). */
  store(value, doneText, after = () => {}, force = false) {
    const node = document.getElementById("pc-files-status");
    const outcome = this.device.write(value, { force });
    if (outcome === "done") {
      node.textContent = doneText;
      after();
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

  /** Show `state` in the form and recalculate; `showAll`: a whole portfolio came in. */
  start(state, { showAll = false } = {}) {
    this.form.load(state, { showAll });
    this.recalculate();
  }

  /** Replace the form's data (example, import, wipe), offering to put the visitor's own back. */
  replaceData(state, statusNode, text, { undone = () => {} } = {}) {
    const before = this.form.state;
    this.start(state, { showAll: true });
    if (!session.hasData(before)) {
      statusNode.textContent = text;
      return;
    }
    offerUndo(statusNode, `${text} Je eigen gegevens zijn daardoor vervangen.`, () => {
      this.start(before, { showAll: true });
      undone(before);
    });
  }

  loadExample(example) {
    this.replaceData(fromPortfolio(example.portfolio, this.registers), document.getElementById("pc-example-status"),
      `Voorbeeld geladen: ${example.title}.`);
  }

  /** A change in the form: recalculate (and keep the form for this tab) once typing pauses. */
  schedule() {
    this.results.dataset.pending = "true";
    this.showSaveState();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recalculate(), RECALCULATE_DELAY_MS);
  }

  /** Validate in the form, then let Python judge; only the newest answer is shown. A row the
   * calculator refuses is left out (message at the row), and the others' result is provisional. */
  async recalculate() {
    const { portfolio, problems, rows } = toPortfolio(this.form.state, this.registers);
    this.form.showProblems(problems);
    session.keepForTab(this.form.state);
    this.showSaveState();
    const sequence = ++this.sequence;
    if (!portfolio || !this.python) {
      this.showHint(portfolio ? "De uitslag volgt zodra de berekening klaar is. Je kunt intussen verder invullen."
        : "Vul het begin van je registratieperiode in; dan verschijnt hier de uitslag.");
      delete this.results.dataset.pending;
      return;
    }
    this.results.dataset.pending = "true";
    const refused = [];
    const counted = [...rows];
    const activities = [...portfolio.activities];
    let answer = null;
    while (answer === null) {
      if (!activities.length) {
        this.form.showProblems([...problems, ...refused]);
        this.showHint("Vul minstens één activiteit helemaal in (omschrijving mag leeg blijven); dan verschijnt hier de uitslag.");
        delete this.results.dataset.pending;
        return;
      }
      try {
        answer = await this.engine.check({ ...portfolio, activities }, localToday(), this.uncounted(counted).length);
      } catch (error) {
        if (sequence !== this.sequence) return;
        const detail = error.detail ?? error.message;
        const row = /^activities\[(\d+)\]\.(\w+)/.exec(error.path ?? "");
        if (!row || !counted[Number(row[1])] || refused.length >= MAX_REFUSED_ROWS) {
          this.refuse(problems, refused, fieldOfPath(error.path, counted, this.form.state), detail, error.message);
          return;
        }
        const index = Number(row[1]);
        refused.push({ field: `${counted[index]}.${row[2]}`, message: detail, always: true });
        counted.splice(index, 1);
        activities.splice(index, 1);
      }
    }
    if (sequence !== this.sequence) return;
    this.refusal.hidden = true;
    this.form.showProblems([...problems, ...refused]);
    const positions = new Map(this.form.state.activities.map((item, index) => [item.key, index + 1]));
    const titles = (index) => activities[index]?.title ?? `Activiteit ${positions.get(counted[index])}`;
    showVerdict(this.results, answer.verdict, answer.display, titles,
      calendarDownload(this.engine, answer.verdict, this.guidePage(answer.verdict.register)),
      this.pendingRows(counted, [...problems, ...refused]));
    delete this.results.dataset.pending;
  }

  /** The rows typed but not counted, with the reason the visitor may see. */
  pendingRows(counted, problems) {
    const shown = new Map();
    for (const problem of problems) {
      const key = problem.field.split(".")[0];
      if (!shown.has(key) && (problem.always || this.form.showAll || this.form.touched.has(problem.field))) {
        shown.set(key, problem.message);
      }
    }
    return this.uncounted(counted).map(({ row, index }) => {
      const name = row.title.trim() ? `Activiteit ${index + 1} (${row.title.trim()})` : `Activiteit ${index + 1}`;
      return { name, reason: shown.get(row.key) ?? "nog niet compleet." };
    });
  }

  /** The rows typed (not blank) that the portfolio does not count, each with its index in the form. */
  uncounted(counted) {
    const kept = new Set(counted);
    return this.form.state.activities.flatMap((row, index) => {
      const blank = !row.date.trim() && !row.title.trim() && !row.points.trim();
      return blank || kept.has(row.key) ? [] : [{ row, index }];
    });
  }

  /** A refusal that is not about one activity: the message at its field, or above the result. */
  refuse(problems, refused, where, detail, text) {
    replace(this.results);
    delete this.results.dataset.pending;
    const placed = where ? [{ field: where, message: detail, always: true }] : [];
    const unplaced = this.form.showProblems([...problems, ...refused, ...placed]);
    this.refusal.textContent = where && !unplaced.length ? "" : text;
    this.refusal.hidden = !this.refusal.textContent;
  }

  showHint(text) {
    this.refusal.hidden = true;
    replace(this.results, el("p", { class: "pc-help pc-hint" }, text));
  }

  pythonReady() {
    this.python = true;
    this.waiting.done();
    this.recalculate();
  }

  say(text, fault = false) {
    this.waiting.say(text, fault);
  }

  /** Remember what is stored on this device (null: nothing), to tell saved from unsaved. */
  rememberSaved(state) {
    this.saved = state ? structuredClone(state) : null;
    this.showSaveState();
  }

  unsaved() {
    return this.saved !== null && !session.sameForm(this.saved, this.form.state);
  }

  showSaveState() {
    const node = document.getElementById("pc-save-state");
    if (!node) return;
    node.textContent = this.saved === null ? "" : `${session.savedLabel()}${this.unsaved() ? " · niet-bewaarde wijzigingen" : ""}`;
  }

  fileActions() {
    const statusNode = () => document.getElementById("pc-files-status");
    const note = (text) => { statusNode().textContent = text; };
    const current = () => toPortfolio(this.form.state, this.registers);
    const exportAs = (make, extension, type, leavesOut = () => []) => () => {
      this.form.revealAll();
      const { portfolio, problems } = current();
      if (!portfolio) return note("Vul eerst het begin van je registratieperiode in.");
      try {
        files.download(make(portfolio), `portfolio-${portfolio.register}.${extension}`, type);
      } catch (error) {
        return note(error.message);
      }
      const missing = leavesOut(portfolio);
      note([problems.length ? "Geëxporteerd; onvolledige activiteiten zijn niet meegenomen." : "Geëxporteerd.",
        missing.length ? `Zonder ${missing.join(" en ")}: daar heeft CSV geen plaats voor. Download als bestand (JSON) om ze te bewaren.` : "",
      ].join(" ").trim());
    };
    const saved = (state) => () => {
      session.markSaved();
      this.rememberSaved(state);
    };
    return {
      exportJson: exportAs(files.portfolioJson, "json", "application/json"),
      exportCsv: exportAs(files.portfolioCsv, "csv", "text/csv", files.csvLeavesOut),
      importFile: async (data, name) => {
        try {
          this.replaceData(fromPortfolio(await this.engine.readPortfolio(data, name), this.registers), statusNode(),
            `Geïmporteerd: ${name}.`);
        } catch (error) {
          if (!(error instanceof InputRefused)) console.error("Puntencheck: importeren mislukt", error);
          note(`${name} kon niet worden ingelezen: ${error instanceof InputRefused ? error.message
            : "de rekenmodule werkt niet (zie de melding bovenaan); je gegevens zijn niet veranderd."}`);
        }
      },
      save: () => this.store(this.form.state, "Bewaard op dit apparaat.", saved(this.form.state)),
      wipe: () => {
        const before = this.saved;
        this.store(null, "Je gegevens zijn gewist van dit apparaat.", () => {
          session.forgetSaved();
          this.rememberSaved(null);
          this.replaceData(emptyState(Object.keys(this.registers)[0]), statusNode(), "Je gegevens zijn gewist van dit apparaat.", {
            undone: (state) => { if (before) this.store(state, "Je gegevens staan weer op dit apparaat.", saved(state)); },
          });
        });
      },
    };
  }
}

async function main() {
  const root = document.getElementById("pc-app");
  const status = root.querySelector("#pc-status");
  const siteUrl = new URL(root.dataset.site ?? "../", location.href);
  let readyResolve;
  let page = null;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  ready.catch(() => {});  // a start fault is shown on the page; it is no unhandled rejection
  window.puntencheck = { ready, check: null };
  try {
    const { manifest, norms, examples, guide } = JSON.parse(document.getElementById("pc-data").textContent);
    useAmountPattern(manifest.settings.amount_pattern);
    const engine = startEngine(window.puntencheckBoot, JSON.stringify(norms), {
      timeoutMs: manifest.settings.start_timeout_ms, onProgress: (loaded, total) => page?.waiting.progress(loaded, total),
    });
    readyResolve(engine.ready.then(() => undefined));
    window.puntencheck.check = (portfolio) => engine.check(portfolio, localToday()).then(({ verdict }) => verdict);
    const links = { sources: guide?.sources ?? {}, pages: Object.fromEntries(Object.entries(guide?.pages ?? {})
      .map(([id, target]) => [id, { ...target, url: new URL(target.url, siteUrl).href }])) };
    page = new Page(root, manifest, norms, examples, engine, links);
    if (page.restore()) page.say("Je bewaarde gegevens zijn geladen. De rekenhulp wordt nog geladen; de uitslag volgt vanzelf.");
    performance.mark("puntencheck:form-usable");
    let shown = null;
    const showFault = (fault) => {
      if (fault === shown) return;
      shown = fault;
      console.error("Puntencheck: de rekenhulp start niet", fault);
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
