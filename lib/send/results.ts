/**
 * What the send stage produces and keeps in the idempotency store: the outcome of every
 * PushTemplate call (chunk), the line of every target, the counts, and the answer of a dispatch.
 * Each shape is a zod/mini schema, so the type is inferred from it and a replay decodes through it.
 *
 * These are plain values: the report stage turns them into the HTTP answer or a record's result,
 * and the handler derives the invocation's counters from them.
 */
import * as z from 'zod/mini';
import { type Codec, schemaCodec } from '#lib/send/store/codec.ts';

export const TARGET_STATUSES = ['SENT', 'THROTTLED', 'FAILED', 'REFUSED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** The summary counter each status adds to. */
export const STATUS_COUNTER = {
  SENT: 'sent',
  THROTTLED: 'throttled',
  FAILED: 'failed',
  REFUSED: 'refused',
} as const;

const chunkOutcomeSchema = z.object({
  status: z.enum(TARGET_STATUSES),
  attempts: z.number(),
  /** A call of this chunk may have been delivered although it failed (timeout, reset, 5xx). */
  inDoubt: z.boolean(),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  retryable: z.optional(z.boolean()),
  mpaasRequestId: z.optional(z.string()),
  /** The HTTP status a refusal was answered with (422, 413), so that a replay answers it again. */
  statusCode: z.optional(z.number()),
  taskId: z.optional(z.string()),
  /** Served from the idempotency store: not sent again by this invocation. */
  replayed: z.optional(z.boolean()),
});

/** The outcome of one PushTemplate call (a chunk), as stored for idempotent replays. */
export type ChunkOutcome = z.infer<typeof chunkOutcomeSchema>;

const targetResultSchema = z.object({
  target: z.string(),
  msgKey: z.string(),
  status: z.enum(TARGET_STATUSES),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  inDoubt: z.optional(z.boolean()),
});

/** One target's line in the result. */
export type TargetResult = z.infer<typeof targetResultSchema>;

const count = z.number();
const fanoutSummarySchema = z.object({
  targets: count,
  calls: count,
  sent: count,
  throttled: count,
  failed: count,
  refused: count,
  inDoubt: count,
  replayed: count,
  /** Attempts beyond the first, over all chunks. */
  retries: count,
});

export type FanoutSummary = z.infer<typeof fanoutSummarySchema>;

const sendResultSchema = z.object({
  summary: fanoutSummarySchema,
  targets: z.array(targetResultSchema),
  chunks: z.array(chunkOutcomeSchema),
});

/** Everything one push request's fan-out produced: what a keyed request replays. */
export type SendResult = z.infer<typeof sendResultSchema>;

const dispatchResultSchema = z.object({
  dispatchId: z.string(),
  batches: count,
  targets: count,
  worker: z.string(),
});

/** The batches a dispatched push was handed over in: what a keyed dispatch replays. */
export type DispatchResult = z.infer<typeof dispatchResultSchema>;

export const chunkOutcomeCodec: Codec<ChunkOutcome> = schemaCodec(
  'chunk outcome',
  chunkOutcomeSchema,
);
export const sendResultCodec: Codec<SendResult> = schemaCodec('push result', sendResultSchema);
export const dispatchResultCodec: Codec<DispatchResult> = schemaCodec(
  'dispatch result',
  dispatchResultSchema,
);
