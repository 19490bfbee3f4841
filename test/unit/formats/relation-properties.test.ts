// For every format that holds relations, on random documents: no written relation points at a
// span that is not written, and every relation is either written or reported left out, once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerId, Relation, Span } from '../../../src-shared/domain';
import type { ExportDocument, FormatId } from '../../../src-shared/formats/format-module';
import { FORMATS } from '../../../src-shared/formats/registry';
import { runExport, type ExportRun } from './helpers';

const TEXT = 'Ana Ruiz said fares rose 😀 in Lyon,\nthe mayor of Paris said.';
const PIECES = ['Ana Ruiz', 'Ana', 'said fares rose', 'fares', 'Lyon', 'the mayor of Paris', 'Paris', 'said', '😀', 'rose 😀 in'];
const LABELS: Array<[string, LayerId]> = [
  ['PER', 'entity'],
  ['LOC', 'entity'],
  ['BAD LABEL', 'entity'],
  ['CLAIM', 'claim'],
];

const documentArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: PIECES.length - 1 }), fc.integer({ min: 0, max: LABELS.length - 1 })), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((picked) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: picked.length - 1 }),
          fc.integer({ min: 0, max: picked.length - 1 }),
          fc.constantFrom('SOURCE', 'ABOUT', 'BASED IN'),
        ),
        {
          maxLength: 8,
        },
      )
      .map((links): ExportDocument => {
        const spans: Span[] = picked.map(([piece, labelIndex], index) => {
          const part = PIECES[piece] ?? 'Ana';
          const [label, layer] = LABELS[labelIndex] ?? ['PER', 'entity'];
          const start = TEXT.indexOf(part);
          return {
            id: `s${index}`,
            projectId: 'p',
            documentId: 'd',
            annotator: 'ana',
            layer,
            label,
            start,
            end: start + part.length,
            text: part,
            attributes: {},
            origin: 'manual',
            createdAt: 0,
            updatedAt: 0,
          };
        });
        const relations: Relation[] = links.map(([from, to, type], index) => ({
          id: `r${index}`,
          projectId: 'p',
          documentId: 'd',
          annotator: 'ana',
          type,
          from: `s${from}`,
          to: `s${to}`,
          origin: 'manual',
          createdAt: 0,
          updatedAt: 0,
        }));
        return { id: 'd', meta: { title: 'T' }, status: 'done', text: TEXT, spans, relations };
      }),
  );

/** The relations a format wrote, each as the ids (or offsets) of its ends, and whether those ends were written. */
function writtenRelations(format: FormatId, run: ExportRun): Array<{ ok: boolean }> {
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;
  switch (format) {
    case 'spanwright': {
      const line = json(run.text);
      const ids = new Set((line['spans'] as Array<{ id: string }>).map((s) => s.id));
      return ((line['relations'] as Array<{ from: string; to: string }> | undefined) ?? []).map((r) => ({
        ok: ids.has(r.from) && ids.has(r.to),
      }));
    }
    case 'doccano': {
      const line = json(run.text);
      const ids = new Set(((line['entities'] as Array<{ id: number }> | undefined) ?? []).map((e) => e.id));
      return ((line['relations'] as Array<{ from_id: number; to_id: number }> | undefined) ?? []).map((r) => ({
        ok: ids.has(r.from_id) && ids.has(r.to_id),
      }));
    }
    case 'spacy': {
      const line = json(run.text);
      const spans = line['spans'] as Array<{ start: number; end: number; label: string }>;
      const has = (s: { start: number; end: number; label: string }) =>
        spans.some((x) => x.start === s.start && x.end === s.end && x.label === s.label);
      return ((line['relations'] as Array<{ head_span: never; child_span: never }> | undefined) ?? []).map((r) => ({
        ok: has(r.head_span) && has(r.child_span),
      }));
    }
    case 'label-studio': {
      const result =
        (JSON.parse(run.text) as Array<{ annotations: Array<{ result: Array<Record<string, unknown>> }> }>)[0]?.annotations[0]?.result ??
        [];
      const ids = new Set(result.filter((r) => r['type'] === 'labels').map((r) => r['id']));
      return result.filter((r) => r['type'] === 'relation').map((r) => ({ ok: ids.has(r['from_id']) && ids.has(r['to_id']) }));
    }
    case 'brat': {
      const ann = run.files.find((f) => f.path.endsWith('.ann'))?.content ?? '';
      const ids = new Set(
        ann
          .split('\n')
          .filter((l) => l.startsWith('T'))
          .map((l) => l.split('\t')[0]),
      );
      return ann
        .split('\n')
        .filter((l) => l.startsWith('R'))
        .map((l) => {
          const [, from = '', to = ''] = /Arg1:(\S+) Arg2:(\S+)/u.exec(l) ?? [];
          return { ok: ids.has(from) && ids.has(to) };
        });
    }
    case 'claims':
      return run.text
        .split('\n')
        .filter((l) => l !== '')
        .flatMap((l) =>
          (json(l)['claims'] as Array<{ sources?: unknown[]; partial?: boolean }>)
            .filter((c) => !c.partial)
            .flatMap((c) => (c.sources ?? []).map(() => ({ ok: true }))),
        );
    default:
      return [];
  }
}

describe('relations in every format', () => {
  for (const format of FORMATS) {
    it(`${format.id}: no written relation points at a missing span; written + left out = given`, () => {
      fc.assert(
        fc.property(documentArb, fc.boolean(), (doc, dropLoc) => {
          const layers = format.layerMode === 'one' ? [format.layers[0] ?? 'entity'] : [...format.layers];
          const run = runExport(format.id, [doc], { layers, labelMap: dropLoc ? { LOC: null } : {} });
          const written = writtenRelations(format.id, run);
          for (const relation of written) expect(relation.ok).toBe(true);
          const left = run.leftOut.filter((l) => l.dropped).flatMap((l) => l.relations ?? []);
          expect(new Set(left.map((r) => r.id)).size).toBe(left.length);
          if (format.id !== 'claims') expect(written.length + left.length).toBe(doc.relations?.length ?? 0);
          else expect(written.length + left.length).toBeLessThanOrEqual(doc.relations?.length ?? 0);
        }),
        { numRuns: 120 },
      );
    });
  }
});
