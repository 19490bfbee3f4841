// The desktop's secrets (bridge `secrets`): each value encrypted by the operating system
// (Electron's safeStorage, injected as a `SecretCipher`) and kept in one small JSON file in
// the user data directory. Nothing is ever written unencrypted.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { fail, ok, type Result } from '../src-shared/result';
import { checkSecretKey, SECRET_LIMITS, TOO_MANY_SECRETS_MESSAGE } from '../src-shared/secret-rules';

export const SECRETS_FILE_NAME = 'secrets.json';
const FILE_FORMAT = 'spanwright-secrets';
const FILE_VERSION = 1;

/** The parts of Electron's safeStorage used here. */
export interface SecretCipher {
  /** False when the system offers no real protection; then nothing is stored. */
  available(): boolean;
  encrypt(plainText: string): Uint8Array;
  /** Throws when the bytes cannot be decrypted (another machine, a reset keyring). */
  decrypt(encrypted: Uint8Array): string;
}

export const ENCRYPTION_UNAVAILABLE_MESSAGE =
  'This computer offers no secure place for passwords (on Linux: a keyring such as GNOME Keyring or KWallet), so the password was not saved. Enter it again next time.';

/**
 * Whether safeStorage really protects what it encrypts. On Linux without a keyring it falls
 * back to `basic_text`, a password built into Chromium: as good as plain text, so refused.
 */
export function osEncryptionProtects(encryptionAvailable: boolean, platform: NodeJS.Platform, linuxStorageBackend: () => string): boolean {
  if (!encryptionAvailable) return false;
  if (platform !== 'linux') return true;
  const backend = linuxStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The entries of a parsed secrets file. Anything not understood counts as nothing stored: a
 * secret that cannot be read can only be entered again, and the next write replaces the file.
 */
export function parseSecretsFile(value: unknown): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return entries;
  const { format, version, secrets } = value as Record<string, unknown>;
  if (format !== FILE_FORMAT || version !== FILE_VERSION) return entries;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) return entries;
  // Object.entries sees own properties only, so even a key named "__proto__" is plain data.
  for (const [key, encoded] of Object.entries(secrets)) {
    if (!checkSecretKey(key).ok || typeof encoded !== 'string' || encoded === '' || !BASE64.test(encoded)) continue;
    entries.set(key, new Uint8Array(Buffer.from(encoded, 'base64')));
  }
  return entries;
}

export function serializeSecretsFile(entries: ReadonlyMap<string, Uint8Array>): string {
  // fromEntries defines own properties: a "__proto__" key cannot reach the prototype.
  const secrets = Object.fromEntries([...entries].map(([key, bytes]) => [key, Buffer.from(bytes).toString('base64')]));
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, secrets }, null, 2)}\n`;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Temp file (owner-only), fsync, rename: the file is always the old one or the whole new one. */
export async function writeFileAtomically(filePath: string, contents: string): Promise<void> {
  const tempPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/**
 * Keys and values arrive validated (ipc-validation.ts). Calls run one at a time, so two
 * quick writes never lose one another; the file is read once and then mirrored in memory.
 */
export class EncryptedSecretFile {
  private entries: Map<string, Uint8Array> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly cipher: SecretCipher,
  ) {}

  read(key: string): Promise<string | null> {
    return this.serialized(async () => {
      const encrypted = (await this.load()).get(key);
      if (encrypted === undefined) return null;
      try {
        return this.cipher.decrypt(encrypted);
      } catch {
        // Encrypted under another user, machine or keyring: only asking again can help.
        return null;
      }
    });
  }

  /** Refuses (nothing written) when the system cannot encrypt for real, or too many are kept. */
  write(key: string, value: string): Promise<Result<null>> {
    return this.serialized(async () => {
      if (!this.cipher.available()) return fail(ENCRYPTION_UNAVAILABLE_MESSAGE);
      const entries = await this.load();
      if (!entries.has(key) && entries.size >= SECRET_LIMITS.maxSecrets) return fail(TOO_MANY_SECRETS_MESSAGE);
      const next = new Map(entries).set(key, this.cipher.encrypt(value));
      await this.save(next);
      return ok(null);
    });
  }

  forget(key: string): Promise<void> {
    return this.serialized(async () => {
      const entries = await this.load();
      if (!entries.has(key)) return;
      const next = new Map(entries);
      next.delete(key);
      await this.save(next);
    });
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async load(): Promise<Map<string, Uint8Array>> {
    if (this.entries !== null) return this.entries;
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      // Any other failure (permissions) is thrown: a file we could not read must not be overwritten.
      if (!isMissingFile(error)) throw error;
      text = '';
    }
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Corrupt: nothing readable is stored (see parseSecretsFile).
    }
    this.entries = parseSecretsFile(parsed);
    return this.entries;
  }

  /** Memory follows the file only once the file is written, so a failed write changes nothing. */
  private async save(next: Map<string, Uint8Array>): Promise<void> {
    await writeFileAtomically(this.filePath, serializeSecretsFile(next));
    this.entries = next;
  }
}
