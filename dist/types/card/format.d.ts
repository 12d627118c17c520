/** Decimal byte sizes as the Hub shows them: `950 B`, `16.8 MB`, `2.15 GB`. */
export declare function formatBytes(bytes: number): string;
/** Thousands separated by commas, independent of the machine's locale. */
export declare function groupDigits(n: number): string;
/** A parameter count, short and exact: `1.31M (1,312,000)`. */
export declare function formatCount(n: number): string;
/** Text made safe for one Markdown table cell. */
export declare function cell(text: string): string;
/** A figure for a table: integers grouped, fractions to at most 6 significant digits. */
export declare function formatFigure(value: number): string;
