/**
 * event-push — FC 3.0 EventBridge trigger (MNS queue source, or the event bus).
 *
 * Input: one CloudEvent (event-driven mode) or an array of them (event-streaming, elements
 * possibly JSON strings). From an MNS queue, `data.messageBody` is the PushTemplate request
 * (JSON, or base64 of JSON); from the event bus, `data` is. Other services' events are ignored.
 * Output: a batch summary. Any retryable failure throws after the whole batch is processed, so
 * EventBridge retries it (and dead-letters it with `errorsTolerance: ALL`).
 */

import { eventBridgeAdapter } from '#lib/adapt/eventbridge.ts';
import { eventFunction } from '#lib/handler/event-function.ts';

export const handler = eventFunction('event-push', eventBridgeAdapter);
