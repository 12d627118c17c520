import { describe, expect, it } from "@jest/globals";
import { CardInvalidError, formatCardIssue } from "../../src/card/card-issue.js";
import { renderCard } from "../../src/card/render-card.js";
import { validateFrontMatter } from "../../src/card/validate-front-matter.js";
import { manifestOf, MINIMAL } from "./helpers.js";

const TEMPLATE = { text: "---\n{{ card_data }}\n---\n", path: "card.jinja" };

/** The issues a manifest's card gets, as [field, pointer, message, fix]. */
function issuesOf(yaml: string): [string, string | undefined, string, string][] {
  try {
    renderCard({ manifest: manifestOf(yaml), template: TEMPLATE });
  } catch (error) {
    if (error instanceof CardInvalidError) {
      return error.issues.map((i) => [i.field, i.pointer, i.message, i.fix]);
    }
    throw error;
  }
  return [];
}

describe("front matter the Hub would refuse", () => {
  it("a license the Hub does not know, with the closest id", () => {
    expect(issuesOf(MINIMAL.replace("apache-2.0", "apache2"))).toEqual([
      [
        "license",
        "/license",
        '"apache2" is not a license id the Hub accepts',
        'did you mean "apache-2.0"?',
      ],
    ]);
    expect(issuesOf(MINIMAL.replace("apache-2.0", "llama3.1"))).toEqual([]);
    expect(issuesOf(MINIMAL.replace("apache-2.0", "no-such-thing-at-all"))[0]?.[3]).toMatch(
      /use a Hub license id .* or an SPDX id/,
    );
  });

  it("`other` without a license name and link, or with a name that is not an id", () => {
    const fields = (fm: Record<string, unknown>) =>
      validateFrontMatter({ license: "other", ...fm }).map((i) => [i.field, i.message]);
    expect(fields({})).toEqual([
      ["license_name", "is required with license: other"],
      ["license_link", "is required with license: other"],
    ]);
    const named = issuesOf(
      MINIMAL.replace("apache-2.0", "other") +
        "licenseName: Acme Model License 1.0\nlicenseLink: LICENSE.md\n",
    );
    expect(named).toEqual([
      [
        "license_name",
        "/licenseName",
        "\"Acme Model License 1.0\" is not a license id (lower case, digits, '.', '-')",
        'write it as "acme-model-license-1.0"',
      ],
    ]);
    expect(issuesOf(`${MINIMAL}licenseName: acme\n`)[0]?.slice(0, 3)).toEqual([
      "license_name",
      "/licenseName",
      "is set, but license is not `other`",
    ]);
  });

  it("an unknown pipeline tag or library, with the closest value", () => {
    expect(
      issuesOf(`${MINIMAL}card:\n  pipeline_tag: text-generaton\n  library_name: transformer\n`),
    ).toEqual([
      [
        "pipeline_tag",
        "/card/pipeline_tag",
        '"text-generaton" is not a Hub pipeline tag (@huggingface/tasks)',
        'did you mean "text-generation"?',
      ],
      [
        "library_name",
        "/card/library_name",
        '"transformer" is not a library the Hub knows (@huggingface/tasks)',
        'did you mean "transformers"?',
      ],
    ]);
    // The seed's own card said image-generation, which the Hub does not have.
    expect(issuesOf(`${MINIMAL}card:\n  pipeline_tag: image-generation\n`)[0]?.[3]).toBe(
      'did you mean "text-to-image"?',
    );
    expect(issuesOf(`${MINIMAL}card:\n  library_name: zzzzzzzzzzzz\n`)[0]?.[3]).toMatch(
      /^pick one of/,
    );
  });

  it("a malformed model-index, each field located", () => {
    const evaluations = [
      {
        task: { type: "text-generaton" },
        dataset: { type: "wikitext", name: "" },
        metrics: [{ type: "perplexity" } as unknown as { type: string; value: number }],
      },
    ];
    try {
      renderCard({ manifest: manifestOf(MINIMAL), template: TEMPLATE, evaluations });
      throw new Error("rendered");
    } catch (error) {
      expect(error).toBeInstanceOf(CardInvalidError);
      const invalid = error as CardInvalidError;
      expect(invalid.code).toBe("CARD_INVALID");
      expect(invalid.exitCode).toBe(1);
      expect(invalid.issues.map((i) => [i.field, i.message])).toEqual([
        [
          "model-index[0].results[0].task.type",
          '"text-generaton" is not a Hub task (@huggingface/tasks)',
        ],
        ["model-index[0].results[0].dataset.name", "is not a non-empty string"],
        ["model-index[0].results[0].metrics[0].value", "is missing"],
      ]);
      expect(invalid.message).toContain(
        "card.jinja: the model card's front matter has 3 problems:\n  front matter model-index[0].results[0].task.type:",
      );
    }
  });

  it("checks every model-index shape the Hub documents", () => {
    const fields = (modelIndex: unknown) =>
      validateFrontMatter({ license: "mit", "model-index": modelIndex }).map((i) => i.field);
    expect(fields([])).toEqual(["model-index"]);
    expect(fields(["x"])).toEqual(["model-index[0]"]);
    expect(fields([{ results: [] }])).toEqual(["model-index[0].name", "model-index[0].results"]);
    expect(fields([{ name: "m", results: [7] }])).toEqual(["model-index[0].results[0]"]);
    expect(fields([{ name: "m", results: [{ source: 3, metrics: [] }] }])).toEqual([
      "model-index[0].results[0].task",
      "model-index[0].results[0].dataset",
      "model-index[0].results[0].metrics",
      "model-index[0].results[0].source",
    ]);
    const result = {
      task: { type: "text-generation", name: 5 },
      dataset: { type: "d", name: "D", split: 1 },
      metrics: [
        1,
        { type: "acc", value: "high", verified: "yes" },
        { type: "acc", value: Infinity },
      ],
      source: { name: "x" },
    };
    expect(fields([{ name: "m", results: [result] }])).toEqual([
      "model-index[0].results[0].task.name",
      "model-index[0].results[0].dataset.split",
      "model-index[0].results[0].metrics[0]",
      "model-index[0].results[0].metrics[1].verified",
      "model-index[0].results[0].metrics[2].value",
      "model-index[0].results[0].source.url",
    ]);
    expect(
      fields([{ name: "m", results: [{ ...result, task: { type: "zzzzzzzzzzzzzzzzzz" } }] }]),
    ).toContain("model-index[0].results[0].task.type");
  });

  it("checks the other fields' shapes", () => {
    const issues = validateFrontMatter({
      license: 3,
      pipeline_tag: 1,
      library_name: "transformers",
      tags: "one",
      datasets: [""],
      language: ["en", "English"],
      base_model: "not a model id!",
      base_model_relation: "quantised",
      license_link: "x",
    });
    expect(issues.map((i) => [i.field, i.fix])).toEqual([
      ["license", "give one license id"],
      ["license_link", "remove license_link, or set license: other"],
      ["pipeline_tag", "give a Hub pipeline tag"],
      ["tags", "write it as a YAML list: tags: [a, b]"],
      ["datasets", "write it as a YAML list: datasets: [a, b]"],
      ["language[1]", "use ISO 639-1 or 639-3 codes such as en or fra"],
      ["base_model", "give the Hub model id as owner/name"],
      ["base_model_relation", 'did you mean "quantized"?'],
    ]);
    expect(validateFrontMatter({ base_model_relation: "adapter" }).map((i) => i.message)).toEqual([
      "is missing",
      "is set without base_model",
    ]);
    expect(validateFrontMatter({ license: "MIT" })[0]?.fix).toBe(
      'the Hub spells it in lower case: "mit"',
    );
    expect(validateFrontMatter({ license: "BSD-4-Clause" })[0]?.fix).toMatch(
      /^the Hub does not list SPDX's BSD-4-Clause: write license: other, license_name: bsd-4-clause/,
    );
    expect(validateFrontMatter({ license: "mit", language: 7 })[0]?.message).toBe(
      "is not a string or a list of strings",
    );
    expect(
      validateFrontMatter({ license: "mit", language: "multilingual", base_model: ["a/b", "c"] }),
    ).toEqual([]);
    expect(validateFrontMatter("text")[0]?.message).toBe("is not a YAML mapping");
  });

  it("formats an issue with its manifest pointer", () => {
    expect(formatCardIssue({ field: "license", pointer: "/license", message: "m", fix: "f" })).toBe(
      "front matter license (manifest /license): m\n    fix: f",
    );
  });
});
