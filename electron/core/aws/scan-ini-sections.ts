/**
 * A pass over the section headers only, made with the same rules as the SDK's `parseIni`, to say what
 * the SDK's parsed result cannot: which sections it silently dropped, merged or refused. The values
 * themselves always come from the SDK's own loader; this never decides what a profile contains.
 */

const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
// Copied from @smithy's parseIni so headers are read the way the SDK reads them.
const PREFIX_KEY = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const COMMENT = /(^|\s)[;#]/;
const SIMPLE_PROFILE = /^profile [\w\-@+.%:/]+$/;
const BLOCKED = new Set(['__proto__', 'profile __proto__']);

export type IniFileRole = 'config' | 'credentials';

export interface IniSectionScan {
  /** Keys the SDK produces from more than one section (e.g. `dev`, `sso-session.corp`), with each section's line (1-based). */
  duplicates: Map<string, number[]>;
  /** Headers the SDK reads in a way the author probably did not mean. */
  problems: { line: number; header: string; problem: 'ignored' | 'prefixed-in-credentials' | 'blocked' }[];
}

/**
 * Runs on every listing of files that can hold thousands of sections, so it keeps what it must do per
 * header small: it jumps from "[" to "[" instead of splitting lines, remembers each key's offset, and
 * turns offsets into line numbers only for the few headers it reports.
 */
export function scanIniSections(text: string, role: IniFileRole): IniSectionScan {
  const firstOffset = new Map<string, number>();
  const duplicateOffsets = new Map<string, number[]>();
  const problemOffsets: { offset: number; header: string; problem: IniSectionScan['problems'][number]['problem'] }[] =
    [];
  for (let bracket = text.indexOf('['); bracket !== -1;) {
    const lineStart = text.lastIndexOf('\n', bracket - 1) + 1;
    const newline = text.indexOf('\n', bracket);
    const lineEnd = newline === -1 ? text.length : newline;
    const next = newline === -1 ? -1 : text.indexOf('[', newline);
    const header = headerAt(text, lineStart, bracket, lineEnd);
    bracket = next;
    if (header === undefined) continue;
    if (BLOCKED.has(header)) {
      problemOffsets.push({ offset: lineStart, header, problem: 'blocked' });
      continue;
    }
    const key = sectionKey(header, role);
    if (key === undefined) {
      problemOffsets.push({ offset: lineStart, header, problem: 'ignored' });
      continue;
    }
    if (role === 'credentials' && key.startsWith('profile.')) {
      problemOffsets.push({ offset: lineStart, header, problem: 'prefixed-in-credentials' });
    }
    const first = firstOffset.get(key);
    if (first === undefined) {
      firstOffset.set(key, lineStart);
      continue;
    }
    const offsets = duplicateOffsets.get(key);
    if (offsets) offsets.push(lineStart);
    else duplicateOffsets.set(key, [first, lineStart]);
  }
  const lineOf = lineNumbers(text, [
    ...problemOffsets.map((problem) => problem.offset),
    ...[...duplicateOffsets.values()].flat(),
  ]);
  return {
    duplicates: new Map(
      [...duplicateOffsets].map(([key, offsets]) => [key, offsets.map((offset) => lineOf.get(offset) ?? 0)]),
    ),
    problems: problemOffsets.map(({ offset, header, problem }) => ({ line: lineOf.get(offset) ?? 0, header, problem })),
  };
}

/** The header on the line from `lineStart` whose first "[" is at `bracket`, or undefined when it is not one. */
function headerAt(text: string, lineStart: number, bracket: number, lineEnd: number): string | undefined {
  // Only a line whose first non-blank character is "[" can be a header.
  for (let at = lineStart; at < bracket; at += 1) {
    const char = text.charCodeAt(at);
    if (char !== 0x20 && char !== 0x09) return undefined;
  }
  let line = text.slice(lineStart, lineEnd);
  if (line.includes(';') || line.includes('#')) {
    const comment = COMMENT.exec(line);
    if (comment) line = line.slice(0, comment.index);
  }
  line = line.trim();
  if (line[0] !== '[' || line[line.length - 1] !== ']') return undefined;
  return line.slice(1, -1);
}

/** 1-based line numbers of the given offsets (each the start of a line), counted in one pass. */
function lineNumbers(text: string, offsets: number[]): Map<number, number> {
  const lines = new Map<number, number>();
  if (offsets.length === 0) return lines;
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let line = 1;
  let counted = 0;
  for (const offset of sorted) {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
      line += 1;
      counted = at + 1;
    }
    lines.set(offset, line);
  }
  return lines;
}

/** The key the SDK stores a section under (after `getConfigData` for the config file), or undefined if dropped. */
function sectionKey(header: string, role: IniFileRole): string | undefined {
  // Nearly every header of a large file is `profile NAME`: the same answer as below, without a match array.
  if (SIMPLE_PROFILE.test(header))
    return role === 'config' ? header.slice('profile '.length) : header.replace(' ', '.');
  const match = PREFIX_KEY.exec(header);
  let key: string | undefined;
  if (match) {
    const [, prefix = '', , name = ''] = match;
    key = SECTION_TYPES.has(prefix) ? `${prefix}.${name}` : undefined;
  } else {
    key = header;
  }
  if (key === undefined || role === 'credentials') return key;
  if (key === 'default') return key;
  const dot = key.indexOf('.');
  if (dot === -1 || !SECTION_TYPES.has(key.slice(0, dot))) return undefined;
  return key.startsWith('profile.') ? key.slice('profile.'.length) : key;
}
