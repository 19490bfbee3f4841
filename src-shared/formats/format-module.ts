// The contract of a format module (doccano.ts, brat.ts...): what the format can hold, how it
// reads a JSON document, and how it writes documents. registry.ts collects the modules;
// import.ts and exporter.ts dispatch to them.
import type {
  AttributeType,
  DocumentAnnotation,
  DocumentCategory,
  DocumentDraft,
  DocumentMeta,
  DocumentStatus,
  LayerId,
  Relation,
  Span,
} from '../domain';
import type { OutSpan } from './export-spans';
import type { ImportFormat, ReadQuestion } from './import-result';
import type { Json } from './json-values';
import type { LabelIndex } from './label-index';
import type { LabelList } from './label-list';
import type { OffsetUnit } from './restore-span';
import type { LimitPolicy } from '../limits';
import type { LeftOutReport } from './left-out';

/** The formats Spanwright writes (the export dialog and `spanwright convert --to`). */
export type FormatId = 'spanwright' | 'doccano' | 'spacy' | 'label-studio' | 'brat' | 'hf-token' | 'conll2003' | 'claims';

/** What a format can hold besides spans' offsets and labels. */
export interface FormatHolds {
  relations: boolean;
  /** Span attributes (`checkworthy`, `kb_id`). */
  attributes: boolean;
  spanNotes: boolean;
  /** Document labels (document-level categories). */
  documentLabels: boolean;
  documentNotes: boolean;
  /** Who made each annotation (otherwise every annotator's work is written together). */
  annotators: boolean;
}

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
  holds: FormatHolds;
}

/** A document as exporters receive it. */
export interface ExportDocument {
  id: string;
  meta: DocumentMeta;
  /** The status of the layer being exported (yours, gold, or a teammate's). */
  status: DocumentStatus;
  /** Spanwright JSONL only: every exported annotator's status, by annotator id. */
  statuses?: Readonly<Record<string, DocumentStatus>>;
  /** Spanwright JSONL only: names of the annotators whose spans are exported. */
  annotators?: ReadonlyArray<{ id: string; name: string }>;
  text: string;
  spans: readonly Span[];
  /** Relations between the spans above (a relation with an end not among them is reported, not written). */
  relations?: readonly Relation[];
  /** Each exported annotator's document labels and note. */
  documentAnnotations?: readonly DocumentAnnotation[];
}

export interface ExportOptions {
  /** The layers to write (default: all the format holds; one-layer formats: the first). */
  layers?: readonly LayerId[];
  /** Label renames (`{ LOC: 'GPE' }`), or null to leave a label out. Applies to every format. */
  labelMap?: Readonly<Record<string, string | null>>;
  /** Locale for tokens and sentences (default: the runtime's). */
  locale?: string;
  /** The project's label names in schema order, so `labels()` lists them in that order. */
  labels?: readonly string[];
  /** spaCy JSONL only: write `tokens` and span `token_start`/`token_end` (default true). */
  spacyTokens?: boolean;
  /** The project's document categories: spaCy `cats` lists every value of a category, chosen or not. */
  documentCategories?: readonly DocumentCategory[];
  /** The type of each attribute by name, from the schema: Label Studio writes text as a text area, others as choices. */
  attributeTypes?: Readonly<Record<string, AttributeType>>;
}

export interface ExportFile {
  path: string;
  content: string;
}

/** One document as a format writes it: text for the file (JSONL lines, an array item), or files. */
export interface WrittenDocument {
  chunk?: string;
  files?: ExportFile[];
}

/** Writes the documents of one export; made anew for each export (brat keeps the names it used). */
export interface DocumentWriter {
  /** `spans` are the spans of the exported layers and labels, sorted, with code-point offsets. */
  write(doc: ExportDocument, spans: readonly OutSpan[], report: LeftOutReport): WrittenDocument;
  /** Files written after the last document (brat: `annotation.conf`), given the labels written. */
  closingFiles?(labels: readonly string[]): ExportFile[];
}

/** What reading one JSON value as a document gives: a draft, or why the value is refused. */
export type ObjectResult =
  | {
      draft: DocumentDraft;
      format: ImportFormat;
      /** Parts of the document Spanwright could not keep (reported; the rest is imported). */
      notes?: string[];
      /** Notes about the whole file, reported once however many entries give them. */
      fileNotes?: string[];
      /**
       * Entries of one file with the same key are one document, each holding part of its
       * annotations (Label Studio JSON-MIN: a row per annotation); import joins them.
       */
      mergeKey?: string;
      /**
       * How this entry joins the first entry of its `mergeKey` (changing it in place), when not
       * as another annotation of the same text (claim detection: the next sentence of the
       * document). Returns why it cannot, or undefined.
       */
      mergeInto?: (first: DocumentDraft) => string | undefined;
    }
  | { reason: string };

/** What the user may say about a file when it does not say it itself. */
export interface ReadOptions {
  /** Names of label ids (doccano 1.0 `"label": 12`, Hugging Face numeric `ner_tags`): `--labels`, or a picker. */
  labelList?: LabelList;
  /**
   * The unit of the file's offsets (doccano, Label Studio, spaCy), when it is not the one the
   * spans' own `text` shows: 'utf16' for files made in JavaScript (doccano's default).
   */
  offsetUnit?: OffsetUnit;
  /** The input limits in force (limits.ts): the defaults when absent. */
  limits?: LimitPolicy;
}

export interface ReadContext extends ReadOptions {
  /** Told when the user's choice of a read option would change how this entry is read. */
  ask?: (question: ReadQuestion & keyof ReadOptions) => void;
  /** The title of a document that names none (`file #3`). */
  defaultTitle: string;
  labels: LabelIndex;
  /** The project's document categories: a document label without a category is put in the one that has its value. */
  categories: readonly DocumentCategory[];
}

/** Reads one JSON object of a JSONL/JSON file as a document of its format. */
export interface JsonReader {
  format: ImportFormat;
  /** Whether the object is of this format (readers are asked in the registry's order). */
  claims(value: Json): boolean;
  read(value: Json, context: ReadContext): ObjectResult;
}

export interface FormatModule {
  info: FormatInfo;
  /** Absent for formats read whole files at a time (brat: `parseBratFiles`) or not read at all. */
  reader?: JsonReader;
  createWriter(options: ExportOptions): DocumentWriter;
}

/** A format Spanwright reads but never writes (plain text, plain JSONL). */
export interface ReadOnlyFormat {
  id: Extract<ImportFormat, 'text' | 'jsonl'>;
  name: string;
  extensions: readonly string[];
  /** Absent for plain text, which is a whole file, not a JSON object. */
  reader?: JsonReader;
}

export const HOLDS_NOTHING: FormatHolds = {
  relations: false,
  attributes: false,
  spanNotes: false,
  documentLabels: false,
  documentNotes: false,
  annotators: false,
};
