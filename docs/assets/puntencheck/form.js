// The portfolio form: register, options or own norm, period start, activities. It owns the DOM of
// the form and reports every change through `onChange(state)`; `showProblems` puts Dutch messages
// next to fields (aria-describedby + aria-invalid) without touching what was typed — only for fields
// the visitor has left, or all of them once a whole portfolio is loaded or a result is asked for.
import { append, domId, el, replace } from "./dom.js";
import { CUSTOM, categoriesOf, emptyActivity, newKey, unitOf } from "./state.js";

const DATE_HINT = "dd-mm-jjjj";
const UNIT_LABELS = { punten: "Punten", uren: "Uren" };
const LATE_CLICK_MS = 600;

export class PortfolioForm {
  /** `guide`: {pages: {id: {url, title}}, sources: {id: title}} for the category help's links. */
  constructor(container, registers, bodies, onChange, guide = { pages: {}, sources: {} }) {
    this.registers = registers;
    this.bodies = bodies;
    this.onChange = onChange;
    this.guide = guide;
    this.state = null;
    this.first = 0;  // index of the first activity row on screen (a long list is shown in pages)
    this.touched = new Set();
    this.showAll = false;
    this.problems = [];
    this.node = el("form", { class: "pc-form", novalidate: true, onsubmit: (event) => event.preventDefault() });
    this.node.addEventListener("focusout", (event) => this.leave(event.target, event.relatedTarget));
    container.append(this.node);
  }

  /** Show `state` (a new register, an import, an example): the form is rebuilt from it.
   * `showAll`: say at once what is wrong anywhere (a whole portfolio came in, not typed). */
  load(state, { showAll = false } = {}) {
    this.state = state;
    this.first = 0;
    this.touched.clear();
    this.showAll = showAll;
    this.render();
  }

  /** The visitor left a field: from now on its problems are shown. When the focus went to a
   * button being clicked, only after that click, so the button does not move under the pointer. */
  leave(control, next) {
    if (!control.name || this.touched.has(control.name)) return;
    this.touched.add(control.name);
    const reveal = () => this.showProblems(this.problems);
    if (!next?.closest?.("button, summary")) return reveal();
    let done = false;
    const once = () => {
      if (!done) setTimeout(reveal);
      done = true;
    };
    document.addEventListener("click", once, { once: true });
    setTimeout(once, LATE_CLICK_MS);
  }

  /** The visitor asked for a result (export, save): show every problem. */
  revealAll() {
    this.showAll = true;
    this.showProblems(this.problems);
  }

  get unit() {
    return unitOf(this.state, this.registers);
  }

  changed() {
    this.onChange(this.state);
  }

  render() {
    const focused = document.activeElement?.id;
    replace(this.node, this.registerFieldset(), this.activitiesFieldset(), this.documentsFieldset());
    if (focused) document.getElementById(focused)?.focus();
  }

  registerFieldset() {
    const state = this.state;
    const choices = Object.values(this.registers).map((register) => el("option", {
      value: register.id, selected: register.id === state.register,
    }, `${register.name} (${this.bodies[register.body] ?? register.body})`));
    choices.push(el("option", { value: CUSTOM, selected: state.register === CUSTOM }, "Ander register: eigen norm invullen"));
    const select = el("select", {
      name: "register",
      onchange: (event) => { state.register = event.target.value; this.render(); this.changed(); },
    }, choices);
    return el("fieldset", { class: "pc-fieldset" },
      el("legend", {}, "Register en periode"),
      field(domId("register"), "Register", select),
      state.register === CUSTOM ? this.customNorm() : this.options(),
      field(domId("period_start"), "Begin van je registratieperiode", this.input("period_start", "date", state.periodStart,
        (value) => { state.periodStart = value; }), "De eerste dag van je huidige periode, als dag-maand-jaar (bijvoorbeeld 1-1-2021)."));
  }

  options() {
    const register = this.registers[this.state.register];
    return (register?.options ?? []).map((option) => {
      const id = domId("option", option.id);
      const box = el("input", {
        type: "checkbox", id, checked: Boolean(this.state.options[option.id]), "aria-describedby": `${id}-help`,
        onchange: (event) => { this.state.options[option.id] = event.target.checked; this.changed(); },
      });
      return el("div", { class: "pc-check" }, box, el("label", { for: id }, option.label),
        el("p", { id: `${id}-help`, class: "pc-help" }, option.help));
    });
  }

