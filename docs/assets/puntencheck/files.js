// Portfolio files: JSON and CSV in the CLI's formats, downloads that never leave the device.
import { formatDutchNumber } from "./numbers.js";

const CSV_HEADER = ["datum", "categorie", "punten", "titel"];

export function portfolioJson(portfolio) {
  return `${JSON.stringify(portfolio, null, 2)}\n`;
}

/** The portfolio as the CLI reads CSV: meta rows, header, one activity a row; `;` and decimal comma. */
export function portfolioCsv(portfolio) {
  if (portfolio.norm) throw new Error("Een eigen norm past niet in CSV: exporteer als JSON.");
  const chosen = Object.entries(portfolio.options ?? {}).filter(([, on]) => on).map(([id]) => id);
  const rows = [["register", portfolio.register], ["start", portfolio.period_start]];
  if (chosen.length) rows.push(["opties", chosen.join(" ")]);
  rows.push(CSV_HEADER);
  for (const item of portfolio.activities) {
    rows.push([item.date, item.category, formatDutchNumber(item.points), item.title ?? ""]);
  }
  return `${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

/** What a CSV export cannot hold (document dates, submission date), in Dutch; empty when nothing is left out. */
export function csvLeavesOut(portfolio) {
  const missing = [];
  if (Object.keys(portfolio.documents ?? {}).length) missing.push("de datums van je documenten");
  if (portfolio.submission_date) missing.push("de datum van indienen");
  return missing;
}

// A cell starting like a formula would run in a spreadsheet: an apostrophe in front keeps it text
// (OWASP, CSV injection). The calculator's CSV reader takes that apostrophe off again.
const FORMULA_START = /^'*[=+\-@\t\r]/;

function csvCell(value) {
  const text = FORMULA_START.test(String(value)) ? `'${value}` : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Offer `text` as a download: a blob URL, nothing leaves the device. */
export function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
