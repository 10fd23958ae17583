// Dutch numbers for the form: "7,5" in, 7.5 out; 7.5 in, "7,5" out. What counts as a number is
// the calculator's own rule (calculator.numbers.AMOUNT_TEXT, the pattern CSV cells are read with),
// handed to the page in its data block: the form accepts exactly what the CLI accepts.

let amount = null;

/** Use the calculator's amount pattern (a regular expression source, without anchors). */
export function useAmountPattern(pattern) {
  amount = new RegExp(`^(?:${pattern})$`);
}

/** The number the visitor typed ("8", "7,5", "7.5", "-3"), or null when it is not one. */
export function parseDutchNumber(text) {
  if (amount === null) throw new Error("useAmountPattern() first: the rule comes from the calculator");
  const match = amount.exec(String(text ?? ""));
  return match ? Number(match[1].replace(",", ".")) : null;
}

/** A number as the form shows it: decimal comma, no trailing zeros. */
export function formatDutchNumber(value) {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

/** Today's date on this device (not UTC) as JJJJ-MM-DD: the same "today" the CLI uses. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A category id from a name the visitor typed: "Scholing & training" → "scholing_training". */
export function categoryId(name) {
  const id = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(id) ? id : id ? `c_${id}` : "";
}

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d+)\s*$/;
const YEAR_MONTH_DAY = /^\s*(\d+)-(\d{1,2})-(\d{1,2})\s*$/;

/**
 * A date as typed in the form ("1-3-2021", "01/03/2021", "2021-03-01"): {iso} when it exists,
 * else {problem} in plain Dutch for next to the field.
 */
export function parseDutchDate(text) {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const ymd = dmy ? null : YEAR_MONTH_DAY.exec(text);
  if (!dmy && !ymd) return { problem: "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 1-3-2021." };
  const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : [ymd[3], ymd[2], ymd[1]];
  if (year.length !== 4) return { problem: "Deze datum bestaat niet: controleer het jaar (vier cijfers, bijvoorbeeld 2021)." };
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (probe.getUTCMonth() !== Number(month) - 1 || probe.getUTCDate() !== Number(day)) {
    return { problem: "Deze datum bestaat niet: controleer de dag en de maand." };
  }
  return { iso: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
}

/** "2021-03-01" as the form shows it: "01-03-2021"; other text is left as it is. */
export function formDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return match ? `${match[3]}-${match[2]}-${match[1]}` : String(iso ?? "");
}
