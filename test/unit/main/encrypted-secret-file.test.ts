import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ENCRYPTION_UNAVAILABLE_MESSAGE,
  EncryptedSecretFile,
  SECRETS_FILE_NAME,
  osEncryptionProtects,
  parseSecretsFile,
  serializeSecretsFile,
  type SecretCipher,
} from '../../../src-main/encrypted-secret-file';
import { SECRET_LIMITS, TOO_MANY_SECRETS_MESSAGE } from '../../../src-shared/secret-rules';

const MARK = [0x53, 0x57]; // what every "encrypted" value of the fake starts with

/** Stands in for safeStorage: reversible, but no plain text survives it. */
function fakeCipher(): SecretCipher & { isAvailable: boolean; encryptCalls: number } {
  const cipher = {
    isAvailable: true,
    encryptCalls: 0,
    available: () => cipher.isAvailable,
    encrypt: (plainText: string) => {
      cipher.encryptCalls += 1;
      return new Uint8Array([...MARK, ...Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0xa5)]);
    },
    decrypt: (encrypted: Uint8Array) => {
      if (encrypted[0] !== MARK[0] || encrypted[1] !== MARK[1])
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.slice(2).map((byte) => byte ^ 0xa5)).toString('utf8');
    },
  };
  return cipher;
}

describe('EncryptedSecretFile', () => {
  let dir: string;
  let filePath: string;
  let cipher: ReturnType<typeof fakeCipher>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-secrets-'));
    filePath = join(dir, SECRETS_FILE_NAME);
    cipher = fakeCipher();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads null for a key never written, without creating a file', async () => {
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await expect(secrets.read('team-password:ana@https://couch.example.org/p1')).resolves.toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a secret encrypted on disk and reads it back in a later run', async () => {
    const key = 'team-password:ana@https://couch.example.org/p1';
    await expect(new EncryptedSecretFile(filePath, cipher).write(key, 'pässwörd 🔑')).resolves.toEqual({ ok: true, value: null });

    const onDisk = readFileSync(filePath, 'utf8');
    expect(onDisk).not.toContain('pässwörd');
    expect(JSON.parse(onDisk)).toMatchObject({ format: 'spanwright-secrets', version: 1 });
    expect(readdirSync(dir)).toEqual([SECRETS_FILE_NAME]);
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600);

    await expect(new EncryptedSecretFile(filePath, cipher).read(key)).resolves.toBe('pässwörd 🔑');
  });

  it('replaces a secret and forgets it', async () => {
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await secrets.write('a', 'one');
    await secrets.write('b', 'two');
    await secrets.write('a', 'three');
    await secrets.forget('a');
    await secrets.forget('never-written');
    const reopened = new EncryptedSecretFile(filePath, cipher);
    await expect(reopened.read('a')).resolves.toBeNull();
    await expect(reopened.read('b')).resolves.toBe('two');
  });

  it('refuses to write when the system cannot encrypt, and writes nothing', async () => {
    cipher.isAvailable = false;
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await expect(secrets.write('a', 'secret')).resolves.toEqual({ ok: false, error: ENCRYPTION_UNAVAILABLE_MESSAGE });
    expect(cipher.encryptCalls).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    await expect(secrets.read('a')).resolves.toBeNull();
  });

  it('still forgets when the system cannot encrypt any more', async () => {
    await new EncryptedSecretFile(filePath, cipher).write('a', 'secret');
    cipher.isAvailable = false;
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await secrets.forget('a');
    expect(parseSecretsFile(JSON.parse(readFileSync(filePath, 'utf8'))).size).toBe(0);
  });

  it('reads null for a secret that no longer decrypts (another machine or keyring)', async () => {
    writeFileSync(
      filePath,
      JSON.stringify({ format: 'spanwright-secrets', version: 1, secrets: { a: Buffer.from('garbage').toString('base64') } }),
    );
    await expect(new EncryptedSecretFile(filePath, cipher).read('a')).resolves.toBeNull();
  });

  it('treats a corrupt file as empty and replaces it on the next write', async () => {
    writeFileSync(filePath, '{"format": "spanwright-secr');
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await expect(secrets.read('a')).resolves.toBeNull();
    await secrets.write('a', 'fresh');
    await expect(new EncryptedSecretFile(filePath, cipher).read('a')).resolves.toBe('fresh');
  });

  it('keeps every one of many writes started together', async () => {
    const secrets = new EncryptedSecretFile(filePath, cipher);
    const keys = Array.from({ length: 20 }, (_, index) => `key-${index}`);
    await Promise.all(keys.map((key) => secrets.write(key, `value of ${key}`)));
    const reopened = new EncryptedSecretFile(filePath, cipher);
    for (const key of keys) await expect(reopened.read(key)).resolves.toBe(`value of ${key}`);
    expect(readdirSync(dir)).toEqual([SECRETS_FILE_NAME]);
  });

  it('refuses a new key beyond the limit but still replaces existing ones', async () => {
    const entries = new Map(Array.from({ length: SECRET_LIMITS.maxSecrets }, (_, index) => [`key-${index}`, cipher.encrypt('x')]));
    writeFileSync(filePath, serializeSecretsFile(entries));
    const secrets = new EncryptedSecretFile(filePath, cipher);
    await expect(secrets.write('one-too-many', 'x')).resolves.toEqual({ ok: false, error: TOO_MANY_SECRETS_MESSAGE });
    await expect(secrets.write('key-0', 'new')).resolves.toEqual({ ok: true, value: null });
    await expect(secrets.read('key-0')).resolves.toBe('new');
  });

  it('changes nothing, in memory or on disk, when the file cannot be written', async () => {
    const secrets = new EncryptedSecretFile(join(dir, 'missing-directory', SECRETS_FILE_NAME), cipher);
    await expect(secrets.write('a', 'secret')).rejects.toThrow(/ENOENT/);
    await expect(secrets.read('a')).resolves.toBeNull();
  });
});

