/**
 * Where the benchmark finds what it measures, and the clean environment its child processes run
 * in (no NODE_OPTIONS: tsx or a debugger hook in the parent must not load into a measured child).
 *
 * Bundles are measured from a private snapshot of `dist/`, copied right after each build: other
 * work in the same checkout (a test run, `npm run build`) deletes and rewrites `dist/`, and a
 * bundle must be self-contained anyway, so running it from outside the project proves that too.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, bundleEntry } from '../../scripts/build.ts';
import { msSince } from './stats.ts';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(benchDir, '../..');
export const childrenDir = path.join(benchDir, 'children');

/** A fresh, empty snapshot directory. */
export function createSnapshot(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'mpaas-bench-'));
}

/** Copies `dist/<name>` (just built) into the snapshot; returns the copy's directory. */
export async function snapshotBundle(snapshot: string, name: string): Promise<string> {
  const target = path.join(snapshot, name);
  await rm(target, { recursive: true, force: true });
  await cp(path.join(root, 'dist', name), target, { recursive: true });
  return target;
}

export function removeSnapshot(snapshot: string): Promise<void> {
  return rm(snapshot, { recursive: true, force: true });
}

/**
 * The documented floor's folder in a snapshot (documented-floor.ts, built by `buildDocumentedFloor`
 * with the functions' build settings): loaded, invoked and timed as a function's bundle is.
 */
export const DOCUMENTED_FLOOR = 'documented-floor';

/** Builds the documented floor into the snapshot, as scripts/build.ts builds a function. */
export function buildDocumentedFloor(snapshot: string): Promise<BundleSize> {
  return bundleEntry(
    path.join(benchDir, 'documented-floor.ts'),
    path.join(snapshot, DOCUMENTED_FLOOR),
  );
}

/** The snapshot of a function's bundle, as FC loads it. */
export function bundlePath(snapshot: string, name: string): string {
  return path.join(snapshot, name, 'index.mjs');
}

/** A child script of the benchmark (plain Node.js ESM, so no loader inflates its figures). */
export function childScript(file: string): string {
  return path.join(childrenDir, file);
}

/** The parent's environment without anything that would inject code into a child. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Runs `node <args>` asynchronously (the emulators it calls run in this process, which must keep
 * serving meanwhile): its wall time, spawn to exit, and its stdout.
 * @throws Error with its stderr (or stdout) when it exits non-zero.
 * @example const { ms, stdout } = await runNode(['-e', ''], childEnv());
 */
export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = msSince(start);
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr || stdout}`));
    });
  });
}
