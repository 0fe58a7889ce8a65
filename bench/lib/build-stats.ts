import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  /** Path as the browser asks for it, e.g. /assets/dashboard-page-abc123.js */
  path: string;
  bytes: number;
  gzip: number;
}

/** Every JS file of the build with its raw and gzip size (zlib level 9, as a server would precompress). */
export function jsAssetSizes(buildDir: string): Map<string, AssetSize> {
  const sizes = new Map<string, AssetSize>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js')) {
        const content = readFileSync(full);
        const path = '/' + relative(buildDir, full).split('\\').join('/');
        sizes.set(path, { path, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length });
      }
    }
  };
  walk(buildDir);
  return sizes;
}

/** The page's own lazy chunk(s): assets/<chunk>-<hash>.js */
export function pageChunks(sizes: Map<string, AssetSize>, chunk: string): AssetSize[] {
  const pattern = new RegExp(`^/assets/${chunk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[\\w-]+\\.js$`);
  return [...sizes.values()].filter((s) => pattern.test(s.path));
}
