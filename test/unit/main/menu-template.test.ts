import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../src-shared/bridge';
import { buildMenuTemplate } from '../../../src-main/menu-template';

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform, isPackaged, appName: 'Spanwright', sendCommand: (c) => sent.push(c) });
  return { template, sent };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (found === undefined) throw new Error(`no item ${label}`);
  return found;
}

/** Roles, labels and separators in order: a compact picture of a menu. */
function shape(items: MenuItemConstructorOptions[]): string[] {
  return items.map((entry) => entry.role ?? entry.label ?? entry.type ?? '?');
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      expect(shape(submenu(template, 'File'))).toEqual(['Import…', 'Export…', 'Restore from backup…', 'separator', 'quit']);
    }
  });

  it('puts the app menu first on macOS, with Close in File and a Window menu', () => {
    const { template } = build('darwin');
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['Spanwright', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(shape(submenu(template, 'Spanwright'))).toEqual([
      'About Spanwright',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(shape(submenu(template, 'File'))).toEqual(['Import…', 'Export…', 'Restore from backup…', 'separator', 'close']);
  });

  it('shows shortcuts for renderer commands without registering them', () => {
    const { template } = build('linux');
    const file = submenu(template, 'File');
    const edit = submenu(template, 'Edit');
    expect(item(file, 'Import…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(item(file, 'Export…')).toMatchObject({ accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    expect(item(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(item(edit, 'Redo')).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
  });

  it('keeps clipboard editing as native roles', () => {
    const { template } = build('win32');
    expect(shape(submenu(template, 'Edit'))).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('sends each renderer command when clicked', () => {
    const { template, sent } = build('linux');
    click(item(submenu(template, 'File'), 'Import…'));
    click(item(submenu(template, 'File'), 'Export…'));
    click(item(submenu(template, 'File'), 'Restore from backup…'));
    click(item(submenu(template, 'Edit'), 'Undo'));
    click(item(submenu(template, 'Edit'), 'Redo'));
    click(item(submenu(template, 'Help'), 'About Spanwright'));
    expect(sent).toEqual(['import', 'export', 'restore-backup', 'undo', 'redo', 'about']);
  });

  it('sends about from the macOS app menu too', () => {
    const { template, sent } = build('darwin');
    click(item(submenu(template, 'Spanwright'), 'About Spanwright'));
    expect(sent).toEqual(['about']);
  });

  it('offers developer tools only in development, and never reload', () => {
    const packaged = shape(submenu(build('linux', true).template, 'View'));
    const development = shape(submenu(build('linux', false).template, 'View'));
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(development).toEqual(['toggleDevTools', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(development).not.toContain('reload');
    expect(development).not.toContain('forceReload');
  });
});
