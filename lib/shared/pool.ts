/**
 * Bounded concurrency: run an async function over items with at most `limit` in flight, keeping
 * results in input order. Fan-out chunks and batch records both use it, so a large request
 * cannot flood mPaaS with parallel calls and trip its flow control.
 */

/**
 * Maps `items` through `fn`, at most `limit` at a time; results keep the order of `items`.
 * `fn` must not throw: each caller turns its failures into results, so one item never stops the rest.
 * @example const results = await mapWithConcurrency(chunks, 4, sendChunk);
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
