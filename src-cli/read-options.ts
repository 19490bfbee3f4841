// What the user may tell the readers about an input (`--labels FILE`, `--offsets UNIT`), shared
// by convert, validate and stats: label ids' names, and the unit of a file's offsets.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ReadOptions } from '../src-shared/formats/format-module';
import { parseLabelListFile } from '../src-shared/formats/label-list';
import { fail, ok, type Result } from '../src-shared/result';
import { readFailure } from './corpus-file';

export const READ_OPTION_VALUES = ['labels', 'offsets'] as const;

export const READ_OPTIONS_HELP = `  --labels FILE          names of label ids (doccano 1.0 "label": 12, Hugging Face numeric
                         ner_tags): a JSON list of names (index = id, as OUT.labels.json),
                         doccano's label export [{"id", "text"}], or {"12": "LOC"}; by
                         default IN.labels.json when it exists
  --offsets UNIT         codepoint or utf16: the unit of the input's offsets (doccano,
                         Label Studio, spaCy) when spans carry no text to tell it by
`;

/** The read options of a command's `--labels` and `--offsets` values, for the input at `path`. */
export async function loadReadOptions(values: ReadonlyMap<string, string>, path: string): Promise<Result<ReadOptions>> {
  const options: ReadOptions = {};
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
