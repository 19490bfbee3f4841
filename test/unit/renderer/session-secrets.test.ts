// The web build's secrets: in memory for the page's life, under the desktop's rules.
import { describe, expect, it } from 'vitest';
import { createSessionSecretStore } from '../../../src-renderer/src/platform/session-secrets';
import { SECRET_LIMITS, TOO_MANY_SECRETS_MESSAGE } from '../../../src-shared/secret-rules';

describe('createSessionSecretStore', () => {
  it('says its secrets last only for the session', () => {
    expect(createSessionSecretStore().persistent).toBe(false);
  });

  it('writes, reads, replaces and forgets', async () => {
    const secrets = createSessionSecretStore();
    const key = 'team-password:ana@https://couch.example.org/p1';
    await expect(secrets.read(key)).resolves.toBeNull();
    await secrets.write(key, 'one');
    await secrets.write(key, 'two');
    await expect(secrets.read(key)).resolves.toBe('two');
    await secrets.forget(key);
    await secrets.forget(key);
    await expect(secrets.read(key)).resolves.toBeNull();
  });

  it('keeps a key named like a prototype as plain data', async () => {
    const secrets = createSessionSecretStore();
    await expect(secrets.read('__proto__')).resolves.toBeNull();
    await secrets.write('__proto__', 'x');
    await expect(secrets.read('__proto__')).resolves.toBe('x');
  });

  it('refuses what the desktop refuses', async () => {
    const secrets = createSessionSecretStore();
    await expect(secrets.write('', 'x')).rejects.toThrow("a secret's key must be a string of 1-512 characters");
    await expect(secrets.write('a\u0000b', 'x')).rejects.toThrow("a secret's key must be printable characters only");
    await expect(secrets.write('key', 'x'.repeat(SECRET_LIMITS.maxValueLength + 1))).rejects.toThrow('a secret must be a string');
    await expect(secrets.read('')).rejects.toThrow("a secret's key");
    for (let index = 0; index < SECRET_LIMITS.maxSecrets; index += 1) await secrets.write(`key-${index}`, 'x');
    await expect(secrets.write('one-too-many', 'x')).rejects.toThrow(TOO_MANY_SECRETS_MESSAGE);
    await expect(secrets.write('key-0', 'replaced')).resolves.toBeUndefined();
  });
});
