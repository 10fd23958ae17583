// The verdict on screen: headline, progress per category and in total, shortfalls in words,
// excluded activities, key dates and the calculator's own Dutch messages.
import { el, replace } from "./dom.js";
import { dutchDate, formatDutchNumber } from "./numbers.js";

/** Render `verdict` (the CLI's --json verdict) into `node`; `titles` name activities by index. */
export function showVerdict(node, verdict, titles) {
  const unit = verdict.unit ?? "punten";
  const amount = (value) => `${formatDutchNumber(value)} ${unit}`;
  const categories = Object.entries(verdict.categories);
  replace(node,
    el("h2", { id: "pc-verdict", class: verdict.passed ? "pc-verdict pc-verdict--passed" : "pc-verdict pc-verdict--failed" },
      verdict.passed ? "Norm behaald" : "Norm niet behaald"),
    el("p", { class: "pc-summary" }, `${verdict.register_name ?? verdict.register}: `,
      el("strong", { id: "pc-total" }, amount(verdict.total.points)), ` van de ${amount(verdict.total.required)} die nodig zijn.`),
    shortfalls(verdict, amount),
    el("div", { class: "pc-bars" },
      bar("total", "Totaal", verdict.total.points, verdict.total.required, null, amount),
      categories.map(([id, c]) => bar(id, c.label ?? id, c.points, c.min, c.max, amount, c.counted)),
      Object.entries(verdict.groups ?? {}).map(([id, g]) => bar(`group-${id}`, g.label, g.points, g.min, null, amount))),
    keyDates(verdict.dates),
    excluded(verdict.excluded, titles),
    el("h3", {}, "Toelichting"),
    el("ul", { class: "pc-messages" }, verdict.messages.map((message) => el("li", {}, message))));
}

function shortfalls(verdict, amount) {
  const missing = Object.values(verdict.categories).filter((c) => c.shortfall > 0)
    .map((c) => `nog ${amount(c.shortfall)} ${c.label.toLowerCase()}`);
  for (const group of Object.values(verdict.groups ?? {})) {
    if (group.shortfall > 0) missing.push(`nog ${amount(group.shortfall)} ${group.label.toLowerCase()}`);
  }
  if (verdict.total.shortfall > 0) missing.push(`in totaal nog ${amount(verdict.total.shortfall)}`);
  if (!missing.length) return null;
  return el("p", { id: "pc-shortfalls", class: "pc-shortfalls" }, `Je mist ${missing.join(", ")}.`);
}

/** One progress bar with its numbers in words; role=progressbar carries the same values. */
function bar(id, label, points, minimum, maximum, amount, counted = points) {
  const target = minimum > 0 ? minimum : null;
  const share = target ? Math.min(points / target, 1) : points > 0 ? 1 : 0;
  const parts = [amount(points)];
  if (target) parts.push(`minimum ${formatDutchNumber(target)}`);
  if (maximum !== null && maximum !== undefined) parts.push(`maximum ${formatDutchNumber(maximum)}, telt ${formatDutchNumber(counted)} mee`);
  const text = `${parts[0]}${parts.length > 1 ? ` (${parts.slice(1).join("; ")})` : ""}`;
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
  if (!dates) return null;
  const rows = [["Einde van je periode", dates.period_end]];
  if (dates.submission_when_norm_met) rows.push(["Vroegst indienen", "zodra je aan de norm voldoet"]);
  else if (dates.earliest_submission) rows.push(["Vroegst indienen", dates.earliest_submission]);
  if (dates.latest_submission) rows.push(["Uiterlijk indienen", dates.latest_submission]);
  return el("div", { class: "pc-dates" }, el("h3", {}, "Belangrijke data"),
    el("dl", {}, rows.map(([term, value]) => [
      el("dt", {}, term), el("dd", {}, /^\d{4}-\d{2}-\d{2}$/.test(value) ? dutchDate(value) : value)])));
}

function excluded(items, titles) {
  if (!items.length) return null;
  return el("div", { class: "pc-excluded" }, el("h3", {}, "Telt niet mee"),
    el("ul", {}, items.map((item) => el("li", {},
      el("strong", {}, `${titles(item.index)}`), item.date ? ` (${dutchDate(item.date)})` : "", `: ${item.reason}`))));
}
