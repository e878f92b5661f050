import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What `electron-vite build` writes for the renderer: the app's pages, as the web host and Electron serve them. */
export const RENDERER_OUT = resolve(import.meta.dirname, '../../out/renderer');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  const path = join(RENDERER_OUT, '.vite/manifest.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  } catch (error) {
    throw new Error(`No build manifest at ${path}: run \`npx electron-vite build\` first.`, { cause: error });
  }
}

/**
 * The JavaScript the start page (the dashboard) loads before any page on demand: the entry chunk and
 * its static imports, transitively (Vite's manifest `imports`; `dynamicImports` load later).
 */
export function firstRouteFiles(): string[] {
  const manifest = readManifest();
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one renderer entry, found ${entries.length}`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entries[0]![0]);
  return [...[...seen].map((key) => manifest[key]!.file), ...classicScripts()].sort();
}

/** The scripts index.html loads as they are (from `renderer/public`, not bundled): early-events.js. */
function classicScripts(): string[] {
  const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
  return [...html.matchAll(/<script src="\.\/([^"]+\.js)"><\/script>/g)].map((match) => match[1]!);
}

/** Every JavaScript file the renderer build emitted, relative to RENDERER_OUT. */
export function allJsFiles(): string[] {
  return [
    ...readdirSync(join(RENDERER_OUT, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `assets/${name}`),
    ...classicScripts(),
  ].sort();
}

/** Bytes after gzip at zlib's default level (6), what `gzip` and typical servers send. */
export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(join(RENDERER_OUT, file))).length;
}
