/**
 * PushTemplate as mPaaS checks it: the business rules behind each documented result code, and
 * the notification text the accepted push would show.
 *
 * Each rule mirrors a code from reference mpaas-openapi.md §5.4, so a client's validation can be
 * tested against the same refusals the service gives. Where the docs name no limit the emulator
 * picks one and says so: `ExpiredSeconds` above 72 hours fails with 3026 EXPIREDTIME_TOO_LONG.
 */
import { randomInt } from 'node:crypto';
import type { SignedParams } from './signature.ts';
import type { TemplateRegistry } from './template-registry.ts';
import { render } from './template-registry.ts';

/** An mPaaS app instance: an App ID inside a workspace. */
export interface AppInstance {
  appId: string;
  workspaceId: string;
}

/** The emulator's own ceiling for `ExpiredSeconds` (72 hours); mPaaS documents none. */
export const MAX_EXPIRED_SECONDS = 72 * 3600;

const DELIVERY_TYPES = new Set(['1', '2', '3', '5', '6', '7']);
const MAX_TARGETS = 10;
const MAX_EXTENDED_PARAMS = 20;
const JSON_FIELDS = [
  'TargetMsgkey',
  'TemplateKeyValue',
  'ExtendedParams',
  'StrategyContent',
  'ThirdChannelCategory',
  'NotifyLevel',
  'ActivityContentState',
];

/** A push that passed every rule. */
export interface AcceptedPush {
  /** The business parameters, JSON-valued ones parsed. */
  params: Record<string, unknown>;
  title: string;
  text: string;
  /** `PushResult.Data`: a task id for scheduled (1) or cyclic (2) strategies, else empty. */
  data: string;
}

/** Either the accepted push or the result code that refuses it. */
export type PushTemplateOutcome =
  | { ok: true; push: AcceptedPush }
  | { ok: false; resultCode: string };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonFields(params: SignedParams): JsonObject | undefined {
  const parsed: JsonObject = { ...params };
  for (const field of JSON_FIELDS) {
    const raw = params[field];
    if (raw === undefined || raw === '') continue;
    try {
      parsed[field] = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return parsed;
}

function checkTargets(targets: unknown): string | undefined {
  if (targets === undefined) return '3021';
  if (!isObject(targets)) return '3028';
  const values = Object.values(targets);
  if (values.length === 0) return '3021';
  if (values.length > MAX_TARGETS) return '3029';
  return values.every((v) => typeof v === 'string' && v !== '') ? undefined : '3028';
}

function checkExpiry(raw: string | undefined): string | undefined {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) <= 0) return '3020';
  return Number(raw) > MAX_EXPIRED_SECONDS ? '3026' : undefined;
}

function templateValues(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return {};
  if (!isObject(raw)) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return undefined;
    values[key] = String(value);
  }
  return values;
}

function checkExtras(json: JsonObject): string | undefined {
  const extended = json.ExtendedParams;
  if (extended !== undefined && !isObject(extended)) return '3028';
  if (isObject(extended) && Object.keys(extended).length > MAX_EXTENDED_PARAMS) return '3035';
  const strategy = json.StrategyType ?? '0';
  if (!['0', '1', '2'].includes(String(strategy))) return '3028';
  if (strategy !== '0' && !isObject(json.StrategyContent)) return '3028';
  return undefined;
}

function checkCommon(params: SignedParams, apps: readonly AppInstance[]): string | undefined {
  if (!params.AppId || !params.WorkspaceId) return '3003';
  const known = apps.some((a) => a.appId === params.AppId && a.workspaceId === params.WorkspaceId);
  if (!known) return '8012';
  if (!DELIVERY_TYPES.has(params.DeliveryType ?? '')) return '3009';
  return undefined;
}

/**
 * Applies the PushTemplate rules in order and renders the accepted push.
 * @example checkPushTemplate(params, apps, registry) // { ok: false, resultCode: '3022' } for an unknown template
 */
export function checkPushTemplate(
  params: SignedParams,
  apps: readonly AppInstance[],
  registry: TemplateRegistry,
): PushTemplateOutcome {
  const fail = (resultCode: string): PushTemplateOutcome => ({ ok: false, resultCode });
  const common = checkCommon(params, apps);
  if (common !== undefined) return fail(common);
  const json = parseJsonFields(params);
  if (json === undefined) return fail('3028');
  const early = checkTargets(json.TargetMsgkey) ?? checkExpiry(params.ExpiredSeconds);
  if (early !== undefined) return fail(early);
  if (!params.TemplateName) return fail('3025');
  const template = registry.find(params.TemplateName);
  if (template === undefined) return fail('3022');
  if (!params.TaskName) return fail('3019');
  const values = templateValues(json.TemplateKeyValue);
  if (values === undefined) return fail('3028');
  if (registry.keysOf(template).some((key) => values[key] === undefined)) return fail('3023');
  const extras = checkExtras(json);
  if (extras !== undefined) return fail(extras);
  const scheduled = json.StrategyType === '1' || json.StrategyType === '2';
  return {
    ok: true,
    push: {
      params: json,
      title: render(template.title ?? '', values),
      text: render(template.content, values),
      data: scheduled ? String(randomInt(1e9, 1e10)) : '',
    },
  };
}
