/**
 * timer-push — FC 3.0 timer trigger, for recurring sends.
 *
 * Input: `{triggerName, triggerTime, payload}`; `payload` is one PushTemplate request or an array
 * of them, as JSON. The msgKeys of each firing are derived from triggerName + triggerTime +
 * target, so a retry of the same firing reuses them and two firings never share one.
 * Output: a batch summary; a retryable failure throws, so FC's async retry policy retries it.
 */

import { timerAdapter } from '#lib/adapt/timer.ts';
import { eventFunction } from '#lib/handler/event-function.ts';

export const handler = eventFunction('timer-push', timerAdapter);
