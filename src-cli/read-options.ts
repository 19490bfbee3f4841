// What the user may tell the readers about an input (`--labels FILE`, `--offsets UNIT`, the
// `--max-...` limits), shared by convert, validate and stats: label ids' names, the unit of a
// file's offsets, and how much a file may hold before it is refused (src-shared/limits.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ReadOptions } from '../src-shared/formats/format-module';
import { parseLabelListFile } from '../src-shared/formats/label-list';
import { fail, ok, type Result } from '../src-shared/result';
import { DEFAULT_LIMITS, formatLimit, LIMIT_INFO, LIMIT_NAMES, parseLimit, type InputLimits, type LimitPolicy } from '../src-shared/limits';
import { readFailure } from './corpus-file';

/** The limit flags without their dashes (`max-file-size`...), and the limit each sets. */
const LIMIT_FLAGS = new Map(LIMIT_NAMES.map((name) => [LIMIT_INFO[name].flag.slice(2), name]));

/** The `--max-...` options, for commands that take the limits but not the other read options. */
export const LIMIT_OPTION_VALUES = [...LIMIT_FLAGS.keys()];

export const READ_OPTION_VALUES = ['labels', 'offsets', ...LIMIT_OPTION_VALUES];

export const LIMIT_OPTIONS_HELP = `  --max-file-size SIZE   refuse a file (or a line of a JSONL file) larger than this
                         (default ${formatLimit('fileBytes', DEFAULT_LIMITS.fileBytes)}; SIZE like 500MB, 2GB or a number of bytes)
  --max-zip-entry SIZE   refuse a zip with a file that unpacks larger (default ${formatLimit('zipEntryBytes', DEFAULT_LIMITS.zipEntryBytes)})
  --max-zip-total SIZE   refuse a zip that unpacks larger in all (default ${formatLimit('zipTotalBytes', DEFAULT_LIMITS.zipTotalBytes)})
  --max-zip-ratio N      refuse a zip with a file that unpacks to more than N times its
                         packed size (default ${DEFAULT_LIMITS.zipRatio})
  --max-json-depth N     refuse JSON nested deeper than N levels (default ${DEFAULT_LIMITS.jsonDepth})
  --max-spans N          refuse a document with more than N spans (default ${formatLimit('spansPerDocument', DEFAULT_LIMITS.spansPerDocument)})
`;

export const READ_OPTIONS_HELP = `  --labels FILE          names of label ids (doccano 1.0 "label": 12, Hugging Face numeric
                         ner_tags): a JSON list of names (index = id, as OUT.labels.json),
                         doccano's label export [{"id", "text"}], or {"12": "LOC"}; by
                         default IN.labels.json when it exists
  --offsets UNIT         codepoint or utf16: the unit of the input's offsets (doccano,
                         Label Studio, spaCy) when spans carry no text to tell it by
${LIMIT_OPTIONS_HELP}`;

/** The read options of a command's `--labels` and `--offsets` values, for the input at `path`. */
export async function loadReadOptions(values: ReadonlyMap<string, string>, path: string): Promise<Result<ReadOptions>> {
  const limits = readLimitFlags(values);
  if (!limits.ok) return limits;
  const options: ReadOptions = { limits: limits.value };
  const offsets = values.get('offsets');
  if (offsets !== undefined) {
    if (offsets !== 'codepoint' && offsets !== 'utf16') return fail(`--offsets takes codepoint or utf16 (got "${offsets}")`);
    options.offsetUnit = offsets;
  }
  // The tag list Spanwright writes beside a Hugging Face file (OUT.labels.json) is read by default.
  const beside = path !== '-' && existsSync(`${path}.labels.json`) ? `${path}.labels.json` : undefined;
  const labelsPath = values.get('labels') ?? beside;
  if (labelsPath !== undefined) {
    let text: string;
    try {
      text = await readFile(labelsPath, 'utf8');
    } catch (error) {
      return fail(`${labelsPath}: ${readFailure(error)}`);
    }
    const list = parseLabelListFile(text);
    if (!list.ok) {
      const which = values.has('labels') ? '' : ` (read by default as the label list of ${path}; give another with --labels)`;
      return fail(`${labelsPath}: not a label list${which}: ${list.error}`);
    }
    options.labelList = list.value;
  }
  return ok(options);
}

/** The limits the `--max-...` flags set (the defaults for those not given), worded for the command line. */
export function readLimitFlags(values: ReadonlyMap<string, string>): Result<LimitPolicy> {
  const limits: InputLimits = { ...DEFAULT_LIMITS };
  for (const [flag, name] of LIMIT_FLAGS) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const parsed = parseLimit(name, text);
    if (!parsed.ok) return parsed;
    limits[name] = parsed.value;
  }
  return ok({ limits, shell: 'cli' });
}
