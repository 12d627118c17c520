import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { cardCommand } from "../../src/cli/commands/card.js";
import { repoRoot, scratch } from "../helpers/temp.js";
import { runCommand } from "../sign/run-command.js";
import { MINIMAL } from "./helpers.js";

describe("model-publish card", () => {
  let tmp: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    tmp = await scratch();
  });
  afterEach(() => tmp.remove());
  const run = (...argv: string[]) => runCommand(cardCommand, argv, { cwd: tmp.dir });

  it("writes README.md from an example manifest, the same bytes as its snapshot", async () => {
    const manifest = join(repoRoot, "examples/tiny-llama/model-publish.yaml");
    const result = await run(manifest, "--tag", "v0.1.0", "-o", "README.md");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("✓ wrote README.md: the model card of tiny-llama 0.1.0\n");
    expect(await readFile(join(tmp.dir, "README.md"), "utf8")).toBe(
      await readFile(join(repoRoot, "test/card/snapshots/tiny-llama.md"), "utf8"),
    );
  });

  it("prints the card, or one JSON document with --json, and describes a release folder", async () => {
    await tmp.write("m.yaml", MINIMAL);
    const printed = await run("m.yaml");
    expect(printed.stdout).toMatch(
      /^---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n\n# Tiny\n/,
    );
    await tmp.write("release/tiny.safetensors", "weights");
    await tmp.write("release/tiny-1m-q8_0.gguf", "gguf");
    const json = await run("m.yaml", "--release", "release", "--json");
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      valid: boolean;
      markdown: string;
      frontMatter: unknown;
    };
    expect(doc.valid).toBe(true);
    expect(doc.frontMatter).toEqual({ license: "apache-2.0", pipeline_tag: "text-generation" });
    expect(doc.markdown).toContain("| `tiny-1m-q8_0.gguf` | gguf | 4 B |");
    expect(doc.markdown).toContain("llama-cli -m tiny-1m-q8_0.gguf");
    await symlink("/etc/passwd", join(tmp.dir, "release/passwd"));
    expect((await run("m.yaml", "--release", "release")).stderr).toMatch(
      /passwd is a symbolic link/,
    );
  });

  it("exits 1 with every front-matter problem located in the manifest", async () => {
    await tmp.write(
      "m.yaml",
      MINIMAL.replace("apache-2.0", "apache2") + "card:\n  pipeline_tag: text-generaton\n",
    );
    const human = await run("m.yaml", "-o", "README.md");
    expect(human.code).toBe(1);
    expect(human.stdout).toBe(
      [
        'm.yaml:5:10: front matter license (manifest /license): "apache2" is not a license id the Hub accepts',
        '    fix: did you mean "apache-2.0"?',
        'm.yaml:9:17: front matter pipeline_tag (manifest /card/pipeline_tag): "text-generaton" is not a Hub pipeline tag (@huggingface/tasks)',
        '    fix: did you mean "text-generation"?',
        "✗ the card's front matter has 2 problems",
        "",
      ].join("\n"),
    );
    await expect(readFile(join(tmp.dir, "README.md"))).rejects.toThrow(/ENOENT/);
    const json = await run("m.yaml", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      issues: [
        {
          field: "license",
          file: "m.yaml",
          line: 5,
          column: 10,
          fix: 'did you mean "apache-2.0"?',
        },
        { field: "pipeline_tag", line: 9 },
      ],
    });
  });

  it("names the template for problems the template made", async () => {
    await tmp.write("bad.jinja", "---\n{{ card_data }}\nlicense_link: x\n---\n");
    await tmp.write("m.yaml", `${MINIMAL}card:\n  template: bad.jinja\n`);
    const result = await run("m.yaml");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^bad.jinja: front matter license_link: is set, but license is not `other`/,
    );
  });

  it("refuses an invalid manifest or a tag that disagrees with it", async () => {
    await tmp.write("m.yaml", MINIMAL.replace("type: text-generation", "type: text-gen"));
    const invalid = await run("m.yaml");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(
      /m.yaml is not a valid manifest:\nm.yaml:4:7: text-gen is not an allowed value/,
    );
    await writeFile(join(tmp.dir, "m.yaml"), MINIMAL);
    const tag = await run("m.yaml", "--tag", "v2.0.0");
    expect(tag.code).toBe(1);
    expect(tag.stderr).toMatch(/tag "v2.0.0" says 2.0.0 but the manifest says version 1.0.0/);
  });
});