  customNorm() {
    const norm = this.state.norm;
    const rows = norm.categories.map((row, index) => el("div", { class: "pc-row pc-row--norm" },
      field(domId("norm", row.key, "name"), "Naam categorie", this.input(`norm.${row.key}.name`, "text", row.name,
        (value) => { row.name = value; }, { rerender: true })),
      field(domId("norm", row.key, "min"), "Minimum", this.input(`norm.${row.key}.min`, "text", row.min,
        (value) => { row.min = value; }, { decimal: true })),
      field(domId("norm", row.key, "max"), "Maximum", this.input(`norm.${row.key}.max`, "text", row.max,
        (value) => { row.max = value; }, { decimal: true })),
      el("button", {
        type: "button", class: "md-button pc-remove", "aria-label": `Verwijder categorie ${index + 1}`,
        disabled: norm.categories.length === 1,
        onclick: () => { norm.categories.splice(index, 1); this.render(); this.changed(); },
      }, "Verwijder")));
    return el("fieldset", { class: "pc-fieldset pc-custom" },
      el("legend", {}, "Eigen norm"),
      el("p", { class: "pc-help" }, "Voor een register waarvoor deze gids geen norm heeft, zoals de andere registers van " +
        "Registerplein (bijvoorbeeld Sociaal Werker): neem de getallen over uit het reglement van je eigen register. " +
        "Vul het aantal jaren van je registratieperiode in, het totaal aantal punten en per categorie het minimum en maximum. " +
        "Laat minimum of maximum leeg als er geen is."),
      el("div", { class: "pc-row" },
        field(domId("norm", "years"), "Aantal jaren", this.input("norm.years", "text", norm.years,
          (value) => { norm.years = value; }, { numeric: true })),
        field(domId("norm", "total"), "Totaal aantal punten", this.input("norm.total", "text", norm.total,
          (value) => { norm.total = value; }, { decimal: true }))),
      rows,
      el("button", {
        type: "button", class: "md-button",
        onclick: () => {
          norm.categories.push({ key: newKey("c"), name: "", min: "", max: "" });
          this.render();
          document.getElementById(domId("norm", norm.categories.at(-1).key, "name"))?.focus();
        },
      }, "Categorie toevoegen"));
  }

  activitiesFieldset() {
    const categories = categoriesOf(this.state, this.registers);
    const activities = this.state.activities;
    this.first = Math.min(this.first, Math.floor((activities.length - 1) / PAGE_ROWS) * PAGE_ROWS);
    const shown = activities.slice(this.first, this.first + PAGE_ROWS);
    const rows = shown.map((row, index) => this.activityRow(row, this.first + index, categories));
    return el("fieldset", { class: "pc-fieldset pc-activities-fieldset" },
      el("legend", {}, "Activiteiten"),
      el("p", { class: "pc-help", id: "pc-activities-help" }, `Eén regel per activiteit: wat je deed, de datum (dag-maand-jaar), ` +
        `de categorie en het aantal ${this.unit}. ${UNIT_LABELS[this.unit]} mogen decimalen hebben, bijvoorbeeld 7,5.`),
      this.categoryHelp(),
      this.pager(),
      el("ol", { class: "pc-activities", start: this.first + 1 }, rows),
      el("button", {
        type: "button", class: "md-button", id: "pc-add",
        onclick: () => {
          const row = emptyActivity();
          row.category = categories[0]?.id ?? "";
          activities.push(row);
          this.first = Math.floor((activities.length - 1) / PAGE_ROWS) * PAGE_ROWS;
          this.renderActivities();
          document.getElementById(domId(row.key, "title"))?.focus();
        },
      }, "Activiteit toevoegen"));
  }

