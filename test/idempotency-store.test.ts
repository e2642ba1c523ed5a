/**
 * The idempotency store that `s deploy` makes beside the functions: the ROS template
 * (infra/idempotency-store.json), the functions' variables read from its outputs, the RAM
 * statement in the README, and the absence of any secret. Each check is also run on a broken
 * copy, so that it is seen to fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Json,
  mutatedStack,
  otsPolicyProblems,
  type RosTemplate,
  rosStack,
  type Stack,
  type StoreExpectation,
  secretProblems,
  storeProblems,
} from './ros-template.ts';
import { functionResources, preview, root, type Spec } from './s-preview.ts';

const STORE = 'idempotency-store';
let spec: Spec;
let stack: Stack;
let expected: StoreExpectation;

beforeAll(async () => {
  spec = await preview('s.yaml');
  stack = rosStack(spec, STORE);
  expected = {
    instance: String(spec.vars.tablestoreInstance),
    table: String(spec.vars.idempotencyTable),
    idempotencyTtlSeconds: Number(spec.vars.idempotencyTtlSeconds),
  };
}, 60_000);

/** A deep copy of the template, changed by `change`. */
const mutated = (change: (template: RosTemplate) => void): Stack => mutatedStack(stack, change);

function tableProperties(template: RosTemplate): Record<string, Json> {
  const table = template.Resources.Table?.Properties;
  if (!table) throw new Error('the template has no Table resource');
  return table;
}

/** The JSON policy block of the README's "Deploy" section. */
function readmePolicy() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const deploy = readme.slice(readme.indexOf('\n## Deploy'));
  const block = /```json\n([\s\S]*?)```/.exec(deploy)?.[1];
  if (!block) throw new Error('README "Deploy" has no JSON policy');
  return JSON.parse(block) as Parameters<typeof otsPolicyProblems>[0];
}

