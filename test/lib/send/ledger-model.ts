/**
 * A model-based test of the send ledger: the real `sendPush` (request ledger + fan-out) run by
 * 2–3 concurrent invocations of one request against a real store, with fast-check's scheduler
 * choosing the interleaving of every store call and every PushTemplate call, the clock moving
 * (leases end, and FC ends an invocation at its deadline — or fails to, as a local gateway once
 * did: an overrunning invocation keeps going past its lease), invocations that stop at any point
 * without writing, the store failing on any call (before or after its write), and mPaaS answering
 * success, throttled, in doubt (delivered or not), refused or operator error.
 *
 * After the run, one more delivery of the request with nothing failing is made until it
 * completes, as the platform would redeliver; then the properties are checked:
 * - a target delivered more than once is reported without `inDoubt` by at most one completed
 *   invocation, the one that delivered it first, and always with the same msgKey;
 * - a completed invocation that reports a target SENT delivered it, or an earlier one did;
 * - a request reported SENT delivered every target at least once;
 * - no finish by an owner whose key was taken over takes effect;
 * - in the end every target was delivered, or its chunk was refused by mPaaS for good.
 *
 * Used by ledger-model.test.ts (every store, `MODEL_RUNS` runs) and `npm run fuzz`.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { chunkTargets } from '#lib/plan/chunks.ts';
import { planInline } from '#lib/plan/plan.ts';
import type { PushSender } from '#lib/send/fanout.ts';
import { keyLedger } from '#lib/send/ledger.ts';
import type { PushReceipt } from '#lib/send/mpaas/outcome.ts';
import { type SentPush, sendPush } from '#lib/send/push.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';
import { MpaasBusinessError, MpaasTransportError } from '#lib/shared/errors.ts';
import type { Deadline } from '#lib/shared/fc-context.ts';
import { createLogger } from '#lib/shared/logger.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** What mPaaS does with one PushTemplate call. */
const OUTCOMES = [
  'ok',
  'throttled',
  'doubt-delivered',
  'doubt-lost',
  'refused',
  'operator',
] as const;
type MpaasOutcome = (typeof OUTCOMES)[number];

/** How a store call fails: not at all, before its write, or after it (the answer is lost). */
const STORE_FAULTS = ['none', 'before', 'after'] as const;
type StoreFault = (typeof STORE_FAULTS)[number];

/** The function's timeout in the model, ms: FC ends an invocation this long after it starts. */
const TIMEOUT_MS = 10_000;
const TTL_MS = 86_400_000;
const TARGETS = 25;

/** How often the runs reached the situations the properties are about: none may stay at zero. */
export interface Reached {
  /** An invocation took over a request another had begun. */
  takeovers: number;
  /** A chunk claim was refused because the request had been taken over. */
  lostClaims: number;
  /** A write by a stale owner or claimer reached the store and took no effect. */
  refusedWrites: number;
  /** A target went out more than once. */
  redelivered: number;
  /** An invocation ended (deadline or crash) with an operation still on the wire. */
  killed: number;
  /** A finish reached the store after another invocation had taken the request over. */
  staleFinishes: number;
}

export function noneReached(): Reached {
  return {
    takeovers: 0,
    lostClaims: 0,
    refusedWrites: 0,
    redelivered: 0,
    killed: 0,
    staleFinishes: 0,
  };
}

export interface Scenario {
  invocations: number;
  /** Operation count after which each invocation stops without writing (undefined: never). */
  crashAfter: Array<number | undefined>;
  /** Per invocation: true when nothing ends it at its deadline, so it outlives its lease. */
  overrun: boolean[];
  /** Clock moves: each is scheduled once the run has issued `at` operations. */
  ticks: Array<{ at: number; ms: number }>;
  /** For each invocation after the first, how many operations the run issues before it starts. */
  starts: number[];
  mpaas: MpaasOutcome[];
  store: StoreFault[];
  /** Targets of the request; default 25 (3 chunks). */
  targets?: number;
}

