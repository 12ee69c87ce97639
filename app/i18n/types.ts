/** A dictionary's shape with every text widened to `string`: another language must have the same keys, not the same words. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
