/**
 * `node:stream/web` for @middy/core, loaded on first use (esbuild plugin in scripts/build.ts).
 * middy imports `ReadableStream` at its top level only to test a streamed response's body with
 * `instanceof`, on AWS's response-streaming path that no FC function takes; importing
 * `node:stream/web` loads Node's whole web-streams implementation at every cold start (~1.7 ms).
 * The stand-in answers `instanceof` with the global ReadableStream, which is the same class.
 */
export const ReadableStream = {
  [Symbol.hasInstance]: (value) => value instanceof globalThis.ReadableStream,
};
