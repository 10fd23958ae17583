// The form's state and the portfolio JSON contract, both ways. Values stay as typed (strings), so
// a wrong entry is never lost; `toPortfolio` says per field what is wrong instead.
import { categoryId, formDate, formatDutchNumber, parseDutchDate, parseDutchNumber } from "./numbers.js";

export const CUSTOM = "custom";
const KNOWN_KEYS = ["register", "period_start", "options", "norm", "activities", "documents", "submission_date"];
let lastKey = 0;

/** A fresh key for a new row (activity or custom category). */
export function newKey(prefix) {
  lastKey += 1;
  return `${prefix}${lastKey}`;
}

export function emptyActivity() {
  return { key: newKey("a"), date: "", title: "", category: "", points: "" };
}

export function emptyState(register) {
  return {
    register, options: {}, periodStart: "", documents: {}, submissionDate: "", extra: {},
    norm: { years: "5", total: "", categories: [{ key: newKey("c"), name: "", min: "", max: "" }] },
    activities: [emptyActivity()],
  };
}

/** What the register counts in: "punten" or "uren" (KRSD); an own norm counts punten. */
export function unitOf(state, registers) {
  return registers[state.register]?.unit ?? "punten";
}

/** The categories the visitor can choose: [{id, label}] of the register, or of the custom norm. */
export function categoriesOf(state, registers) {
  if (state.register === CUSTOM) {
    return state.norm.categories.filter((c) => categoryId(c.name))
      .map((c) => ({ id: categoryId(c.name), label: c.name.trim() }));
  }
  return registers[state.register]?.categories.map(({ id, label }) => ({ id, label })) ?? [];
}

/**
 * The portfolio for the calculator, and the problems found on the way:
 * {portfolio | null, problems: [{field, message}], rows: [activity key per portfolio activity]}.
 * `field` names a form field: "period_start", "norm.years", "<row key>.points", ...
 */
export function toPortfolio(state, registers) {
  const problems = [];
  const complain = (field, message) => problems.push({ field, message });
  const isoDate = (field, text) => {
    const { iso, problem } = parseDutchDate(text);
    if (problem) complain(field, problem);
    return iso;
  };
  const portfolio = { register: state.register, period_start: null };
  if (!state.periodStart.trim()) complain("period_start", "Vul de begindatum van je periode in.");
  else portfolio.period_start = isoDate("period_start", state.periodStart);
  const register = registers[state.register];
  if (register?.options?.length) {
    portfolio.options = Object.fromEntries(register.options.map(({ id }) => [id, Boolean(state.options[id])]));
  }
  const documents = (register?.documents ?? []).filter(({ id }) => state.documents[id]?.trim())
    .map(({ id }) => [id, isoDate(`documents.${id}`, state.documents[id])]);
  if (documents.length) portfolio.documents = Object.fromEntries(documents);
  if (state.submissionDate.trim()) portfolio.submission_date = isoDate("submission_date", state.submissionDate);
  if (state.register === CUSTOM) portfolio.norm = customNorm(state.norm, complain);
  const known = new Set(categoriesOf(state, registers).map((c) => c.id));
  const unit = unitOf(state, registers);
  const rows = [];
  portfolio.activities = [];
  for (const row of state.activities) {
    const activity = toActivity(row, known, unit, complain);
    if (activity) {
      portfolio.activities.push(activity);
      rows.push(row.key);
    }
  }
  Object.assign(portfolio, state.extra);
  const blocking = problems.some((p) => !p.field.startsWith("a"));
  return { portfolio: blocking ? null : portfolio, problems, rows };
}

/** One row as a portfolio activity, or null (blank, or a problem named per field). */
function toActivity(row, known, unit, complain) {
  const blank = !row.date.trim() && !row.title.trim() && !row.points.trim();
  if (blank) return null;
  const points = parseDutchNumber(row.points);
  const date = row.date.trim() ? parseDutchDate(row.date) : { problem: "Vul de datum in." };
  let ok = true;
  const fail = (name, message) => { complain(`${row.key}.${name}`, message); ok = false; };
  if (date.problem) fail("date", date.problem);
  if (!known.has(row.category)) fail("category", "Kies een categorie van dit register.");
  if (!row.points.trim()) fail("points", `Vul het aantal ${unit} in.`);
  else if (points === null) fail("points", "Vul een getal in, zoals 8 of 7,5.");
  if (!ok) return null;
  const activity = { date: date.iso, category: row.category, points };
  if (row.title.trim()) activity.title = row.title.trim();
  return activity;
}

