/**
 * The layer graph of src/ (README "Architecture"), enforced by `make lint` (dependency-cruiser).
 *
 *   container.ts (composition root), server.ts, app.ts  →  handlers  →  services  →  data, clients  →  domain
 *   http/ (middleware) sits beside handlers; errors.ts, config.ts, logger.ts, api-types.ts are shared leaves.
 *
 * .dependency-cruiser-known-violations.json is the baseline of accepted violations: it is empty, and
 * anything new fails.
 */
const layer = (name) => `(^|/)src/${name}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure logic: it imports only domain/ and the shared leaves, never a driver or another layer',
      severity: 'error',
      from: { path: layer('domain') },
      // generated/src/enums.ts: the contract's enum values, generated and dependency-free
      to: {
        pathNot: [layer('domain'), '(^|/)src/(errors|api-types)\\.ts$', '^generated/src/enums\\.ts$', '^node:'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-imports-no-driver',
      comment: 'domain/ never sees MongoDB types, not even as types',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: '(^|/)node_modules/(mongodb|bson)/' },
    },
    {
      name: 'only-data-speaks-mongodb',
      comment: 'the MongoDB driver (and its types) is used only in src/data/ (repositories and migrations)',
      severity: 'error',
      from: { path: '(^|/)src/', pathNot: [layer('data')] },
      to: { path: '(^|/)node_modules/(mongodb|bson)/' },
    },
    {
      name: 'data-does-not-import-up',
      severity: 'error',
      from: { path: layer('data') },
      to: { path: [layer('services'), layer('handlers'), layer('http'), layer('clients'), '(^|/)src/app\\.ts$'] },
    },
    {
      name: 'clients-do-not-import-up',
      severity: 'error',
      from: { path: layer('clients') },
      to: { path: [layer('services'), layer('handlers'), layer('http'), layer('data'), '(^|/)src/app\\.ts$'] },
    },
    {
      name: 'services-do-not-import-up',
      comment: 'services hold the business rules and know nothing of HTTP',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: [layer('handlers'), layer('http'), '(^|/)src/app\\.ts$'] },
    },
    {
      name: 'handlers-do-not-touch-data',
      comment: 'handlers parse, call a service and present; storage is the services’ business',
      severity: 'error',
      from: { path: layer('handlers') },
      to: { path: [layer('data'), layer('clients')], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '(^|/)src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
