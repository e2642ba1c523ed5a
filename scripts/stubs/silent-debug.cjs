/**
 * Stands in for the `debug` package in the function bundles (esbuild `alias` in scripts/build.ts).
 * httpx (under pop-core), @alicloud/fc2 and ioredis log through it when `DEBUG` names them:
 * request lines and headers, which carry signatures and tokens, written straight to stderr past
 * the functions' redacting logger. In the bundles every such logger is off for good, and loading
 * `debug` no longer loads `tty` and `supports-color` at cold start.
 *
 * The shape is `debug`'s own: a factory whose loggers are functions with `enabled`, `namespace`,
 * `extend`, `log` and `destroy`, and `.default` for the TypeScript interop ioredis compiles to.
 */
'use strict';

function createDebug(namespace) {
  function log() {}
  log.enabled = false;
  log.namespace = namespace;
  log.useColors = false;
  log.color = '';
  log.diff = 0;
  log.log = log;
  log.destroy = () => false;
  log.extend = (sub, delimiter = ':') => createDebug(`${namespace}${delimiter}${sub}`);
  return log;
}

createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;
createDebug.names = [];
createDebug.skips = [];
createDebug.formatters = {};
createDebug.debug = createDebug;
createDebug.default = createDebug;

module.exports = createDebug;
