import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { defaultTemplatePath, loadCardTemplate } from "../../src/card/card-template.js";
import { describeRelease } from "../../src/card/release-artifacts.js";
import { renderCard } from "../../src/card/render-card.js";
import type { EvaluationResult } from "../../src/card/render-card.js";
import { readFile } from "node:fs/promises";
import { repoRoot, scratch } from "../helpers/temp.js";
import { exampleInput, expectSnapshot, manifestOf, MINIMAL } from "./helpers.js";

const EXAMPLES: [string, string, string | undefined][] = [
  ["tiny-llama.md", "examples/tiny-llama/model-publish.yaml", "0.1.0"],
  ["tinydit-cats.md", "examples/manifests/tinydit-cats.yaml", undefined],
  ["ruvltra-0.5b.md", "examples/manifests/ruvltra-0.5b.yaml", "0.5.0"],
  ["phi-1.5-q4.md", "examples/manifests/phi-1.5-q4.json", undefined],
  ["minimal.md", "examples/minimal.yaml", undefined],
];

/** Bytes of a given length from a fixed sequence, so digests in snapshots never change. */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  return out;
}

/** A built tiny-llama release, as `build` would leave it (fake weights, real names). */
async function tinyLlamaRelease(dir: string): Promise<void> {
  const files: Record<string, Buffer | string> = {
    "tiny-llama.safetensors": bytes(5_248_000, 1),
    "tiny-llama-1.3m-f16.safetensors": bytes(2_624_000, 2),
    "tiny-llama-1.3m-int8.safetensors": bytes(1_330_000, 3),
    "tiny-llama-1.3m-q8_0.gguf": bytes(1_400_000, 4),
    "tiny-llama-1.3m-q4_k_m.gguf": bytes(760_000, 5),
    "config.json": await readFile(join(repoRoot, "examples/tiny-llama/config.json")),
    "README.md": "stale card, replaced on build\n",
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  const variant = (scheme: string, file: string, ratio: number, cosine: number) => ({
    scheme,
    files: [file],
    compressionRatio: ratio,
    metrics: { cosine, rmse: Number((1 - cosine).toFixed(6)) },
  });
  await writeFile(
    join(dir, "manifest.json"),
    JSON.stringify({
      id: "tiny-llama",
      name: "Tiny Llama (example)",
      version: "0.1.0",
      type: "text-generation",
      artifacts: { model: { filename: "tiny-llama.safetensors", size: 0, sha256: "0" } },
      optimization: {
        variants: [
          variant("f16", "tiny-llama-1.3m-f16.safetensors", 2, 0.99999),
          variant("int8", "tiny-llama-1.3m-int8.safetensors", 3.95, 0.9995),
          variant("q8_0", "tiny-llama-1.3m-q8_0.gguf", 3.75, 0.9996),
          variant("q4_k_m", "tiny-llama-1.3m-q4_k_m.gguf", 6.9, 0.995),
        ],
      },
      benchmarks: { cpu: { latencyMs: 1.25, tokensPerSecond: 812.5 }, perplexity: 251.3 },
    }),
  );
}

const EVALUATIONS: EvaluationResult[] = [
  {
    task: { type: "text-generation", name: "Text Generation" },
    dataset: { type: "wikitext", name: "WikiText-2", split: "test" },
    metrics: [
      { type: "perplexity", value: 251.3, name: "Perplexity" },
      { type: "accuracy", value: 0.031 },
    ],
    source: { name: "model-publish bench", url: "https://example.com/bench" },
  },
];

describe("model card rendering", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());

  it.each(EXAMPLES)("renders %s from %s", async (snapshot, manifest, version) => {
    const card = renderCard(await exampleInput(manifest, version));
    await expectSnapshot(snapshot, card.markdown);
    expect(card.markdown.startsWith("---\nlicense: ")).toBe(true);
  });

  it("describes a built release: hardware, variants, benchmarks, evaluations, files", async () => {
    await tinyLlamaRelease(tmp.dir);
    const release = await describeRelease(tmp.dir);
    const input = {
      ...(await exampleInput("examples/tiny-llama/model-publish.yaml", "0.1.0")),
      artifacts: release.artifacts,
      benchmarks: release.benchmarks,
      evaluations: EVALUATIONS,
    };
    const card = renderCard(input);
    await expectSnapshot("tiny-llama-release.md", card.markdown);
    expect(card.frontMatter["model-index"]).toEqual([
      {
        name: "tiny-llama",
        results: [
          {
            task: { type: "text-generation", name: "Text Generation" },
            dataset: { type: "wikitext", name: "WikiText-2", split: "test" },
            metrics: [
              { type: "perplexity", value: 251.3, name: "Perplexity" },
              { type: "accuracy", value: 0.031 },
            ],
            source: { name: "model-publish bench", url: "https://example.com/bench" },
          },
        ],
      },
    ]);
    // The hardware table: weights + 10% + an fp16 KV cache of 2·2·2·64·512·2 = 524,288 bytes.
    expect(card.markdown).toContain(
      "| original | safetensors | `tiny-llama.safetensors` | 5.25 MB | 6.30 MB |",
    );
    expect(card.markdown).toContain(
      "| q4_k_m | GGUF | `tiny-llama-1.3m-q4_k_m.gguf` | 760 kB | 1.36 MB |",
    );
    expect(card.markdown).not.toContain("| `README.md` |");

    // Deterministic: the same input in another order renders the same bytes.
    const shuffled = renderCard({ ...input, artifacts: [...release.artifacts].reverse() });
    expect(shuffled.markdown).toBe(card.markdown);
  });

  it("adds base_model_relation: quantized when the release has quantized variants of a base model", () => {
    const base = `${MINIMAL}size: 1m\ncard:\n  base_model: org/base\n`;
    const render = (yaml: string) =>
      renderCard({
        manifest: manifestOf(yaml),
        template: { text: "---\n{{ card_data }}\n---\n", path: "t" },
      }).frontMatter;
    expect(render(`${base}variants:\n  - scheme: q4_k_m\n`).base_model_relation).toBe("quantized");
    expect(render(`${base}variants:\n  - scheme: f16\n`).base_model_relation).toBeUndefined();
    expect(
      render(
        `${base.replace("org/base", "org/base\n  base_model_relation: finetune")}variants:\n  - scheme: int4\n`,
      ).base_model_relation,
    ).toBe("finetune");
    expect(
      render(`${MINIMAL}size: 1m\nvariants:\n  - scheme: q4_k_m\n`).base_model_relation,
    ).toBeUndefined();
  });

  it("writes an SPDX-only license as `other`, named and linked, and normalises the Hub's spelling", () => {
    const render = (license: string, extra = "") =>
      renderCard({
        manifest: manifestOf(MINIMAL.replace("apache-2.0", license) + extra),
        template: { text: "---\n{{ card_data }}\n---\n{{ license }}\n", path: "t" },
      });
    const spdx = render("BSD-4-Clause");
    expect(spdx.frontMatter).toMatchObject({
      license: "other",
      license_name: "bsd-4-clause",
      license_link: "https://spdx.org/licenses/BSD-4-Clause.html",
    });
    expect(spdx.markdown).toContain("bsd-4-clause (https://spdx.org/licenses/BSD-4-Clause.html)");
    expect(render("Apache-2.0").frontMatter.license).toBe("apache-2.0");
    expect(
      render("other", "licenseName: acme-1.0\nlicenseLink: LICENSE.md\n").frontMatter,
    ).toMatchObject({
      license: "other",
      license_name: "acme-1.0",
      license_link: "LICENSE.md",
    });
  });

  it("renders Hugging Face modelcard_template.md-style templates", async () => {
    const template = {
      text: await readFile(join(repoRoot, "test/card/fixtures/hf-style-template.md"), "utf8"),
      path: "hf-style-template.md",
    };
    const input = await exampleInput("examples/manifests/tinydit-cats.yaml");
    await expectSnapshot("tinydit-cats-hf-style.md", renderCard({ ...input, template }).markdown);
  });

  it("uses the manifest's own template, relative to the manifest", async () => {
    await mkdir(join(tmp.dir, "cards"));
    await writeFile(
      join(tmp.dir, "cards/mine.jinja"),
      "---\n{{ card_data }}\n---\nHello {{ name }} {{ version }}\n",
    );
    const manifest = manifestOf(`${MINIMAL}card:\n  template: cards/mine.jinja\n`);
    const template = await loadCardTemplate(manifest, tmp.dir);
    expect(template.path).toBe("cards/mine.jinja");
    expect(renderCard({ manifest, template, version: "2.0.0" }).markdown).toBe(
      "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\nHello Tiny 2.0.0\n",
    );
    await expect(
      loadCardTemplate(manifestOf(`${MINIMAL}card:\n  template: nope.jinja\n`), tmp.dir),
    ).rejects.toThrow(
      /card.template nope.jinja: no such file; the path is relative to the manifest's folder/,
    );
    expect(await defaultTemplatePath()).toBe(join(repoRoot, "templates/model-card.md.jinja"));
  });

  it("refuses templates that cannot make a reproducible, valid card", () => {
    const manifest = manifestOf(MINIMAL);
    const render = (text: string) => () =>
      renderCard({ manifest, template: { text, path: "t.jinja" } });
    expect(render("# no front matter\n")).toThrow(
      /t.jinja: the model card's front matter has 1 problem:\n {2}front matter \(front matter\): the card has none/,
    );
    expect(render("---\n{{ strftime_now('%Y') }}\n---\n")).toThrow(
      /t.jinja: the template calls strftime_now, which reads the clock/,
    );
    expect(render("---\n{% if %}\n---\n")).toThrow(/t.jinja: the template does not parse/);
    expect(render("---\n{{ name | nosuchfilter }}\n---\n")).toThrow(/t.jinja: rendering failed/);
    expect(render("---\nlicense: [unclosed\n---\n")).toThrow(
      /front matter \(front matter\): is not valid YAML/,
    );
    expect(render("---\n- a list\n---\n")).toThrow(/is not a YAML mapping/);
    expect(render("---\n{{ raise_exception('stop here') }}\n---\n")).toThrow(/stop here/);
  });
});
