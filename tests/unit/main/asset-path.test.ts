import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolder, resolveAppAsset } from '../../../main/app/asset-path';

const root = mkdtempSync(join(tmpdir(), 'sw-assets-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), '');
writeFileSync(join(root, 'secret.txt'), 'secret');
symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));

describe('the app:// traversal guard', () => {
  it('serves files inside the renderer folder with their type', () => {
    expect(resolveAppAsset(rendererDir, 'app://workbench/')).toMatchObject({ ok: true, mime: 'text/html; charset=utf-8' });
    expect(resolveAppAsset(rendererDir, 'app://workbench/assets/app.js')).toMatchObject({ ok: true, mime: 'text/javascript; charset=utf-8' });
  });

  it.each([
    ['app://workbench/../secret.txt'],
    ['app://workbench/%2e%2e/secret.txt'],
    ['app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['app://workbench/assets/..%2f..%2fsecret.txt'],
    ['app://workbench/assets/link.js'],
    ['app://other-host/index.html'],
    ['file:///etc/passwd'],
  ])('refuses %s', (url) => {
    const result = resolveAppAsset(rendererDir, url);
    expect(result.ok).toBe(false);
  });

  it('refuses NUL bytes, backslashes and malformed escapes', () => {
    expect(resolveAppAsset(rendererDir, 'app://workbench/index.html%00.js')).toEqual({ ok: false, status: 400 });
    expect(resolveAppAsset(rendererDir, 'app://workbench/assets%5c..%5c..%5csecret.txt')).toEqual({ ok: false, status: 400 });
    expect(resolveAppAsset(rendererDir, 'app://workbench/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveAppAsset(rendererDir, 'app://workbench/missing.js')).toEqual({ ok: false, status: 404 });
  });

  it('answers 404 for a folder, with or without a trailing slash, instead of handing the handler a directory', () => {
    expect(resolveAppAsset(rendererDir, 'app://workbench/assets')).toEqual({ ok: false, status: 404 });
    expect(resolveAppAsset(rendererDir, 'app://workbench/assets/')).toEqual({ ok: false, status: 404 });
  });
});

describe('isInsideFolder, which also tells untitled scenarios from named ones', () => {
  it('takes files below the folder and nothing beside, above or equal to it', () => {
    expect(isInsideFolder('/data/untitled', '/data/untitled/a.scenario')).toBe(true);
    expect(isInsideFolder('/data/untitled/', '/data/untitled/damaged/a.scenario')).toBe(true);
    expect(isInsideFolder('/data/untitled', '/data/untitled/..a.scenario')).toBe(true);
    expect(isInsideFolder('/data/untitled', '/data/untitled')).toBe(false);
    expect(isInsideFolder('/data/untitled', '/data/untitled-old/a.scenario')).toBe(false);
    expect(isInsideFolder('/data/untitled', '/data/untitled/../a.scenario')).toBe(false);
    expect(isInsideFolder('/data/untitled', '/elsewhere/a.scenario')).toBe(false);
  });

  it('on Windows: backslashes, either case, and another drive', () => {
    const root = 'C:\\Users\\aiko\\AppData\\Roaming\\Scenario Workbench\\untitled';
    expect(isInsideFolder(root, `${root}\\a.scenario`, win32)).toBe(true);
    expect(isInsideFolder(root, 'c:\\users\\AIKO\\appdata\\roaming\\scenario workbench\\UNTITLED\\a.scenario', win32)).toBe(true);
    expect(isInsideFolder(root, `${root}-old\\a.scenario`, win32)).toBe(false);
    expect(isInsideFolder(root, 'D:\\Users\\aiko\\AppData\\Roaming\\Scenario Workbench\\untitled\\a.scenario', win32)).toBe(false);
  });
});
