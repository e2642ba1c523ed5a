/**
 * Stands in for `ali-oss`, `axios` and `ws` in the function bundles (esbuild `alias` in
 * scripts/build.ts). `@alicloud/fc2` require()s them when it loads, but uses them only for OSS
 * code uploads and instance exec over WebSocket, which the functions never call; bundling them
 * would add their whole dependency trees to every function that invokes another one.
 *
 * Whatever touches the stub (a call, `new`, or a property such as `axios.get`) fails loudly
 * instead of misbehaving quietly.
 */
'use strict';

function unused() {
  throw new Error(
    'ali-oss, axios and ws are not bundled: the code path that needs them is unused (see scripts/stubs/unused-dependency.cjs)',
  );
}

module.exports = new Proxy(unused, {
  // Interop probes (`__esModule`, symbols) must not look like an ES module or a thenable.
  get(target, key) {
    if (typeof key === 'symbol' || key === '__esModule' || key === 'then') return undefined;
    if (key in target) return target[key];
    return unused;
  },
});