const anyScenario: fc.Arbitrary<Scenario> = fc.integer({ min: 2, max: 3 }).chain((invocations) =>
  fc.record({
    invocations: fc.constant(invocations),
    crashAfter: fc.array(fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), {
      minLength: invocations,
      maxLength: invocations,
    }),
    overrun: fc.array(fc.boolean(), { minLength: invocations, maxLength: invocations }),
    ticks: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 14 }),
        // past a deadline (FC ends the invocation), past a lease (another may take over), or less
        ms: fc.oneof(
          fc.constantFrom(TIMEOUT_MS, TIMEOUT_MS + 6_000),
          fc.integer({ min: 1, max: TIMEOUT_MS + 6_000 }),
        ),
      }),
      { maxLength: 3 },
    ),
    starts: fc.array(fc.integer({ min: 0, max: 14 }), {
      minLength: invocations - 1,
      maxLength: invocations - 1,
    }),
    // Mostly quiet, so that whole requests complete and race each other; faults now and then.
    mpaas: fc.array(
      fc.oneof(
        { arbitrary: fc.constant<MpaasOutcome>('ok'), weight: 4 },
        { arbitrary: fc.constantFrom(...OUTCOMES), weight: 2 },
      ),
      { minLength: 1, maxLength: 12 },
    ),
    store: fc.array(
      fc.oneof(
        { arbitrary: fc.constant<StoreFault>('none'), weight: 12 },
        { arbitrary: fc.constantFrom(...STORE_FAULTS), weight: 1 },
      ),
      { minLength: 1, maxLength: 24 },
    ),
  }),
);

/**
 * A request redelivered while its first invocation, which nothing stopped at its deadline, is
 * still finishing: the run most likely to land a stale owner's writes after a takeover, rare
 * among any scenarios (about 6 in 20,000), so a quarter of the runs are of this shape.
 */
// One chunk: the first invocation issues a begin, a claim, a push and a complete before its
// finish; the clock passes its lease and the redelivery comes near the end of them.
const lateRedelivery: fc.Arbitrary<Scenario> = fc.integer({ min: 2, max: 5 }).chain((at) =>
  fc.record({
    invocations: fc.constant(2),
    crashAfter: fc.constant([undefined, undefined]),
    overrun: fc.constant([true, false]),
    ticks: fc.constant([{ at, ms: TIMEOUT_MS + 6_000 }]),
    starts: fc.tuple(fc.integer({ min: at, max: at + 1 })),
    mpaas: fc.constant<MpaasOutcome[]>(['ok']),
    store: fc.constant<StoreFault[]>(['none']),
    targets: fc.constant(5),
  }),
);

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.oneof(
  { arbitrary: anyScenario, weight: 3 },
  { arbitrary: lateRedelivery, weight: 1 },
);

interface Delivery {
  invocation: number;
  msgKey: string;
}

interface Run {
  key: string;
  deliveries: Map<string, Delivery[]>;
  /** Reports of the invocations that completed, by invocation. */
  reports: Map<number, SentPush>;
  /** Tokens handed out by begin, in order, and finishes that took effect with their token. */
  tokens: string[];
  finishedBy: string[];
  request: PushRequest;
}

const never = new Promise<never>(() => {});
const silent = createLogger({}, 'error', () => undefined);

function pushRequest(targets = TARGETS): PushRequest {
  const targetMsgkey = Object.fromEntries(
    Array.from({ length: targets }, (_, i) => [`user-${String(i).padStart(2, '0')}`, `msg-${i}`]),
  );
  const request = {
    appId: 'ONEX570DA89211721',
    workspaceId: 'test',
    deliveryType: 3,
    expiredSeconds: 300,
    templateName: 'template1024',
    taskName: 'model',
    classification: '1',
    strategyType: 0,
    smsStrategy: 0,
    targetMsgkey,
  };
  return request as PushRequest;
}

/** One invocation's life: its deadline, whether FC still runs it, and its operation count. */
class Life {
  alive = true;
  ops = 0;
  constructor(
    readonly index: number,
    readonly deadlineAt: number,
    readonly crashAfter: number | undefined,
    readonly overrun = false,
  ) {}

  /** Counts an operation; the invocation stops for good at its crash point. */
  step(): boolean {
    this.ops += 1;
    if (this.crashAfter !== undefined && this.ops >= this.crashAfter) this.alive = false;
    return this.alive;
  }
}

/**
 * Runs one scenario against a fresh store made by `makeStore` and checks the properties.
 * @throws Error naming the property that failed.
 */
