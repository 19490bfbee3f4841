// `spanwright convert`: reads any importable format and writes any export format, reporting
// on standard error whatever the target format cannot hold.
import { LAYERS, type LayerId } from '../src-shared/domain';
import { createExporter } from '../src-shared/formats/exporter';
import { refuses } from '../src-shared/formats/import-result';
import { startCommand, usageError } from './arguments';
import { describeFailure, issueLine, toExportDocument } from './corpus-file';
import { describeLeftOut, leftOutCount, openExportOutput } from './export-output';
import { readCorpusItems } from './corpus-stream';
import { fitsFormat, READABLE_FORMATS, resolveFormat, stdinShape, WRITABLE_FORMATS } from './formats';
import { loadReadOptions, READ_OPTION_VALUES, READ_OPTIONS_HELP } from './read-options';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { setOwn } from '../src-shared/own-keys';

export const CONVERT_SUMMARY = 'convert a corpus between formats (JSONL, Label Studio, brat, HF, CoNLL...)';

const USAGE = `Usage: spanwright convert [--from FORMAT] --to FORMAT [--layer entity|claim] [--map OLD=NEW]... [--labels FILE] [--offsets UNIT] [--strict] IN OUT

Reads IN (a file, or '-' for standard input) and writes OUT (a file, or '-' for standard
output) in another format. Offsets are Unicode code points in every format. Relations, span
attributes, document labels and notes go to every format that holds them. What the target
format cannot hold (overlaps in BIO tags, claims in CoNLL, relations in CoNLL...) is listed
on standard error, per document, and so is what the input holds that Spanwright does not
keep (brat events, a relation whose end is no span: 'note: ...'). OUT is written whole or
not at all.

Formats:
  --from  auto (default: by content; a .zip is brat), ${READABLE_FORMATS.join(', ')}
          (a line of another format is then an error)
  --to    ${WRITABLE_FORMATS.join(', ')}
          (brat writes a zip; hf-token also writes OUT.labels.json with the tag list,
           and OUT.document-labels.jsonl when documents have document labels)
Options:
  --layer entity|claim   export only this layer (one-layer formats: which one)
  --map OLD=NEW          rename a label (--map LOC=GPE); --map OLD= leaves it out
${READ_OPTIONS_HELP}  --strict               a note about something not imported is a problem: nothing is written
  -h, --help             this help

Exit codes: 0 done, 1 bad input (nothing written), 2 wrong usage.
`;

export async function runConvert(args: string[], output: CliOutput): Promise<number> {
  // --map may repeat: collect its values before the generic reader keeps only the last.
  const maps: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--map') maps.push(args[++i] ?? '');
    else if (arg.startsWith('--map=')) maps.push(arg.slice('--map='.length));
    else rest.push(arg);
  }
  const usage = (reason: string) => usageError('convert', reason, USAGE, output);
  const parsed = startCommand(
    'convert',
    rest,
    { flags: ['strict'], values: ['from', 'to', 'layer', ...READ_OPTION_VALUES] },
    USAGE,
    output,
  );
  if (typeof parsed === 'number') return parsed;
  const to = parsed.values.get('to');
  const from = parsed.values.get('from') ?? 'auto';
  const layer = parsed.values.get('layer');
  const strict = parsed.flags.has('strict');
  if (!to) return usage('--to is required');
  const target = resolveFormat(to, 'to');
  if (!target) return usage(`unknown format "${to}" for --to (it takes ${WRITABLE_FORMATS.join(', ')})`);
  const source = from === 'auto' ? undefined : resolveFormat(from, 'from');
  if (from !== 'auto' && !source) return usage(`cannot read format "${from}" (--from takes auto, ${READABLE_FORMATS.join(', ')})`);
  if (layer !== undefined && !LAYERS.includes(layer as LayerId)) return usage(`unknown layer "${layer}"`);
  if (parsed.positionals.length !== 2) return usage('name the input and the output (IN OUT; - for standard input or output)');
  const labelMap: Record<string, string | null> = {};
  for (const map of maps) {
    const [old, renamed] = map.split(/=(.*)/s, 2);
    if (!old || renamed === undefined) return usage(`--map takes OLD=NEW (got "${map}")`);
    setOwn(labelMap, old, renamed === '' ? null : renamed);
  }
  const [input, out] = parsed.positionals as [string, string];
  const readOptions = await loadReadOptions(parsed.values, input);
  if (!readOptions.ok) {
    if (readOptions.error.startsWith('--')) return usage(readOptions.error);
    output.stderr(`spanwright convert: ${readOptions.error}\n`);
    return EXIT_BAD_INPUT;
  }

  const exporter = createExporter(target.id, { labelMap, ...(layer ? { layers: [layer as LayerId] } : {}) });
  const exported = openExportOutput(exporter, out, output);
  let documents = 0;
  let problems = 0;
  let leftOut = 0;
  try {
    for await (const item of readCorpusItems(input, stdinShape(source), undefined, readOptions.value)) {
      if (item.kind === 'issue') {
        output.stderr(issueLine(item.issue) + '\n');
        if (strict || refuses(item.issue)) problems++;
        continue;
      }
      const doc = item.document;
      if (source && !fitsFormat(source, doc.format)) {
        const at = doc.line !== undefined ? { line: doc.line } : {};
        output.stderr(
          issueLine({ file: doc.file, ...at, reason: `this is ${doc.format}, not ${source.id} (--from ${source.id}); try --from auto` }) +
            '\n',
        );
        problems++;
        continue;
      }
      if (problems > 0) continue; // keep reading to report every problem; write nothing more
      documents++;
      for (const entry of await exported.write(toExportDocument(doc, `doc-${documents}`))) {
        leftOut += leftOutCount(entry);
        const what = describeLeftOut(entry);
        output.stderr(
          `${issueLine({ file: doc.file, ...(doc.line !== undefined ? { line: doc.line } : {}), reason: `${entry.dropped ? 'left out' : 'changed'} (${entry.reason}): ${what}` })}\n`,
        );
      }
    }
    if (problems > 0) {
      await exported.abort();
      output.stderr(
        `spanwright convert: nothing written: fix the lines above (see 'spanwright validate')${strict ? '; --strict counts notes too' : ''}\n`,
      );
      return EXIT_BAD_INPUT;
    }
    await exported.finish();
  } catch (error) {
    await exported.abort();
    output.stderr(`spanwright convert: nothing written: ${describeFailure(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (out !== '-')
    output.stderr(
      `${documents} documents written to ${out}${leftOut > 0 ? `; ${leftOut} annotations left out or changed (listed above)` : ''}\n`,
    );
  return EXIT_OK;
}
