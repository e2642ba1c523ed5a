/**
 * The answer of `POST /pushes?dryRun=true`, in a module of its own so that a push, which never
 * answers it, does not load it (http-function.ts imports it on a dry run's first request, #11).
 */
import type { DryRunPlan } from '#lib/plan/dry-run.ts';
import {
  type AnswerContext,
  answerHeaders,
  type FcHttpResponse,
  jsonResponse,
} from '#lib/report/http-answer.ts';

/**
 * The 200 of a dry run: what the request would send, and that nothing was.
 * @example dryRunAnswer(dryRunOf(plan), { requestId: 'req-1', correlationId: 'req-1' }).statusCode // 200
 */
export function dryRunAnswer(plan: DryRunPlan, answer: AnswerContext): FcHttpResponse {
  const bytes = plan.calls.reduce((sum, call) => sum + call.bytes, 0);
  const body = {
    requestId: answer.requestId,
    dryRun: true,
    status: 'VALID',
    mode: plan.mode,
    summary: {
      targets: plan.targets,
      calls: plan.calls.length,
      batches: plan.batches?.length ?? 0,
      bytes,
    },
    request: plan.request,
    calls: plan.calls,
    ...(plan.batches === undefined ? {} : { batches: plan.batches }),
  };
  return jsonResponse(200, body, answerHeaders(answer));
}
