/**
 * The Tablestore errors the emulator answers: HTTP status, code and message as the service sends
 * them, in a protobuf `Error` body.
 *
 * Statuses and messages come from the error-code reference
 * (https://www.alibabacloud.com/help/en/tablestore/developer-reference/error-codes; 5xx:
 * https://www.alibabacloud.com/help/faq-detail/59899.htm) and from the assertions of the
 * Tablestore Python SDK's tests (aliyun/aliyun-tablestore-python-sdk `tests/`), e.g.
 * `403 OTSConditionCheckFail "Condition check failed."`. Where neither states a message, the
 * emulator's own wording is marked so below.
 */
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';

/** A documented failure, thrown by the emulator's handlers and answered by the server. */
export class OtsServiceError extends Error {
  override name = 'OtsServiceError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The protobuf `Error` body. */
  body(): Uint8Array {
    return ots.Error.encode({ code: this.code, message: this.message }).finish();
  }
}

/** Codes with a fixed status and message: what a fault of that code answers by default. */
export const CATALOGUE: Readonly<Record<string, { status: number; message: string }>> = {
  OTSServerUnavailable: { status: 503, message: 'Server is not available.' },
  OTSServerBusy: { status: 503, message: 'Server is busy.' },
  OTSPartitionUnavailable: { status: 503, message: 'The partition is not available.' },
  OTSTimeout: { status: 503, message: 'Operation timeout.' },
  OTSInternalServerError: { status: 500, message: 'Internal server error.' },
  OTSNotEnoughCapacityUnit: { status: 403, message: 'Remaining capacity unit is not enough.' },
  OTSQuotaExhausted: { status: 403, message: 'Too frequent table operations.' },
  OTSRowOperationConflict: {
    status: 409,
    message: 'Data is being modified by the other request.',
  },
};

/** The error of a catalogued code, or of any code with an explicit status. */
export function catalogued(code: string, status?: number, message?: string): OtsServiceError {
  const known = CATALOGUE[code];
  return new OtsServiceError(
    status ?? known?.status ?? 500,
    code,
    message ?? known?.message ?? 'Injected fault.',
  );
}

/** 403 `OTSAuthFailed`: signature, key, token, clock or instance. */
export const authFailed = (message: string) => new OtsServiceError(403, 'OTSAuthFailed', message);

/** 400 `OTSParameterInvalid`. */
export const parameterInvalid = (message: string) =>
  new OtsServiceError(400, 'OTSParameterInvalid', message);

/** 403 `OTSConditionCheckFail`: nothing was written. */
export const conditionCheckFail = () =>
  new OtsServiceError(403, 'OTSConditionCheckFail', 'Condition check failed.');

/** 404 `OTSObjectNotExist`. */
export const tableNotExist = () =>
  new OtsServiceError(404, 'OTSObjectNotExist', 'Requested table does not exist.');

/** 409 `OTSObjectAlreadyExist`. */
export const tableAlreadyExist = () =>
  new OtsServiceError(409, 'OTSObjectAlreadyExist', 'Requested table already exists.');
