import { describe, expect, it } from 'vitest';
import {
  IpcValidationError,
  LIMITS,
  validateChunk,
  validateFileFilters,
  validateNoArguments,
  validateSaveToken,
  validateSecretKey,
  validateSecretValue,
  validateSuggestedName,
} from '../../../src-main/ipc-validation';

describe('validateFileFilters', () => {
  it('accepts well-formed filters and returns fresh plain objects', () => {
    const input = [
      { name: 'Text and JSONL', extensions: ['txt', 'jsonl', 'conll-u', 'spacy_v3'] },
      { name: 'All files', extensions: ['*'] },
    ];
    const result = validateFileFilters(input);
    expect(result).toEqual(input);
    expect(result[0]).not.toBe(input[0]);
  });

  it('accepts no filters at all', () => {
    expect(validateFileFilters([])).toEqual([]);
  });

  it('strips extra properties', () => {
    expect(validateFileFilters([{ name: 'Text', extensions: ['txt'], path: '/etc' }])).toEqual([{ name: 'Text', extensions: ['txt'] }]);
  });

  it.each([
    ['not an array', 'txt', 'filters must be an array'],
    ['null', null, 'filters must be an array'],
    ['an object', { length: 1, 0: { name: 'x', extensions: ['txt'] } }, 'filters must be an array'],
    ['a null filter', [null], 'filter 0 must be an object'],
    ['an array filter', [['txt']], 'filter 0 must be an object'],
    ['a missing name', [{ extensions: ['txt'] }], 'filter 0: name must be a string of 1-100 characters'],
    ['an empty name', [{ name: '', extensions: ['txt'] }], 'filter 0: name must be a string of 1-100 characters'],
    ['a huge name', [{ name: 'x'.repeat(101), extensions: ['txt'] }], 'filter 0: name must be a string of 1-100 characters'],
    ['a control character in the name', [{ name: 'a\u0000b', extensions: ['txt'] }], 'filter 0: name contains control characters'],
    ['no extensions', [{ name: 'x', extensions: [] }], 'filter 0: extensions must be an array of 1-50 strings'],
    ['extensions as a string', [{ name: 'x', extensions: 'txt' }], 'filter 0: extensions must be an array of 1-50 strings'],
    ['a dotted extension', [{ name: 'x', extensions: ['.txt'] }], 'filter 0: extension ".txt" must be letters, digits, "-" or "_" without a dot, or "*"'],
    ['a glob extension', [{ name: 'x', extensions: ['*.txt'] }], 'filter 0: extension "*.txt" must be letters, digits, "-" or "_" without a dot, or "*"'],
    ['a path extension', [{ name: 'x', extensions: ['../x'] }], 'filter 0: extension "../x" must be letters, digits, "-" or "_" without a dot, or "*"'],
    ['a number extension', [{ name: 'x', extensions: [7] }], 'filter 0: extension 7 must be letters, digits, "-" or "_" without a dot, or "*"'],
    ['a long extension', [{ name: 'x', extensions: ['a'.repeat(21)] }], `filter 0: extension "${'a'.repeat(21)}" must be letters, digits, "-" or "_" without a dot, or "*"`],
  ])('rejects %s', (_label, value, message) => {
    expect(() => validateFileFilters(value)).toThrow(new IpcValidationError(message));
  });

  it('rejects too many filters and too many extensions', () => {
    const filter = { name: 'x', extensions: ['txt'] };
    expect(() => validateFileFilters(Array.from({ length: LIMITS.maxFilters + 1 }, () => filter))).toThrow('at most 20 filters are allowed');
    expect(() => validateFileFilters([{ name: 'x', extensions: Array.from({ length: 51 }, () => 'txt') }])).toThrow(
      'filter 0: extensions must be an array of 1-50 strings',
    );
  });

  it('names the offending filter by index', () => {
    expect(() => validateFileFilters([{ name: 'ok', extensions: ['txt'] }, { name: 'bad', extensions: ['.x'] }])).toThrow(/^filter 1:/);
  });

  it('throws IpcValidationError', () => {
    expect(() => validateFileFilters(1)).toThrow(IpcValidationError);
  });
});

