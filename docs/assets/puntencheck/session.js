// Nothing typed is lost: the form as typed is kept for this tab (sessionStorage ends with the tab,
// so a reload or Back/Forward brings it back without asking), and the page knows when the visitor
// last saved on this device (localStorage, only on "Bewaar op dit apparaat").
const TAB_KEY = "registratiewijzer.puntencheck.tab";
const SAVED_AT_KEY = "registratiewijzer.puntencheck.saved-at";

/** Keep the form state for this tab; storage that refuses (private mode, full) is not an error. */
export function keepForTab(state) {
  try {
    sessionStorage.setItem(TAB_KEY, JSON.stringify(state));
  } catch {
    // the form still works; only a reload would lose it
  }
}

/** The form state kept for this tab, or null. */
export function tabState() {
  try {
    return JSON.parse(sessionStorage.getItem(TAB_KEY) ?? "null");
  } catch {
    return null;
  }
}

/** Two states are the same portfolio when they differ only in row keys. */
export function sameForm(a, b) {
  const text = (state) => JSON.stringify(state, (name, value) => (name === "key" ? undefined : value));
  return a !== null && b !== null && text(a) === text(b);
}

export function markSaved(when = new Date()) {
  try {
    localStorage.setItem(SAVED_AT_KEY, when.toISOString());
  } catch {
    // the time is only shown, never needed
  }
}

export function forgetSaved() {
  try {
    localStorage.removeItem(SAVED_AT_KEY);
  } catch {
    // nothing to forget
  }
}

/** "Bewaard om 14:32" (today) or "Bewaard op 3-12-2026 om 14:32"; "Bewaard op dit apparaat" if unknown. */
export function savedLabel(now = new Date()) {
  let when = null;
  try {
    when = new Date(localStorage.getItem(SAVED_AT_KEY) ?? "");
  } catch {
    when = null;
  }
  if (!when || Number.isNaN(when.getTime())) return "Bewaard op dit apparaat";
  const time = `${String(when.getHours()).padStart(2, "0")}:${String(when.getMinutes()).padStart(2, "0")}`;
  const today = when.toDateString() === now.toDateString();
  return today ? `Bewaard om ${time}` : `Bewaard op ${when.getDate()}-${when.getMonth() + 1}-${when.getFullYear()} om ${time}`;
}

/** Whether the visitor typed anything worth keeping (an undo is offered only then). */
export function hasData(state) {
  if (!state) return false;
  const typed = (row) => Object.entries(row).some(([name, value]) => name !== "key" && name !== "category" && String(value).trim());
  return Boolean(state.periodStart?.trim()) || state.activities.some(typed);
}
