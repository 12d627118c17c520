/** Semantic version precedence (semver.org §11), for "latest" and the order of index.json. */

function parts(version: string): { core: number[]; pre: string[] } {
  const [main = "", ...rest] = version.split("+")[0]?.split("-") ?? [""];
  const pre = rest.length === 0 ? [] : rest.join("-").split(".");
  return { core: main.split(".").map((n) => Number(n)), pre };
}

function compareIdentifier(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  if (numeric.test(a)) return -1;
  if (numeric.test(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes before `b`, positive after, 0 when equal in precedence. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const d = compareIdentifier(p, q);
    if (d !== 0) return d;
  }
  return 0;
}