describe('the idempotency store', () => {
  it('is a ros resource deployed before the functions, from the template in infra/', () => {
    expect(Object.keys(spec.resources)[0]).toBe(STORE);
    expect(spec.resources[STORE]).toMatchObject({
      component: 'ros',
      props: {
        region: 'cn-hangzhou',
        name: expect.stringMatching(/^[A-Za-z0-9][\w-]*$/),
        parameters: {
          InstanceName: expected.instance,
          TableName: expected.table,
          IdempotencyTtlSeconds: String(expected.idempotencyTtlSeconds),
        },
      },
    });
    const template = String(spec.resources[STORE]?.props.template);
    expect(path.relative(root, template)).toBe(path.join('infra', 'idempotency-store.json'));
  });

  it('declares an Internet and VPC instance and a table keyed by a STRING key, one version, TTL one day past the idempotency TTL', () => {
    expect(stack.template.ROSTemplateFormatVersion).toBe('2015-09-01');
    expect(storeProblems(stack, expected)).toEqual([]);
    expect(tableProperties(stack.template).TimeToLive).toEqual({
      'Fn::Add': [{ Ref: 'IdempotencyTtlSeconds' }, 86400],
    });
  });

  it('keeps the TTL one day past whatever idempotency TTL s.yaml passes', () => {
    const longer = {
      ...stack,
      parameters: { ...stack.parameters, IdempotencyTtlSeconds: '604800' },
    };

    expect(storeProblems(longer, { ...expected, idempotencyTtlSeconds: 604_800 })).toEqual([]);
  });

  it('fails a template without the table', () => {
    const broken = mutated((t) => {
      delete t.Resources.Table;
    });

    expect(storeProblems(broken, expected)).toContain('needs exactly one ALIYUN::OTS::Table');
  });

  it('fails a table whose TTL is under Tablestore minimum of one day', () => {
    const broken = mutated((t) => {
      tableProperties(t).TimeToLive = 3600;
    });

    expect(storeProblems(broken, expected)).toEqual([
      "TimeToLive 3600 is below Tablestore's minimum of 86400 s",
    ]);
  });

  it('fails a table whose TTL is the idempotency TTL itself, without the margin', () => {
    const broken = mutated((t) => {
      tableProperties(t).TimeToLive = { Ref: 'IdempotencyTtlSeconds' };
    });

    expect(storeProblems(broken, expected)).toEqual([
      'TimeToLive is 86400, not the idempotency TTL + 86400 = 172800',
    ]);
  });

  it('fails a table with more versions, another key, or an instance closed to the Internet', () => {
    const broken = mutated((t) => {
      const table = tableProperties(t);
      table.MaxVersions = 3;
      table.PrimaryKey = [{ Name: 'key', Type: 'INTEGER' }];
      const instance = t.Resources.Instance?.Properties;
      if (instance) instance.NetworkTypeACL = ['VPC'];
    });

    expect(storeProblems(broken, expected)).toEqual([
      'NetworkTypeACL is ["VPC"], not INTERNET and VPC',
      'PrimaryKey is [{"Name":"key","Type":"INTEGER"}], not one STRING column "key"',
      'MaxVersions is 3, not 1',
    ]);
  });

  it('refuses an instance name in upper case, which the RAM ARN would not match', () => {
    const upper = { ...stack, parameters: { ...stack.parameters, InstanceName: 'Mpaas-Push' } };

    expect(storeProblems(upper, { ...expected, instance: 'Mpaas-Push' })[0]).toMatch(
      /does not match/,
    );
  });

  it('gives every function the public endpoint, instance and table from the stack outputs', () => {
    const output = (key: string) => `\${resources.${STORE}.output.${key}}`;
    const functions = functionResources(spec);

    expect(functions).toHaveLength(5);
    for (const [name, props] of functions) {
      expect(props.environmentVariables, name).toMatchObject({
        TABLESTORE_ENDPOINT: output('Endpoint'),
        TABLESTORE_INSTANCE: output('InstanceName'),
        IDEMPOTENCY_TABLE: output('TableName'),
        IDEMPOTENCY_TTL_SECONDS: String(expected.idempotencyTtlSeconds),
      });
      // Tablestore is configured, so nothing chooses a store by name, and Redis is not set.
      expect(props.environmentVariables, name).not.toHaveProperty('IDEMPOTENCY_STORE');
      expect(props.environmentVariables, name).not.toHaveProperty('REDIS_URL');
    }
    expect(Object.keys(stack.template.Outputs ?? {}).sort()).toEqual([
      'Endpoint',
      'InstanceName',
      'TableName',
    ]);
  });

  it('puts no password, key or token in any variable', () => {
    for (const [name, props] of functionResources(spec)) {
      expect(secretProblems(props.environmentVariables), name).toEqual([]);
    }
  });

  it('spots variables that hold or are named like credentials', () => {
    const leaky = {
      REDIS_URL: 'redis://:s3cret@r-bp1.redis.rds.aliyuncs.com:6379/0',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'x',
      // Made at run time, so that no tracked file holds a string shaped like an AccessKey ID.
      MPAAS_KEY: ['LT', 'AI', 'x'.repeat(18)].join(''),
    };

    expect(secretProblems(leaky)).toEqual([
      'REDIS_URL holds a URL with a password',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET is named like a credential',
      'MPAAS_KEY holds an AccessKey ID',
    ]);
  });

  it("grants the role exactly the row actions on the table's ARN, in the README policy", () => {
    expect(otsPolicyProblems(readmePolicy(), expected)).toEqual([]);
  });

  it('fails a policy that grants every ots action, on every table, or no ots action at all', () => {
    const policy = readmePolicy();
    const wide = structuredClone(policy);
    const statement = wide.Statement.find((s) => JSON.stringify(s.Action).includes('ots:'));
    if (!statement) throw new Error('the README policy has no ots statement');
    statement.Action = ['ots:*'];
    statement.Resource = `acs:ots:*:*:instance/${expected.instance}/table/*`;

    expect(otsPolicyProblems(wide, expected)).toEqual([
      `ots actions are ots:*, not ots:DeleteRow, ots:GetRow, ots:PutRow, ots:UpdateRow`,
      `ots resource is acs:ots:*:*:instance/${expected.instance}/table/*, not the ARN of table ${expected.table}`,
    ]);
    const withoutOts = wide.Statement.filter((s) => s !== statement);
    expect(otsPolicyProblems({ Statement: withoutOts }, expected)).toEqual([
      'needs exactly one statement with ots actions',
    ]);
  });
});
