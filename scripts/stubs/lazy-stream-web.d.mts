/** The stand-in for @middy/core's `ReadableStream` (lazy-stream-web.mjs): `instanceof` only. */
export declare const ReadableStream: { [Symbol.hasInstance](value: unknown): boolean };
