// Rows of many documents, by document (spans, relations, document annotations...).
export function groupByDocument<T extends { documentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byDocument = new Map<string, T[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return byDocument;
}
