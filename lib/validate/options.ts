/**
 * What the parser needs from the function rather than from the request: the clock, the zone
 * that defines "the current day", the configured app and workspace, the API version, the most
 * targets one request may name, and the seed of derived msgKeys.
 *
 * Why a separate module: these are configuration, checked once per call and reported as a
 * thrown `RangeError` (a deployment bug), never as a `ValidationIssue` (a bad request).
 * An empty `appId` is refused rather than read as "not configured": an unset-but-present
 * `MPAAS_APP_ID=` would otherwise silently lift the app lock; likewise an empty `msgKeySeed`,
 * which would give every request the same derived msgKeys.
 */

import { isTimeZone } from '#lib/validate/calendar.ts';

/**
 * PushTemplate API versions. `2019-08-21` is the version of the docs' code samples; its model
 * has no strategy, SMS, classification, vendor-channel or Live Activity parameters
 * (github.com/aliyun/alibabacloud-sdk `mpaas-20190821/main.tea`). `2020-10-28` has them all
 * (github.com/aliyun/alibabacloud-typescript-sdk `mpaas-20201028/src/models/PushTemplateRequest.ts`).
 */
export const API_VERSIONS = ['2020-10-28', '2019-08-21'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Per-call settings for `parsePushRequest`. */
export interface PushRequestOptions {
  /** The injected clock value (tests pass a fixed date). */
  now: Date;
  /** IANA zone that defines "the current day", e.g. `Asia/Shanghai` (the caller picks the default). */
  timeZone: string;
  /** The function's configured `MPAAS_APP_ID`; requests for another app are refused. */
  appId?: string;
  /** The function's configured `MPAAS_WORKSPACE_ID`; requests for another workspace are refused. */
  workspaceId?: string;
  /** API version the request will be sent with. */
  apiVersion: ApiVersion;
  /**
   * The most targets one request may name (`MPAAS_MAX_TARGETS`); {@link DEFAULT_MAX_TARGETS} when
   * absent. Requests above 10 targets are split into PushTemplate calls of at most 10
   * (the plan stage, lib/plan/chunks.ts); this cap bounds the work one request can cause.
   */
  maxTargets?: number;
  /**
   * The seed of the msgKeys derived for a request that names `targets`: the request's
   * idempotency key, so a retry derives the same msgKeys. Required when the request uses
   * `targets`; parsePushRequest throws a RangeError without it.
   */
  msgKeySeed?: string;
}

/** Targets one request may name when `maxTargets` is not given. */
export const DEFAULT_MAX_TARGETS = 100_000;

const KNOWN_VERSIONS: readonly string[] = ['2019-08-21', '2020-10-28'];

/**
 * Throws a `RangeError` when the options cannot be right (a configuration bug).
 *
 * @example
 * assertOptions({ now: new Date(), timeZone: 'Asia/Shanghai', apiVersion: '2020-10-28' });
 */
export function assertOptions(options: PushRequestOptions): void {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new RangeError('PushRequestOptions.now must be a valid Date');
  }
  if (!isTimeZone(options.timeZone)) {
    throw new RangeError(
      `PushRequestOptions.timeZone: unknown IANA time zone "${options.timeZone}"`,
    );
  }
  if (!KNOWN_VERSIONS.includes(options.apiVersion)) {
    throw new RangeError(
      `PushRequestOptions.apiVersion must be one of ${KNOWN_VERSIONS.join(', ')}`,
    );
  }
  const { maxTargets } = options;
  if (maxTargets !== undefined && !(Number.isSafeInteger(maxTargets) && maxTargets > 0)) {
    throw new RangeError(
      `PushRequestOptions.maxTargets must be a positive whole number; got ${maxTargets}`,
    );
  }
  for (const key of ['appId', 'workspaceId', 'msgKeySeed'] as const) {
    if (options[key] !== undefined && options[key].trim() === '') {
      throw new RangeError(
        `PushRequestOptions.${key} is empty; leave it undefined when not configured`,
      );
    }
  }
}
