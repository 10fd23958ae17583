// Unit tests of the puntencheck's page modules (node --test): the number parser, form state ↔
// portfolio, the CSV export and where a refusal's path puts its message.
import assert from "node:assert/strict";
import { test } from "node:test";

import { portfolioCsv } from "../../docs/assets/puntencheck/files.js";
import { formatDutchNumber, parseDutchNumber, useAmountPattern } from "../../docs/assets/puntencheck/numbers.js";
import { fieldOfPath, fromPortfolio, toPortfolio } from "../../docs/assets/puntencheck/state.js";
import { amountPattern } from "./python.mjs";

useAmountPattern(amountPattern());

const REGISTERS = {
  krsd: {
    id: "krsd", categories: [{ id: "geaccrediteerd", label: "Geaccrediteerd" }, { id: "vrije_ruimte", label: "Vrije ruimte" }],
    options: [{ id: "eerste_certificering", label: "Eerste" }], documents: [],
  },
  "registerplein-clientondersteuner": {
    id: "registerplein-clientondersteuner", categories: [{ id: "reflectie", label: "Reflectie" }],
    options: [], documents: [{ id: "vog", label: "VOG NP" }],
  },
};

test("the number parser takes the calculator's rule: decimal comma or point, a sign, nothing else", () => {
  const cases = { "8": 8, "7,5": 7.5, " 7.5 ": 7.5, "0,25": 0.25, "-3": -3, zeven: null, "7,": null, "1.000,5": null, "": null };
  for (const [text, number] of Object.entries(cases)) assert.equal(parseDutchNumber(text), number, text);
});

test("numbers are shown with a decimal comma", () => {
  assert.equal(formatDutchNumber(7.5), "7,5");
  assert.equal(formatDutchNumber(96), "96");
  assert.equal(formatDutchNumber(null), "");
});

const PORTFOLIO = {
  register: "krsd", period_start: "2023-01-01", options: { eerste_certificering: true },
  activities: [{ date: "2023-02-01", category: "geaccrediteerd", points: 23.5, title: "Training" },
    { date: "2024-02-01", category: "vrije_ruimte", points: 72.5 }],
};

test("portfolio → form state → portfolio gives the same portfolio", () => {
  const state = fromPortfolio(PORTFOLIO, REGISTERS);
  assert.equal(state.activities[0].points, "23,5");
  const { portfolio, problems, rows } = toPortfolio(state, REGISTERS);
  assert.deepEqual(problems, []);
  assert.deepEqual(portfolio, PORTFOLIO);
  assert.deepEqual(rows, state.activities.map((row) => row.key));
});

test("a wrong entry is a problem at its field and the row stays out; the typed text is kept", () => {
  const state = fromPortfolio(PORTFOLIO, REGISTERS);
  state.activities[1].points = "veel";
  const { portfolio, problems } = toPortfolio(state, REGISTERS);
  assert.deepEqual(problems, [{ field: `${state.activities[1].key}.points`, message: "Vul een getal in, zoals 8 of 7,5." }]);
  assert.equal(portfolio.activities.length, 1);
  assert.equal(state.activities[1].points, "veel");
});

test("a refusal's path names the form field", () => {
  const state = fromPortfolio(PORTFOLIO, REGISTERS);
  const { rows } = toPortfolio(state, REGISTERS);
  assert.equal(fieldOfPath("activities[1].points", rows, state), `${state.activities[1].key}.points`);
  assert.equal(fieldOfPath("period_start", rows, state), "period_start");
  assert.equal(fieldOfPath("documents.vog", rows, state), "documents.vog");
  assert.equal(fieldOfPath("options.eerste_certificering", rows, state), "option.eerste_certificering");
  assert.equal(fieldOfPath("activities[7].points", rows, state), null);
  assert.equal(fieldOfPath("portfolio", rows, state), null);
  assert.equal(fieldOfPath("", rows, state), null);
});

test("a custom norm's category path names its row", () => {
  const state = fromPortfolio({
    register: "custom", period_start: "2023-01-01", activities: [{ date: "2023-02-01", category: "scholing", points: 1 }],
    norm: { years: 5, total: 10, categories: { scholing: { min: 24, max: 10 } } },
  }, REGISTERS);
  const { rows } = toPortfolio(state, REGISTERS);
  const key = state.norm.categories[0].key;
  assert.equal(fieldOfPath("norm.categories.scholing.min", rows, state), `norm.${key}.min`);
  assert.equal(fieldOfPath("norm.categories.scholing", rows, state), `norm.${key}.name`);
  assert.equal(fieldOfPath("norm.years", rows, state), "norm.years");
});

test("the CSV export is what the CLI reads: meta rows, header, `;`, decimal comma, quoted where needed", () => {
  const csv = portfolioCsv({ ...PORTFOLIO, activities: [...PORTFOLIO.activities, { date: "2024-03-01", category: "vrije_ruimte", points: 1, title: "A; \"B\"" }] });
  assert.equal(csv, "register;krsd\r\nstart;2023-01-01\r\nopties;eerste_certificering\r\ndatum;categorie;punten;titel\r\n" +
    "2023-02-01;geaccrediteerd;23,5;Training\r\n2024-02-01;vrije_ruimte;72,5;\r\n2024-03-01;vrije_ruimte;1;\"A; \"\"B\"\"\"\r\n");
});

test("a formula-like title is kept as text in the CSV", () => {
  const csv = portfolioCsv({ ...PORTFOLIO, activities: [{ date: "2023-02-01", category: "geaccrediteerd", points: 1, title: "=1+1" }] });
  assert.match(csv, /;'=1\+1\r\n$/);
});

test("a custom norm does not fit in CSV", () => {
  assert.throws(() => portfolioCsv({ ...PORTFOLIO, norm: { years: 5 } }), /eigen norm/);
});
