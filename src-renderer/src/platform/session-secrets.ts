// The web build's secrets: kept in memory until the page closes, never in localStorage,
// IndexedDB or any file, because a browser page has nothing to encrypt them with.
import type { SecretStore } from '../../../src-shared/bridge';
import { checkSecretKey, checkSecretValue, SECRET_LIMITS, TOO_MANY_SECRETS_MESSAGE } from '../../../src-shared/secret-rules';
import type { Result } from '../../../src-shared/result';

function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Applies the desktop's rules too, so a key that works here works there. */
export function createSessionSecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    read: async (key) => secrets.get(valueOrThrow(checkSecretKey(key))) ?? null,
    write: async (key, value) => {
      const checkedKey = valueOrThrow(checkSecretKey(key));
      const checkedValue = valueOrThrow(checkSecretValue(value));
      if (!secrets.has(checkedKey) && secrets.size >= SECRET_LIMITS.maxSecrets) throw new Error(TOO_MANY_SECRETS_MESSAGE);
      secrets.set(checkedKey, checkedValue);
    },
    forget: async (key) => {
      secrets.delete(valueOrThrow(checkSecretKey(key)));
    },
  };
}
