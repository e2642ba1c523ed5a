/**
 * What the tests check in the deployment's idempotency store, as functions that return the
 * problems they find (an empty list when there are none), so that a test can also feed them a
 * broken copy and see them fail.
 *
 * No JSON schema of ROS templates is available offline, so `evaluate` models the few intrinsic
 * functions infra/idempotency-store.json uses, as ROS documents them: `Ref` to a parameter
 * (checked against its Type, MinValue, MaxValue and AllowedPattern) or to `ALIYUN::Region`,
 * `Fn::GetAtt` of a resource's name attribute, `Fn::Add` of numbers and `Fn::Join`.
 * Sources: infra/README.md.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RosTemplate {
  ROSTemplateFormatVersion?: string;
  Parameters?: Record<
    string,
    { Type: string; MinValue?: number; MaxValue?: number; AllowedPattern?: string }
  >;
  Resources: Record<string, { Type: string; Properties?: Record<string, Json> }>;
  Outputs?: Record<string, { Value: Json }>;
}

/** A template with the parameter values the ros component passes (strings) and its region. */
export interface Stack {
  template: RosTemplate;
  parameters: Record<string, string>;
  region: string;
  /** What `ALIYUN::AccountId` stands for, for a template that uses it. */
  accountId?: string;
}

/** What the functions need from the store: s.yaml's names and the idempotency TTL. */
export interface StoreExpectation {
  instance: string;
  table: string;
  idempotencyTtlSeconds: number;
}

/** Tablestore keeps data at least one day (TimeToLive ≥ 86400 s or -1). */
export const MIN_TTL_SECONDS = 86_400;
/** The margin over the idempotency TTL: versions expire one by one, refreshed at deliveries. */
export const TTL_MARGIN_SECONDS = 86_400;

const GET_ATT_NAME: Record<string, string> = {
  'ALIYUN::OTS::InstanceV2': 'InstanceName',
  'ALIYUN::OTS::Table': 'TableName',
};

/** Resolves the intrinsic functions in `value`. @throws Error naming what it cannot resolve. */
export function evaluate(value: Json, stack: Stack): Json {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, stack));
  if (value === null || typeof value !== 'object') return value;
  const [fn, ...others] = Object.keys(value);
  const arg = fn === undefined ? null : (value[fn] ?? null);
  if (others.length === 0 && fn === 'Ref' && typeof arg === 'string') return ref(arg, stack);
  if (others.length === 0 && fn === 'Fn::GetAtt') return getAtt(arg, stack);
  if (others.length === 0 && fn === 'Fn::Add') return add(evaluate(arg, stack));
  if (others.length === 0 && fn === 'Fn::Join') return join(evaluate(arg, stack));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, stack)]));
}

function ref(name: string, stack: Stack): Json {
  if (name === 'ALIYUN::Region') return stack.region;
  if (name === 'ALIYUN::AccountId' && stack.accountId !== undefined) return stack.accountId;
  const declared = stack.template.Parameters?.[name];
  const given = stack.parameters[name];
  if (!declared || given === undefined)
    throw new Error(`parameter ${name} is not declared or not given`);
  if (declared.AllowedPattern && !new RegExp(declared.AllowedPattern).test(given)) {
    throw new Error(`parameter ${name}=${given} does not match ${declared.AllowedPattern}`);
  }
  if (declared.Type !== 'Number') return given;
  const number = Number(given);
  if (!Number.isFinite(number)) throw new Error(`parameter ${name}=${given} is not a Number`);
  if (declared.MinValue !== undefined && number < declared.MinValue) {
    throw new Error(`parameter ${name}=${given} is below its MinValue ${declared.MinValue}`);
  }
  if (declared.MaxValue !== undefined && number > declared.MaxValue) {
    throw new Error(`parameter ${name}=${given} is above its MaxValue ${declared.MaxValue}`);
  }
  return number;
}

function getAtt(arg: Json, stack: Stack): Json {
  const [logicalId, attribute] = Array.isArray(arg) ? arg : [];
  const resource = typeof logicalId === 'string' ? stack.template.Resources[logicalId] : undefined;
  if (!resource || typeof attribute !== 'string' || attribute !== GET_ATT_NAME[resource.Type]) {
    throw new Error(`Fn::GetAtt ${JSON.stringify(arg)} names no resource attribute modelled here`);
  }
  return evaluate(resource.Properties?.[attribute] ?? null, stack);
}

