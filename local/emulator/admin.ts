/**
 * The emulator's own control routes, outside the mPaaS API: mint STS credentials (`/_sts`),
 * read or clear accepted pushes (`/_pushes`), and queue faults (`/_faults`).
 *
 * They exist so a test or the local stack in another process can drive the emulator over HTTP
 * as easily as in-process tests drive it through the `Emulator` object. Their names start with
 * an underscore so they can never collide with the RPC endpoint at `/`.
 */
import { z } from 'zod';
import type { RequestContext, Route } from './context.ts';
import { gatewayError } from './errors.ts';
import { FaultListSchema } from './faults.ts';
import { sendEmpty, sendJson } from './http-io.ts';

const StsRequestSchema = z.strictObject({ durationSeconds: z.number().finite().optional() });

function sendInvalid(ctx: RequestContext, message: string): void {
  const error = gatewayError('InvalidParameter', { status: 400, message });
  sendJson(ctx.res, error.status, error.body);
}

function parseJsonBody(ctx: RequestContext): { ok: true; value: unknown } | { ok: false } {
  const text = ctx.body.toString('utf8').trim();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    sendInvalid(ctx, 'The request body is not valid JSON.');
    return { ok: false };
  }
}

/** `POST /_sts`: mints credentials; body `{ durationSeconds? }` (0 or less: already expired). */
export const mintCredentials: Route = function mintCredentials(ctx) {
  const body = parseJsonBody(ctx);
  if (!body.ok) return;
  const parsed = StsRequestSchema.safeParse(body.value ?? {});
  if (!parsed.success) {
    sendInvalid(ctx, `Invalid STS request: ${z.prettifyError(parsed.error)}`);
    return;
  }
  sendJson(ctx.res, 200, ctx.state.credentials.mint(parsed.data.durationSeconds));
};

/** `GET /_pushes`: every accepted push, oldest first. */
export const listPushes: Route = function listPushes(ctx) {
  sendJson(ctx.res, 200, { pushes: ctx.state.pushes.list() });
};

/** `GET /_schedules`: every task of the scheduled and loop pushes, cancelled ones included. */
export const listSchedules: Route = function listSchedules(ctx) {
  sendJson(ctx.res, 200, { tasks: ctx.state.schedules.list() });
};

/** `GET /_refusals`: every refused call (signature errors, result codes, faults), oldest first. */
export const listRefusals: Route = function listRefusals(ctx) {
  sendJson(ctx.res, 200, { refusals: ctx.state.refusals.list() });
};

/** `DELETE /_pushes`: forgets accepted pushes, the tasks of scheduled ones, and refusals. */
export const clearPushes: Route = function clearPushes(ctx) {
  ctx.state.pushes.clear();
  ctx.state.schedules.clear();
  ctx.state.refusals.clear();
  ctx.state.changes.notify('pushes');
  sendEmpty(ctx.res, 204);
};

/** `PUT /_faults`: replaces the fault queue with `{ faults: [...] }`. */
export const putFaults: Route = function putFaults(ctx) {
  const body = parseJsonBody(ctx);
  if (!body.ok) return;
  const parsed = FaultListSchema.safeParse(body.value);
  if (!parsed.success) {
    sendInvalid(ctx, `Invalid faults: ${z.prettifyError(parsed.error)}`);
    return;
  }
  ctx.state.faults.set(parsed.data.faults);
  ctx.state.changes.notify('faults');
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
};

/** `GET /_faults`: the queued faults, next first. */
export const listFaults: Route = function listFaults(ctx) {
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
};

/** `DELETE /_faults`: empties the fault queue. */
export const clearFaults: Route = function clearFaults(ctx) {
  ctx.state.faults.clear();
  ctx.state.changes.notify('faults');
  sendEmpty(ctx.res, 204);
};