describe('parseSecretsFile and serializeSecretsFile', () => {
  it('round-trip any bytes, and a key named like a prototype stays plain data', () => {
    const entries = new Map([
      ['__proto__', new Uint8Array([0, 255, 1])],
      ['constructor', new Uint8Array([7])],
    ]);
    const json = JSON.parse(serializeSecretsFile(entries)) as { secrets: object };
    expect(Object.hasOwn(json.secrets, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(json.secrets)).toBe(Object.prototype);
    const parsed = parseSecretsFile(json);
    expect([...parsed.keys()].sort()).toEqual(['__proto__', 'constructor']);
    expect(Array.from(parsed.get('__proto__') ?? [])).toEqual([0, 255, 1]);
  });

  it.each([
    ['nothing', null],
    ['an array', []],
    ['another format', { format: 'other', version: 1, secrets: {} }],
    ['a future version', { format: 'spanwright-secrets', version: 2, secrets: { a: 'AAAA' } }],
    ['secrets that are not an object', { format: 'spanwright-secrets', version: 1, secrets: ['AAAA'] }],
  ])('reads %s as no secrets', (_label, value) => {
    expect(parseSecretsFile(value).size).toBe(0);
  });

  it('skips entries with an invalid key or value and keeps the rest', () => {
    const parsed = parseSecretsFile({
      format: 'spanwright-secrets',
      version: 1,
      secrets: { good: 'AAEC', 'bad\u0000key': 'AAEC', number: 42, empty: '', notBase64: '***' },
    });
    expect([...parsed.keys()]).toEqual(['good']);
    expect(Array.from(parsed.get('good') ?? [])).toEqual([0, 1, 2]);
  });
});

describe('osEncryptionProtects', () => {
  const backend = (name: string) => () => name;

  it('trusts macOS and Windows whenever safeStorage is available', () => {
    expect(osEncryptionProtects(true, 'darwin', backend('unused'))).toBe(true);
    expect(osEncryptionProtects(true, 'win32', backend('unused'))).toBe(true);
    expect(osEncryptionProtects(false, 'darwin', backend('unused'))).toBe(false);
  });

  it('refuses Linux without a keyring, where safeStorage falls back to a built-in password', () => {
    expect(osEncryptionProtects(true, 'linux', backend('gnome_libsecret'))).toBe(true);
    expect(osEncryptionProtects(true, 'linux', backend('kwallet6'))).toBe(true);
    expect(osEncryptionProtects(true, 'linux', backend('basic_text'))).toBe(false);
    expect(osEncryptionProtects(true, 'linux', backend('unknown'))).toBe(false);
    expect(osEncryptionProtects(false, 'linux', backend('gnome_libsecret'))).toBe(false);
  });

  it('asks Linux for its backend only on Linux (the call exists nowhere else)', () => {
    const throwing = () => {
      throw new Error('getSelectedStorageBackend is Linux only');
    };
    expect(osEncryptionProtects(true, 'darwin', throwing)).toBe(true);
  });
});
