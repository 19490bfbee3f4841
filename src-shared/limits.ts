// Input limits: how much one file may hold before it is refused, so a hostile or broken file
// (a zip bomb, JSON nested 100,000 deep, a document with a million spans) gets a message instead
// of crashing the window or the command. One table for the app (Settings › Import limits) and
// the CLI (--max-... flags): the defaults, the range each may be set to, their names, and the
// words of a refusal (which names the limit and how to raise it).
import { bytesInWords } from './bytes-in-words';
import { fail, ok, type Result } from './result';

export interface InputLimits {
  /** Bytes of one input file (and of one line of a JSONL file the CLI streams). */
  fileBytes: number;
  /** Bytes one zip entry may unpack to. */
  zipEntryBytes: number;
  /** Bytes all entries of one zip may unpack to. */
  zipTotalBytes: number;
  /** Unpacked size over packed size of a zip entry (checked once it unpacks past RATIO_GRACE_BYTES). */
  zipRatio: number;
  /** Levels of `[` and `{` one JSON value (a JSONL line, a .json file) may nest. */
  jsonDepth: number;
  /** Spans (suggestions included) of one document. */
  spansPerDocument: number;
}

export type LimitName = keyof InputLimits;

/** Where the user raises a limit: the app's settings or the CLI's flags (unknown: both are named). */
export type LimitShell = 'app' | 'cli';

/** The limits in force for one reading, and which shell's words say how to raise them. */
export interface LimitPolicy {
  limits: InputLimits;
  shell?: LimitShell;
}

const MB = 1_000_000;

/**
 * Well above any real corpus file we know of (the largest real brat zip ratio seen is about
 * 12; Label Studio exports nest about 8 deep), well below what hangs or kills a browser tab.
 */
export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({
  fileBytes: 250 * MB,
  zipEntryBytes: 100 * MB,
  zipTotalBytes: 500 * MB,
  zipRatio: 100,
  jsonDepth: 100,
  spansPerDocument: 100_000,
});

/**
 * For reading back what this app wrote itself (a backup snapshot): the size limits at their
 * highest, so a project that grew past the import defaults can always be restored. Depth stays:
 * the app never writes deep JSON.
 */
export const OWN_FILE_LIMITS: Readonly<InputLimits> = Object.freeze({
  ...DEFAULT_LIMITS,
  fileBytes: 2_000 * MB,
  spansPerDocument: 10_000_000,
});

/** A zip entry is not judged by its ratio before it has unpacked this much (small files of spaces compress well too). */
export const RATIO_GRACE_BYTES = 1 * MB;

export interface LimitInfo {
  /** What the app's settings call it. */
  label: string;
  /** The CLI flag that sets it. */
  flag: string;
  unit: 'bytes' | 'count';
  min: number;
  /** Above this the limit protects nothing: a browser cannot hold a string of 2 GB, nor JSON.parse nest that deep safely. */
  max: number;
}

export const LIMIT_INFO: Readonly<Record<LimitName, LimitInfo>> = {
  fileBytes: { label: 'Largest file', flag: '--max-file-size', unit: 'bytes', min: 1, max: 2_000 * MB },
  zipEntryBytes: { label: 'Largest file inside a zip', flag: '--max-zip-entry', unit: 'bytes', min: 1, max: 2_000 * MB },
  zipTotalBytes: { label: 'Largest zip, unpacked in all', flag: '--max-zip-total', unit: 'bytes', min: 1, max: 4_000 * MB },
  zipRatio: { label: 'Largest zip compression ratio', flag: '--max-zip-ratio', unit: 'count', min: 1, max: 100_000 },
  jsonDepth: { label: 'Deepest JSON nesting', flag: '--max-json-depth', unit: 'count', min: 1, max: 1_000 },
  spansPerDocument: { label: 'Most spans in one document', flag: '--max-spans', unit: 'count', min: 1, max: 10_000_000 },
};

export const LIMIT_NAMES = Object.keys(LIMIT_INFO) as LimitName[];

/** Checks one value against its range: a whole number from min to max. */
export function checkLimit(name: LimitName, value: number): Result<number> {
  const info = LIMIT_INFO[name];
  if (!Number.isInteger(value) || value < info.min || value > info.max)
    return fail(`${info.label} must be a whole number from ${formatLimit(name, info.min)} to ${formatLimit(name, info.max)}`);
  return ok(value);
}

