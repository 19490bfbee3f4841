// The workbench's side of backups: the daily snapshot of the open project (checked when it
// opens and every hour, in the background), and what the restore dialog lists and does.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../src-shared/backups';
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import type { Annotator } from '../../../src-shared/domain';
import { fileDate, fileNamePart } from '../../../src-shared/formats/file-names';
import { BUNDLE_EXTENSION } from '../../../src-shared/formats/project-bundle';
import { errorMessage } from '../../../src-shared/result';
import { restoreBackup, snapshotIfDue, type RestoreOutcome, type RestoreProgress, type RestoreTarget } from '../app/backups';
import type { SpanwrightDatabase } from '../storage/database';

const DAILY_CHECK_MS = 60 * 60 * 1000;

export function useBackups(deps: {
  db: SpanwrightDatabase;
  bridge: SpanwrightBridge;
  projectId: string;
  annotator: Annotator;
  /** The dialog is open: keep the list fresh. */
  listing: boolean;
  reportError: (message: string) => void;
}) {
  const { db, bridge, projectId, annotator, listing, reportError } = deps;
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [location, setLocation] = useState('');
  // One failure message per project and session: a full disk should not repeat it every hour.
  const warned = useRef(new Set<string>());

  useEffect(() => {
    let stopped = false;
    const check = () => {
      snapshotIfDue(db, bridge.backups, projectId, annotator).catch((error: unknown) => {
        if (stopped || warned.current.has(projectId)) return;
        warned.current.add(projectId);
        reportError(`The daily backup of this project could not be written: ${errorMessage(error)}`);
      });
    };
    // A moment after opening, so the first paint and the open document come first.
    const first = setTimeout(check, 3000);
    const hourly = setInterval(check, DAILY_CHECK_MS);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(hourly);
    };
  }, [annotator, bridge.backups, db, projectId, reportError]);

  const refresh = useCallback(async () => {
    try {
      const [list, where] = await Promise.all([bridge.backups.list(), bridge.backups.location()]);
      setBackups(list);
      setLocation(where);
    } catch (error) {
      reportError(`The backups could not be listed: ${errorMessage(error)}`);
      setBackups([]);
    }
  }, [bridge.backups, reportError]);

  useEffect(() => {
    if (listing) void refresh();
    else setBackups(null);
  }, [listing, refresh]);

  const restore = useCallback(
    async (backup: BackupInfo, target: RestoreTarget, progress: RestoreProgress = {}): Promise<RestoreOutcome> => {
      try {
        return await restoreBackup(db, bridge.backups, backup, target, annotator, progress);
      } finally {
        void refresh();
      }
    },
    [annotator, bridge.backups, db, refresh],
  );

  /** Saves one snapshot where the user chooses (the web build's way to keep one outside the browser). */
  const download = useCallback(
    async (backup: BackupInfo) => {
      const bytes = await bridge.backups.read(backup.id);
      const name = `${fileNamePart(backup.projectName, 'project')}_backup-${backup.reason}_${fileDate(new Date(backup.createdAt))}.${BUNDLE_EXTENSION}`;
      const stream = await bridge.saveFile(name, [{ name: 'Project bundle', extensions: [BUNDLE_EXTENSION] }]);
      if (!stream) return;
      try {
        await stream.write(bytes);
        await stream.commit();
      } catch (error) {
        await stream.abort();
        throw error;
      }
    },
    [bridge],
  );

  return { backups, location, restore, download };
}
