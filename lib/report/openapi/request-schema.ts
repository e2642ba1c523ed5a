/**
 * The JSON Schema of a push request (`POST /pushes`), for the OpenAPI document.
 *
 * Generated from the zod schema the function validates with (zod 4's `toJSONSchema`, at build
 * time: zod-json.ts): which
 * fields exist, which are required, that no other key is taken, each enumeration's values and
 * the shape of `StrategyContent` all come from it, so the document cannot name a field the
 * function refuses or miss one it takes (a test checks both ways). Our schema parses with
 * transforms and refinements that JSON Schema cannot see, so each field's input form is then
 * stated here, with the bounds of lib/validate/limits.ts (the ones the rules check) and the field
 * descriptions of the mPaaS template-push doc (help.aliyun.com/document_detail/2871127.html; en:
 * alibabacloud.com/help/en/mobile-platform-as-a-service/latest/template-push):
 * - whole numbers are a JSON integer or a string of decimal digits (as a form trigger sends them);
 * - every map, `targets` and `StrategyContent` are JSON values or a JSON string of one (as the
 *   docs' examples send them);
 * - rules between fields, the clock, the time zone and the configured app (a scheduled push's
 *   window, the SMS trio, msgKeys unique, bytes of JSON) are described, not expressed: the
 *   function's 400 names each of them.
 */
import { zodRequestJsonSchema } from '#lib/report/openapi/zod-json.ts';
import { ONLY_IN_2020_10_28 } from '#lib/validate/api-version.ts';
import { FIELD_NAMES } from '#lib/validate/fields.ts';
import { MAX_JSON_BYTES, MAX_KEYS, MAX_LENGTH } from '#lib/validate/limits.ts';
import type { ApiVersion } from '#lib/validate/options.ts';

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** What the document depends on: the deployment's configuration. */
export interface DocumentConfig {
  /** `MPAAS_MAX_TARGETS`: targets one request may name. */
  maxTargets: number;
  /** `MPAAS_INLINE_TARGETS`: above this, a push is dispatched (202). */
  inlineTargets: number;
  /** `MAX_BODY_BYTES`. */
  maxBodyBytes: number;
  /** `MPAAS_API_VERSION`: 2019-08-21 takes fewer fields. */
  apiVersion: ApiVersion;
  /** `MPAAS_APP_ID` and `MPAAS_WORKSPACE_ID`, when set: the only values a request may name. */
  appId?: string | undefined;
  workspaceId?: string | undefined;
}

const NON_BLANK = '\\S';

function text(maxLength: number, description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', minLength: 1, maxLength, pattern: NON_BLANK, description, ...extra };
}

/** The largest whole number JSON can carry exactly (2^53 − 1): the function takes no larger. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A whole number as JSON, or as a string of decimal digits (`digits`, a pattern; plain digits of
 * at most 16 by default), limited to `values` if given.
 */
function whole(
  description: string,
  bounds: JsonSchema,
  values?: readonly unknown[],
  digits = '^(0|[1-9][0-9]{0,15})$',
): JsonSchema {
  const numbers =
    values === undefined ? { minimum: 0, maximum: SAFE, ...bounds } : { enum: values };
  const strings =
    values === undefined ? { pattern: digits } : { enum: values.map((value) => String(value)) };
  return {
    description,
    anyOf: [
      { type: 'integer', ...numbers },
      { type: 'string', ...strings },
    ],
  };
}

/**
 * A JSON value, or a JSON string of one. JSON Schema does not look inside a string
 * (`contentSchema` only says what it should hold), so the string form is checked here only for
 * opening as the value does; the function checks what it holds, and its 400 names the rule.
 */
function orJsonString(schema: JsonSchema, description: string, examples?: unknown[]): JsonSchema {
  const opens = schema.type === 'array' ? '^\\s*\\[' : '^\\s*\\{';
  return {
    description: `${description} As a JSON string, what it holds is checked by the function, not by this schema.`,
    anyOf: [
      schema,
      {
        type: 'string',
        pattern: opens,
        contentMediaType: 'application/json',
        contentSchema: schema,
      },
    ],
    ...(examples === undefined ? {} : { examples }),
  };
}

/** Keys no map may have: a parser would set the object's prototype instead (json-map.ts). */
const NOT_PROTOTYPE = { not: { enum: ['__proto__', 'constructor', 'prototype'] } };

