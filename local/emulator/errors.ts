/**
 * Gateway error bodies, the layer above mPaaS: `{ RequestId, HostId, Code, Message, Recommend }`.
 *
 * Clients branch on `Code` (pop-core throws an Error carrying it), so the emulator answers the
 * codes, messages and HTTP statuses the Alibaba Cloud gateway documents (reference
 * mpaas-openapi.md §4). Codes outside the catalogue, e.g. an injected fault, still get the same
 * body shape with a generic message.
 */
import { randomUUID } from 'node:crypto';

/** The host the emulator pretends to be, quoted in every error body. */
export const EMULATED_HOST = 'mpaas.aliyuncs.com';

/** A gateway error body. */
export interface GatewayErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/** A gateway error ready to send: status plus body. */
export interface GatewayError {
  status: number;
  body: GatewayErrorBody;
}

interface CatalogueEntry {
  status: number;
  message: string;
}

const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  IncompleteSignature: {
    status: 400,
    message: 'The request signature does not conform to Aliyun standards.',
  },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  MissingSecurityToken: { status: 400, message: 'SecurityToken is mandatory for this action.' },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    status: 400,
    message: 'Specified SecurityToken mismatch with the AccessKey.',
  },
  'InvalidSecurityToken.Expired': { status: 400, message: 'Specified SecurityToken is expired.' },
  'InvalidTimeStamp.Format': {
    status: 400,
    message: 'Specified time stamp or date value is not well formatted.',
  },
  'InvalidTimeStamp.Expired': {
    status: 400,
    message: 'Specified time stamp or date value is expired.',
  },
  SignatureDoesNotMatch: {
    status: 400,
    message: 'Specified signature is not matched with our calculation.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidApi.NotFound': {
    status: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  Throttling: { status: 400, message: 'Request was denied due to request throttling.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  'Throttling.Api': { status: 400, message: 'Request was denied due to api flow control.' },
  'Forbidden.RAM': {
    status: 403,
    message:
      'User not authorized to operate on the specified resource, or this API does not support RAM.',
  },
  NoPermission: { status: 403, message: 'You are not authorized to do this operation.' },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
  ServiceUnavailable: {
    status: 503,
    message: 'The request has failed due to a temporary failure of the server.',
  },
};

/** A fresh request id in the gateway's upper-case UUID form. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** Overrides for {@link gatewayError}. */
export interface GatewayErrorOptions {
  status?: number;
  message?: string;
  requestId?: string;
}

/**
 * Builds the error for `code`, with the catalogue's status and message unless overridden.
 * @example gatewayError('Throttling.User').status // 400
 */
export function gatewayError(code: string, options: GatewayErrorOptions = {}): GatewayError {
  const entry = CATALOGUE[code];
  return {
    status: options.status ?? entry?.status ?? 400,
    body: {
      RequestId: options.requestId ?? newRequestId(),
      HostId: EMULATED_HOST,
      Code: code,
      Message: options.message ?? entry?.message ?? `The request failed with ${code}.`,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=mPaaS`,
    },
  };
}

/**
 * The error for a missing mandatory parameter, in the gateway's `Missing<Name>` form.
 * @example missingParameter('SignatureNonce').body.Code // "MissingSignatureNonce"
 */
export function missingParameter(name: string): GatewayError {
  return gatewayError(`Missing${name}`, {
    status: 400,
    message: `${name} is mandatory for this action.`,
  });
}
