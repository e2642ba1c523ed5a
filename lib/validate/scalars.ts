/**
 * Scalar PushTemplate parameters: whole numbers, enumerations and text.
 *
 * Why these shapes: the mPaaS docs type `deliveryType` and `expiredSeconds` as Long and
 * `strategyType`/`smsStrategy` as int, and every value travels as a form string on the wire
 * (`DeliveryType=3`, reference §1.6). So a whole-number field accepts a JSON number that is a safe
 * integer, or a string of plain decimal digits ("3"), as a form or query trigger produces; it
 * refuses anything that only looks numeric ("3.5", " 3", "+3", "3e0", "0x3", "03"). The output is
 * always a number. `classification` is the opposite: the docs type it String ('0' or '1'), so it
 * accepts 0/1 or "0"/"1" and outputs the string.
 */
import * as z from 'zod/mini';
import {
  describeValue,
  type IssueSink,
  REQUIRED,
  report,
  rule,
  typeError,
} from '#lib/validate/issues.ts';

const DIGITS = /^(0|[1-9][0-9]*)$/;

function toInteger(required: string) {
  return (input: unknown, ctx: IssueSink): number => {
    if (typeof input === 'number' && Number.isSafeInteger(input)) return input;
    if (typeof input === 'string' && DIGITS.test(input) && Number.isSafeInteger(Number(input))) {
      return Number(input);
    }
    if (input === undefined) report(ctx, [], 'required', required);
    else {
      const text = `must be a whole number (a JSON number, or a string of decimal digits); got ${describeValue(input)}`;
      report(ctx, [], 'integer', text);
    }
    return z.NEVER;
  };
}

/**
 * A whole-number parameter, then the given checks on the number.
 *
 * @example
 * integer([positive('must be a positive number of seconds')]).parse('300'); // 300
 */
export function integer(checks: readonly z.core.$ZodCheck<number>[] = [], required = REQUIRED) {
  return z.pipe(z.transform(toInteger(required)), z.number().check(...checks));
}

/**
 * A whole-number code from a documented list; the output type is the union of the codes.
 *
 * @example
 * integerOf([0, 1, 2], '0 (immediate), 1 (scheduled) or 2 (loop)').parse('1'); // 1
 */
export function integerOf<const T extends readonly [number, ...number[]]>(
  values: T,
  labels: string,
) {
  return z.pipe(
    z.transform(toInteger(REQUIRED)),
    z.literal(values, { error: (issue) => `must be ${labels}; got ${describeValue(issue.input)}` }),
  );
}

/**
 * Check: the number is greater than zero.
 *
 * @example
 * integer([positive('must be a positive number of seconds')]);
 */
export function positive(text: string): z.core.$ZodCheck<number> {
  return z.refine((n: number) => n > 0, rule('positive', text));
}

/**
 * A string that is not empty or only white space.
 *
 * @example
 * nonBlank('is required (the mPaaS docs mark taskName required)').parse('order shipped');
 */
export function nonBlank(required = REQUIRED, maxLength?: number) {
  const checks: z.core.$ZodCheck<string>[] = [
    z.refine((s: string) => s.trim() !== '', rule('non-empty', 'must not be empty or blank')),
  ];
  if (maxLength !== undefined) {
    const text = (issue: { input?: unknown }) =>
      `must be at most ${maxLength} characters; got ${typeof issue.input === 'string' ? issue.input.length : 0}`;
    checks.push(z.refine((s: string) => s.length <= maxLength, rule('max-length', text)));
  }
  return z.string({ error: typeError('a string', required) }).check(...checks);
}

/**
 * `classification`, the vivo message type: "0" operational, "1" system (the docs' default).
 *
 * @example
 * classification.parse(0); // '0'
 */
export const classification = z.transform((input: unknown, ctx: IssueSink): '0' | '1' => {
  if (input === '0' || input === 0) return '0';
  if (input === '1' || input === 1) return '1';
  const labels = '"0" (operational message) or "1" (system message), the vivo message types';
  report(ctx, [], 'one-of', `must be ${labels}; got ${describeValue(input)}`);
  return z.NEVER;
});

/**
 * A string enumeration whose error names the allowed values.
 *
 * @example
 * stringEnum(['update', 'end'], '"update" or "end"');
 */
export function stringEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: string,
) {
  return z.enum(values, {
    error: (issue) => `must be ${labels}; got ${describeValue(issue.input)}`,
  });
}
