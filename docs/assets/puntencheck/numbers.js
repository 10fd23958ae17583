// Dutch numbers and dates for the form: "7,5" in, 7.5 out; 7.5 in, "7,5" out.

const NUMBER = /^\s*(\d+)(?:[.,](\d+))?\s*$/;

/** The number the visitor typed ("8", "7,5", "7.5"), or null when it is not one. */
export function parseDutchNumber(text) {
  const match = NUMBER.exec(text);
  return match ? Number(match[2] ? `${match[1]}.${match[2]}` : match[1]) : null;
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

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december"];

/** "2021-05-01" as "1 mei 2021". */
export function dutchDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A category id from a name the visitor typed: "Scholing & training" → "scholing_training". */
export function categoryId(name) {
  const id = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(id) ? id : id ? `c_${id}` : "";
}
