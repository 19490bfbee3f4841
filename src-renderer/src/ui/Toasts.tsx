// Short messages in the status bar; errors stay until dismissed, others fade after a while.
import { useCallback, useState, type ReactNode } from 'react';

export type ToastKind = 'info' | 'success' | 'error';

interface Toast {
  id: number;
  message: string;
  kind: ToastKind;
}

let nextToastId = 1;

export function useToasts(): { toasts: ReactNode; notify: (message: string, kind: ToastKind) => void } {
  const [items, setItems] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const notify = useCallback(
    (message: string, kind: ToastKind) => {
      const id = nextToastId++;
      setItems((all) => [...all.slice(-3), { id, message, kind }]);
      if (kind !== 'error') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const toasts = (
    <div className="toasts">
      {items.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.message}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
  return { toasts, notify };
}
