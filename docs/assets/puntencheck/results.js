// The verdict on screen: headline, progress per category and in total, shortfalls in words,
// excluded activities, key dates and the calculator's own Dutch messages. Every sentence, number
// and date shown comes finished from Python (`display`, made by calculator/display.py from the
// verdict); this file only lays it out.
import { el, replace } from "./dom.js";
import { scheduleSection } from "./schedule.js";

/**
 * Render `verdict` (the CLI's --json verdict) with its `shown` texts into `node`; `titles` name
 * activities by index, `calendar()` downloads the key dates as an .ics file (the schedule's
 * "Zet in mijn agenda"). `pending` lists rows of the form the verdict leaves out for now
 * ({name, reason}); `shown` then calls the result provisional (its headline, tone and `provisional` texts).
 */
export function showVerdict(node, verdict, shown, titles, calendar, pending = []) {
  const [before, total, after] = shown.summary;
  replace(node,
    el("h2", { id: "pc-verdict", class: `pc-verdict pc-verdict--${shown.tone}` }, shown.headline),
    provisionalNote(shown.provisional, pending),
    el("p", { class: "pc-summary" }, before, el("strong", { id: "pc-total" }, total), after),
    scheduleSection(verdict, calendar),
    shown.shortfalls ? el("p", { id: "pc-shortfalls", class: "pc-shortfalls" }, shown.shortfalls) : null,
    el("div", { class: "pc-bars" }, shown.bars.map(bar)),
    keyDates(shown.dates),
    excluded(verdict.excluded, shown.excluded, titles),
    el("h3", {}, "Toelichting"),
    el("ul", { class: "pc-messages" }, verdict.messages.map((message) => el("li", {}, message))));
}

/** Which rows do not count yet, and why: the verdict above them is provisional (`texts` from Python). */
function provisionalNote(texts, pending) {
  if (!texts) return null;
  return el("div", { id: "pc-provisional", class: "pc-provisional" },
    el("p", {}, texts.count),
    el("ul", {}, pending.map(({ name, reason }) => el("li", {}, el("strong", {}, name), `: ${reason}`))),
    el("p", {}, texts.note));
}

/** One progress bar with its numbers in words; role=progressbar carries the same values. `look`
 * (met | short | free) colours it; a bar without a minimum is its share of the total (`scale`). */
function bar({ id, label, text, counted, scale, look }) {
  const share = Math.min(counted / scale, 1);
  const labelId = `pc-bar-${id}-label`;
  return el("div", { class: `pc-bar pc-bar--${look}`, "data-category": id },
    el("div", { class: "pc-bar__label", id: labelId }, el("span", {}, label), el("span", { class: "pc-bar__numbers" }, text)),
    el("div", {
      class: "pc-bar__track", role: "progressbar", "aria-labelledby": labelId,
      "aria-valuemin": 0, "aria-valuemax": scale, "aria-valuenow": Math.min(counted, scale),
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
