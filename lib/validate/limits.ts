/**
 * The bound of every string, map and list a push request may carry, in one table: the schema
 * checks them, the README's field table states them, and the largest valid request (hence the
 * default HTTP body limit) is computed from them.
 *
 * Why bounds at all: a field mPaaS cannot take (a 1 MB target id, a 100,000-key template map)
 * used to pass validation and fail at the gateway with `RequestEntityTooLarge` — a caller's
 * mistake reported as an operator's, after the push was planned and signed. Every bound below is
 * the mPaaS docs' own limit where they state one, else a conservative one, and each says which:
 *
 * - `templateName` 200: the console's template-name limit ("最多可输入 200 字符", mPaaS
 *   "创建模板", help.aliyun.com/document_detail/134424.html). `taskName` takes the same bound
 *   (the docs state none; the console's names are 200).
 * - `extendedParams` 20 keys: mPaaS result 3035 EXTEND_PARAM_TO_MUCH (reference mpaas-openapi.md §5.2).
 * - The templates' own maps (`templateKeyValue`, `extendedParams`) at most 2048 bytes of JSON:
 *   the whole message body of an Android or iOS push is limited to 2 KB ("推送的总消息体大小限制为
 *   2KB", mPaaS "推送消息内容限制", alibabacloud.com/help/zh/mobile-platform-as-a-service/latest/message-conent-restrictions),
 *   so more text than that can never reach a device.
 * - `activityContentState` 4096 bytes: ActivityKit's limit (maps.ts).
 * - Target ids 256 characters: device ids and user ids are far shorter; Apple's tokens (Live
 *   Activity `pushToken`) are documented as variable length, and 256 hex digits hold 128 bytes.
 * - msgKeys 128 characters (derived ones are 32), names and map keys 128, the SMS and vendor
 *   fields 128, every other map value 1024: conservative bounds, no doc states one.
 *
 * Lengths are counted in UTF-16 code units (JavaScript's `length`), bytes as UTF-8.
 */

/** Longest string per field, in characters. */
export const MAX_LENGTH = {
  taskName: 200,
  templateName: 200,
  appId: 128,
  workspaceId: 128,
  targetId: 256,
  msgKey: 128,
  smsSignName: 128,
  smsTemplateCode: 128,
  miChannelId: 128,
  mapKey: 128,
  mapValue: 1024,
} as const;

/** Most keys per map field. */
export const MAX_KEYS = {
  templateKeyValue: 100,
  extendedParams: 20,
  smsTemplateParam: 20,
  thirdChannelCategory: 20,
  notifyLevel: 20,
} as const;

/** Largest JSON encoding per map field, in UTF-8 bytes. */
export const MAX_JSON_BYTES = {
  templateKeyValue: 2048,
  extendedParams: 2048,
  smsTemplateParam: 1024,
  thirdChannelCategory: 1024,
  notifyLevel: 1024,
  activityContentState: 4096,
} as const;

/** The map fields that have bounds of their own. */
export type BoundedMap = keyof typeof MAX_KEYS;

/**
 * Most issues one answer lists: the rest are counted in one closing issue, so that a request
 * with 100,000 bad targets gets a small answer and a small log line, not 20 MB of each.
 */
export const MAX_ISSUES = 100;

/** FC's limit on a synchronous HTTP request body (reference fc-platform.md §5): 32 MB. */
export const FC_SYNC_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Largest JSON body a valid request of `maxTargets` targets can have, capped at FC's own limit:
 * every target as the longest `"id":"msgKey",` pair and every other field at its bound, each
 * character as 3 bytes (UTF-8 of any character in the Basic Multilingual Plane), plus 4 KB for
 * the numbers, enums and whitespace. A longer body cannot be valid, so it is refused before it is
 * parsed (`MAX_BODY_BYTES` defaults to this).
 *
 * @example
 * largestRequestBytes(1000); // 1,181,121: a little over 1.1 MB
 */
export function largestRequestBytes(maxTargets: number): number {
  const perTarget = 3 * (MAX_LENGTH.targetId + MAX_LENGTH.msgKey) + 6;
  const strings = Object.values(MAX_LENGTH).reduce((sum, length) => sum + 3 * length + 3, 0);
  const maps = Object.values(MAX_JSON_BYTES).reduce((sum, bytes) => sum + bytes, 0);
  return Math.min(FC_SYNC_BODY_BYTES, maxTargets * perTarget + strings + maps + 4096);
}
