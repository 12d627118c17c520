/** RFC 6901 JSON pointer helpers. */
export declare function escapeSegment(segment: string | number): string;
export declare function joinPointer(parent: string, segment: string | number): string;
/** The pointer one level up; the root's parent is the root. */
export declare function parentPointer(pointer: string): string;
/** The value at a pointer, or undefined when any step is missing. */
export declare function valueAt(data: unknown, pointer: string): unknown;
