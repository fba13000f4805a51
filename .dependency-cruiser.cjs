// The boundaries of the module kit, checked by src/test/boundaries.test.ts (npm test) and by
// `npx depcruise src web/src contracts --config .dependency-cruiser.cjs`.
// Type-only imports count too: a type import still ties the importer to the other side.
// A module's scope-cases.ts is test code too (run by src/test/scope.test.ts).
const TESTS = '(\\.test\\.ts|/test-support\\.ts|/scope-cases\\.ts)$';
const MODULE_TESTS = '^src/modules/([^/]+)/(.*\\.test\\.ts|test-support\\.ts|.*/test-support\\.ts|scope-cases\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-modules',
      comment: 'The kit knows no module: core reads what modules declare from the registry, filled by platform.ts.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/modules/|src/seed/|src/platform\\.ts$|src/app\\.ts$)' },
    },
    {
      name: 'web-not-to-server',
      comment: 'The web app shares only contracts/ with the server; anything under src/ is server code.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
    {
      name: 'contracts-are-leaves',
      comment: 'Both sides import contracts/, so it imports nothing but itself and zod.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { pathNot: '^(contracts/|node_modules/zod/)' },
    },
    {
      name: 'module-via-index',
      comment: "A module uses another only through that module's index.ts (its public face).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-via-index',
      comment: "A module's tests may also use another module's test-support.ts.",
      severity: 'error',
      from: { path: MODULE_TESTS },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|test-support)\\.ts$'] },
    },
    {
      name: 'scope-cases-lazily',
      comment: "A module's scope cases are test code: its manifest names them with import(), which only the scope test calls.",
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: '/scope-cases\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'migrations-not-to-modules',
      comment: 'A migration is frozen when it lands: it must not change when module code does.',
      severity: 'error',
      from: { path: '^src/migrations/' },
      to: { path: '^src/(modules|seed)/' },
    },
    {
      name: 'resolvable',
      comment: 'An import the cruise cannot resolve would hide its target from every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
