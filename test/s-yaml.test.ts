import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { timerRecords } from '#lib/adapt/timer.ts';
import { parsePushRequest } from '#lib/validate/push-request.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

type Props = Record<string, unknown> & {
  functionName: string;
  triggers: Array<{
    triggerName: string;
    triggerType: string;
    sourceArn?: string;
    triggerConfig: Record<string, unknown>;
  }>;
};
type Spec = {
  vars: Record<string, unknown>;
  resources: Record<string, { component: string; props: Props; actions: unknown }>;
};
let spec: Spec;

// `s preview` renders a template with its variables resolved, offline (reference fc-platform.md §6.1).
async function preview(template: string, env: Record<string, string> = {}): Promise<Spec> {
  const s = path.join(root, 'node_modules/@serverless-devs/s/bin/s');
  const { stdout } = await run(
    process.execPath,
    [s, 'preview', '-t', template, '-o', 'json', '--silent'],
    {
      cwd: root,
      env: {
        ...process.env,
        MPAAS_APP_ID: 'ONEX570DA89211721',
        MPAAS_WORKSPACE_ID: 'default',
        MPAAS_REGION: 'cn-hangzhou',
        ...env,
      },
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout.slice(stdout.indexOf('{'))) as Spec;
}

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
const trigger = (name: string, triggerName: string) => {
  const found = props(name).triggers.find((t) => t.triggerName === triggerName);
  if (!found) throw new Error(`${name} has no trigger ${triggerName}`);
  return found;
};

describe('s.yaml', () => {
  it('has one fc3 resource per function, on nodejs20, from its bundle, with the role and the app settings', () => {
    expect(Object.keys(spec.resources).sort()).toEqual([...functionNames].sort());
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

  it('feeds event-push from the MNS queue in batches and from the default bus, both dead-lettered', () => {
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
    const bus = trigger('event-push', 'push-bus');
    expect(bus.triggerConfig).toMatchObject({
      eventSourceConfig: { eventSourceType: 'Default' },
      runOptions: { mode: 'event-driven', errorsTolerance: 'ALL', deadLetterQueue: { Arn: dlq } },
    });
    expect(JSON.parse(String(bus.triggerConfig.eventRuleFilterPattern))).toEqual({
      source: ['app.mpaas.push'],
    });
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

  it('renders the Redis variant with a VPC and REDIS_URL for every function, from the environment only', async () => {
    const redis = await preview('s.redis.yaml', {
      REDIS_URL: 'redis://:pw@r-bp1.redis.rds.aliyuncs.com:6379/0',
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
        environmentVariables: {
          REDIS_URL: 'redis://:pw@r-bp1.redis.rds.aliyuncs.com:6379/0',
          MPAAS_APP_ID: 'ONEX570DA89211721',
        },
        runtime: 'nodejs20',
      });
      expect(validate(redisProps), name).toBe(true);
    }
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
