import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Regular rw-r--r-- files, recorded as made on Unix so extractors honour the mode. */
const FILE_ATTRIBUTES = { os: 3, attrs: (0o100644 << 16) >>> 0 } as const;

/**
 * A zip of a workspace's files (deflated; fflate marks non-ASCII names UTF-8), every entry dated
 * `modified` in local time, as zip's MS-DOS timestamps are read. Same entries and time, same bytes.
 */
export function zipFiles(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    const data = typeof entry.content === 'string' ? strToU8(entry.content) : entry.content;
    files[entry.path] = [data, { ...FILE_ATTRIBUTES, mtime: modified }];
  }
  return zipSync(files);
}
