// Shared by the format tests: running an exporter over documents, and rebuilding export
// documents from imported drafts (what the app does by storing them first).
import type { DocumentDraft } from '../../../src-shared/domain';
import { draftToExportDocument } from '../../../src-shared/formats/draft-document';
import { createExporter } from '../../../src-shared/formats/exporter';
import type { ExportDocument, ExportFile, ExportOptions, FormatId } from '../../../src-shared/formats/format-module';
import type { LeftOut } from '../../../src-shared/formats/left-out';

export interface ExportRun {
  text: string;
  files: ExportFile[];
  leftOut: LeftOut[];
  labels: string[];
}

export function runExport(format: FormatId, docs: readonly ExportDocument[], options: ExportOptions = {}): ExportRun {
  const exporter = createExporter(format, options);
  let text = exporter.header();
  const files: ExportFile[] = [];
  const leftOut: LeftOut[] = [];
  for (const doc of docs) {
    const out = exporter.document(doc);
    text += out.chunk;
    files.push(...out.files);
    leftOut.push(...out.leftOut);
  }
  text += exporter.footer();
  files.push(...exporter.closingFiles());
  return { text, files, leftOut, labels: exporter.labels() };
}

export function fromDraft(draft: DocumentDraft, fallbackId: string): ExportDocument {
  return draftToExportDocument(draft, {
    id: fallbackId,
    spanId: (index) => `s${index}`,
    relationId: (index) => `r${index}`,
    annotator: 'ana',
    origin: 'manual',
  });
}
