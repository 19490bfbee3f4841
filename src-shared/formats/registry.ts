// What each file format can hold, so the export dialog can offer the right choices and say in
// advance what a format will leave out. `createExporter` (exporter.ts) writes them.
import type { LayerId } from '../domain';

export type FormatId = 'spanwright' | 'doccano' | 'spacy' | 'label-studio' | 'brat' | 'hf-token' | 'conll2003' | 'claims';

export interface FormatInfo {
  id: FormatId;
  /** Shown to the user. */
  name: string;
  /** The saved file's extension (brat: the zip holding `.txt` and `.ann` pairs). */
  extension: string;
  /** The layers the format can hold. */
  layers: readonly LayerId[];
  /** 'many': every chosen layer goes in one file; 'one': exactly one layer per export (BIO tags). */
  layerMode: 'many' | 'one';
  /** Whether overlapping spans of an exported layer can be written (BIO tags cannot). */
  overlaps: boolean;
  /**
   * 'lines': one or more lines per document (JSONL, CoNLL); 'json-array': one JSON array,
   * streamed as '[', items joined by ',\n', ']'; 'files': several files per document, zipped.
   */
  shape: 'lines' | 'json-array' | 'files';
  /** Whether Spanwright can read the format back. */
  importable: boolean;
  /** Whether an import gives back exactly the text (HF token JSONL rebuilds it from its tokens). */
  keepsText: boolean;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'spanwright', name: 'Spanwright JSONL', extension: 'jsonl', layers: ['entity', 'claim'], layerMode: 'many', overlaps: true, shape: 'lines', importable: true, keepsText: true },
  { id: 'doccano', name: 'doccano JSONL', extension: 'jsonl', layers: ['entity', 'claim'], layerMode: 'many', overlaps: true, shape: 'lines', importable: true, keepsText: true },
  { id: 'spacy', name: 'spaCy JSONL', extension: 'jsonl', layers: ['entity', 'claim'], layerMode: 'many', overlaps: true, shape: 'lines', importable: true, keepsText: true },
  { id: 'label-studio', name: 'Label Studio JSON', extension: 'json', layers: ['entity', 'claim'], layerMode: 'many', overlaps: true, shape: 'json-array', importable: true, keepsText: true },
  { id: 'brat', name: 'brat standoff (zip)', extension: 'zip', layers: ['entity', 'claim'], layerMode: 'many', overlaps: true, shape: 'files', importable: true, keepsText: true },
  { id: 'hf-token', name: 'Hugging Face token classification JSONL', extension: 'jsonl', layers: ['entity', 'claim'], layerMode: 'one', overlaps: false, shape: 'lines', importable: true, keepsText: false },
  { id: 'conll2003', name: 'CoNLL-2003 IOB2', extension: 'conll', layers: ['entity'], layerMode: 'one', overlaps: false, shape: 'lines', importable: false, keepsText: false },
  { id: 'claims', name: 'Claim detection JSONL', extension: 'jsonl', layers: ['claim'], layerMode: 'one', overlaps: true, shape: 'lines', importable: false, keepsText: false },
];

export function formatInfo(id: FormatId): FormatInfo {
  const info = FORMATS.find((format) => format.id === id);
  if (!info) throw new RangeError(`unknown export format ${JSON.stringify(id)}`);
  return info;
}

/** The layers an export writes when the user has not chosen: all it holds, or the first for 'one'. */
export function defaultLayers(id: FormatId): LayerId[] {
  const info = formatInfo(id);
  return info.layerMode === 'one' ? info.layers.slice(0, 1) : [...info.layers];
}
