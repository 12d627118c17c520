// Validation cost: our located validation (YAML with source positions, ajv, messages, rules)
// against a reference run of plain JSON.parse + ajv on the same manifest, in the same process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validateManifestText } from "../dist/index.js";
import { authoredManifestSchema } from "../dist/index.js";
import { root } from "../scripts/generate.mjs";

const text = readFileSync(join(root, "examples/manifests/phi-1.5-q4.json"), "utf8");
const rounds = 2000;

function time(fn) {
  for (let i = 0; i < 200; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

const ajv = new Ajv2020({ allErrors: true, strictRequired: false, allowUnionTypes: true });
addFormats.default(ajv);
const plain = ajv.compile(authoredManifestSchema);
const reference = time(() => plain(JSON.parse(text)));
const ours = time(() => validateManifestText(text, "phi-1.5-q4.json"));
console.log("| run | ms per manifest |\n| --- | --- |");
console.log(`| JSON.parse + ajv (reference) | ${reference.toFixed(3)} |`);
console.log(`| validateManifestText (positions, messages, rules) | ${ours.toFixed(3)} |`);
console.log(`ratio ours/reference: ${(ours / reference).toFixed(1)}x`);
