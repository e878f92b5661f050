/** gcloud's property files as sections of key → value: `[core]\naccount = a@b.c` → core.account. */
export type GcloudProperties = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Reads gcloud's configuration files, which Python's configparser writes: `[section]`, `key = value`
 * or `key: value`, `#`/`;` comment lines, indented continuation lines. Written by hand because no
 * maintained npm package follows configparser's rules and these files are small and simple.
 */
export function parseGcloudProperties(text: string): GcloudProperties {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let lastKey: string | undefined;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(rawLine)) continue;
    const header = /^\[([^\]]+)\]\s*$/.exec(rawLine.trim());
    if (header?.[1] !== undefined && !/^\s/.test(rawLine)) {
      const name = header[1].trim();
      section = sections.get(name) ?? new Map<string, string>();
      sections.set(name, section);
      lastKey = undefined;
      continue;
    }
    if (/^\s/.test(rawLine) && section && lastKey !== undefined) {
      section.set(lastKey, `${section.get(lastKey) ?? ''}\n${rawLine.trim()}`.trim());
      continue;
    }
    const separator = rawLine.search(/[=:]/);
    if (!section || separator <= 0) continue;
    // configparser lower-cases keys; values keep their case.
    lastKey = rawLine.slice(0, separator).trim().toLowerCase();
    section.set(lastKey, rawLine.slice(separator + 1).trim());
  }
  return sections;
}

/** A property's value, or undefined when it is missing or empty (gcloud treats both as unset). */
export function gcloudProperty(properties: GcloudProperties, section: string, key: string): string | undefined {
  const value = properties.get(section)?.get(key);
  return value === undefined || value === '' ? undefined : value;
}