  /** For more than PAGE_ROWS activities: which rows are on screen, and buttons to the others. */
  pager() {
    const total = this.state.activities.length;
    if (total <= PAGE_ROWS) return null;
    const last = Math.min(this.first + PAGE_ROWS, total);
    const go = (first) => () => {
      this.first = first;
      this.renderActivities();
      document.getElementById("pc-pager-where")?.focus();
    };
    const count = (n) => n.toLocaleString("nl-NL");
    return el("nav", { class: "pc-pager", "aria-label": "Pagina's met activiteiten" },
      el("p", { id: "pc-pager-where", tabindex: "-1" }, `Activiteit ${count(this.first + 1)}–${count(last)} van ${count(total)}`),
      el("button", { type: "button", class: "md-button", disabled: this.first === 0, onclick: go(Math.max(0, this.first - PAGE_ROWS)) },
        `Vorige ${PAGE_ROWS}`),
      el("button", { type: "button", class: "md-button", disabled: last >= total, onclick: go(this.first + PAGE_ROWS) },
        `Volgende ${PAGE_ROWS}`),
      el("p", { id: "pc-pager-problems", class: "pc-pager-problems", hidden: true }));
  }

  /** After adding, removing or paging: only the activities are built again. */
  renderActivities() {
    this.node.querySelector(".pc-activities-fieldset")?.replaceWith(this.activitiesFieldset());
    this.showProblems(this.problems);
  }

  /** What counts in each category (the register's YAML), its source and the guide page on the norm. */
  categoryHelp() {
    const register = this.registers[this.state.register];
    if (!register) return null;
    const page = this.guide.pages[register.guide_page];
    const source = this.guide.sources[register.source];
    return el("details", { class: "pc-category-help" },
      el("summary", {}, "Wat telt in welke categorie?"),
      el("dl", {}, register.categories.map((category) => [el("dt", {}, category.label), el("dd", {}, category.help ?? "")])),
      el("p", { class: "pc-help" }, source ? `Bron: ${source}. ` : "",
        page ? ["Meer uitleg: ", el("a", { href: page.url }, page.title), "."] : null));
  }

  /** Optional dates of the register's documents (VOG, Verklaring Werkervaring) and of submission. */
  documentsFieldset() {
    const documents = this.registers[this.state.register]?.documents ?? [];
    if (!documents.length) return null;
    const state = this.state;
    return el("fieldset", { class: "pc-fieldset" },
      el("legend", {}, "Documenten (mag je overslaan)"),
      el("p", { class: "pc-help" }, "Vul de datum van je documenten in; de check zegt of ze op de dag van indienen recent genoeg zijn."),
      el("div", { class: "pc-row" },
        documents.map((doc) => field(domId("documents", doc.id), `Datum ${doc.label}`,
          this.input(`documents.${doc.id}`, "date", state.documents[doc.id] ?? "", (v) => { state.documents[doc.id] = v; }),
          `Dag-maand-jaar. Niet ouder dan ${doc.max_age_months} maanden.`)),
        field(domId("submission_date"), "Datum van indienen", this.input("submission_date", "date", state.submissionDate,
          (v) => { state.submissionDate = v; }), "Dag-maand-jaar. Leeg laten: vandaag.")));
  }

  activityRow(row, index, categories) {
    const number = index + 1;
    const select = el("select", {
      id: domId(row.key, "category"), name: `${row.key}.category`,
      onchange: (event) => { row.category = event.target.value; this.changed(); },
    },
    categories.some((c) => c.id === row.category) ? null : el("option", { value: "", selected: true }, "Kies een categorie"),
    categories.map((c) => el("option", { value: c.id, selected: c.id === row.category }, c.label)));
    return el("li", { class: "pc-activity", "aria-label": `Activiteit ${number}` },
      field(domId(row.key, "title"), "Omschrijving", this.input(`${row.key}.title`, "text", row.title, (v) => { row.title = v; })),
      field(domId(row.key, "date"), "Datum", this.input(`${row.key}.date`, "date", row.date, (v) => { row.date = v; })),
      field(domId(row.key, "category"), "Categorie", select),
      field(domId(row.key, "points"), UNIT_LABELS[this.unit], this.input(`${row.key}.points`, "text", row.points,
        (v) => { row.points = v; }, { decimal: true })),
      el("div", { class: "pc-field pc-action" }, el("button", {  // in a field's place: level with the inputs
        type: "button", class: "md-button pc-remove", "aria-label": `Verwijder activiteit ${number}`,
        onclick: () => {
          this.state.activities.splice(index, 1);
          if (!this.state.activities.length) this.state.activities.push(emptyActivity());
          this.renderActivities();
          document.getElementById("pc-add")?.focus();
          this.changed();
        },
      }, "Verwijder")));
  }

