// This device's saved portfolio (localStorage), handled as untrusted: it may be corrupt, from an
// older release, written by hand, or changed meanwhile by this page in another tab. Nothing in it
// is thrown away unasked, and a newer save from another tab is never overwritten without warning.
const KEY = "registratiewijzer.puntencheck.portfolio";

export class DeviceStore {
  /** `onOtherTab(text | null)`: another tab saved (or wiped) this device's portfolio. */
  constructor(onOtherTab = () => {}) {
    this.known = this.text();
    window.addEventListener("storage", (event) => {
      if (event.key !== KEY && event.key !== null) return;
      onOtherTab(this.text());
    });
  }

  /** The stored text as it is (null: nothing stored, or storage not allowed). */
  text() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }

  /** {value, text}: the stored value parsed; value undefined when the text is no JSON. */
  read() {
    const text = this.text();
    this.known = text;
    if (text === null) return { value: null, text };
    try {
      return { value: JSON.parse(text), text };
    } catch {
      return { value: undefined, text };
    }
  }

  /** Whether another tab saved or wiped since this tab last read or wrote. */
  changedElsewhere() {
    return this.text() !== this.known;
  }

  /**
   * Store `value` (null: remove). "done"; "newer" when another tab saved meanwhile and `force` is
   * not set (nothing written); "refused" when the browser does not allow it or storage is full.
   */
  write(value, { force = false } = {}) {
    if (!force && this.changedElsewhere()) return "newer";
    try {
      if (value === null) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      return "refused";
    }
    this.known = this.text();
    return "done";
  }
}
