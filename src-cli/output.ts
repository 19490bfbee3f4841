// Where the command line writes, and its exit codes: 0 done, 1 bad input, 2 wrong usage.
import { once } from 'node:events';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when standard output has taken what was written (a long output waits for it, so it is never all in memory). */
  drain?(): Promise<void>;
}

export const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  drain: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
};