const mapKey = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_LENGTH.mapKey,
  pattern: NON_BLANK,
  ...NOT_PROTOTYPE,
};
const scalar = {
  anyOf: [{ type: 'string', maxLength: MAX_LENGTH.mapValue }, { type: 'number' }],
};

function scalarMap(field: keyof typeof MAX_KEYS, description: string): JsonSchema {
  const map = {
    type: 'object',
    propertyNames: mapKey,
    additionalProperties: scalar,
    maxProperties: MAX_KEYS[field],
  };
  return orJsonString(
    map,
    `${description} Values are strings or numbers; at most ${MAX_KEYS[field]} keys of ${MAX_LENGTH.mapKey} characters, string values of ${MAX_LENGTH.mapValue}, ${MAX_JSON_BYTES[field]} bytes of JSON in all.`,
  );
}

/** A Unix time in milliseconds: 13 digits (strategy-content.ts). */
const MILLISECONDS = { minimum: 1e12, maximum: 1e13 - 1 };
const MS_DIGITS = '^[1-9][0-9]{12}$';

function strategyContent(fromZod: unknown, description: string): JsonSchema {
  const properties = isSchema(fromZod) && isSchema(fromZod.properties) ? fromZod.properties : {};
  const circleType = isSchema(properties.circleType) ? properties.circleType.enum : undefined;
  const content = {
    type: 'object',
    additionalProperties: false,
    properties: {
      fixedTime: whole(
        'A scheduled push: when, Unix milliseconds.',
        MILLISECONDS,
        undefined,
        MS_DIGITS,
      ),
      startTime: whole('A loop: first day, Unix milliseconds.', MILLISECONDS, undefined, MS_DIGITS),
      endTime: whole('A loop: last day, Unix milliseconds.', MILLISECONDS, undefined, MS_DIGITS),
      circleType: whole(
        '1 daily, 2 weekly, 3 monthly.',
        {},
        Array.isArray(circleType) ? circleType : [],
      ),
      circleValue: {
        type: 'array',
        items: whole(
          'A day of the week (1–7) or of the month (1–31).',
          { minimum: 1, maximum: 31 },
          undefined,
          '^[1-9][0-9]?$',
        ),
        minItems: 1,
        uniqueItems: true,
        description: 'Days of the week (1–7) or of the month (1–31); absent for a daily loop.',
      },
      time: {
        type: 'string',
        pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$',
        description: 'A loop: time of day, HH:mm:ss (24-hour), in MPAAS_TIME_ZONE.',
      },
    },
  };
  // the keys must be zod's: a key zod would refuse cannot be documented
  const documented = Object.keys(content.properties).sort().join();
  const accepted = Object.keys(properties).sort().join();
  if (documented !== accepted) {
    throw new Error(`StrategyContent: documented ${documented}, accepted ${accepted}`);
  }
  return orJsonString(content, description, [{ fixedTime: 1630303126000 }]);
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The enumeration zod states for a field. */
function enumOf(properties: JsonSchema, field: string): unknown[] {
  const property = properties[field];
  const values = isSchema(property) ? property.enum : undefined;
  if (!Array.isArray(values)) throw new Error(`${field}: the zod schema states no values`);
  return values;
}

const SMS = 'SMS supplement (API 2020-10-28; Hangzhou, non-finance only):';

/** Each field's input form and description, given zod's output for the whole object. */
function fieldSchemas(properties: JsonSchema, config: DocumentConfig): Record<string, JsonSchema> {
  const targetId = {
    type: 'string',
    minLength: 1,
    maxLength: MAX_LENGTH.targetId,
    pattern: NON_BLANK,
    ...NOT_PROTOTYPE,
  };
  const msgKey = { type: 'string', minLength: 1, maxLength: MAX_LENGTH.msgKey, pattern: NON_BLANK };
  return {
    taskName: text(MAX_LENGTH.taskName, 'Push task name (required: mPaaS answers 3019 without).', {
      examples: ['order shipped'],
    }),
    appId: text(
      MAX_LENGTH.appId,
      "mPaaS App ID. Defaults to the function's MPAAS_APP_ID; another value is refused.",
      config.appId === undefined ? { examples: ['ONEX570DA89211721'] } : { const: config.appId },
    ),
    workspaceId: text(
      MAX_LENGTH.workspaceId,
      "mPaaS workspace. Defaults to the function's MPAAS_WORKSPACE_ID; another value is refused.",
      config.workspaceId === undefined ? { examples: ['default'] } : { const: config.workspaceId },
    ),
    deliveryType: whole(
      'Who the targets are: 1 Android device, 2 iOS device, 3 user (the user id the client bound), 5 Live Activity pushToken, 6 Live Activity activityId, 7 HarmonyOS device.',
      {},
      enumOf(properties, 'deliveryType'),
    ),
    targetMsgkey: orJsonString(
      {
        type: 'object',
        propertyNames: targetId,
        additionalProperties: msgKey,
        minProperties: 1,
        maxProperties: config.maxTargets,
      },
      `Target id → business message id (msgKey), unique in the request. Exactly one of targetMsgkey and targets. More than 10 pairs are split into PushTemplate calls of 10; above ${config.inlineTargets} targets the push is dispatched (202).`,
      [{ user1024: '1578807462788' }],
    ),
    targets: orJsonString(
      {
        type: 'array',
        items: targetId,
        minItems: 1,
        maxItems: config.maxTargets,
        uniqueItems: true,
      },
      "This function's own: target ids without msgKeys; each msgKey is derived from the Idempotency-Key (or the request id) and the target, so a retry reuses them. Exactly one of targetMsgkey and targets.",
      [['user1024', 'user2048']],
    ),
    expiredSeconds: whole(
      'Message validity period in seconds (mPaaS answers 3026 when too long).',
      { minimum: 1 },
      undefined,
      '^[1-9][0-9]{0,15}$',
    ),
    templateName: text(
      MAX_LENGTH.templateName,
      'Template created in the mPaaS console; no comma (mPaaS answers 3022 for an unknown one).',
      { pattern: '^[^,]*[^,\\s][^,]*$', examples: ['template1024'] },
    ),
    templateKeyValue: scalarMap(
      'templateKeyValue',
      'Placeholder → value: `#name#` in the template takes `name` (mPaaS answers 3023 when one is missing).',
    ),
    extendedParams: scalarMap(
      'extendedParams',
      'Extended parameters delivered with the message (mPaaS 3035 above 20).',
    ),
    notifyType: {
      type: 'string',
      enum: enumOf(properties, 'notifyType'),
      description: '`notify` (default: the vendor channels) or `transparent` (MPS own channel).',
    },
    classification: {
      enum: ['0', '1', 0, 1],
      description: 'vivo message type: 0 operational, 1 system (default "1").',
    },
    strategyType: whole(
      '0 immediate (default), 1 scheduled (StrategyContent.fixedTime), 2 loop (startTime, endTime, circleType, circleValue, time). API 2020-10-28.',
      {},
      enumOf(properties, 'strategyType'),
    ),
    StrategyContent: strategyContent(
      properties.StrategyContent,
      'Strategy details, required when strategyType is 1 or 2 (the docs spell it StrategyContent). Times are Unix milliseconds: not before today 00:00 in MPAAS_TIME_ZONE, a loop ends after it starts and at most 180 days ahead.',
    ),
    strategyContent: strategyContent(
      properties.strategyContent,
      'The SDK spelling of StrategyContent; send one of the two.',
    ),
    smsStrategy: whole(
      `${SMS} 0 none (default); 1 or 2 also need smsSignName, smsTemplateCode and smsTemplateParam.`,
      {},
      enumOf(properties, 'smsStrategy'),
    ),
    smsSignName: text(MAX_LENGTH.smsSignName, `${SMS} SMS signature.`),
    smsTemplateCode: text(MAX_LENGTH.smsTemplateCode, `${SMS} SMS template code.`),
    smsTemplateParam: scalarMap('smsTemplateParam', `${SMS} SMS template parameters.`),
    thirdChannelCategory: scalarMap(
      'thirdChannelCategory',
      'Vendor channel → message category (API 2020-10-28).',
    ),
    notifyLevel: scalarMap('notifyLevel', 'Vendor channel → notification level (API 2020-10-28).'),
    miChannelId: text(MAX_LENGTH.miChannelId, 'Xiaomi channel id (API 2020-10-28).'),
    activityEvent: {
      type: 'string',
      enum: enumOf(properties, 'activityEvent'),
      description: 'Live Activities (deliveryType 5 or 6): `update` or `end`.',
    },
    activityContentState: orJsonString(
      { type: 'object' },
      `Live Activities: the ContentState of the app's ActivityKit attributes, at most ${MAX_JSON_BYTES.activityContentState} bytes of JSON (ActivityKit's limit).`,
    ),
    dismissalDate: whole(
      'Live Activities: when an ended activity leaves the lock screen, Unix seconds.',
      { minimum: 1e9, maximum: 1e10 - 1 },
      undefined,
      '^[1-9][0-9]{9}$',
    ),
  };
}

/**
 * The push request's JSON Schema: zod's structure with each field's input form, bounds and
 * description.
 * @throws Error when the zod schema and this module disagree on the fields (a test runs it).
 * @example pushRequestJsonSchema({ maxTargets: 100000, inlineTargets: 1000, maxBodyBytes: 1e6 }).required
 */
export function pushRequestJsonSchema(config: DocumentConfig): JsonSchema {
  const generated = zodRequestJsonSchema();
  const properties = isSchema(generated.properties) ? generated.properties : {};
  const fields = fieldSchemas(properties, config);
  const missing = FIELD_NAMES.filter((name) => !(name in fields) || !(name in properties));
  const extra = Object.keys(fields).filter((name) => !FIELD_NAMES.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`push request fields: undocumented ${missing}, unknown ${extra}`);
  }
  return {
    type: 'object',
    description:
      'One PushTemplate request, with the names of the mPaaS docs. Exactly one of targetMsgkey and targets; no other key is taken.',
    properties: Object.fromEntries(FIELD_NAMES.map((name) => [name, fields[name]])),
    required: generated.required,
    additionalProperties: generated.additionalProperties,
    allOf: crossFieldRules(config),
  };
}

