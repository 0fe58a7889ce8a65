import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This folder on disk. Under a browser-like test environment (jsdom) import.meta.url is not a file URL;
 * the project root is then the working directory.
 */
export function lambdaDir(): string {
  const url = import.meta.url;
  return url.startsWith('file:') ? dirname(fileURLToPath(url)) : resolve(process.cwd(), 'emulator/services/lambda');
}
