import { logError } from '../lib/log';

/**
 * One queue of writes in this worker: tasks run one after another, so two tabs reporting on the
 * same record, an alarm and a clinician's action never lose each other's update. A failed task is
 * logged under `where` and never blocks the next.
 */
export function createSerialQueue(where: string): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task, task);
    queue = run.catch((error: unknown) => logError(where, error));
    return run;
  };
}
