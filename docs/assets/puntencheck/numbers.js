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
