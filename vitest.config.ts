import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'infra/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The SDK versions are pinned on purpose (NOTES.md); its Node 22 notice repeats in every test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
