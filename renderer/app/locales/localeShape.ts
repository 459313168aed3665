import type { pl } from './pl';

/** Every language has exactly Polish's keys, with any strings: a missing key fails typecheck. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type LocaleShape = Shape<typeof pl>;
