// Builds dist/ from src/: the action (self-contained), the CLI and the library (dependencies left
// to node_modules), and the library's type declarations. `check-fresh.mjs` fails CI when the
// committed dist/ differs from what this writes.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { root } from "./generate.mjs";

// Bundled CommonJS dependencies call require(); give the ES module bundle one.
const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export async function buildDist(outDir = join(root, "dist")) {
  await rm(outDir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
    charset: "utf8",
  };
  await build({
    ...common,
    entryPoints: { action: "src/action/index.ts" },
    outdir: outDir,
    banner: { js: requireShim },
    // A native binding cannot be bundled; it is loaded from node_modules when an ONNX stage runs.
    external: ["onnxruntime-node"],
  });
  await build({
    ...common,
    entryPoints: { cli: "src/cli/index.ts", index: "src/index.ts" },
    outdir: outDir,
    packages: "external",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      "tsconfig.build.json",
      "--declarationDir",
      join(outDir, "types"),
    ],
    { cwd: root, stdio: "inherit" },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist();
