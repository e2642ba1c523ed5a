/**
 * `@alicloud/fc2` ships no TypeScript types. This declares only that the module exists; what it
 * exports is `unknown` here, and `fc-invoker.ts` states the slice it uses at its one cast, so no
 * claim about fc2's shape is made in two places.
 */
declare module '@alicloud/fc2/lib/client.js' {
  const Client: unknown;
  export default Client;
}
