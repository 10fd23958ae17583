// The verdict on screen: headline, progress per category and in total, shortfalls in words,
// excluded activities, key dates and the calculator's own Dutch messages. Every sentence, number
// and date shown comes finished from Python (`display`, made by calculator/display.py from the
// verdict); this file only lays it out.
import { el, replace } from "./dom.js";
import { scheduleSection } from "./schedule.js";

/** Render `verdict` (the CLI's --json verdict) with its `shown` texts into `node`; `titles` name activities by index,
 * `calendar()` downloads the key dates as an .ics file (the schedule's "Zet in mijn agenda"). */
export function showVerdict(node, verdict, shown, titles, calendar) {
  const [before, total, after] = shown.summary;
  replace(node,
    el("h2", { id: "pc-verdict", class: `pc-verdict pc-verdict--${shown.tone}` }, shown.headline),
    el("p", { class: "pc-summary" }, before, el("strong", { id: "pc-total" }, total), after),
    scheduleSection(verdict, calendar),
    shown.shortfalls ? el("p", { id: "pc-shortfalls", class: "pc-shortfalls" }, shown.shortfalls) : null,
    el("div", { class: "pc-bars" }, shown.bars.map(bar)),
    keyDates(shown.dates),
    excluded(verdict.excluded, shown.excluded, titles),
    el("h3", {}, "Toelichting"),
    el("ul", { class: "pc-messages" }, verdict.messages.map((message) => el("li", {}, message))));
}

/** One progress bar with its numbers in words; role=progressbar carries the same values. */
function bar({ id, label, text, points, target }) {
  const share = target ? Math.min(points / target, 1) : points > 0 ? 1 : 0;
  const labelId = `pc-bar-${id}-label`;
  const met = !target || points >= target;
  return el("div", { class: `pc-bar ${met ? "pc-bar--met" : "pc-bar--short"}`, "data-category": id },
    el("div", { class: "pc-bar__label", id: labelId }, el("span", {}, label), el("span", { class: "pc-bar__numbers" }, text)),
    el("div", {
      class: "pc-bar__track", role: "progressbar", "aria-labelledby": labelId,
      "aria-valuemin": 0, "aria-valuemax": target ?? Math.max(points, 1), "aria-valuenow": target ? Math.min(points, target) : points,
      "aria-valuetext": text,
    }, el("div", { class: "pc-bar__fill", style: `width: ${(share * 100).toFixed(1)}%` })));
}

function keyDates(dates) {
  return el("div", { class: "pc-dates" }, el("h3", {}, "Belangrijke data"),
    el("dl", {}, dates.map(({ label, value }) => [el("dt", {}, label), el("dd", {}, value)])));
}

function excluded(items, days, titles) {
  if (!items.length) return null;
  return el("div", { class: "pc-excluded" }, el("h3", {}, "Telt niet mee"),
    el("ul", {}, items.map((item, index) => el("li", {},
      el("strong", {}, `${titles(item.index)}`), ` (${days[index]})`, `: ${item.reason}`))));
}
