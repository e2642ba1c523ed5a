/**
 * The architecture of lib/, checked by `npm run lint` (dependency-cruiser): a push request flows
 * one way, adapt → validate → plan → send → report, and only lib/handler/ (the top) composes the
 * stages and writes invocation state. A module may import its own stage, an earlier one, or
 * lib/shared/ (the floor: errors, logs, FC's context types); never a later stage or the top.
 */
const STAGES = ['shared', 'adapt', 'validate', 'plan', 'send', 'report', 'handler'];

const layerRules = STAGES.slice(0, -1).map((stage, rank) => ({
  name: `no-upward-import-from-${stage}`,
  comment: `lib/${stage}/ may import only ${STAGES.slice(0, rank + 1).join(', ')}: data flows one way.`,
  severity: 'error',
  from: { path: `^lib/${stage}/` },
  to: { path: `^lib/(${STAGES.slice(rank + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle hides which module owns a behaviour.',
      severity: 'error',
      from: { path: '^(lib|functions)/' },
      to: { circular: true },
    },
    {
      name: 'no-loose-lib-module',
      comment: 'Every module of lib/ belongs to a stage folder, so the layout is the architecture.',
      severity: 'error',
      from: { path: '^lib/[^/]+$' },
      to: {},
    },
    ...layerRules,
    {
      name: 'functions-use-handlers-only',
      comment:
        'A function is a thin handler: it composes lib/handler/ and the adapter of its trigger.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^lib/', pathNot: '^lib/(handler|adapt)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: { path: '^(lib|functions)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test|local|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
