import { mkdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Runs `work` with the env vars `@actions/cache` reads (service URL, runtime token, runner temp,
 * workspace) set, and its stdout workflow commands (`::debug::`, `::add-mask::`) captured rather
 * than printed; gives both back so a test can check what the library would have logged.
 */
export async function withCacheEnv<T>(
  env: Record<string, string>,
  dir: string,
  work: () => Promise<T>,
): Promise<{ value: T; stdout: string }> {
  const vars: Record<string, string> = {
    ...env,
    RUNNER_TEMP: join(dir, "runner-temp"),
    GITHUB_WORKSPACE: join(dir, "workspace"),
  };
  await mkdir(vars.RUNNER_TEMP ?? dir, { recursive: true });
  await mkdir(vars.GITHUB_WORKSPACE ?? dir, { recursive: true });
  const saved = new Map(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  let stdout = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  };
  try {
    return { value: await work(), stdout };
  } finally {
    process.stdout.write = write;
    for (const [key, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  }
}
