// The golden project: three small documents with emoji, combining marks, CJK, RTL, tabs, CRLF,
// zero-width characters, overlapping entities and claims, and entities over a line break.
import type { LayerId, Span } from '../../../src-shared/domain';
import type { ExportDocument } from '../../../src-shared/formats/format-module';

export const TEXT_1 = 'Ana 😀 met Jose\u0301 in Paris.\r\nTaxes fell, she said.';
export const TEXT_2 = '北京是中国的首都。\tمرحبا بالعالم';
export const TEXT_3 = 'New\nYork has zero\u200bwidth and join\u200der.';

function span(documentId: string, text: string, id: string, layer: LayerId, label: string, part: string, occurrence = 0, attributes: Span['attributes'] = {}): Span {
  let start = -1;
  for (let n = 0; n <= occurrence; n++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return { id, projectId: 'p', documentId, annotator: 'ana', layer, label, start, end: start + part.length, text: part, attributes, origin: 'manual', createdAt: 1, updatedAt: 2 };
}

export function goldenDocuments(): ExportDocument[] {
  const d1 = (id: string, layer: LayerId, label: string, part: string, occurrence = 0, attributes: Span['attributes'] = {}) => span('news-1', TEXT_1, id, layer, label, part, occurrence, attributes);
  const d2 = (id: string, layer: LayerId, label: string, part: string) => span('d 2/中文', TEXT_2, id, layer, label, part);
  const d3 = (id: string, layer: LayerId, label: string, part: string) => span('d3', TEXT_3, id, layer, label, part);
  return [
    {
      id: 'news-1',
      meta: { title: 'Tram', source: 'Wire' },
      status: 'done',
      text: TEXT_1,
      // Given out of order on purpose: every format sorts.
      spans: [
        d1('s1e', 'claim', 'CLAIM', 'Taxes fell'),
        d1('s1c', 'entity', 'LOC', 'Paris'),
        d1('s1a', 'entity', 'PER', 'Ana'),
        d1('s1b', 'entity', 'PER', 'Jose\u0301', 0, { checked: true }),
        d1('s1d', 'entity', 'ORG', 'Ana 😀'),
        d1('s1f', 'claim', 'CLAIM', 'met Jose\u0301 in Paris.\r\nTaxes fell'),
      ],
    },
    {
      id: 'd 2/中文',
      meta: { title: '北京', language: 'zh' },
      status: 'in_progress',
      text: TEXT_2,
      spans: [d2('s2d', 'entity', 'MISC', 'مرحبا'), d2('s2a', 'entity', 'LOC', '北京'), d2('s2c', 'claim', 'CLAIM', '北京是中国的首都。'), d2('s2e', 'entity', 'LOC', '京'), d2('s2b', 'entity', 'LOC', '中国')],
    },
    {
      id: 'd3',
      meta: { title: 'Zero', extra: { desk: 'x' } },
      status: 'todo',
      text: TEXT_3,
      spans: [d3('s3c', 'entity', 'ZW', '\u200b'), d3('s3a', 'entity', 'LOC', 'New\nYork'), d3('s3b', 'entity', 'MISC', 'zero\u200bwidth')],
    },
  ];
}