describe('validateSuggestedName', () => {
  it('accepts ordinary file names, including Unicode', () => {
    expect(validateSuggestedName('corpus.jsonl')).toBe('corpus.jsonl');
    expect(validateSuggestedName('Nachrichten – Müller 2024.jsonl')).toBe('Nachrichten – Müller 2024.jsonl');
    expect(validateSuggestedName('新闻.json')).toBe('新闻.json');
  });

  it.each([
    [42, 'suggested file name must be a string of 1-255 characters'],
    ['', 'suggested file name must be a string of 1-255 characters'],
    ['a'.repeat(256), 'suggested file name must be a string of 1-255 characters'],
    ['../../.bashrc', 'suggested file name must not contain path separators'],
    ['/etc/passwd', 'suggested file name must not contain path separators'],
    ['C:\\Windows\\win.ini', 'suggested file name must not contain path separators'],
    ['a\u0000.txt', 'suggested file name contains control characters'],
    ['a\n.txt', 'suggested file name contains control characters'],
    ['..', 'suggested file name is not a file name'],
    ['   ', 'suggested file name is not a file name'],
    ['CON', 'suggested file name is reserved on Windows'],
    ['nul.jsonl', 'suggested file name is reserved on Windows'],
    ['lpt1.txt', 'suggested file name is reserved on Windows'],
    ['CONIN$.txt', 'suggested file name is reserved on Windows'],
    ['com¹.jsonl', 'suggested file name is reserved on Windows'],
  ])('rejects %j', (value, message) => {
    expect(() => validateSuggestedName(value)).toThrow(new IpcValidationError(message));
  });

  it('does not mistake names that merely start like reserved ones', () => {
    expect(validateSuggestedName('console.jsonl')).toBe('console.jsonl');
    expect(validateSuggestedName('null.json')).toBe('null.json');
  });
});

describe('validateSaveToken', () => {
  it('accepts 32 lowercase hex digits', () => {
    expect(validateSaveToken('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
  });

  it.each([
    undefined,
    null,
    123,
    '',
    '0123456789abcdef0123456789abcde',
    '0123456789abcdef0123456789abcdef0',
    '0123456789ABCDEF0123456789ABCDEF',
    '0123456789abcdef0123456789abcdeg',
    '../../../../../../../../etc/pass',
    '0123456789abcdef0123456789abcdef\n',
    { toString: () => '0123456789abcdef0123456789abcdef' },
  ])('rejects %j', (value) => {
    expect(() => validateSaveToken(value)).toThrow(new IpcValidationError('save token is malformed'));
  });
});

describe('validateChunk', () => {
  it('accepts strings up to the limit, including the empty string', () => {
    expect(validateChunk('')).toBe('');
    expect(validateChunk('{"text":"Ünïcödé 🙂"}\n')).toBe('{"text":"Ünïcödé 🙂"}\n');
    expect(validateChunk('x'.repeat(LIMITS.maxChunkLength)).length).toBe(LIMITS.maxChunkLength);
  });

  it('accepts bytes (zip archives) up to the limit', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(validateChunk(bytes)).toBe(bytes);
    expect(() => validateChunk(new Uint8Array(LIMITS.maxChunkLength + 1))).toThrow(
      new IpcValidationError('chunk is longer than 16777216 bytes; write smaller chunks'),
    );
  });

  it('rejects other types and oversized chunks', () => {
    expect(() => validateChunk([1, 2, 3])).toThrow(new IpcValidationError('chunk must be a string or bytes'));
    expect(() => validateChunk(null)).toThrow(new IpcValidationError('chunk must be a string or bytes'));
    expect(() => validateChunk('x'.repeat(LIMITS.maxChunkLength + 1))).toThrow(
      new IpcValidationError('chunk is longer than 16777216 characters; write smaller chunks'),
    );
  });
});

describe('validateNoArguments', () => {
  it('accepts none and rejects any', () => {
    expect(() => validateNoArguments([])).not.toThrow();
    expect(() => validateNoArguments([undefined])).toThrow(new IpcValidationError('this call takes no arguments'));
  });
});

describe('validateSecretKey', () => {
  it('accepts printable keys, a server address and a Unicode user name included', () => {
    for (const key of [
      'a',
      'team-password:ana@https://couch.example.org:6984/project_1',
      'team-password:José Ñ@http://[::1]:5984/x',
      'k'.repeat(512),
    ]) {
      expect(validateSecretKey(key)).toBe(key);
    }
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['too long', 'k'.repeat(513)],
    ['a control character', 'a\u0000b'],
    ['a line break', 'a\nb'],
    ['an invisible formatting character', 'a\u202eb'],
    ['a lone surrogate', 'a\ud800b'],
  ])('refuses %s', (_label, value) => {
    expect(() => validateSecretKey(value)).toThrow(IpcValidationError);
  });
});

describe('validateSecretValue', () => {
  it('accepts any string up to 8 Ki characters, the empty one included', () => {
    expect(validateSecretValue('')).toBe('');
    expect(validateSecretValue('p\u00e4ss\nw\u0000rd 🔑')).toBe('p\u00e4ss\nw\u0000rd 🔑');
    expect(validateSecretValue('x'.repeat(8 * 1024))).toHaveLength(8 * 1024);
  });

  it('refuses other types and longer strings', () => {
    expect(() => validateSecretValue(null)).toThrow(IpcValidationError);
    expect(() => validateSecretValue(new Uint8Array(4))).toThrow(IpcValidationError);
    expect(() => validateSecretValue('x'.repeat(8 * 1024 + 1))).toThrow('a secret must be a string of at most 8192 characters');
  });
});
