/**
 * The JSON stage of map parameters: what a value may hold, how deep it may nest, and that a map
 * refused at this stage leaves nothing for the later rules to judge.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, parse } from './request.ts';

/** An array nested `levels` deep: [[[…[1]…]]]. */
function nestedArray(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

const live = { deliveryType: 5, activityEvent: 'update' };

describe('JSON stage: values and depth', () => {
  it('refuses a function inside activityContentState, naming what JSON may hold', () => {
    const result = parse({ ...live, activityContentState: { value: () => 1 } });

    expect(issuesOf(result)).toEqual([
      {
        field: 'activityContentState.value',
        rule: 'json-value',
        message:
          'activityContentState.value: must hold only JSON values (strings, numbers, booleans, null, arrays, objects); got a function.',
      },
    ]);
  });

  it('counts nested arrays toward the depth limit, and says how deep is too deep', () => {
    // Prepare: 40 arrays inside one key, deeper than the 32 levels any map may nest
    const activityContentState = { a: nestedArray(40) };

    // Act
    const result = parse({ ...live, activityContentState });

    // Assess
    const field = `activityContentState.a${'.0'.repeat(31)}`;
    expect(issuesOf(result)).toEqual([
      { field, rule: 'max-depth', message: `${field}: nests deeper than 32 levels.` },
    ]);
  });

  it('accepts arrays nested within the limit', () => {
    expect(parse({ ...live, activityContentState: { a: nestedArray(20) } }).success).toBe(true);
  });
});

describe('JSON stage: a refused map leaves nothing for the later rules', () => {
  it('reports only the non-JSON value of a scheduled push’s fixedTime, not a missing fixedTime', () => {
    const result = parse({ strategyType: 1, StrategyContent: { fixedTime: Number.NaN } });

    expect(issuesOf(result).map(({ field, rule }) => [field, rule])).toEqual([
      ['StrategyContent.fixedTime', 'json-value'],
    ]);
  });

  it('reports only the depth of a too-deep fixedTime, not a missing fixedTime', () => {
    const result = parse({ strategyType: 1, StrategyContent: { fixedTime: nestedArray(40) } });

    expect(issuesOf(result).map(({ rule }) => rule)).toEqual(['max-depth']);
  });

  it('does not count the pairs of a targetMsgkey refused for a prototype key', () => {
    // Prepare: three pairs beside a __proto__ key, with room for two
    const targetMsgkey = '{"__proto__":{},"u1":"m-1","u2":"m-2","u3":"m-3"}';

    // Act
    const result = parse({ targetMsgkey }, { maxTargets: 2 });

    // Assess
    expect(issuesOf(result).map(({ field, rule }) => [field, rule])).toEqual([
      ['targetMsgkey.__proto__', 'prototype-key'],
    ]);
  });
});
