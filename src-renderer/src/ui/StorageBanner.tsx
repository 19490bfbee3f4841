// The banner under the top bar when storage needs the user: read-only on a full disk (why, and
// what to do: export a bundle, free space, Try again), or a warning that space runs low.
import { useState } from 'react';
import { lowSpaceWarning, READ_ONLY_DETAIL, READ_ONLY_TITLE } from '../../../src-shared/storage-space';
import type { StorageHealthView } from './useStorageHealth';

export function StorageBanner(props: { storage: StorageHealthView; onExportBundle: (() => Promise<void>) | undefined }) {
  const { storage } = props;
  const [exporting, setExporting] = useState(false);
  const [dismissedWarning, setDismissedWarning] = useState<string | null>(null);
  const warning = storage.readOnly ? null : lowSpaceWarning(storage.space);
  if (!storage.readOnly && (!warning || warning === dismissedWarning)) return null;

  const exportButton = props.onExportBundle && (
    <button
      type="button"
      className={storage.readOnly ? 'primary' : undefined}
      disabled={exporting}
      onClick={() => {
        setExporting(true);
        void props.onExportBundle?.().finally(() => setExporting(false));
      }}
    >
      {exporting ? 'Exporting…' : 'Export project bundle'}
    </button>
  );

  if (storage.readOnly) {
    return (
      <section className="storage-banner storage-banner--full" role="alert" aria-labelledby="storage-banner-title">
        <div className="storage-banner__text">
          <h2 id="storage-banner-title">{READ_ONLY_TITLE}</h2>
          <p>{READ_ONLY_DETAIL}</p>
        </div>
        <div className="storage-banner__actions">
          {exportButton}
          <button type="button" disabled={storage.checking} onClick={() => void storage.tryAgain()}>
            {storage.checking ? 'Checking…' : 'Try again'}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="storage-banner storage-banner--low" role="status" aria-label="Storage space">
      <p className="storage-banner__text">{warning}</p>
      <div className="storage-banner__actions">
        {exportButton}
        <button type="button" onClick={() => setDismissedWarning(warning)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
