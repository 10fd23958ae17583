// Buttons around the form: worked examples to load, import/export, save on this device, wipe, and
// the "put my data back" offer after an example or a wipe replaced the visitor's data.
import { el, replace } from "./dom.js";

const READ_LIMIT = 16_000_000;  // bytes; above calculator.input_text.MAX_BYTES, so Python says what is too big

/** The examples block (below the form): one button per worked example of the sources. */
export function examplesBlock(examples, onLoad) {
  return el("section", { class: "pc-examples", "aria-labelledby": "pc-examples-title" },
    el("h2", { id: "pc-examples-title" }, "Voorbeelden uit de bronnen"),
    el("p", { class: "pc-help" }, "Wil je eerst zien hoe het werkt? Laad een rekenvoorbeeld uit de brondocumenten. " +
      "Het vervangt wat in het formulier staat; daarna kun je je eigen gegevens met één klik terugzetten. " +
      "Bij elk voorbeeld staat wat de bron zegt en wat deze gids heeft aangenomen (zoals de datums)."),
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

/** Say `text` in the status `node`, with a button that undoes the replacement (`restore`). */
export function offerUndo(node, text, restore) {
  const button = el("button", {
    type: "button", class: "md-button pc-undo", id: "pc-undo",
    onclick: () => {
      restore();
      replace(node, "Je eigen gegevens staan weer in het formulier.");
      node.focus();
    },
  }, "Zet mijn gegevens terug");
  node.setAttribute("tabindex", "-1");
  replace(node, `${text} `, button);
}

/** Import, export, save and wipe; `actions` holds the callbacks. */
export function fileBlock(actions) {
  const picker = el("input", {
    type: "file", id: "pc-import", "aria-describedby": "pc-import-help", accept: ".json,.csv,application/json,text/csv",
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
    el("div", { class: "pc-field" }, el("label", { for: "pc-import" }, "Open een bewaard bestand"), picker,
      el("p", { class: "pc-help", id: "pc-import-help" }, "Een bestand dat je eerder hier hebt gedownload (JSON), " +
        "of een spreadsheet met de kolommen datum, categorie, punten en titel, opgeslagen als CSV.")),
    el("div", { class: "pc-buttons" },
      button("pc-export-json", "Download als bestand", actions.exportJson),
      button("pc-export-csv", "Download voor Excel", actions.exportCsv),
      button("pc-save", "Bewaar op dit apparaat", actions.save),
      button("pc-wipe", "Wis mijn gegevens", actions.wipe)),
    el("p", { id: "pc-save-state", class: "pc-save-state", role: "status" }),
    el("p", { id: "pc-files-status", class: "pc-help", role: "status" }),
    el("p", { class: "pc-help" }, "Wat je typt, blijft staan als je de pagina herlaadt, zolang dit tabblad open is. " +
      "Download als bestand maakt een JSON-bestand dat je hier later weer opent; Download voor Excel maakt een CSV-bestand. " +
      "Bewaar op dit apparaat zet je gegevens in deze browser (localStorage), ook voor een volgende keer; " +
      "niemand anders ziet ze. Wissen haalt ze daar weg en maakt het formulier leeg."));
}
