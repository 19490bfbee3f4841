// Creates the demo project a new user sees on first start, from resources/demo/articles.json.
import demo from '../../../resources/demo/articles.json';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { NewDocument } from '../../../src-shared/annotations/change';
import { spanRecord, type AnnotationRecord } from '../../../src-shared/annotations/kinds';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { findLabel } from '../../../src-shared/schema-rules';
import { hashText } from '../../../src-shared/text-hash';
import type { SpanwrightDatabase } from '../storage/database';
import { createProject } from '../storage/projects';
import { newId } from './ids';
import { pushAll } from '../../../src-shared/push-all';

interface DemoSpan {
  label: string;
  text: string;
  occurrence?: number;
  attributes?: Record<string, string>;
}

function locate(text: string, wanted: DemoSpan): number {
  let at = -1;
  for (let n = 0; n < (wanted.occurrence ?? 1); n++) {
    at = text.indexOf(wanted.text, at + 1);
    if (at === -1) throw new Error(`Demo span "${wanted.text}" not found`);
  }
  return at;
}

export async function createDemoProject(db: SpanwrightDatabase, annotator: string): Promise<string> {
  const schema = defaultSchema();
  const projectId = newId();
  const now = Date.now();
  const documents: NewDocument[] = [];
  const annotations: AnnotationRecord[] = [];
  demo.documents.forEach((doc, order) => {
    const documentId = newId();
    const spans: Span[] = (doc.spans as DemoSpan[]).map((s) => {
      const start = locate(doc.text, s);
      const label = findLabel(schema, s.label);
      if (!label) throw new Error(`Demo label ${s.label} is not in the default schema`);
      return {
        id: newId(), projectId, documentId, annotator, layer: label.layer, label: label.name,
        start, end: start + s.text.length, text: s.text, attributes: { ...s.attributes }, origin: 'manual',
        createdAt: now, updatedAt: now,
      };
    });
    pushAll(annotations, spans.map(spanRecord));
    const record: DocumentRecord = {
      id: documentId, projectId, sourceId: documentId, order,
      meta: { title: doc.title, language: doc.language, source: doc.source },
      textHash: hashText(doc.text), textLength: doc.text.length,
      statuses: spans.length > 0 ? { [annotator]: 'in_progress' } : {},
      spanCounts: {},
      createdAt: now, updatedAt: now,
    };
    documents.push({ record, text: doc.text });
  });
  await createProject(db, { id: projectId, name: demo.name, schema }, annotator, { change: { type: 'add-documents', documents, annotations } });
  return projectId;
}