/**
 * Limits as stored or given (settings, flags): every known value checked, a missing one
 * defaulted. Unknown keys are ignored (a newer version's limits).
 */
export function restoreLimits(value: unknown): Result<InputLimits> {
  if (value === undefined || value === null) return ok({ ...DEFAULT_LIMITS });
  if (typeof value !== 'object' || Array.isArray(value)) return fail('limits must be an object of numbers');
  const limits: InputLimits = { ...DEFAULT_LIMITS };
  for (const name of LIMIT_NAMES) {
    if (!Object.hasOwn(value, name)) continue;
    const raw = (value as Record<string, unknown>)[name];
    const checked = checkLimit(name, typeof raw === 'number' ? raw : Number.NaN);
    if (!checked.ok) return checked;
    limits[name] = checked.value;
  }
  return ok(limits);
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1_000, kb: 1_000, m: MB, mb: MB, g: 1_000 * MB, gb: 1_000 * MB };

/** A limit as a user types it: `500MB`, `2 GB`, `1500000` (bytes) for sizes; a whole number otherwise. */
export function parseLimit(name: LimitName, text: string): Result<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const sized = LIMIT_INFO[name].unit === 'bytes';
  if (!match || unit === undefined || (!sized && unit !== 1)) {
    const example = sized ? 'a size such as 500MB, 2GB or 1500000 (bytes)' : 'a whole number';
    return fail(`${LIMIT_INFO[name].flag} takes ${example} (got "${text}")`);
  }
  const checked = checkLimit(name, Math.round(Number(match[1]) * unit));
  if (checked.ok) return checked;
  const { flag, min, max } = LIMIT_INFO[name];
  return fail(`${flag} takes ${formatLimit(name, min)} to ${formatLimit(name, max)} (got "${text}")`);
}

/** A limit's value in words: `250 MB`, `1.5 KB`, `100,000`. */
export function formatLimit(name: LimitName, value: number): string {
  return LIMIT_INFO[name].unit === 'bytes' ? bytesInWords(value) : value.toLocaleString('en-US');
}


/** How to raise a limit, in the words of the shell the user is in. */
export function howToRaise(name: LimitName, shell: LimitShell | undefined): string {
  const { label, flag } = LIMIT_INFO[name];
  const setting = `“${label}” in Settings › Import limits`;
  if (shell === 'app') return `to read it anyway, raise ${setting}`;
  if (shell === 'cli') return `to read it anyway, raise it with ${flag}`;
  // Said by readers the command line calls without flags (merge, agree): name the commands that take them.
  return `to read it anyway, raise ${setting} (on the command line, ${flag} of validate, convert, stats, split or push)`;
}

/**
 * The words of a refusal: what was found, the limit, and how to raise it. `found` is what the
 * file holds, as far as it was read (a zip is stopped as soon as it passes a limit).
 */
export function limitRefusal(name: LimitName, policy: LimitPolicy | undefined, found?: number): string {
  const limits = policy?.limits ?? DEFAULT_LIMITS;
  const limit = formatLimit(name, limits[name]);
  const raise = howToRaise(name, policy?.shell);
  switch (name) {
    case 'fileBytes': {
      // Just over the limit, rounding would give the same figure twice: say the bytes.
      const size =
        found === undefined ? '' : bytesInWords(found) === limit ? `${found.toLocaleString('en-US')} bytes, ` : `${bytesInWords(found)}, `;
      return `the file is ${size}larger than the limit of ${limit} per file; ${raise}`;
    }
    case 'zipEntryBytes':
      return `unpacks to more than ${limit}, the limit for one file inside a zip; ${raise}`;
    case 'zipTotalBytes':
      return `the zip unpacks to more than ${limit} in all, its limit; ${raise}`;
    case 'zipRatio':
      return `unpacks to more than ${limit} times its packed size (a zip bomb?), the limit of the compression ratio; ${raise}`;
    case 'jsonDepth':
      return `JSON nesting deeper than ${limit} levels, the limit; ${raise}`;
    case 'spansPerDocument':
      return `the document has ${found === undefined ? 'more' : formatLimit(name, found)} spans, more than the limit of ${limit} per document; ${raise}`;
  }
}

/** The policy readers use when none is given: the defaults. */
export function limitsOf(policy: LimitPolicy | undefined): InputLimits {
  return policy?.limits ?? DEFAULT_LIMITS;
}
