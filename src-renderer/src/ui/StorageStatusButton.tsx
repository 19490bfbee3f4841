// The status bar's storage entry: whether data is kept permanently, and a dialog with the space
// used and left and, when the browser may clear our data, what to do about it.
import { useState } from 'react';
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import { bytesInWords } from '../../../src-shared/bytes-in-words';
import { persistenceAdvice } from '../../../src-shared/storage-space';
import { Modal } from './Modal';
import type { StorageHealthView } from './useStorageHealth';

export function StorageStatusButton(props: { storage: StorageHealthView; platform: SpanwrightBridge['platform'] }) {
  const { storage, platform } = props;
  const [open, setOpen] = useState(false);
  const advice = persistenceAdvice(platform, storage.persistence);
  const kept = platform === 'electron' || storage.persistence === 'granted';
  const text = storage.readOnly
    ? 'Storage full'
    : kept
      ? 'Storage: kept'
      : storage.persistence === 'unknown'
        ? 'Storage…'
        : 'Storage: not permanent';
  return (
    <>
      <button
        type="button"
        className={`link-button storage-state${storage.readOnly || !kept ? ' storage-state--warn' : ''}`}
        title={advice.state}
        onClick={() => setOpen(true)}
      >
        {text}
      </button>
      {open && (
        <Modal title="Storage" onClose={() => setOpen(false)}>
          <p>{advice.state}</p>
          {advice.advice && <p>{advice.advice}</p>}
          <p>
            {storage.space
              ? `${bytesInWords(storage.space.usage)} used; ${bytesInWords(storage.space.left)} left for Spanwright’s data.`
              : 'This browser does not say how much space is left.'}
          </p>
          {storage.readOnly && <p role="alert">There is no space left to save: Spanwright is read-only until some is freed.</p>}
          <div className="modal__actions">
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
