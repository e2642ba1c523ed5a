/**
 * The valid PushTemplate request the schema tests start from, and the options they parse it
 * with: each test changes only the fields it is about.
 */
import {
  type PushRequestOptions,
  type PushRequestResult,
  parsePushRequest,
  type ValidationIssue,
} from '#lib/validate/push-request.ts';

export const OPTIONS: PushRequestOptions = {
  now: new Date('2026-11-26T17:30:00Z'),
  timeZone: 'Asia/Shanghai',
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  apiVersion: '2020-10-28',
};

export const BASE = {
  taskName: 'order shipped',
  deliveryType: 3,
  targetMsgkey: { user1024: '1578807462788' },
  expiredSeconds: 300,
  templateName: 'order_shipped',
};

/** The base request with `overrides`, parsed with OPTIONS and `options`. */
export function parse(
  overrides: Record<string, unknown>,
  options: Partial<PushRequestOptions> = {},
  base: Record<string, unknown> = BASE,
): PushRequestResult {
  return parsePushRequest({ ...base, ...overrides }, { ...OPTIONS, ...options });
}

/** The issues of a failed parse; none for a success. */
export function issuesOf(result: PushRequestResult): ValidationIssue[] {
  return result.success ? [] : result.issues;
}