export async function runScenario(
  scenario: Scenario,
  scheduler: fc.Scheduler,
  makeStore: (now: () => number) => Promise<IdempotencyStore>,
  reached: Reached = noneReached(),
): Promise<void> {
  const clock = { now: 1_700_000_000_000 };
  const store = await makeStore(() => clock.now);
  try {
    const run = await interleave(scenario, scheduler, store, clock, reached);
    await redeliverUntilDone(run, store, clock);
    for (const list of run.deliveries.values()) if (list.length > 1) reached.redelivered += 1;
    checkProperties(run);
  } finally {
    await store.close();
  }
}

async function interleave(
  scenario: Scenario,
  s: fc.Scheduler,
  store: IdempotencyStore,
  clock: { now: number },
  reached: Reached,
): Promise<Run> {
  const key = `model:${randomUUID()}`;
  const request = pushRequest(scenario.targets);
  const run: Run = {
    key,
    deliveries: new Map(),
    reports: new Map(),
    tokens: [],
    finishedBy: [],
    request,
  };
  let mpaasCalls = 0;
  let storeCalls = 0;
  let issued = 0;
  /** Operations landing on a real server (Redis): the scheduler waits for them too. */
  const inflight = new Set<Promise<unknown>>();
  /**
   * Runs until nothing is left to run. An invocation may schedule its next operation several
   * promise hops after its last one was answered (a finish after the fan-out settles), later
   * than `waitAll` looks: so the run is quiet only when a macrotask turn found nothing scheduled.
   */
  const settle = async () => {
    for (;;) {
      await s.waitAll();
      if (inflight.size > 0) {
        await Promise.allSettled([...inflight]);
        continue;
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (s.count() === 0 && inflight.size === 0) return;
    }
  };
  /** Events (clock moves, later deliveries) waiting for the run to reach their operation count. */
  const events: Array<{ at: number; label: string; fire: () => void }> = [];
  const release = () => {
    for (const event of events.filter((candidate) => candidate.at <= issued)) {
      events.splice(events.indexOf(event), 1);
      void s.schedule(Promise.resolve(), event.label).then(event.fire);
    }
  };
  const lives: Life[] = [];
  const kill = () => {
    for (const life of lives) if (clock.now >= life.deadlineAt && !life.overrun) life.alive = false;
  };

  /**
   * One operation of `life`: the scheduler chooses when the invocation issues it, when it lands
   * (once issued it lands even if FC ends the invocation meanwhile, as a request on the wire
   * does) and when its answer comes back (dropped if the invocation has ended).
   */
  const gated = async <T>(life: Life, label: string, operation: () => Promise<T>): Promise<T> => {
    if (!life.step()) return never;
    await s.schedule(Promise.resolve(), `${life.index}:${label}`);
    if (!life.alive) return never;
    issued += 1;
    release();
    await s.schedule(Promise.resolve(), `${life.index}:${label} lands`);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    const landing = operation();
    inflight.add(landing);
    try {
      outcome = { ok: true, value: await landing };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      inflight.delete(landing);
    }
    await s.schedule(Promise.resolve(), `${life.index}:${label} answered`);
    if (!life.alive) {
      reached.killed += 1;
      return never;
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };

  const refused = (written: boolean) => {
    if (!written) reached.refusedWrites += 1;
  };
  const storeOf = (life: Life): IdempotencyStore => {
    const faulty = <T>(label: string, write: () => Promise<T>, observe?: (value: T) => void) =>
      gated(life, label, async () => {
        const fault = scenario.store[storeCalls++ % scenario.store.length] ?? 'none';
        if (fault === 'before') throw new IdempotencyStoreError('model: store down');
        const value = await write();
        observe?.(value);
        if (fault === 'after') throw new IdempotencyStoreError('model: answer lost');
        return value;
      });
    return {
      begin: (k, fp, lease, ttl) =>
        faulty(
          'begin',
          () => store.begin(k, fp, lease, ttl),
          (begun) => {
            if (begun.state === 'new' || begun.state === 'resumed') run.tokens.push(begun.token);
            if (begun.state === 'resumed') reached.takeovers += 1;
          },
        ),
      finish: (k, token, result, ttl) =>
        faulty(
          'finish',
          () => {
            if (token !== run.tokens.at(-1)) reached.staleFinishes += 1;
            return store.finish(k, token, result, ttl);
          },
          (written) => {
            if (written) run.finishedBy.push(token);
            else reached.refusedWrites += 1;
          },
        ),
      abandon: (k, token) => faulty('abandon', () => store.abandon(k, token), refused),
      claimChunk: (k, token, i, lease, ttl) =>
        faulty(
          'claim',
          () => store.claimChunk(k, token, i, lease, ttl),
          (claim) => {
            if (claim.state === 'lost') reached.lostClaims += 1;
          },
        ),
      completeChunk: (k, token, i, result, ttl) =>
        faulty('complete', () => store.completeChunk(k, token, i, result, ttl), refused),
      releaseChunk: (k, token, i, doubt, ttl) =>
        faulty('release', () => store.releaseChunk(k, token, i, doubt, ttl), refused),
      // not the ledger's: progress reports are written outside the model's runs
      peek: (k) => store.peek(k),
      putProgress: (k, part, value, ttl) => store.putProgress(k, part, value, ttl),
      readProgress: (k) => store.readProgress(k),
      close: async () => {},
    };
  };

  /**
   * A PushTemplate client as the real one behaves at the deadline (client.ts): with no time left
   * it sends nothing, and an answer that comes after the deadline is one it stopped waiting for
   * (it reported the call in doubt when its timeout, bounded by the deadline, ran out).
   */
  const senderOf = (life: Life): PushSender => ({
    pushTemplate: async (chunk) => {
      if (clock.now >= life.deadlineAt) {
        throw new MpaasTransportError('deadline', 'model: no time left', { outcomeUnknown: false });
      }
      const late = () => clock.now >= life.deadlineAt;
      const timedOut = () =>
        new MpaasTransportError('timeout', 'model: answered after the deadline', {
          outcomeUnknown: true,
        });
      let receipt: PushReceipt;
      try {
        receipt = await gated(life, 'push', async () => {
          const outcome = scenario.mpaas[mpaasCalls++ % scenario.mpaas.length] ?? 'ok';
          return answer(outcome, chunk, life.index, run.deliveries);
        });
      } catch (error) {
        throw late() ? timedOut() : error;
      }
      if (late()) throw timedOut();
      return receipt;
    },
  });

  const plan = planInline(request);
  const start = (index: number) => {
    const life = new Life(
      index,
      clock.now + TIMEOUT_MS,
      scenario.crashAfter[index],
      scenario.overrun[index],
    );
    lives.push(life);
    const deadline = deadlineOf(life.deadlineAt, clock);
    const ledger = keyLedger(
      { store: storeOf(life), ttlMs: TTL_MS, deadline, logger: silent },
      key,
    );
    const options = { ...sendOptions(deadline), client: senderOf(life) };
    sendPush(plan, options, ledger).then(
      (report) => run.reports.set(life.index, report),
      () => undefined,
    );
  };
  // The first delivery starts at once; the others whenever the scheduler says, maybe after the
  // clock has moved past the first one's lease.
  for (const [n, tick] of scenario.ticks.entries()) {
    const fire = () => {
      clock.now += tick.ms;
      kill();
    };
    events.push({ at: tick.at, label: `tick ${n} +${tick.ms} ms`, fire });
  }
  for (let index = 1; index < scenario.invocations; index++) {
    events.push({
      at: scenario.starts[index - 1] ?? 0,
      label: `start ${index}`,
      fire: () => start(index),
    });
  }
  start(0);
  release();
  await settle();
  // Events the run never reached (it issued fewer operations) happen once it is quiet.
  while (events.length > 0) {
    issued = Number.POSITIVE_INFINITY;
    release();
    await settle();
  }
  // Whatever is still running now never gets another step: FC has ended it.
  for (const life of lives) life.alive = false;
  return run;
}

/** Send options but the client: no retry inside an invocation, the platform redelivers. */
function sendOptions(deadline: Deadline) {
  return {
    credentials: { accessKeyId: 'STS.model', accessKeySecret: 'model', securityToken: 'model' },
    deadline,
    logger: silent,
    concurrency: 2,
    retry: { baseMs: 1, capMs: 1, attempts: 1 },
    safetyMarginMs: 0,
  };
}

function deadlineOf(at: number, clock: { now: number }): Deadline {
  return { at, remaining: () => Math.max(0, at - clock.now) };
}

function answer(
  outcome: MpaasOutcome,
  chunk: PushRequest,
  invocation: number,
  deliveries: Map<string, Delivery[]>,
): PushReceipt {
  const deliver = () => {
    for (const [target, msgKey] of Object.entries(chunk.targetMsgkey)) {
      const list = deliveries.get(target) ?? [];
      list.push({ invocation, msgKey });
      deliveries.set(target, list);
    }
  };
  switch (outcome) {
    case 'ok':
      deliver();
      return { requestId: 'R', resultCode: 'OK', resultMessage: '' };
    case 'throttled':
      throw new MpaasBusinessError('8011', 'FLOW_CONTROL_ERROR', {});
    case 'doubt-delivered':
      deliver();
      throw new MpaasTransportError('timeout', 'model: no answer', { outcomeUnknown: true });
    case 'doubt-lost':
      throw new MpaasTransportError('timeout', 'model: no answer', { outcomeUnknown: true });
    case 'refused':
      throw new MpaasBusinessError('3022', 'TEMPLATE_NOT_EXIST', {});
    case 'operator':
      throw new MpaasBusinessError('8012', 'INVALID_INSTANCE_ID', {});
  }
}

/** The platform's redeliveries once nothing fails: until one delivery completes, at most 5. */
async function redeliverUntilDone(
  run: Run,
  store: IdempotencyStore,
  clock: { now: number },
): Promise<void> {
  const { key } = run;
  const final = -1;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Later than every lease: every earlier invocation has certainly ended.
    clock.now += 2 * TIMEOUT_MS + 10_000;
    const deadline = deadlineOf(clock.now + TIMEOUT_MS, clock);
    const ledger = keyLedger({ store, ttlMs: TTL_MS, deadline, logger: silent }, key);
    const sender: PushSender = {
      pushTemplate: async (chunk) => answer('ok', chunk, final, run.deliveries),
    };
    const options = { ...sendOptions(deadline), client: sender };
    const sent = await sendPush(planInline(run.request), options, ledger).catch(() => undefined);
    if (sent && !sent.retryable) {
      run.reports.set(final, sent);
      return;
    }
  }
  throw new Error('property: the request never completed once nothing failed');
}

function checkProperties(run: Run): void {
  const statusOf = (report: SentPush, target: string) =>
    report.result.targets.find((line) => line.target === target);
  for (const target of Object.keys(run.request.targetMsgkey)) {
    const deliveries = run.deliveries.get(target) ?? [];
    const msgKey = run.request.targetMsgkey[target];
    if (deliveries.some((delivery) => delivery.msgKey !== msgKey)) {
      throw new Error(`property: ${target} was delivered under another msgKey`);
    }
    const deliverers = new Set(deliveries.map((delivery) => delivery.invocation));
    if (deliveries.length > 1) {
      const first = deliveries[0]?.invocation;
      for (const [invocation, report] of run.reports) {
        if (!deliverers.has(invocation) || report.replayed) continue;
        const line = statusOf(report, target);
        if (line?.status === 'SENT' && !line.inDoubt && invocation !== first) {
          throw new Error(
            `property: ${target} was delivered ${deliveries.length} times, but invocation ${invocation} reports a later delivery as not in doubt`,
          );
        }
      }
    }
    for (const [invocation, report] of run.reports) {
      const line = statusOf(report, target);
      if (line?.status === 'SENT' && deliveries.length === 0) {
        throw new Error(`property: invocation ${invocation} reports ${target} SENT without a send`);
      }
    }
  }
  for (const [invocation, report] of run.reports) {
    const { summary } = report.result;
    if (summary.sent === summary.targets) {
      const missing = Object.keys(run.request.targetMsgkey).filter(
        (target) => (run.deliveries.get(target) ?? []).length === 0,
      );
      if (missing.length > 0) {
        throw new Error(
          `property: invocation ${invocation} reports SENT, but ${missing[0]} never went out`,
        );
      }
    }
  }
  const latest = run.tokens.at(-1);
  for (const token of run.finishedBy) {
    if (token !== latest) throw new Error('property: a finish by a stale owner took effect');
  }
  const final = run.reports.get(-1);
  if (!final) throw new Error('property: no final report');
  for (const line of final.result.targets) {
    const delivered = (run.deliveries.get(line.target) ?? []).length > 0;
    if (!delivered && line.status !== 'REFUSED') {
      throw new Error(
        `property: ${line.target} was neither delivered nor refused (${line.status})`,
      );
    }
  }
  if (chunkTargets(run.request.targetMsgkey).length !== final.result.chunks.length) {
    throw new Error('property: the final report does not cover every chunk');
  }
}
