/**
 * Per-push overhead: the built `http-push` handler, invoked in-process with the documented HTTP
 * trigger event, against a bare pop-core PushTemplate call to the same emulator with the same
 * parameters. Both include the emulator's own work (signature check, rules), so the ratio bounds
 * what the handler adds: event parsing, validation, middleware, logging, the fan-out machinery.
 *
 * A third side is the documented floor (documented-floor.ts): the same call made by a subset of
 * what the README documents that every push does (middy, the configuration, reading the event,
 * the zod validation, two redacted log lines, the JSON answer), bundled as the function is. It
 * says how much of the ratio that documented work costs by itself, and how much is the
 * function's own.
 *
 * The three sides run in all six orders in turn, so none always finds a warmer socket or a
 * fresher heap, or always follows the same side. Building the event and minting credentials
 * happen outside the timer.
 *
 * The physical floor is the baseline itself: one HMAC-SHA1 signature and one HTTP round trip
 * (HTTPS in the cloud) per PushTemplate call, which no implementation can skip; the ratio is how
 * far the handler is from it.
 * The warm-up is long enough for V8 to optimise both paths (a warm FC instance serves many
 * invocations): with only a few dozen, both sides still run partly unoptimised code.
 */
import {
  bareCall,
  type Harness,
  invocationContext,
  invokeHandler,
  pushEvent,
  silenced,
  targetPairs,
} from './harness.ts';
import { median, msSince, percentile, round, type Verdict, verdict } from './stats.ts';

/** Target: the handler's p50 at most this multiple of the bare call's. */
export const PER_PUSH_TARGET_RATIO = 1.25;

export interface LatencySummary {
  p50: number;
  p99: number;
  median: number;
  min: number;
  max: number;
}

export interface PerPushReport {
  warmup: number;
  iterations: number;
  samplesMs: { handler: number[]; bare: number[]; documented: number[] };
  handlerMs: LatencySummary;
  bareMs: LatencySummary;
  /** The documented floor (documented-floor.ts): what a subset of the documented work costs. */
  documentedMs: LatencySummary;
  ratio: { p50: number; p99: number };
  /** p50s: the documented floor ÷ bare, and the handler ÷ the documented floor. */
  documented: { ratio: number; overDocumented: number };
  /** Handler minus bare call, ms: what the handler adds to every push. */
  addedMs: { p50: number; p99: number };
  targetRatio: number;
  verdict: Verdict;
}

function summary(samples: number[]): LatencySummary {
  return {
    p50: round(percentile(samples, 50), 3),
    p99: round(percentile(samples, 99), 3),
    median: round(median(samples), 3),
    min: round(Math.min(...samples), 3),
    max: round(Math.max(...samples), 3),
  };
}

async function timeHandler(
  harness: Harness,
  tag: string,
  handler: Harness['handler'] = harness.handler,
): Promise<number> {
  const event = pushEvent(targetPairs(1, tag));
  const context = invocationContext(harness);
  const start = process.hrtime.bigint();
  const status = await invokeHandler(harness, event, context, handler);
  const elapsed = msSince(start);
  if (status !== 200) throw new Error(`a handler answered ${status} during the benchmark`);
  return elapsed;
}

async function timeBare(harness: Harness, tag: string): Promise<number> {
  const targets = targetPairs(1, tag);
  const credentials = harness.emulator.mintCredentials();
  const start = process.hrtime.bigint();
  await bareCall(harness, targets, credentials);
  return msSince(start);
}

/**
 * Runs `warmup` unrecorded then `iterations` recorded pairs of calls.
 * @example const report = await measurePerPush(harness, 50, 400);
 */
export async function measurePerPush(
  harness: Harness,
  warmup: number,
  iterations: number,
): Promise<PerPushReport> {
  const samples = { handler: [] as number[], bare: [] as number[], documented: [] as number[] };
  const sides = {
    handler: (tag: string) => timeHandler(harness, `h${tag}`),
    bare: (tag: string) => timeBare(harness, `b${tag}`),
    documented: (tag: string) => timeHandler(harness, `f${tag}`, harness.documentedFloor),
  };
  // all six orders of the three, in turn: each side goes first, second and third, and follows
  // each other side, equally often
  const orders = [
    ['handler', 'bare', 'documented'],
    ['bare', 'documented', 'handler'],
    ['documented', 'handler', 'bare'],
    ['handler', 'documented', 'bare'],
    ['documented', 'bare', 'handler'],
    ['bare', 'handler', 'documented'],
  ] as const;
  await silenced(async () => {
    for (let i = 0; i < warmup + iterations; i += 1) {
      for (const side of orders[i % orders.length] ?? orders[0]) {
        const ms = await sides[side](String(i));
        if (i >= warmup) samples[side].push(ms);
      }
      // The emulator keeps every accepted push; a growing record would slow the later calls.
      if (i % 100 === 99) harness.emulator.clearPushes();
    }
  });
  harness.emulator.clearPushes();
  const handlerMs = summary(samples.handler);
  const bareMs = summary(samples.bare);
  const documentedMs = summary(samples.documented);
  const ratio = {
    p50: round(handlerMs.p50 / bareMs.p50, 3),
    p99: round(handlerMs.p99 / bareMs.p99, 3),
  };
  return {
    warmup,
    iterations,
    samplesMs: {
      handler: samples.handler.map((ms) => round(ms, 3)),
      bare: samples.bare.map((ms) => round(ms, 3)),
      documented: samples.documented.map((ms) => round(ms, 3)),
    },
    handlerMs,
    bareMs,
    documentedMs,
    ratio,
    documented: {
      ratio: round(documentedMs.p50 / bareMs.p50, 3),
      overDocumented: round(handlerMs.p50 / documentedMs.p50, 3),
    },
    addedMs: {
      p50: round(handlerMs.p50 - bareMs.p50, 3),
      p99: round(handlerMs.p99 - bareMs.p99, 3),
    },
    targetRatio: PER_PUSH_TARGET_RATIO,
    verdict: verdict(ratio.p50, PER_PUSH_TARGET_RATIO),
  };
}
