/**
 * The state one emulator instance shares between its routes, and the shape of a route.
 *
 * Each `startEmulator` call builds its own state, so parallel test files can run emulators side
 * by side without seeing each other's credentials, nonces, faults or pushes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Changes } from './changes.ts';
import type { FaultQueue } from './faults.ts';
import type { NonceCache } from './nonces.ts';
import type { PushLog } from './push-log.ts';
import type { AppInstance } from './push-template.ts';
import type { RefusalLog } from './refusal-log.ts';
import type { ScheduleBook } from './schedules.ts';
import type { CredentialStore } from './sts.ts';
import type { TemplateRegistry } from './template-registry.ts';

/** Everything the routes of one emulator share. */
export interface EmulatorState {
  credentials: CredentialStore;
  nonces: NonceCache;
  faults: FaultQueue;
  pushes: PushLog;
  /** The calls refused: signature errors, result codes, injected faults (the console's list). */
  refusals: RefusalLog;
  /** Who listens for changes (the console's live view). */
  changes: Changes;
  /** Tasks of the scheduled and loop pushes accepted (QueryPushSchedulerList). */
  schedules: ScheduleBook;
  templates: TemplateRegistry;
  apps: readonly AppInstance[];
  now: () => Date;
  /** The time zone the console shows schedules in (the functions' MPAAS_TIME_ZONE). */
  timeZone: string;
  /** The local gateway the console's composer sends through, once `npm start` has one. */
  gatewayUrl: () => string | undefined;
  /** Aborted when the emulator closes, so pending delays end at once. */
  closing: AbortSignal;
}

/** One request, its body already read. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Buffer;
  state: EmulatorState;
}

/** A route handler. */
export type Route = (ctx: RequestContext) => Promise<void> | void;
