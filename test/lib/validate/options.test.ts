/**
 * Options that cannot be right are a deployment bug: parsePushRequest throws a RangeError whose
 * message names the option and what it must be.
 */
import { describe, expect, it } from 'vitest';
import { type PushRequestOptions, parsePushRequest } from '#lib/validate/push-request.ts';
import { BASE, OPTIONS } from './request.ts';

describe('assertOptions: the RangeError messages', () => {
  it.each([
    [
      'an invalid date',
      { now: new Date(Number.NaN) },
      'PushRequestOptions.now must be a valid Date',
    ],
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus' },
      'PushRequestOptions.timeZone: unknown IANA time zone "Mars/Olympus"',
    ],
    [
      'an unknown API version',
      { apiVersion: '2021-01-01' as PushRequestOptions['apiVersion'] },
      'PushRequestOptions.apiVersion must be one of 2019-08-21, 2020-10-28',
    ],
    [
      'maxTargets 0',
      { maxTargets: 0 },
      'PushRequestOptions.maxTargets must be a positive whole number; got 0',
    ],
    [
      'a blank appId',
      { appId: ' ' },
      'PushRequestOptions.appId is empty; leave it undefined when not configured',
    ],
    [
      'an empty workspaceId',
      { workspaceId: '' },
      'PushRequestOptions.workspaceId is empty; leave it undefined when not configured',
    ],
  ])('names the option for %s', (_name, overrides, message) => {
    expect(() => parsePushRequest(BASE, { ...OPTIONS, ...overrides })).toThrow(
      new RangeError(message),
    );
  });
});
