import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#lib/adapt/routes.ts';
import { timerRecords } from '#lib/adapt/timer.ts';
import { parsePushRequest } from '#lib/validate/push-request.ts';
import { functionResources, type Props, preview, root, type Spec } from './s-preview.ts';

let spec: Spec;

beforeAll(async () => {
  spec = await preview('s.yaml');
}, 60_000);

const functionNames = readdirSync(path.join(root, 'functions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const props = (name: string): Props => {
  const resource = spec.resources[name];
  if (!resource) throw new Error(`s.yaml has no resource ${name}`);
  return resource.props;
};
const fc3Schema = JSON.parse(
  readFileSync(path.join(root, 'test/fixtures/fc3-schema.json'), 'utf8'),
);

/** The fc3 schema's sub-schema for each trigger type this project deploys. */
const TRIGGER_CONFIG_SCHEMAS: Record<string, string> = {
  http: 'IHttpTriggerConfig',
  mns_topic: 'IMnsTriggerConfig',
  eventbridge: 'IEventBridge',
  timer: 'ITimerTriggerConfig',
};

/**
 * A validator of one trigger's `triggerConfig` against the sub-schema of its type, with unknown
 * top-level fields refused: the schema's own `triggerConfig` is an `anyOf` that includes an
 * unconstrained object, so any config passes it, and fc3 passes a misspelt field on unread.
 */
function triggerConfigValidator(triggerType: string) {
  const name = TRIGGER_CONFIG_SCHEMAS[triggerType];
  if (name === undefined) throw new Error(`no sub-schema for trigger type ${triggerType}`);
  const definition = fc3Schema.definitions[name];
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile({
    ...definition,
    additionalProperties: false,
    definitions: fc3Schema.definitions,
  });
}

const trigger = (name: string, triggerName: string) => {
  const found = (props(name).triggers ?? []).find((t) => t.triggerName === triggerName);
  if (!found) throw new Error(`${name} has no trigger ${triggerName}`);
  return found;
};

describe('s.yaml', () => {
  it('has one fc3 resource per function, on nodejs20, from its bundle, with the role and the app settings', () => {
    // Besides them, only the idempotency store (test/idempotency-store.test.ts) and the custom bus
    // (test/push-bus.test.ts).
    expect(
      functionResources(spec)
        .map(([name]) => name)
        .sort(),
    ).toEqual([...functionNames].sort());
    expect(Object.keys(spec.resources).sort()).toEqual(
      [...functionNames, 'idempotency-store', 'push-bus'].sort(),
    );
    for (const name of functionNames) {
      expect(spec.resources[name]?.component).toBe('fc3');
      expect(props(name)).toMatchObject({
        functionName: name,
        runtime: 'nodejs20',
        handler: 'index.handler',
        code: `./dist/${name}`,
        role: expect.stringMatching(/^acs:ram::.+:role\/mpaas-push-fc$/),
        environmentVariables: {
          MPAAS_APP_ID: 'ONEX570DA89211721',
          MPAAS_WORKSPACE_ID: 'default',
          MPAAS_API_VERSION: '2020-10-28',
        },
      });
      expect(JSON.stringify(spec.resources[name]?.actions)).toContain('npm run build');
    }
  });

  it("validates every resource's props against the fc3 component's schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(root, 'test/fixtures/fc3-schema.json'), 'utf8')),
    );

    for (const name of functionNames) {
      const valid = validate(props(name));
      expect(validate.errors ?? [], name).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("validates each trigger's config against its type's sub-schema, unknown fields refused (#13)", () => {
    let checked = 0;
    for (const name of functionNames) {
      for (const { triggerName, triggerType, triggerConfig } of props(name).triggers ?? []) {
        const validate = triggerConfigValidator(triggerType);
        const valid = validate(triggerConfig);
        expect(validate.errors ?? [], `${name}/${triggerName}`).toEqual([]);
        expect(valid).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('fails a trigger config with a misspelt field or without a required one, for every type (#13)', () => {
    for (const name of functionNames) {
      for (const { triggerName, triggerType, triggerConfig } of props(name).triggers ?? []) {
        const validate = triggerConfigValidator(triggerType);
        const label = `${name}/${triggerName}`;
        const [first] = Object.keys(triggerConfig);
        if (first === undefined) throw new Error(`${label} has an empty triggerConfig`);
        const { [first]: value, ...rest } = triggerConfig;

        expect(validate({ ...rest, [`${first}x`]: value }), `${label}: ${first} misspelt`).toBe(
          false,
        );
        const required: string[] =
          fc3Schema.definitions[TRIGGER_CONFIG_SCHEMAS[triggerType] ?? ''].required ?? [];
        for (const field of required) {
          const { [field]: _dropped, ...without } = triggerConfig;
          expect(validate(without), `${label}: ${field} missing`).toBe(false);
        }
      }
    }
  });

  it('opens the HTTP trigger to every method the routes answer, and no other (#10)', () => {
    const [http] = props('http-push').triggers ?? [];
    const answered = [...new Set(ROUTES.flatMap((route) => route.methods))].sort();

    expect(http?.triggerType).toBe('http');
    expect([...((http?.triggerConfig.methods as string[] | undefined) ?? [])].sort()).toEqual(
      answered,
    );
  });

  it('gives every event function FC async retries and a dead-letter queue', () => {
    const retries = {
      maxAsyncRetryAttempts: 3,
      maxAsyncEventAgeInSeconds: 86400,
      destinationConfig: {
        onFailure: { destination: 'acs:mns:cn-hangzhou::/queues/mpaas-push-dlq/messages' },
      },
    };
    for (const name of ['mns-push', 'event-push', 'timer-push']) {
      expect(props(name).asyncInvokeConfig).toEqual(retries);
    }
    // push-worker in task mode: FC refuses a second batch with the same async task id.
    expect(props('push-worker').asyncInvokeConfig).toEqual({ ...retries, asyncTask: true });
  });

  it('subscribes mns-push to the topic in JSON format with exponential-decay retries', () => {
    expect(trigger('mns-push', 'push-topic')).toMatchObject({
      triggerType: 'mns_topic',
      sourceArn: expect.stringMatching(/^acs:mns:cn-hangzhou:.+:\/topics\/mpaas-push-requests$/),
      triggerConfig: { notifyContentFormat: 'JSON', notifyStrategy: 'EXPONENTIAL_DECAY_RETRY' },
    });
  });

  it('feeds event-push from the MNS queue in batches, dead-lettered, and has no default-bus trigger (#13)', () => {
    const dlq = expect.stringMatching(/^acs:mns:cn-hangzhou:.+:\/queues\/mpaas-push-dlq$/);
    expect(trigger('event-push', 'push-queue')).toMatchObject({
      triggerType: 'eventbridge',
      triggerConfig: {
        eventSourceConfig: {
          eventSourceType: 'MNS',
          eventSourceParameters: { sourceMNSParameters: { QueueName: 'mpaas-push-queue' } },
        },
        runOptions: {
          mode: 'event-streaming',
          errorsTolerance: 'ALL',
          retryStrategy: { PushRetryStrategy: 'EXPONENTIAL_DECAY_RETRY' },
          deadLetterQueue: { Arn: dlq },
          batchWindow: { CountBasedWindow: 10, TimeBasedWindow: 3 },
        },
      },
    });
    // the default bus carries only Alibaba Cloud service events: application events go to the
    // custom bus of resource push-bus (test/push-bus.test.ts)
    const sources = functionNames.flatMap((name) =>
      (props(name).triggers ?? []).map((t) => t.triggerConfig.eventSourceConfig),
    );
    expect(sources).not.toContainEqual(expect.objectContaining({ eventSourceType: 'Default' }));
  });

  it('schedules timer-push with a six-field Shanghai cron, disabled, and a payload that is a valid push', () => {
    const timer = trigger('timer-push', 'daily-reminder');
    expect(timer.triggerType).toBe('timer');
    expect(timer.triggerConfig.enable).toBe(false);
    const cron = String(timer.triggerConfig.cronExpression);
    expect(cron).toMatch(/^CRON_TZ=Asia\/Shanghai (\S+ ){5}\S+$/);

    const event = {
      triggerName: 'daily-reminder',
      triggerTime: '2026-11-27T01:00:00Z',
      payload: timer.triggerConfig.payload,
    };
    const [record] = timerRecords(Buffer.from(JSON.stringify(event)), 'req');
    expect(record?.kind).toBe('push');
    const parsed = parsePushRequest(record?.kind === 'push' ? record.request : null, {
      now: new Date('2026-11-27T01:00:00Z'),
      timeZone: 'Asia/Shanghai',
      apiVersion: '2020-10-28',
      appId: 'ONEX570DA89211721',
      workspaceId: 'default',
    });
    expect(parsed.success).toBe(true);
  });

  it('renders the Redis variant with a VPC and REDIS_URL for every function, from the environment only, without the Tablestore stack', async () => {
    // Password-free access in the VPC: the URL names no password.
    const url = 'redis://r-bp1.redis.rds.aliyuncs.com:6379/0';
    const redis = await preview('s.redis.yaml', {
      REDIS_URL: url,
      MPAAS_VPC_ID: 'vpc-1',
      MPAAS_VSWITCH_ID: 'vsw-1',
      MPAAS_SECURITY_GROUP_ID: 'sg-1',
    });
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(root, 'test/fixtures/fc3-schema.json'), 'utf8')),
    );

    for (const name of functionNames) {
      const redisProps = redis.resources[name]?.props;
      expect(redisProps).toMatchObject({
        vpcConfig: { vpcId: 'vpc-1', vSwitchIds: ['vsw-1'], securityGroupId: 'sg-1' },
        environmentVariables: { REDIS_URL: url, MPAAS_APP_ID: 'ONEX570DA89211721' },
        runtime: 'nodejs20',
      });
      // Redis is the only store the functions are given.
      for (const variable of ['TABLESTORE_ENDPOINT', 'TABLESTORE_INSTANCE', 'IDEMPOTENCY_TABLE']) {
        expect(redisProps?.environmentVariables, name).not.toHaveProperty(variable);
      }
      expect(validate(redisProps), name).toBe(true);
    }
    // `s deploy` runs the flow's resources only, one at a time: every function and then the
    // custom bus, whose rule targets event-push; not the Tablestore stack.
    const steps = redis.flow?.deploy ?? [];
    expect(steps.every((step) => step.length === 1)).toBe(true);
    expect(steps.flat().sort()).toEqual([...functionNames, 'push-bus'].sort());
    expect(steps.at(-1)).toEqual(['push-bus']);
    expect(readFileSync(path.join(root, 's.redis.yaml'), 'utf8')).not.toMatch(
      /rediss?:\/\/:[^<@\s]+@/,
    );
  });

  it('holds no credentials', () => {
    const text = readFileSync(path.join(root, 's.yaml'), 'utf8');

    expect(text).not.toMatch(/LTAI[0-9A-Za-z]{12,}/);
    expect(text).not.toMatch(/AccessKey(Secret|Id)\s*:/i);
  });
});
