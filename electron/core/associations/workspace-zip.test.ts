import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipFiles } from './workspace-zip';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Python's zipfile is an independent reader that checks CRCs and sizes; it is on every test machine.
function readWithPython(zipFile: string): { name: string; text: string; date: number[] }[] {
  const script =
    'import json,sys,zipfile\n' +
    'z=zipfile.ZipFile(sys.argv[1])\n' +
    'assert z.testzip() is None\n' +
    'print(json.dumps([{"name":i.filename,"text":z.read(i).decode("utf-8"),"date":list(i.date_time)} for i in z.infolist()]))';
  const result = spawnSync('python3', ['-c', script, zipFile], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read the zip: ${result.stderr}`);
  return JSON.parse(result.stdout) as { name: string; text: string; date: number[] }[];
}

describe('zipFiles', () => {
  it('writes a zip another implementation reads back byte for byte, CRCs checked', () => {
    const entries = [
      { path: 'aws-123456789012/main.tf', content: 'module "x" {}\n' },
      { path: 'aws-123456789012/README.md', content: 'é 😀 — utf-8\n' },
      { path: 'empty.txt', content: '' },
    ];
    const file = join(dir, 'out.zip');
    // Zip's MS-DOS timestamps hold local time, as unzip and Python read them.
    writeFileSync(file, zipFiles(entries, new Date(2024, 4, 6, 7, 8, 10)));
    const read = readWithPython(file);
    expect(read.map(({ name, text }) => ({ path: name, content: text }))).toEqual(entries);
    expect(read[0]!.date).toEqual([2024, 5, 6, 7, 8, 10]);
  });

  it('is deterministic for the same entries and time', () => {
    const entries = [{ path: 'a.txt', content: 'a' }];
    const when = new Date('2020-01-01T00:00:00Z');
    expect(Buffer.from(zipFiles(entries, when)).equals(Buffer.from(zipFiles(entries, when)))).toBe(true);
  });

  it('unzips with the system unzip tool when it is installed', () => {
    const probe = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      console.warn('SKIPPED unzip cross-check: unzip is not installed');
      return;
    }
    const file = join(dir, 'out.zip');
    const modified = new Date(2023, 10, 12, 13, 14, 16);
    writeFileSync(file, zipFiles([{ path: 'ws/main.tf', content: 'x = "1"\n' }], modified));
    expect(spawnSync('unzip', ['-q', file, '-d', join(dir, 'x')]).status).toBe(0);
    expect(readFileSync(join(dir, 'x', 'ws', 'main.tf'), 'utf8')).toBe('x = "1"\n');
    // The extracted file keeps the entry's time and is a regular rw-r--r-- file.
    const extracted = statSync(join(dir, 'x', 'ws', 'main.tf'));
    expect(extracted.mtime.getTime()).toBe(modified.getTime());
    expect(extracted.mode & 0o777).toBe(0o644);
  });
});
