/**
 * mPaaS business results: the HTTP 200 bodies that carry `ResultCode`, success or failure.
 *
 * Business failures are not gateway errors: pop-core resolves them instead of throwing, so
 * callers must read `ResultCode` and `PushResult.Success` (reference mpaas-openapi.md §5.3). The
 * emulator answers `PushResult` for both API versions; whether 2019-08-21 really sends it is
 * unconfirmed, and callers are told to treat it as optional anyway.
 */

/** Result codes the emulator answers, with their documented names (reference §5.4). */
export const RESULT_NAMES: Readonly<Record<string, string>> = {
  '3003': 'NEED_APPID_WORKSPACEID',
  '3009': 'DELIVERY_TYPE_NOT_SUPPORTED',
  '3019': 'TASKNAME_NULL',
  '3020': 'EXPIREDSECONDS_WRONG',
  '3021': 'TOKEN_OR_USERID_NULL',
  '3022': 'TEMPLATE_NOT_EXIST',
  '3023': 'TEMPLATEKV_NOT_ENOUGH',
  '3025': 'NEED_TEMPLATE',
  '3026': 'EXPIREDTIME_TOO_LONG',
  '3028': 'INVALID_PARAM',
  '3029': 'SINGLE_PUSH_TARGET_TOO_MUCH',
  '3035': 'EXTEND_PARAM_TO_MUCH',
  '8011': 'FLOW_CONTROL_ERROR',
  '8012': 'INVALID_INSTANCE_ID',
  '8013': 'INVALID_TENANT_ID',
  '8014': 'ACCOUNT_NO_PERMISSION',
  '9000': 'SYSTEM_ERROR',
};

/** The `PushResult` member of a PushTemplate answer. */
export interface PushResult {
  Success: boolean;
  ResultMsg: string;
  Data: string;
}

/** A PushTemplate answer body (HTTP 200). */
export interface BusinessBody {
  RequestId: string;
  ResultCode: string;
  ResultMessage: string;
  PushResult: PushResult;
}

/**
 * The body of a business failure; the message defaults to the code's documented name.
 * @example businessFailure('R1', '3022').ResultMessage // "TEMPLATE_NOT_EXIST"
 */
export function businessFailure(
  requestId: string,
  resultCode: string,
  resultMessage: string = RESULT_NAMES[resultCode] ?? 'SYSTEM_ERROR',
): BusinessBody {
  return {
    RequestId: requestId,
    ResultCode: resultCode,
    ResultMessage: resultMessage,
    PushResult: { Success: false, ResultMsg: resultMessage, Data: '' },
  };
}

/**
 * The body of an accepted push; `data` is the task id of a scheduled push, else empty.
 * @example businessSuccess('R1', '').ResultCode // "OK"
 */
export function businessSuccess(requestId: string, data: string): BusinessBody {
  return {
    RequestId: requestId,
    ResultCode: 'OK',
    ResultMessage: 'param is valid',
    PushResult: { Success: true, ResultMsg: 'success', Data: data },
  };
}
