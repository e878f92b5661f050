import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './measure';
import { allJsFiles, firstRouteFiles, gzippedSize, RENDERER_OUT } from './renderer-bundle';

const BAR_KB = 250;
const kb = (bytes: number) => bytes / 1024;

/**
 * The JavaScript the dashboard (the start page) needs before it can render, gzipped (bar ≤ 250 KB):
 * the entry chunk and its static imports from the build in out/renderer. Baseline: all of the
 * renderer's JavaScript, gzipped, from the same build — the ratio is the share the first route loads.
 * Deterministic for a given build: it reads files, it times nothing.
 */
export function benchFirstRouteJs(): Promise<Figure> {
  const first = firstRouteFiles();
  const all = allJsFiles();
  const missing = first.filter((file) => !all.includes(file));
  if (missing.length > 0) throw new Error(`the manifest names files the build lacks: ${missing.join(', ')}`);
  const gz = new Map(all.map((file) => [file, gzippedSize(file)]));
  const sum = (files: readonly string[]) => files.reduce((total, file) => total + (gz.get(file) ?? 0), 0);
  const raw = (files: readonly string[]) =>
    files.reduce((total, file) => total + statSync(join(RENDERER_OUT, file)).size, 0);
  const firstGz = kb(sum(first));
  const allGz = kb(sum(all));
  const lazy = all.filter((file) => !first.includes(file));
  const largestLazy = [...lazy].sort((a, b) => (gz.get(b) ?? 0) - (gz.get(a) ?? 0)).slice(0, 3);
  return Promise.resolve({
    name: 'First-route JavaScript, gzipped (the dashboard, before any page loads on demand)',
    value: firstGz,
    unit: 'KB',
    baselineName: 'of all renderer JavaScript, gzipped',
    baseline: allGz,
    ratio: firstGz / allGz,
    maxValue: BAR_KB,
    details: [
      `first route: ${first.length} files, ${firstGz.toFixed(1)} KB gzipped (${kb(raw(first)).toFixed(0)} KB minified) (bar ≤ ${BAR_KB} KB)`,
      ...first.map((file) => `  ${file}: ${kb(gz.get(file) ?? 0).toFixed(1)} KB`),
      `all renderer JS: ${all.length} files, ${allGz.toFixed(1)} KB gzipped (${kb(raw(all)).toFixed(0)} KB minified)`,
      `on demand: ${lazy.length} files; largest ${largestLazy.map((file) => `${file} ${kb(gz.get(file) ?? 0).toFixed(1)} KB`).join(', ')}`,
    ].join('\n      '),
  });
}
