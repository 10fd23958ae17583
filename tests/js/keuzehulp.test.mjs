// Unit tests of the keuzehulp's URL reading (node --test): the classic script runs in a sandbox
// without a tree on the page, and exposes its two pure route functions.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const code = readFileSync(new URL("../../docs/assets/javascripts/keuzehulp.js", import.meta.url), "utf-8");
const window = { addEventListener() {}, location: { search: "", hash: "", pathname: "/" } };
vm.runInNewContext(code, { window, document: { querySelectorAll: () => [] }, URLSearchParams });
const route = window.rwKeuzehulpRoute;

const TREE = {
  start: "werk",
  nodes: {
    werk: { type: "question", options: [{ id: "ja", next: "opleiding" }, { id: "nee", next: "geen" }] },
    opleiding: { type: "question", options: [{ id: "mbo", next: "rp" }, { id: "hbo-wo", next: "skj" }] },
    geen: { type: "outcome" }, rp: { type: "outcome" }, skj: { type: "outcome" },
  },
};

const ids = (state) => [Array.from(state.answers, (a) => `${a.node}=${a.option.id}`), state.current];  // arrays of this realm

test("answers are read along the route from the start", () => {
  assert.deepEqual(ids(route.read(TREE, "?werk=ja&opleiding=hbo-wo")), [["werk=ja", "opleiding=hbo-wo"], "skj"]);
  assert.deepEqual(ids(route.read(TREE, "?werk=nee")), [["werk=nee"], "geen"]);
});

test("an unknown, missing or off-route answer ends the route there", () => {
  assert.deepEqual(ids(route.read(TREE, "")), [[], "werk"]);
  assert.deepEqual(ids(route.read(TREE, "?werk=misschien&opleiding=mbo")), [[], "werk"]);
  assert.deepEqual(ids(route.read(TREE, "?opleiding=mbo")), [[], "werk"]);
  assert.deepEqual(ids(route.read(TREE, "?werk=ja")), [["werk=ja"], "opleiding"]);
});

test("the query for a route keeps other parameters and drops stale answers", () => {
  const answers = route.read(TREE, "?werk=ja&opleiding=mbo").answers.slice(0, 1);
  assert.equal(route.query(TREE, "?utm=x&opleiding=mbo&werk=ja", answers), "?utm=x&werk=ja");
  assert.equal(route.query(TREE, "?werk=ja", []), "");
});
