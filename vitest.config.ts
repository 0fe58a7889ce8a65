import { defineConfig } from 'vitest/config';

// Projects, so each side runs alone: `vitest run --project console` (src/), `emulator` or `tools` (bench/ and infra/).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The SDK versions are pinned on purpose (Node 22 is required only after January 2027); its notice repeats in every test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'console', include: ['src/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'emulator', include: ['emulator/**/*.test.ts'] } },
      { extends: true, test: { name: 'tools', include: ['bench/**/*.test.ts', 'infra/**/*.test.ts'] } },
    ],
  },
});
