// `npm run demo`: model-publish on the bundled example (examples/tiny-llama), through the CLI a
// user runs. It grows with the pipeline: each stage this version has runs here.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { root } from "./generate.mjs";

const cli = join(root, "bin", "model-publish");
const manifest = "examples/tiny-llama/model-publish.yaml";

function step(title, args) {
  console.log(`\n$ model-publish ${args.join(" ")}    # ${title}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\ndemo: "${args[0]}" exited ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

console.log(`model-publish demo on ${manifest} (Node ${process.version})`);
step("check the manifest and its source files", ["validate", manifest]);
step("what a tag push of v0.1.0 would run", ["plan", manifest, "--tag", "v0.1.0"]);
step("what a pull request would run", ["plan", manifest, "--mode", "check"]);
console.log("\nDone. Try a mistake: edit the manifest (say `type: text-gen`) and validate again.");
