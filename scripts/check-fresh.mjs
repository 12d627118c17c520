// Fails when a committed generated file (dist/, types, docs, README tables) is not what the
// sources produce now. Builds into a scratch folder, so it needs no clean work tree.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildDist } from "./build.mjs";
import { generatedFiles, root } from "./generate.mjs";

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const stale = [];
for (const [path, contents] of Object.entries(await generatedFiles())) {
  const committed = await readFile(join(root, path), "utf8").catch(() => undefined);
  if (committed !== contents) stale.push(path);
}
const scratch = await mkdtemp(join(tmpdir(), "model-publish-dist-"));
try {
  await buildDist(scratch);
  const fresh = await listFiles(scratch);
  const committed = await listFiles(join(root, "dist"));
  for (const file of new Set([...fresh, ...committed])) {
    const a = await readFile(join(scratch, file)).catch(() => undefined);
    const b = await readFile(join(root, "dist", file)).catch(() => undefined);
    if (!a || !b || !a.equals(b)) stale.push(`dist/${file}`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
if (stale.length > 0) {
  console.error(
    `Generated files are stale; run \`npm run build\` and commit:\n  ${stale.join("\n  ")}`,
  );
  process.exit(1);
}
console.log("generated files and dist/ are up to date");
