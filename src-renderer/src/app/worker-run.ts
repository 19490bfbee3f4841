// One request to a worker started for it: the answer, or the worker's failure, ends it. Used by
// jobs that read the project themselves (tagger-worker.ts, pattern-worker.ts; their side:
// worker-answer.ts).

/** What such a worker posts back: its result, or why it failed. */
export type WorkerAnswer<T> = ({ ok: true } & T) | { ok: false; reason: string };

export function runWorkerOnce<T>(worker: Worker, request: unknown, what: string): { result: Promise<T>; cancel: () => void } {
  let stop!: () => void;
  const result = new Promise<T>((resolve, reject) => {
    stop = () => {
      worker.terminate();
      reject(new Error(`The ${what} was stopped.`));
    };
    worker.onmessage = (event: MessageEvent<WorkerAnswer<T>>) => {
      worker.terminate();
      const answer = event.data;
      if (answer.ok) {
        const { ok: _ok, ...value } = answer;
        resolve(value as T);
      } else reject(new Error(answer.reason));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || `The ${what} failed.`));
    };
    worker.postMessage(request);
  });
  return { result, cancel: () => stop() };
}
