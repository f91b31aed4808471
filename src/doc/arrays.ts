/**
 * Array helpers safe on arrays of any length: `a.push(...b)` and `Math.max(...a)` pass every element as an argument
 * and overflow the stack past about 100k elements (a page with 170k place-name matches did).
 */

/** Appends every element of each source to `target` (what `target.push(...source)` does, without the spread). */
export function pushAll<T>(target: T[], ...sources: Iterable<T>[]): T[] {
  for (const s of sources) for (const x of s) target.push(x)
  return target
}

/** The largest number (-Infinity for none), without spreading the array into arguments. */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity
  for (const x of xs) if (x > m || Number.isNaN(x)) m = Number.isNaN(x) ? NaN : x
  return m
}

/** The smallest number (Infinity for none), without spreading the array into arguments. */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity
  for (const x of xs) if (x < m || Number.isNaN(x)) m = Number.isNaN(x) ? NaN : x
  return m
}
