/**
 * A pass over the section headers only, made with the same rules as the SDK's `parseIni`, to say what
 * the SDK's parsed result cannot: which sections it silently dropped, merged or refused. The values
 * themselves always come from the SDK's own loader; this never decides what a profile contains.
 */

const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
// Copied from @smithy's parseIni so headers are read the way the SDK reads them.
const PREFIX_KEY = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const COMMENT = /(^|\s)[;#]/;
const BLOCKED = new Set(['__proto__', 'profile __proto__']);

export type IniFileRole = 'config' | 'credentials';

export interface IniSectionScan {
  /** Lines (1-based) of each key the SDK produces, e.g. `dev`, `sso-session.corp`, `services.local`. */
  sections: Map<string, number[]>;
  /** Headers the SDK reads in a way the author probably did not mean. */
  problems: { line: number; header: string; problem: 'ignored' | 'prefixed-in-credentials' | 'blocked' }[];
}

export function scanIniSections(text: string, role: IniFileRole): IniSectionScan {
  const sections = new Map<string, number[]>();
  const problems: IniSectionScan['problems'] = [];
  // Only a line whose first non-blank character is "[" can be a header: jump from "[" to "[" instead
  // of splitting the file into lines (a large SSO config is almost all `key = value`).
  let lineNumber = 1;
  let counted = 0;
  for (let bracket = text.indexOf('['); bracket !== -1;) {
    const lineStart = text.lastIndexOf('\n', bracket - 1) + 1;
    const newline = text.indexOf('\n', bracket);
    const lineEnd = newline === -1 ? text.length : newline;
    bracket = newline === -1 ? -1 : text.indexOf('[', newline);
    if (!/^[ \t]*$/.test(text.slice(lineStart, text.indexOf('[', lineStart)))) continue;
    for (let at = text.indexOf('\n', counted); at !== -1 && at < lineStart; at = text.indexOf('\n', at + 1)) {
      lineNumber += 1;
      counted = at + 1;
    }
    const line = (text.slice(lineStart, lineEnd).split(COMMENT)[0] ?? '').trim();
    if (line[0] !== '[' || line[line.length - 1] !== ']') continue;
    const header = line.slice(1, -1);
    if (BLOCKED.has(header)) {
      problems.push({ line: lineNumber, header, problem: 'blocked' });
      continue;
    }
    const key = sectionKey(header, role);
    if (key === undefined) {
      problems.push({ line: lineNumber, header, problem: 'ignored' });
      continue;
    }
    if (role === 'credentials' && key.startsWith('profile.')) {
      problems.push({ line: lineNumber, header, problem: 'prefixed-in-credentials' });
    }
    const lines = sections.get(key);
    if (lines) lines.push(lineNumber);
    else sections.set(key, [lineNumber]);
  }
  return { sections, problems };
}

/** The key the SDK stores a section under (after `getConfigData` for the config file), or undefined if dropped. */
function sectionKey(header: string, role: IniFileRole): string | undefined {
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
