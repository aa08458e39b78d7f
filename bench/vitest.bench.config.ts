import { defineConfig } from 'vitest/config'

// The in-process A/B benchmarks (bench/*.test.ts): run on demand, never in `npm test`.
export default defineConfig({
  test: { include: ['bench/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 300_000, maxWorkers: 1 },
})
