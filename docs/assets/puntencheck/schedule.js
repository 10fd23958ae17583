// The schedule of the period on screen: the headline that fits the moment, a chart per minimum,
// the same figures as a table (the charts' text alternative), what to plan, and "Zet in mijn agenda".
// Every sentence and number comes finished from Python (the verdict's `schedule`).
import { el } from "./dom.js";
import { periodCharts } from "./chart.js";

const COLUMNS = [
  ["required", "Nodig"], ["done", "Gedaan"], ["planned", "Gepland"], ["expected", "Nu bij gelijkmatige verdeling"],
  ["needed", "Nog nodig"], ["pace", "Per maand"], ["status", "Stand"],
];

/** The schedule section for `verdict`; `calendar()` downloads the .ics file (returns a Dutch note). */
export function scheduleSection(verdict, calendar) {
  const schedule = verdict.schedule;
  const note = el("span", { id: "pc-ics-status", class: "pc-help", role: "status" });
  const download = async () => { note.textContent = await calendar(); };
  return el("section", { class: `pc-schedule pc-schedule--${schedule.phase}`, "aria-labelledby": "pc-schedule-title" },
    el("h3", { id: "pc-schedule-title" }, "Je planning"),
    el("p", { id: "pc-headline", class: "pc-schedule__headline" }, schedule.headline),
    el("p", { id: "pc-schedule-status", class: "pc-schedule__status" }, schedule.status),
    el("div", { class: "pc-charts" }, periodCharts(schedule, verdict.period)),
    legend(schedule),
    table(schedule),
    el("ul", { class: "pc-schedule__advice" }, schedule.advice.map((line) => el("li", {}, line))),
    activities(schedule.activities, verdict.unit),
    el("p", { class: "pc-calendar pc-no-print" },
      el("button", { type: "button", id: "pc-ics", class: "md-button", onclick: download }, "Zet in mijn agenda"),
      " ", note));
}

function legend(schedule) {
  const items = [["done", "gedaan"], ["planned", "gepland"], ["norm", "lijn naar de norm aan het eind"], ["today", "vandaag"]]
    .filter(([kind]) => kind !== "planned" || schedule.planned.count);
  return el("ul", { class: "pc-legend", "aria-hidden": "true" },
    items.map(([kind, text]) => el("li", {}, el("span", { class: `pc-legend__mark pc-legend__mark--${kind}` }), text)));
}

/** Every activity, for the printed result only (on screen the form shows them). */
function activities(items, unit) {
  return el("table", { class: "pc-activities-print pc-print-only" },
    el("caption", {}, "Je activiteiten"),
    el("thead", {}, el("tr", {}, ["Datum", "Categorie", unit[0].toUpperCase() + unit.slice(1), "Omschrijving", "Stand"].map((label) => el("th", { scope: "col" }, label)))),
    printedRows(items));
}

/** The printed list of the last result: one body whose rows are kept by content, so that a
 * recalculation after one keystroke changes a row or two in place, not 10,000. */
const printed = { body: null, rows: new Map() };

function printedRows(items) {
  const earlier = printed.rows;
  printed.rows = new Map();
  const rows = items.map((item) => {
    const cells = [item.date_text, item.category, item.points, item.title, item.state_text];
    const key = JSON.stringify([item.state, ...cells]);
    const row = earlier.get(key)?.pop() ?? el("tr", { class: `pc-activity-print--${item.state}` }, cells.map((text) => el("td", {}, text)));
    if (!printed.rows.has(key)) printed.rows.set(key, []);
    printed.rows.get(key).push(row);
    return row;
  });
  const body = printed.body ??= el("tbody");
  const kept = new Set(rows);
  for (const row of [...body.children]) if (!kept.has(row)) row.remove();
  let next = body.firstElementChild;  // the rows before it are in place
  for (const row of rows) {
    if (row === next) next = next.nextElementSibling;
    else body.insertBefore(row, next);
  }
  return body;
}

function table(schedule) {
  return el("div", { class: "pc-table-scroll", role: "region", "aria-labelledby": "pc-schedule-caption", tabindex: 0 },
    el("table", { class: "pc-schedule__table" },
      el("caption", { id: "pc-schedule-caption" }, `De cijfers van de grafieken (stand op ${schedule.today_text})`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Onderdeel"),
        COLUMNS.map(([, label]) => el("th", { scope: "col" }, label)))),
      el("tbody", {}, schedule.targets.map((target) => el("tr", {
        class: `pc-target pc-target--${target.status}${target.risk ? " pc-target--risk" : ""}`, "data-target": target.id,
      }, el("th", { scope: "row" }, target.label), COLUMNS.map(([key]) => el("td", {}, target.figures[key])))))));
}
