// Buttons around the form: worked examples to load, import/export, save on this device, wipe.
import { el } from "./dom.js";

const READ_LIMIT = 16_000_000;  // bytes; above calculator.input_text.MAX_BYTES, so Python says what is too big

/** The examples block: one button per worked example of the sources. */
export function examplesBlock(examples, onLoad) {
  return el("section", { class: "pc-examples", "aria-labelledby": "pc-examples-title" },
    el("h2", { id: "pc-examples-title" }, "Voorbeelden uit de bronnen"),
    el("p", { class: "pc-help" }, "Laad een rekenvoorbeeld uit de brondocumenten. Bij elk voorbeeld staat wat " +
      "de bron zegt en wat deze gids heeft aangenomen (zoals de datums)."),
    el("ul", { class: "pc-example-list" }, examples.map((example) => el("li", {},
      el("button", {
        type: "button", class: "md-button", "data-example": example.id,
        "aria-describedby": `pc-example-${example.id} pc-example-${example.id}-assumptions`, onclick: () => onLoad(example),
      }, example.title),
      el("span", { id: `pc-example-${example.id}`, class: "pc-help" },
        ` ${example.source_title}. Volgens de bron: “${example.expected.verdict}”`),
      el("div", { id: `pc-example-${example.id}-assumptions`, class: "pc-help pc-assumptions" },
        "Aangenomen door deze gids:",
        el("ul", {}, (example.assumptions ?? []).map((text) => el("li", {}, text))))))),
    el("p", { id: "pc-example-status", class: "pc-help", role: "status" }));
}

/** Import, export, save and wipe; `actions` holds the callbacks. */
export function fileBlock(actions) {
  const picker = el("input", {
    type: "file", id: "pc-import", accept: ".json,.csv,application/json,text/csv",
    onchange: async (event) => {
      const [file] = event.target.files;
      // The bytes, not file.text(): Python decodes them as the CLI does (a cp1252 CSV from Excel too).
      // Never more than READ_LIMIT is read; the calculator refuses what is over its own limit.
      if (file) await actions.importFile(new Uint8Array(await file.slice(0, READ_LIMIT).arrayBuffer()), file.name);
      event.target.value = "";
    },
  });
  const button = (id, text, onclick) => el("button", { type: "button", class: "md-button", id, onclick }, text);
  return el("section", { class: "pc-files", "aria-labelledby": "pc-files-title" },
    el("h2", { id: "pc-files-title" }, "Opslaan en uitwisselen"),
    el("div", { class: "pc-field" }, el("label", { for: "pc-import" }, "Portfolio importeren (JSON of CSV)"), picker),
    el("div", { class: "pc-buttons" },
      button("pc-export-json", "Exporteer als JSON", actions.exportJson),
      button("pc-export-csv", "Exporteer als CSV", actions.exportCsv),
      button("pc-save", "Bewaar op dit apparaat", actions.save),
      button("pc-wipe", "Wis mijn gegevens", actions.wipe)),
    el("p", { id: "pc-files-status", class: "pc-help", role: "status" }),
    el("p", { class: "pc-help" }, "Bewaren zet je portfolio alleen in deze browser op dit apparaat (localStorage). " +
      "Wissen haalt het daar weg en maakt het formulier leeg."));
}
