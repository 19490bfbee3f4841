// Review mode's view of the whole project: how many disagreements each document has left,
// computed by the same rules as the review panel (src-shared/review/document-review.ts).
// The project is read once; after that each logged change re-reads and re-reviews only the
// documents it touched, so a label (or a teammate's work arriving) costs the same in a
// project of 100 documents as in one of 100,000.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LabelSchema } from '../../../src-shared/domain';
import type { ReviewRules } from '../../../src-shared/review/document-review';
import { ReviewProgressIndex, type ProjectWork } from '../../../src-shared/review/review-progress-index';
import { changedKeys } from '../../../src-shared/sync/changed-keys';
import type { SpanwrightDatabase } from '../storage/database';
import { readChangeLogAfter, readNewestLogSeq } from '../storage/documents';
import { isStringList, SETTING } from '../storage/settings';

const REJECTED_PREFIX = SETTING.reviewRejected('');

/** What the index reflects: the project, and the change-log position its rows were read at. */
interface Caught {
  projectId: string;
  seq: number;
  index: ReviewProgressIndex;
}

/** Disagreements left per document (documents with nobody's work to compare are absent); undefined while not reviewing. */
export function useReviewProgress(
  db: SpanwrightDatabase,
  projectId: string,
  active: boolean,
  disabled: ReadonlySet<string>,
  schema: LabelSchema,
): ReadonlyMap<string, number> | undefined {
  const { documentCategories, relationTypes } = schema;
  const rules = useMemo<ReviewRules>(
    () => ({ documentCategories, disabled, directed: (type) => relationTypes.find((t) => t.name === type)?.directed ?? true }),
    [documentCategories, relationTypes, disabled],
  );
  // One index read per write, whatever the project's size: the newest change-log position.
  const newestSeq = useLiveQuery(async () => (active ? await readNewestLogSeq(db) : undefined), [db, active]);
  const rejected = useLiveQuery(async () => {
    if (!active) return undefined;
    const rows = await db.settings.where('key').startsWith(REJECTED_PREFIX).toArray();
    return new Map<string, ReadonlySet<string>>(
      rows.map((row) => [row.key.slice(REJECTED_PREFIX.length), new Set(isStringList(row.value) ? row.value : [])]),
    );
  }, [db, active]);

  const [left, setLeft] = useState<ReadonlyMap<string, number> | undefined>(undefined);
  const caught = useRef<Caught | null>(null);
  /** Catch-ups run one after another, so two never interleave their reads. */
  const queue = useRef(Promise.resolve());
  /** Bumped when the project or mode changes: a catch-up of the previous one gives way. */
  const generation = useRef(0);

  useEffect(() => {
    generation.current += 1;
    caught.current = null;
    setLeft(undefined);
  }, [db, projectId, active]);

  useEffect(() => {
    if (!active || newestSeq === undefined || rejected === undefined) return;
    const mine = generation.current;
    queue.current = queue.current
      .then(async () => {
        if (mine !== generation.current) return;
        const next = await catchUp(db, projectId, caught.current, rules);
        if (mine !== generation.current) return;
        next.index.setRules(rules);
        next.index.setRejected(rejected);
        caught.current = next;
        setLeft(next.index.current());
      })
      .catch((error: unknown) => {
        // The list then shows no review counts; the next change tries again from scratch.
        console.error('Review progress could not be read', error);
        caught.current = null;
      });
  }, [db, projectId, active, newestSeq, rejected, rules]);

  return left;
}

/** Brings the index up to the newest logged change: the whole project the first time, then only the documents changes touched. */
async function catchUp(db: SpanwrightDatabase, projectId: string, from: Caught | null, rules: ReviewRules): Promise<Caught> {
  return db.transaction('r', [db.changeLog, db.spans, db.relations, db.documentAnnotations], async () => {
    const seq = await readNewestLogSeq(db);
    if (from && from.projectId === projectId && seq === from.seq) return from;
    if (from && from.projectId === projectId) {
      const entries = await readChangeLogAfter(db, from.seq, { projectId });
      const keys = changedKeys(entries.map((entry) => entry.change));
      // A rename rewrites annotations it does not list: read everything again.
      if (!keys.everyAnnotation) {
        const touched = [...new Set([...keys.documents, ...keys.annotations.map((pair) => pair.documentId)])];
        if (touched.length > 0) from.index.replaceDocuments(touched, await readDocuments(db, projectId, touched));
        return { ...from, seq };
      }
    }
    const index = new ReviewProgressIndex(rules);
    index.load(await readProject(db, projectId));
    return { projectId, seq, index };
  });
}

async function readProject(db: SpanwrightDatabase, projectId: string): Promise<ProjectWork> {
  const [spans, relations, documentAnnotations] = await Promise.all([
    db.spans.where('projectId').equals(projectId).toArray(),
    db.relations.where('projectId').equals(projectId).toArray(),
    db.documentAnnotations.where('projectId').equals(projectId).toArray(),
  ]);
  return { spans, relations, documentAnnotations };
}

async function readDocuments(db: SpanwrightDatabase, projectId: string, documentIds: string[]): Promise<ProjectWork> {
  const inProject = <T extends { projectId: string }>(rows: T[]) => rows.filter((row) => row.projectId === projectId);
  const [spans, relations, documentAnnotations] = await Promise.all([
    db.spans.where('documentId').anyOf(documentIds).toArray(),
    db.relations.where('documentId').anyOf(documentIds).toArray(),
    db.documentAnnotations.where('documentId').anyOf(documentIds).toArray(),
  ]);
  return { spans: inProject(spans), relations: inProject(relations), documentAnnotations: inProject(documentAnnotations) };
}