function add(args: Json): number {
  if (!Array.isArray(args) || args.length < 2 || !args.every((n) => typeof n === 'number')) {
    throw new Error(`Fn::Add needs at least two numbers, got ${JSON.stringify(args)}`);
  }
  return args.reduce((sum, n) => sum + n, 0);
}

function join(args: Json): string {
  const [separator, parts] = Array.isArray(args) ? args : [];
  if (typeof separator !== 'string' || !Array.isArray(parts)) {
    throw new Error(`Fn::Join needs a separator and a list, got ${JSON.stringify(args)}`);
  }
  return parts.map(String).join(separator);
}

/**
 * The problems of the store's template: one instance open to the Internet and VPCs, one table
 * keyed by a STRING `key` with one version and a TTL one day past the idempotency TTL, and the
 * three outputs the functions read.
 */
export function storeProblems(stack: Stack, expected: StoreExpectation): string[] {
  try {
    const problems: string[] = [];
    const resources = Object.entries(stack.template.Resources);
    const instances = resources.filter(([, r]) => r.Type === 'ALIYUN::OTS::InstanceV2');
    const tables = resources.filter(([, r]) => r.Type === 'ALIYUN::OTS::Table');
    const [instanceEntry] = instances;
    const [tableEntry] = tables;
    if (instances.length !== 1 || !instanceEntry)
      problems.push('needs exactly one ALIYUN::OTS::InstanceV2');
    if (tables.length !== 1 || !tableEntry) problems.push('needs exactly one ALIYUN::OTS::Table');
    if (!instanceEntry || !tableEntry) return problems;

    const [instanceId, instance] = instanceEntry;
    const props = evaluate(instance.Properties ?? {}, stack) as Record<string, Json>;
    if (props.InstanceName !== expected.instance) {
      problems.push(`instance is ${String(props.InstanceName)}, s.yaml names ${expected.instance}`);
    }
    if (props.InstanceName !== String(props.InstanceName).toLowerCase()) {
      problems.push('instance name is not lower case, as RAM policy ARNs are');
    }
    const acl = Array.isArray(props.NetworkTypeACL) ? [...props.NetworkTypeACL].sort() : [];
    if (!isDeepStrictEqual(acl, ['INTERNET', 'VPC'])) {
      problems.push(
        `NetworkTypeACL is ${JSON.stringify(props.NetworkTypeACL)}, not INTERNET and VPC`,
      );
    }

    const table = tableEntry[1].Properties ?? {};
    if (!isDeepStrictEqual(table.InstanceName, { 'Fn::GetAtt': [instanceId, 'InstanceName'] })) {
      problems.push('the table is not placed in the instance through Fn::GetAtt');
    }
    const t = evaluate(table, stack) as Record<string, Json>;
    if (t.TableName !== expected.table)
      problems.push(`table is ${String(t.TableName)}, not ${expected.table}`);
    if (!isDeepStrictEqual(t.PrimaryKey, [{ Name: 'key', Type: 'STRING' }])) {
      problems.push(`PrimaryKey is ${JSON.stringify(t.PrimaryKey)}, not one STRING column "key"`);
    }
    if (t.MaxVersions !== 1) problems.push(`MaxVersions is ${String(t.MaxVersions)}, not 1`);
    const ttl = expected.idempotencyTtlSeconds + TTL_MARGIN_SECONDS;
    if (typeof t.TimeToLive !== 'number' || t.TimeToLive < MIN_TTL_SECONDS) {
      problems.push(
        `TimeToLive ${String(t.TimeToLive)} is below Tablestore's minimum of ${MIN_TTL_SECONDS} s`,
      );
    } else if (t.TimeToLive !== ttl) {
      problems.push(
        `TimeToLive is ${t.TimeToLive}, not the idempotency TTL + ${TTL_MARGIN_SECONDS} = ${ttl}`,
      );
    }

    const outputs = evaluate(
      Object.fromEntries(
        Object.entries(stack.template.Outputs ?? {}).map(([k, o]) => [k, o.Value]),
      ),
      stack,
    ) as Record<string, Json>;
    const wanted = {
      Endpoint: `https://${expected.instance}.${stack.region}.ots.aliyuncs.com`,
      InstanceName: expected.instance,
      TableName: expected.table,
    };
    for (const [key, value] of Object.entries(wanted)) {
      if (outputs[key] !== value)
        problems.push(`output ${key} is ${String(outputs[key])}, not ${value}`);
    }
    return problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|ACCESS_?KEY|CREDENTIAL|PRIVATE/i;
const SECRET_VALUE: Array<[RegExp, string]> = [
  [/LTAI[0-9A-Za-z]{12,}/, 'an AccessKey ID'],
  [/\bSTS\.[0-9A-Za-z]{16,}/, 'an STS AccessKey'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i, 'a URL with a password'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
];

/** The variables whose name or value looks like a credential. */
export function secretProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_NAME.test(name)) problems.push(`${name} is named like a credential`);
    for (const [pattern, what] of SECRET_VALUE) {
      if (pattern.test(String(value))) problems.push(`${name} holds ${what}`);
    }
  }
  return problems;
}

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

