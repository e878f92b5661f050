import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputStream } from './parse-terraform-line';
import { RunOutputTail, runFiles } from './run-output-tail';

let dir: string;
let lines: [OutputStream, string][];
const collect = (line: string, stream: OutputStream): void => void lines.push([stream, line]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-tail-'));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('RunOutputTail', () => {
  it('reads each byte of the output once, whatever the number of polls', () => {
    const files = runFiles(dir);
    const tail = new RunOutputTail(dir, collect);
    tail.readAvailable(); // The files do not exist yet: nothing, and no error.
    writeFileSync(files.stdout, '{"a":1}\n{"b":');
    writeFileSync(files.stderr, 'warning\n');
    tail.readAvailable();
    tail.readAvailable();
    appendFileSync(files.stdout, '2}\n');
    tail.readAvailable();
    tail.readAvailable();
    tail.finish();
    expect(lines).toEqual([
      ['stdout', '{"a":1}'],
      ['stderr', 'warning'],
      ['stdout', '{"b":2}'],
    ]);
    expect(tail.counts.bytesRead).toBe(statSync(files.stdout).size + statSync(files.stderr).size);
    // Saved only when a poll found something: two of the six (finish polls once more).
    expect(tail.counts.offsetSaves).toBe(2);
  });

  it('keeps no place for a step no restart takes up: no offsets file, the same lines', () => {
    const files = runFiles(dir);
    writeFileSync(files.stdout, '{"a":1}\n');
    writeFileSync(files.offsets, `${'7'.padStart(16, '0')} ${'0'.padStart(16, '0')}\n`);
    const tail = new RunOutputTail(dir, collect, false);
    tail.readAvailable();
    appendFileSync(files.stdout, '{"b":2}\n');
    tail.finish();
    // A stale offsets file is not read either: the step is followed from its first byte.
    expect(lines).toEqual([
      ['stdout', '{"a":1}'],
      ['stdout', '{"b":2}'],
    ]);
    expect(tail.counts.offsetSaves).toBe(0);
    rmSync(files.offsets);
    const fresh = new RunOutputTail(dir, collect, false);
    fresh.readAvailable();
    fresh.finish();
    expect(readdirSync(dir).sort()).toEqual(['stdout']);
  });

  it('tells step-end lines from output: they end a step (its last line cut short or not) and are never lines', () => {
    const files = runFiles(dir);
    const ends: [OutputStream, number][] = [];
    const tail = new RunOutputTail(dir, collect, false, (stream, status) => void ends.push([stream, status]));
    writeFileSync(files.stdout, '{"a":1}\n\u001e0\nno newline\u001e2\n');
    // Not a step end: a record separator without a status, and one followed by text.
    writeFileSync(files.stderr, 'odd \u001e\nodder \u001eyes\n\u001e0\n');
    tail.finish();
    expect(lines).toEqual([
      ['stdout', '{"a":1}'],
      ['stdout', 'no newline'],
      ['stderr', 'odd \u001e'],
      ['stderr', 'odder \u001eyes'],
    ]);
    expect(ends).toEqual([
      ['stdout', 0],
      ['stdout', 2],
      ['stderr', 0],
    ]);
  });

  it('closes the files it keeps open even when delivering the last line throws', () => {
    const openFiles = (): number => readdirSync('/proc/self/fd').length;
    const files = runFiles(dir);
    writeFileSync(files.stdout, '{"a":1}\nunterminated');
    const before = openFiles();
    const tail = new RunOutputTail(dir, (line) => {
      if (line === 'unterminated') throw new Error('the store is closed');
    });
    tail.readAvailable();
    expect(openFiles()).toBeGreaterThan(before);
    expect(() => tail.finish()).toThrow('the store is closed');
    expect(openFiles()).toBe(before);
  });

  it('keeps following when another Liaison removed the step directory, without throwing from a poll', () => {
    const stepDir = join(dir, 'step');
    const files = runFiles(stepDir);
    mkdirSync(stepDir);
    writeFileSync(files.stdout, '');
    const tail = new RunOutputTail(stepDir, collect);
    tail.readAvailable(); // Opens the output file; nothing to read, so no offsets saved yet.
    appendFileSync(files.stdout, '{"a":1}\n{"b":2}\n');
    rmSync(stepDir, { recursive: true, force: true });
    expect(() => tail.readAvailable()).not.toThrow();
    expect(() => tail.finish()).not.toThrow();
    expect(lines).toEqual([
      ['stdout', '{"a":1}'],
      ['stdout', '{"b":2}'],
    ]);
  });

  it('delivers a UTF-8 character split between two polls intact', () => {
    const files = runFiles(dir);
    const tail = new RunOutputTail(dir, collect);
    const text = Buffer.from('{"@message":"café ✓"}\n');
    const cut = text.indexOf(Buffer.from('é')) + 1; // inside the two bytes of é
    writeFileSync(files.stdout, text.subarray(0, cut));
    tail.readAvailable();
    appendFileSync(files.stdout, text.subarray(cut));
    tail.finish();
    expect(lines).toEqual([['stdout', '{"@message":"café ✓"}']]);
  });

  it('lets a restarted tail carry on after the last complete line, without reading it again', () => {
    const files = runFiles(dir);
    writeFileSync(files.stdout, 'one\ntwo\nthr');
    const first = new RunOutputTail(dir, collect);
    first.readAvailable();
    // Liaison dies here (no finish): the next one starts from the saved offsets.
    appendFileSync(files.stdout, 'ee\nfour\n');
    const second = new RunOutputTail(dir, collect);
    second.finish();
    expect(lines.map(([, line]) => line)).toEqual(['one', 'two', 'three', 'four']);
    expect(second.counts.bytesRead).toBe(Buffer.byteLength('three\nfour\n'));
    expect(readFileSync(files.offsets, 'utf8')).toMatch(/^0*19 0*0\n$/);
  });

  it('reads the offsets an earlier Liaison saved in the short format', () => {
    const files = runFiles(dir);
    writeFileSync(files.stdout, 'old\nnew\n');
    writeFileSync(files.offsets, '4 0');
    const tail = new RunOutputTail(dir, collect);
    tail.finish();
    expect(lines).toEqual([['stdout', 'new']]);
    expect(readFileSync(files.offsets, 'utf8')).toMatch(/^0*8 0*0\n$/);
  });
});