const SMS_FIELDS = ['smsSignName', 'smsTemplateCode', 'smsTemplateParam'];
const LIVE_ACTIVITY_FIELDS = ['activityEvent', 'activityContentState', 'dismissalDate'];
const codes = (values: number[]) => ({ enum: [...values, ...values.map(String)] });
const anyOf = (fields: readonly string[]) => ({
  anyOf: fields.map((field) => ({ required: [field] })),
});
const CONTENT = ['StrategyContent', 'strategyContent'];

/**
 * The rules between fields that JSON Schema can state (cross-field.ts, strategy.ts,
 * target-rules.ts, api-version.ts): one target form; one StrategyContent spelling, required with
 * strategyType 1 or 2 and refused without; the SMS trio with smsStrategy 1 or 2 and none without;
 * the Live Activity fields only with deliveryType 5 or 6, activityEvent required there, `update`
 * with its content state and without a dismissal date; under API 2019-08-21, none of the fields
 * it lacks and no Live Activity push. The rules that need the clock or a pass over the values (a
 * schedule's window, msgKeys unique, bytes of JSON, lengths in UTF-16 units) are the 400's.
 */
function crossFieldRules(config: DocumentConfig): JsonSchema[] {
  const rules: JsonSchema[] = [
    { oneOf: [{ required: ['targetMsgkey'] }, { required: ['targets'] }] },
    { not: { required: CONTENT } },
    {
      if: { properties: { strategyType: codes([1, 2]) }, required: ['strategyType'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: anyOf(CONTENT),
      else: { not: anyOf(CONTENT) },
    },
    {
      if: { properties: { smsStrategy: codes([1, 2]) }, required: ['smsStrategy'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: { required: SMS_FIELDS },
      else: { not: anyOf(SMS_FIELDS) },
    },
  ];
  if (config.apiVersion === '2019-08-21') {
    return [
      ...rules,
      { not: anyOf(ONLY_IN_2020_10_28) },
      { not: { properties: { deliveryType: codes([5, 6]) }, required: ['deliveryType'] } },
    ];
  }
  return [
    ...rules,
    {
      if: { properties: { deliveryType: codes([5, 6]) }, required: ['deliveryType'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: { required: ['activityEvent'] },
      else: { not: anyOf(LIVE_ACTIVITY_FIELDS) },
    },
    {
      if: { properties: { activityEvent: { const: 'update' } }, required: ['activityEvent'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: { required: ['activityContentState'], not: { required: ['dismissalDate'] } },
    },
  ];
}
