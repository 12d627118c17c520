/** "Did you mean …" for misspelt keys and enum values. */
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export declare function editDistance(a: string, b: string): number;
/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo:
 * same letters ignoring case and separators, or within a third of the word's length.
 */
export declare function closest(word: string, candidates: readonly string[]): string | undefined;
