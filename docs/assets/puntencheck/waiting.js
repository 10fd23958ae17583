// The honest wait for Python: how much of the calculator's files has arrived (a <progress> with
// megabytes), that the form can be filled in meanwhile, and that the result follows by itself.
// The status line (role=status) changes only at milestones, so the bytes are not read out each time.
import { el } from "./dom.js";
import { formatDutchNumber } from "./numbers.js";

const LOADING = "De rekenhulp wordt geladen. Je kunt het formulier alvast invullen; de uitslag verschijnt daarna vanzelf.";
const READY = "De rekenhulp is klaar. De uitslag verschijnt terwijl je typt.";

export class Waiting {
  constructor(status) {
    this.status = status;
    this.bar = el("progress", { id: "pc-progress", max: 1, value: 0, "aria-labelledby": "pc-progress-label" });
    this.label = el("span", { id: "pc-progress-label" }, "Bestanden van de rekenhulp downloaden");
    this.box = el("div", { class: "pc-progress" }, this.bar, this.label);
    this.say(LOADING);
    status.after(this.box);
  }

  /** `loaded` of `total` bytes have arrived (total 0: unknown). */
  progress(loaded, total) {
    if (!this.box.isConnected) return;
    const megabytes = (bytes) => formatDutchNumber((bytes / 1e6).toFixed(1));
    this.bar.max = Math.max(total, loaded, 1);
    this.bar.value = loaded;
    const text = total ? `${megabytes(loaded)} van ${megabytes(total)} MB` : `${megabytes(loaded)} MB`;
    this.label.textContent = `${text} gedownload`;
  }

  say(text, fault = false) {
    this.status.textContent = text;
    this.status.className = fault ? "pc-status pc-fault" : "pc-status";
    if (fault) this.box?.remove();
  }

  done() {
    this.box.remove();
    this.say(READY);
  }
}
