import { describe, expect, it } from 'vitest';
import { baseName, exportFileName, extensionOf, fileDate, fileNamePart, isWindowsDeviceName } from '../../../src-shared/formats/file-names';
import { exportFileName as appExportFileName } from '../../../src-renderer/src/app/export-documents';

describe('file names', () => {
  it('reads the last path part and the extension', () => {
    expect(baseName('a/b\\c.JSONL')).toBe('c.JSONL');
    expect(extensionOf('c.JSONL')).toBe('jsonl');
  });

  it('makes any text a safe file-name part, keeping letters of every script', () => {
    expect(fileNamePart('News: 2026/12 “pilot”', 'x')).toBe('News-2026-12-pilot');
    expect(fileNamePart('Ana Ruiz (you)', 'x')).toBe('Ana-Ruiz-you');
    expect(fileNamePart('北京 新闻', 'x')).toBe('北京-新闻');
    expect(fileNamePart('../..', 'fallback')).toBe('fallback');
    expect(fileNamePart('a'.repeat(100), 'x')).toHaveLength(60);
  });

  it('names an export by project, annotator and local date', () => {
    const date = new Date(2026, 11, 2, 23, 59);
    expect(fileDate(date)).toBe('2026-12-02');
    expect(exportFileName({ project: 'Harbour news', annotator: 'Ana Ruiz', date, format: 'doccano', extension: 'jsonl' })).toBe(
      'Harbour-news_Ana-Ruiz_2026-12-02.doccano.jsonl',
    );
  });

  it('the app names whose annotations an export holds: a name, Gold or all annotators; zips for brat and splits', () => {
    const date = new Date(2026, 0, 5);
    const names = new Map([['me', 'Rita']]);
    const mine = { annotators: ['me'], primary: 'me', names };
    expect(appExportFileName('News', { format: 'spanwright', split: null, selection: mine }, date)).toBe(
      'News_Rita_2026-01-05.spanwright.jsonl',
    );
    expect(
      appExportFileName('News', { format: 'brat', split: null, selection: { annotators: ['gold'], primary: 'gold', names } }, date),
    ).toBe('News_Gold_2026-01-05.brat.zip');
    expect(
      appExportFileName('News', { format: 'doccano', split: null, selection: { annotators: 'all', primary: 'me', names } }, date),
    ).toBe('News_all-annotators_2026-01-05.doccano.jsonl');
  });
});

describe('isWindowsDeviceName', () => {
  it.each([
    'CON',
    'con',
    'Nul',
    'PRN.txt',
    'aux.tar.gz',
    'COM1',
    'com9.js',
    'LPT0',
    'lpt¹',
    'COM³.log',
    'CONIN$',
    'conout$.txt',
    'nul .js',
    'NUL  ',
  ])('knows %s is a device', (name) => expect(isWindowsDeviceName(name)).toBe(true));

  it.each(['console', 'con-1.js', 'COM10', 'lpt', 'nullable.txt', 'auxiliary', '.con', 'a.con', 'CONIN', ''])(
    'knows %s is a file name',
    (name) => expect(isWindowsDeviceName(name)).toBe(false),
  );
});
