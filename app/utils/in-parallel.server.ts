/**
 * Works through items a few at a time (scheduled fetches: polite to the sites, bounded for us).
 * Each item's failure is its own: it is counted and logged, and the others go on.
 */
export async function inParallel<T>(items: readonly T[], workers: number, work: (item: T) => Promise<void>, label: (item: T) => string) {
  const queue = [...items];
  let failed = 0;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      try {
        await work(next);
      } catch (error) {
        failed++;
        console.error(`${label(next)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { failed };
}
