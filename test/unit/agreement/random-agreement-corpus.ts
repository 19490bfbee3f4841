// Random agreement inputs from a seed (the same seed, the same corpus, in any version of the
// code): several annotators' spans on both layers (nested, overlapping, empty, past the text),
// relations (some with missing ends), attribute values (single and multiple choice, numbers,
// empty), document labels, statuses, and texts with astral characters, plus report options.
import type { AgreementDocument, AgreementOptions, AnnotationSet } from '../../../src-shared/agreement';
import type { AttributeValue, DocumentStatus, LayerId } from '../../../src-shared/domain';
import { seededRandom } from '../../../src-shared/seeded-random';

export interface RandomAgreementCorpus {
  documents: AgreementDocument[];
  annotationSets: AnnotationSet[];
  options: AgreementOptions;
}

const WORDS = ['Ada', 'met', 'Charles', 'in', 'London', '.', 'the', 'city', "don't", '😀', 'Zürich', 'e-mail', '3.5', '北京', ',', 'naïve'];
const LABELS = ['PER', 'LOC', 'ORG', 'constructor', 'Ä'];
const CLAIM_LABELS = ['claim', 'evidence'];
const TYPES = ['works_for', 'near', 'supports'];
const STATUSES: DocumentStatus[] = ['done', 'done', 'in_progress', 'todo'];

export function randomAgreementCorpus(seed: number): RandomAgreementCorpus {
  const random = seededRandom(seed);
  const int = (below: number): number => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number): boolean => random() < p;

  const documents: AgreementDocument[] = Array.from({ length: 1 + int(7) }, (_, d) => ({
    id: chance(0.05) ? '__proto__' : `d${d}`,
    text: Array.from({ length: int(25) }, () => pick(WORDS)).join(' '),
  }));
  // Ids must differ: a second '__proto__' becomes another id.
  documents.forEach((document, d) => {
    if (documents.findIndex((other) => other.id === document.id) !== d) document.id = `d${d}`;
  });
  const annotators = ['ann', 'bob', 'cy', 'dee'].slice(0, 1 + int(4));
  const attributeValue = (): AttributeValue => {
    switch (int(6)) {
      case 0:
        return pick(['yes', 'no']);
      case 1:
        return int(3);
      case 2:
        return '';
      case 3:
        return [pick(['a', 'b', 'c'])];
      case 4:
        return pick([['a', 'b'], [], ['c']]);
      default:
        return chance(0.5);
    }
  };
  // Spans every annotator may copy (so that some match exactly), then each one's own.
  const shared = documents.map((document) =>
    Array.from({ length: int(6) }, () => {
      const layer: LayerId = chance(0.75) ? 'entity' : 'claim';
      const start = int(document.text.length + 2);
      return { layer, label: pick(layer === 'entity' ? LABELS : CLAIM_LABELS), start, end: start + int(12) - 1 };
    }),
  );
  const annotationSets = annotators.map((annotator): AnnotationSet => {
    const set: AnnotationSet = { annotator, spans: [], relations: [], documentLabels: [], statuses: {} };
    documents.forEach((document, d) => {
      if (chance(0.1)) return;
      const own = Array.from({ length: int(3) }, () => {
        const layer: LayerId = chance(0.75) ? 'entity' : 'claim';
        const start = int(document.text.length + 2);
        return { layer, label: pick(layer === 'entity' ? LABELS : CLAIM_LABELS), start, end: start + int(12) - 1 };
      });
      const chosen = [...(shared[d] ?? []).filter(() => chance(0.7)), ...own];
      chosen.forEach((base, s) => {
        const span: AnnotationSet['spans'][number] = { documentId: document.id, ...base, id: `s${s}` };
        if (chance(0.1)) span.label = pick(LABELS);
        if (chance(0.4))
          span.attributes = { [pick(['negated', 'kind'])]: attributeValue(), ...(chance(0.3) ? { level: attributeValue() } : {}) };
        set.spans.push(span);
      });
      for (let r = int(4); r > 0; r--) {
        set.relations?.push({
          documentId: document.id,
          type: pick(TYPES),
          from: `s${int(chosen.length + 1)}`,
          to: `s${int(chosen.length + 1)}`,
        });
      }
      if (chance(0.4)) {
        const labels: Record<string, string[]> = { topic: chance(0.3) ? ['sport', 'news'] : [pick(['sport', 'news', 'arts'])] };
        if (chance(0.3)) labels.tone = chance(0.5) ? [] : [pick(['calm', 'angry'])];
        set.documentLabels?.push({ documentId: document.id, labels });
      }
      if (!chance(0.2))
        Object.defineProperty(set.statuses, document.id, { value: pick(STATUSES), enumerable: true, writable: true, configurable: true });
    });
    return set;
  });
  const options: AgreementOptions = { scope: pick(['all', 'all', 'annotated', 'done'] as const) };
  if (chance(0.2)) options.layer = pick(['entity', 'claim'] as const);
  if (chance(0.15)) options.labels = ['PER', 'claim', 'constructor'];
  if (chance(0.5)) options.relationTypes = [{ name: 'near', directed: false }];
  if (chance(0.3)) options.documentCategories = [{ name: 'tone', multiple: true }];
  return { documents, annotationSets, options };
}
