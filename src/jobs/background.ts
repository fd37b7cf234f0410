// In-process background work: a job runs after the request that started it
// has answered; its state lives in the database (the run row), so any request
// can read the progress. Tests and the CLI wait for the queue to drain.
const running = new Set<Promise<unknown>>();

export function runInBackground(name: string, work: () => Promise<unknown>, onError: (e: unknown) => void = () => {}): void {
  const p = (async () => {
    // Let the starting request answer first.
    await new Promise((r) => setImmediate(r));
    try {
      await work();
    } catch (e) {
      onError(e);
    }
  })();
  running.add(p);
  void p.finally(() => running.delete(p));
  void name;
}

/** Resolves when every job started so far (and any they started) has finished. */
export async function waitForBackgroundJobs(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}
