import { type FSWatcher, existsSync, unwatchFile, watch, watchFile } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Calls `onChange` (debounced) when either file is written, replaced, created or deleted.
 * Watches the directory, not the file: editors and tools save by renaming a new file over the old one,
 * which a watch on the old inode would miss. A directory that does not exist yet is polled instead.
 */
export function watchAwsConfigFiles(files: string[], onChange: () => void, debounceMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const closers: (() => void)[] = [];
  const byDirectory = new Map<string, Set<string>>();
  for (const file of new Set(files)) {
    const names = byDirectory.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDirectory.set(dirname(file), names);
  }
  for (const [directory, names] of byDirectory) {
    let watcher: FSWatcher | undefined;
    if (existsSync(directory)) {
      try {
        watcher = watch(directory, { persistent: false }, (_event, filename) => {
          if (filename === null || names.has(filename.toString())) fire();
        });
        watcher.on('error', () => undefined);
      } catch {
        watcher = undefined;
      }
    }
    if (watcher) {
      const active = watcher;
      closers.push(() => active.close());
      continue;
    }
    for (const name of names) {
      const path = join(directory, name);
      watchFile(path, { interval: 2000, persistent: false }, fire);
      closers.push(() => unwatchFile(path, fire));
    }
  }
  return () => {
    clearTimeout(timer);
    for (const close of closers) close();
  };
}
