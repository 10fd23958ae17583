// What the page says about this device's saved data, with the buttons that go with it: what could
// not be restored (the stored text offered as it was), and a save made in another tab.
import { el, replace } from "./dom.js";
import { download } from "./files.js";

const RAW_FILE = "puntencheck-bewaarde-gegevens.txt";

/** A Dutch list: "a", "a en b", "a, b en c". */
export function dutchList(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} en ${items.at(-1)}`;
}

/** Say `text` in `node`, followed by one button per [label, action]. */
export function choice(node, text, actions) {
  replace(node, el("span", {}, text), " ", actions.map(([label, action]) => [
    el("button", { type: "button", class: "md-button pc-choice", onclick: action }, label), " "]));
}

/** The notice after a restore that left something out; the stored text can be downloaded unchanged. */
export function droppedNotice(dropped, storedText, restored) {
  const what = restored
    ? `Je bewaarde gegevens zijn geladen, maar niet alles kon worden teruggezet: ${dutchList(dropped)} ${dropped.length === 1 ? "is" : "zijn"} weggelaten.`
    : `Je bewaarde gegevens konden niet worden geladen (${dutchList(dropped)}).`;
  const node = el("div", { id: "pc-restore-notice", class: "pc-notice", role: "alert" });
  choice(node, `${what} Ze staan nog ongewijzigd op dit apparaat tot je opnieuw bewaart; download ze als je ze wilt houden.`, [
    ["Download de bewaarde gegevens", () => downloadStored(storedText)],
  ]);
  return node;
}

/** Offer stored text as it is, as a download. */
export function downloadStored(text) {
  download(text ?? "", RAW_FILE, "text/plain");
}