function customNorm(norm, complain) {
  const years = /^\s*\d+\s*$/.test(norm.years) ? Number(norm.years) : null;
  if (years === null) complain("norm.years", "Vul een heel aantal jaren in, bijvoorbeeld 5.");
  const total = parseDutchNumber(norm.total);
  if (total === null) complain("norm.total", "Vul het totaal aantal punten in, zoals 160.");
  const categories = {};
  for (const row of norm.categories) {
    const id = categoryId(row.name);
    if (!id) {
      complain(`norm.${row.key}.name`, "Geef de categorie een naam.");
      continue;
    }
    if (id in categories) complain(`norm.${row.key}.name`, "Deze naam komt al voor.");
    const limits = {};
    for (const bound of ["min", "max"]) {
      if (!row[bound].trim()) continue;
      const value = parseDutchNumber(row[bound]);
      if (value === null) complain(`norm.${row.key}.${bound}`, "Vul een getal in of laat het veld leeg.");
      else limits[bound] = value;
    }
    categories[id] = limits;
  }
  return { years, total, categories };
}

/** Form state from a portfolio object (imported, loaded or restored); throws Error(Dutch) if unusable. */
export function fromPortfolio(portfolio, registers) {
  if (!portfolio || typeof portfolio !== "object" || Array.isArray(portfolio)) {
    throw new Error("Dit is geen portfolio: verwacht een JSON-object met register, period_start en activities.");
  }
  const register = String(portfolio.register ?? "");
  if (register !== CUSTOM && !Object.hasOwn(registers, register)) {
    throw new Error(`Onbekend register "${register}" in dit portfolio.`);
  }
  const activities = Array.isArray(portfolio.activities) ? portfolio.activities : [];
  const state = emptyState(register);
  state.periodStart = formDate(portfolio.period_start);
  state.options = { ...(portfolio.options ?? {}) };
  state.documents = Object.fromEntries(Object.entries(portfolio.documents ?? {}).map(([id, date]) => [id, formDate(date)]));
  state.submissionDate = formDate(portfolio.submission_date);
  state.activities = activities.map((item) => ({
    key: newKey("a"), date: formDate(item?.date), title: String(item?.title ?? ""),
    category: String(item?.category ?? ""), points: formatDutchNumber(item?.points),
  }));
  if (!state.activities.length) state.activities = [emptyActivity()];
  if (register === CUSTOM && portfolio.norm) state.norm = normState(portfolio.norm);
  state.extra = Object.fromEntries(Object.entries(portfolio).filter(([key]) => !KNOWN_KEYS.includes(key)));
  return state;
}

function normState(norm) {
  const categories = Object.entries(norm.categories ?? {}).map(([id, limits]) => ({
    key: newKey("c"), name: id, min: formatDutchNumber(limits?.min), max: formatDutchNumber(limits?.max),
  }));
  return { years: String(norm.years ?? ""), total: formatDutchNumber(norm.total), categories };
}

/** A stored state (this device's or this tab's) back in the form; null when nothing is usable. */
export function restoreState(saved, registers) {
  return restoreReport(saved, registers).state;
}

const TEXT_LIMIT = 10000;

/**
 * A stored value back as form state, trusting nothing in it: only own properties of the right
 * type are taken, fresh row keys are made. {state | null, dropped: [what was left out, in Dutch]}.
 * A value in the portfolio JSON format (an older save, a pasted file) is read as an import.
 */
