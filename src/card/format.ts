/** Decimal byte sizes as the Hub shows them: `950 B`, `16.8 MB`, `2.15 GB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit] ?? ""}`;
}

/** Thousands separated by commas, independent of the machine's locale. */
export function groupDigits(n: number): string {
  const [whole = "", fraction] = String(n).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A parameter count, short and exact: `1.31M (1,312,000)`. */
export function formatCount(n: number): string {
  const scales: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [scale, suffix] of scales) {
    if (n >= scale) {
      const short = Number((n / scale).toPrecision(3));
      return `${String(short)}${suffix} (${groupDigits(n)})`;
    }
  }
  return groupDigits(n);
}

/** Text made safe for one Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A figure for a table: integers grouped, fractions to at most 6 significant digits. */
export function formatFigure(value: number): string {
  if (Number.isInteger(value)) return groupDigits(value);
  return String(Number(value.toPrecision(6)));
}
