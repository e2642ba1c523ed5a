/**
 * The custom event bus that `s deploy` makes beside the functions (#13): applications publish
 * push requests to it with PutEvents, and its rule hands them to event-push with the MNS queue
 * path's retries and dead-letter queue. The default bus carries only Alibaba Cloud service
 * events (../shared/reference/eventbridge-custom-bus.md §1), so no trigger of the functions
 * listens there. Each check also runs on a broken copy, so that it is seen to fail.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluate,
  type Json,
  mutatedStack,
  type RosTemplate,
  rosStack,
  type Stack,
} from './ros-template.ts';
import { preview, root, type Spec } from './s-preview.ts';

const BUS = 'push-bus';
let spec: Spec;
let stack: Stack;
let expected: BusExpectation;

interface BusExpectation {
  bus: string;
  source: string;
  functionArn: string;
  deadLetterArn: string;
}

beforeAll(async () => {
  spec = await preview('s.yaml');
  stack = rosStack(spec, BUS, '1234567890123456');
  const account = '1234567890123456';
  expected = {
    bus: String(spec.vars.pushBus),
    source: String(spec.vars.busEventSource),
    functionArn: `acs:fc:${stack.region}:${account}:functions/event-push`,
    deadLetterArn: `acs:mns:${stack.region}:${account}:/queues/${String(spec.vars.deadLetterQueue)}`,
  };
}, 60_000);

function resourcesOf(stack: Stack, type: string): Array<[string, Record<string, Json>]> {
  return Object.entries(stack.template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [
      id,
      (evaluate(resource.Properties ?? {}, stack) ?? {}) as Record<string, Json>,
    ]);
}

const param = (list: Json, key: string) =>
  Array.isArray(list)
    ? list.find(
        (entry) =>
          entry !== null &&
          typeof entry === 'object' &&
          !Array.isArray(entry) &&
          entry.ResourceKey === key,
      )
    : undefined;

/** What is wrong with the bus and its rule; empty when nothing is. */
function busProblems(stack: Stack, want: BusExpectation): string[] {
  const problems: string[] = [];
  const buses = resourcesOf(stack, 'ALIYUN::EventBridge::EventBus');
  const rules = resourcesOf(stack, 'ALIYUN::EventBridge::Rule');
  if (buses.length !== 1) return ['needs exactly one ALIYUN::EventBridge::EventBus'];
  if (rules.length !== 1) return ['needs exactly one ALIYUN::EventBridge::Rule'];
  const [busId, bus] = buses[0] as [string, Record<string, Json>];
  const [ruleId, rule] = rules[0] as [string, Record<string, Json>];
  if (bus.EventBusName !== want.bus)
    problems.push(`the bus is ${String(bus.EventBusName)}, not ${want.bus}`);
  if (rule.EventBusName !== want.bus) problems.push('the rule is not on the bus');
  const dependsOn = stack.template.Resources[ruleId] as { DependsOn?: string[] };
  if (!dependsOn.DependsOn?.includes(busId)) problems.push('the rule does not wait for the bus');
  if (!isDeepStrictEqual(rule.FilterPattern, { source: [want.source] })) {
    problems.push(`the rule does not take exactly the events of source ${want.source}`);
  }
  const targets = Array.isArray(rule.Targets) ? rule.Targets : [];
  if (targets.length !== 1) return [...problems, 'the rule needs exactly one target'];
  const target = targets[0] as Record<string, Json>;
  if (target.Type !== 'acs.fc.function') problems.push('the target is not a function');
  if (target.Endpoint !== want.functionArn) problems.push(`the target is not ${want.functionArn}`);
  const list = target.ParamList ?? null;
  const constant = (key: string, value: string) => {
    const found = param(list, key);
    if (!isDeepStrictEqual(found, { ResourceKey: key, Form: 'CONSTANT', Value: value })) {
      problems.push(`the target's ${key} is not ${value}`);
    }
  };
  constant('functionName', 'event-push');
  constant('InvocationType', 'Sync');
  constant('DataFormat', 'Object');
  if (!isDeepStrictEqual(param(list, 'Body'), { ResourceKey: 'Body', Form: 'ORIGINAL' })) {
    problems.push('the target does not pass the whole CloudEvent (Body ORIGINAL)');
  }
  if (target.PushRetryStrategy !== 'EXPONENTIAL_DECAY_RETRY')
    problems.push('the target does not retry for a day');
  if (target.ErrorsTolerance !== 'ALL') problems.push('one failed event stops the rule');
  const dlq = target.DeadLetterQueue as { Arn?: Json } | null | undefined;
  if (dlq?.Arn !== want.deadLetterArn)
    problems.push(`events are not dead-lettered to ${want.deadLetterArn}`);
  return problems;
}

const mutated = (change: (template: RosTemplate) => void): Stack => mutatedStack(stack, change);

function firstTarget(template: RosTemplate): Record<string, Json> {
  const targets = template.Resources.Rule?.Properties?.Targets;
  if (!Array.isArray(targets)) throw new Error('no targets');
  return targets[0] as Record<string, Json>;
}

describe('the custom event bus', () => {
  it('is a ros resource deployed after the functions, from the template in infra/', () => {
    expect(Object.keys(spec.resources).at(-1)).toBe(BUS);
    expect(spec.resources[BUS]).toMatchObject({
      component: 'ros',
      props: {
        region: 'cn-hangzhou',
        parameters: {
          BusName: 'mpaas-push',
          EventSource: 'app.mpaas.push',
          FunctionName: 'event-push',
        },
      },
    });
    expect(path.relative(root, String(spec.resources[BUS]?.props.template))).toBe(
      path.join('infra', 'push-bus.json'),
    );
  });

  it('declares the bus and one rule that hands its push requests to event-push, retried for a day and dead-lettered', () => {
    expect(stack.template.ROSTemplateFormatVersion).toBe('2015-09-01');
    expect(busProblems(stack, expected)).toEqual([]);
  });

  it('fails a rule on another bus, with another filter, without the dead-letter queue or the whole event', () => {
    const cases: Array<[string, (t: RosTemplate) => void, string]> = [
      [
        'another bus',
        (t) => Object.assign(t.Resources.Rule?.Properties ?? {}, { EventBusName: 'default' }),
        'the rule is not on the bus',
      ],
      [
        'any source',
        (t) => Object.assign(t.Resources.Rule?.Properties ?? {}, { FilterPattern: {} }),
        'source',
      ],
      [
        'no dead-letter queue',
        (t) => {
          delete firstTarget(t).DeadLetterQueue;
        },
        'dead-lettered',
      ],
      [
        'only data',
        (t) => {
          firstTarget(t).ParamList = [{ ResourceKey: 'Body', Form: 'JSONPATH', Value: '$.data' }];
        },
        'Body ORIGINAL',
      ],
      [
        'three retries',
        (t) => {
          firstTarget(t).PushRetryStrategy = 'BACKOFF_RETRY';
        },
        'retry for a day',
      ],
      [
        'no bus',
        (t) => {
          delete t.Resources.Bus;
        },
        'EventBus',
      ],
    ];
    for (const [name, change, problem] of cases) {
      expect(busProblems(mutated(change), expected).join('; '), name).toContain(problem);
    }
  });

  it('refuses a bus name the template does not allow, before anything is deployed', () => {
    const bad = { ...stack, parameters: { ...stack.parameters, BusName: 'x' } };

    expect(() => busProblems(bad, expected)).toThrow(/does not match/);
  });
});
