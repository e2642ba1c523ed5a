/**
 * Stands in for `long` in the function bundles (esbuild `alias` in scripts/build.ts).
 * protobufjs require()s long.js when it loads, if installed, and then reads every int64 as a
 * Long object. The Tablestore protocol code is generated with `--force-number` (scripts/gen-ots.ts)
 * and the store reads no int64 field, so the bundles leave long.js out (11 KB of the client's
 * chunk): protobufjs finds `null`, as when long.js is not installed, and reads int64 as numbers.
 */
'use strict';

module.exports = null;
