/** "Did you mean …" for misspelt keys and enum values. */
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export declare function editDistance(a: string, b: string): number;
/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo:
 * the only candidate that starts with it, or one within a third of the word's length
 * (ignoring case and separators).
 */
export declare function closest(word: string, candidates: readonly string[]): string | undefined;
