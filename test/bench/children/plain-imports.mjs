// What a plain, unbundled implementation loads at cold start: the package roots of the three
// runtime dependencies, resolved from node_modules. Re-exported so that nothing is tree-shaken
// when the size benchmark bundles this file as the plain baseline.
export { default as RPCClient } from '@alicloud/pop-core';
export { default as middy } from '@middy/core';
export * as z from 'zod';
