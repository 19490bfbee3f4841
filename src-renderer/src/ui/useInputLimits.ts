// The input limits of Settings › Import limits: read once, each change checked by the core and
// stored at once (every import reads them from the settings table when it starts).
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_LIMITS, type InputLimits } from '../../../src-shared/limits';
import type { SpanwrightDatabase } from '../storage/database';
import { readInputLimits, writeInputLimits } from '../storage/input-limits';

export interface InputLimitsState {
  /** Undefined until the stored limits are read. */
  limits: InputLimits | undefined;
  save(limits: InputLimits): Promise<void>;
}

export function useInputLimits(db: SpanwrightDatabase): InputLimitsState {
  const [limits, setLimits] = useState<InputLimits | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void readInputLimits(db)
      .catch(() => ({ ...DEFAULT_LIMITS }))
      .then((stored) => {
        if (!cancelled) setLimits(stored);
      });
    return () => {
      cancelled = true;
    };
  }, [db]);
  const save = useCallback(
    async (next: InputLimits) => {
      await writeInputLimits(db, next);
      setLimits(next);
    },
    [db],
  );
  return { limits, save };
}
