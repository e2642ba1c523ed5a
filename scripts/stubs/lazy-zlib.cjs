/**
 * `zlib` for httpx (under pop-core), loaded on first use (esbuild plugin in scripts/build.ts).
 * httpx require()s zlib when it loads but uses it only to inflate a compressed answer, which
 * mPaaS does not send unasked; loading it at cold start costs about 1 ms of every start.
 */
'use strict';

let zlib;
const load = () => {
  zlib ??= require('node:zlib');
  return zlib;
};

module.exports = new Proxy(
  {},
  {
    get: (_target, key) => load()[key],
    has: (_target, key) => key in load(),
  },
);
