/**
 * zod 4's JSON Schema of the push request schema, as `toJSONSchema` generates it: the fields, the
 * required ones, no other key, each enumeration. request-schema.ts states the rest.
 *
 * Generated at build time: scripts/build.ts replaces this module in the bundles with its output
 * (`prebuiltZodJson`), so no function loads zod's JSON Schema generator (about 20 KB that every
 * cold start would otherwise compile, as it shares a module with the schemas). Run from source
 * (tests, tsx) it generates the same. The output does not depend on the options the rules read
 * (the clock, the app, the limits): those are refinements, which JSON Schema cannot express.
 */
import * as z from 'zod/mini';
import { createPushRequestSchema } from '#lib/validate/push-request.ts';

/**
 * @example zodRequestJsonSchema().required // ['taskName', 'deliveryType', 'expiredSeconds', 'templateName']
 */
export function zodRequestJsonSchema(): Record<string, unknown> {
  const schema = createPushRequestSchema({
    now: new Date(0),
    timeZone: 'UTC',
    apiVersion: '2020-10-28',
  });
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