export function restoreReport(saved, registers) {
  if (saved === null || saved === undefined) return { state: null, dropped: [] };
  if (isObject(saved) && Object.hasOwn(saved, "period_start") && !Object.hasOwn(saved, "periodStart")) {
    try {
      saved = fromPortfolio(saved, registers);
    } catch (error) {
      return { state: null, dropped: [error.message] };
    }
  }
  if (!isObject(saved)) return { state: null, dropped: ["de bewaarde waarde is geen ingevuld formulier"] };
  const dropped = [];
  const unreadable = { count: 0 };
  const read = (object, name) => readText(object, name, unreadable);
  let register = read(saved, "register");
  if (register !== CUSTOM && !Object.hasOwn(registers, register)) {
    dropped.push(`het register "${shorten(register)}" (dat kent deze gids niet; kies je register opnieuw)`);
    register = Object.keys(registers)[0];
  }
  const state = emptyState(register);
  state.periodStart = read(saved, "periodStart");
  state.submissionDate = read(saved, "submissionDate");
  const known = registers[register] ?? {};
  state.options = pick(own(saved, "options"), (known.options ?? []).map(({ id }) => id),
    (value) => typeof value === "boolean", "optie", dropped);
  state.documents = pick(own(saved, "documents"), (known.documents ?? []).map(({ id }) => id),
    (value) => typeof value === "string" && value.length <= TEXT_LIMIT, "documentdatum", dropped);
  const norm = own(saved, "norm");
  if (isObject(norm)) {
    state.norm.years = read(norm, "years") || state.norm.years;
    state.norm.total = read(norm, "total");
    const categories = rows(own(norm, "categories"), ["name", "min", "max"], "c", read,
      { one: "categorie", many: "categorieën" }, dropped);
    if (categories.length) state.norm.categories = categories;
  }
  state.activities = rows(own(saved, "activities"), ["date", "title", "category", "points"], "a", read,
    { one: "activiteit", many: "activiteiten" }, dropped);
  if (!state.activities.length) state.activities = [emptyActivity()];
  const extra = own(saved, "extra");
  if (isObject(extra) && Object.keys(extra).length) {
    dropped.push(`de onbekende velden ${Object.keys(extra).slice(0, 5).map((key) => `"${shorten(key)}"`).join(", ")}`);
  }
  if (unreadable.count) dropped.push(unreadable.count === 1 ? "1 veld met een onleesbare waarde" : `${unreadable.count} velden met een onleesbare waarde`);
  return { state, dropped };
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object, name) {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A typed value: a string as is, a number as the form writes it; absent or null as ""; anything else "" and counted. */
function readText(object, name, unreadable) {
  const value = own(object, name);
  if (typeof value === "string" && value.length <= TEXT_LIMIT) return value;
  if (Number.isFinite(value)) return formatDutchNumber(value);
  if (value !== undefined && value !== null) unreadable.count += 1;
  return "";
}

/** The entries of `value` whose key is in `allowed` and whose value passes `valid`; the rest named in `dropped`. */
function pick(value, allowed, valid, what, dropped) {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    dropped.push(`de ${what}s (geen lijst van ${what}s)`);
    return {};
  }
  const kept = {};
  for (const [key, item] of Object.entries(value)) {
    if (allowed.includes(key) && valid(item)) kept[key] = item;
    else dropped.push(`${what} "${shorten(key)}"`);
  }
  return kept;
}

/** Rows (activities, custom categories) with text `fields` and a fresh key; a row that is no object is dropped. */
function rows(value, fields, prefix, read, { one, many }, dropped) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    dropped.push(`de ${many} (geen lijst)`);
    return [];
  }
  const kept = value.filter(isObject).map((row) => ({
    key: newKey(prefix), ...Object.fromEntries(fields.map((name) => [name, read(row, name)])),
  }));
  const lost = value.length - kept.length;
  if (lost) dropped.push(lost === 1 ? `1 ${one} die geen ${one} was` : `${lost} ${many} die geen ${one} waren`);
  return kept;
}

/**
 * The form field of a refusal's path (`activities[2].points`, `norm.categories.scholing.min`,
 * `documents.vog`, `period_start`), or null when the path names no field of the form.
 * `rows` maps the portfolio's activity index to the form row's key (from toPortfolio).
 */
export function fieldOfPath(path, rows, state) {
  const [head, ...rest] = String(path ?? "").split(/[.[\]]+/).filter(Boolean);
  const place = PATH_FIELDS[head];
  return place ? place(rest, rows, state) : null;
}

const PATH_FIELDS = {
  activities: ([index, name], rows) => (rows[Number(index)] && name ? `${rows[Number(index)]}.${name}` : null),
  norm: ([part, id, bound], _rows, state) => {
    if (part !== "categories") return ["years", "total"].includes(part) && !id ? `norm.${part}` : null;
    const row = state.norm.categories.find((c) => categoryId(c.name) === id);
    return row ? `norm.${row.key}.${bound ?? "name"}` : null;
  },
  documents: ([id]) => (id ? `documents.${id}` : null),
  options: ([id]) => (id ? `option.${id}` : null),
  period_start: (rest) => (rest.length ? null : "period_start"),
  submission_date: (rest) => (rest.length ? null : "submission_date"),
  register: (rest) => (rest.length ? null : "register"),
};
