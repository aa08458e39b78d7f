// The import rules between feature modules (docs/decisions/021-module-boundaries.md).
// `npm test` runs `depcruise` with this file; a violation fails the run.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-public-face',
      comment:
        'A module is used only through its index.ts: nothing outside src/modules/<m>/ imports another of its files.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'module-public-face-from-outside',
      comment:
        'The composition root, platform, e2e tests and scripts use a module only through its index.ts.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index\\.ts|testing/.*)$' },
    },
    {
      name: 'module-testing-only-in-tests',
      comment: "A module's testing/ helpers are for tests, never for production code.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.tsx?$', '/testing/'] },
      to: { path: '^src/modules/[^/]+/testing/' },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'platform/ sits below every module and knows none of them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules/|app\\.ts|schema\\.ts|commands\\.ts)' },
    },
    {
      name: 'modules-do-not-import-the-root',
      comment: 'Modules get what they need passed in; they never import the composition root.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/[^/]+\\.tsx?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