  /** An input bound to the state through `store`; ids come from the field name. Dates are text
   * fields (dag-maand-jaar): one Tab stop, and a six-digit year is refused in words. */
  input(name, type, value, store, { decimal = false, numeric = false, rerender = false } = {}) {
    const date = type === "date";
    return el("input", {
      type: "text", value, name, autocomplete: "off", placeholder: date ? DATE_HINT : null, "data-kind": date ? "date" : null,
      inputmode: decimal ? "decimal" : numeric ? "numeric" : null,
      oninput: (event) => { store(event.target.value); if (rerender) this.renderCategorySelects(); this.changed(); },
    });
  }

  /** After a custom category is renamed: refresh the activities' category choices only. */
  renderCategorySelects() {
    this.node.querySelector(".pc-activities-fieldset")?.replaceWith(this.activitiesFieldset());
  }

  /** Put each problem next to its field (once the visitor may see it); clear the others. Returns
   * the problems with no field. */
  showProblems(problems) {
    this.problems = problems;
    problems = problems.filter(({ field: name, always }) => always || this.showAll || this.touched.has(name));
    for (const node of this.node.querySelectorAll(".pc-error")) node.remove();
    for (const node of this.node.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      node.setAttribute("aria-describedby", node.dataset.describedby ?? "");
      if (!node.getAttribute("aria-describedby")) node.removeAttribute("aria-describedby");
    }
    const unplaced = [];
    const elsewhere = new Set();
    const offPage = this.offPage();
    for (const { field: name, message } of problems) {
      const input = document.getElementById(domId(...name.split(".")));
      if (!input || !this.node.contains(input)) {
        const row = offPage.get(name.split(".")[0]);
        if (row === undefined) unplaced.push(message);
        else elsewhere.add(row);
        continue;
      }
      const errorId = `${input.id}-error`;
      if (document.getElementById(errorId)) continue;
      input.dataset.describedby ??= input.getAttribute("aria-describedby") ?? "";
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${input.dataset.describedby} ${errorId}`.trim());
      input.closest(".pc-field").append(el("p", { id: errorId, class: "pc-error" }, message));
    }
    this.showElsewhere([...elsewhere].sort((a, b) => a - b));
    return unplaced;
  }

  /** Activity row key → index, for the rows not on screen. */
  offPage() {
    const rows = new Map();
    this.state.activities.forEach((row, index) => {
      if (index < this.first || index >= this.first + PAGE_ROWS) rows.set(row.key, index);
    });
    return rows;
  }

  /** Under the pager: how many rows on other pages have a problem, and a button to the first. */
  showElsewhere(indexes) {
    const node = this.node.querySelector("#pc-pager-problems");
    if (!node) return;
    node.hidden = !indexes.length;
    if (!indexes.length) return;
    const first = indexes[0];
    replace(node, `${indexes.length === 1 ? "1 activiteit" : `${indexes.length.toLocaleString("nl-NL")} activiteiten`} ` +
      `op een andere pagina ${indexes.length === 1 ? "heeft" : "hebben"} een probleem. `,
    el("button", {
      type: "button", class: "md-button",
      onclick: () => {
        this.first = Math.floor(first / PAGE_ROWS) * PAGE_ROWS;
        this.renderActivities();
        document.querySelector(`#${domId(this.state.activities[first].key, "date")}`)?.focus();
      },
    }, `Ga naar activiteit ${(first + 1).toLocaleString("nl-NL")}`));
  }
}

/** Activity rows on screen at once; a longer list gets "Vorige" and "Volgende" buttons. */
const PAGE_ROWS = 100;

/** A labelled field: label, control, optional help text (linked by aria-describedby). */
function field(id, label, control, help = null) {
  control.id = id;
  const wrapper = el("div", { class: "pc-field" }, el("label", { for: id }, label), control);
  if (help) {
    control.setAttribute("aria-describedby", `${id}-help`);
    append(wrapper, [el("p", { id: `${id}-help`, class: "pc-help" }, help)]);
  }
  return wrapper;
}