/** The data-plane calls the Tablestore store makes; the table itself is made at deploy. */
export const OTS_ACTIONS = ['ots:DeleteRow', 'ots:GetRow', 'ots:PutRow', 'ots:UpdateRow'];

/**
 * The problems of the role's policy for Tablestore: one statement allowing exactly the row
 * actions on the table's ARN `acs:ots:<region>:<uid>:instance/<instance>/table/<table>`
 * (region and account may be `*`), and no other Tablestore grant.
 */
export function otsPolicyProblems(
  policy: { Statement: PolicyStatement[] },
  expected: Pick<StoreExpectation, 'instance' | 'table'>,
): string[] {
  const problems: string[] = [];
  const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  const ots = policy.Statement.filter((s) =>
    list(s.Action).some((a) => a === '*' || a.startsWith('ots:')),
  );
  const [statement] = ots;
  if (ots.length !== 1 || !statement) return ['needs exactly one statement with ots actions'];
  if (statement.Effect !== 'Allow') problems.push('the ots statement does not Allow');
  const actions = [...list(statement.Action)].sort();
  if (!isDeepStrictEqual(actions, OTS_ACTIONS)) {
    problems.push(`ots actions are ${actions.join(', ')}, not ${OTS_ACTIONS.join(', ')}`);
  }
  const arn = new RegExp(
    `^acs:ots:(\\*|[a-z]{2}-[a-z0-9-]+):(\\*|\\d+):instance/${expected.instance}/table/${expected.table}$`,
  );
  const resources = list(statement.Resource);
  if (resources.length !== 1 || !resources.every((r) => arn.test(r))) {
    problems.push(
      `ots resource is ${resources.join(', ')}, not the ARN of table ${expected.table}`,
    );
  }
  return problems;
}

/**
 * The stack a `ros` resource of a rendered s.yaml deploys: its template (read from the path the
 * resource names), its parameters and its region.
 * @example rosStack(await preview('s.yaml'), 'push-bus').template.Resources
 */
export function rosStack(
  spec: { resources: Record<string, { props: unknown }> },
  name: string,
  accountId?: string,
): Stack {
  const resource = spec.resources[name];
  if (!resource) throw new Error(`s.yaml has no resource ${name}`);
  const props = resource.props as {
    region: string;
    template: string;
    parameters: Record<string, string>;
  };
  return {
    template: JSON.parse(readFileSync(props.template, 'utf8')) as RosTemplate,
    parameters: props.parameters,
    region: props.region,
    ...(accountId === undefined ? {} : { accountId }),
  };
}

/**
 * A copy of `stack` whose template `change` has broken, to see a check fail.
 * @example mutatedStack(stack, (t) => { delete t.Resources.Table; })
 */
export function mutatedStack(stack: Stack, change: (template: RosTemplate) => void): Stack {
  const template = structuredClone(stack.template);
  change(template);
  return { ...stack, template };
}
