import { defineConfig } from 'vitest/config'

// JSX needs no setting here: Vite's transform (oxc) takes `jsx` and `jsxImportSource` from
// tsconfig.json.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
})
