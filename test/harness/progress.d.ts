import type { ChildProcess } from 'node:child_process';

export interface ProgressCheck<R = unknown> {
  done: boolean;
  /** Anything that changes while work is being done (a count, several counts). */
  progress: unknown;
  /** What is owed and where it stands, printed when the wait stalls. */
  status?: string;
  result?: R;
}

export declare class StallError extends Error {}

export declare function untilStalled<C extends ProgressCheck>(
  check: () => Promise<C> | C,
  options: { stallMs: number; intervalMs?: number; what?: string; onStall?: (message: string, last: C) => unknown },
): Promise<C>;

export interface OutputWatch {
  text(): string;
  tail(chars?: number): string;
  bytes(): number;
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export declare function watchOutput(child: ChildProcess): OutputWatch;

export declare function untilExit(
  child: ChildProcess,
  options: { stallMs: number; what?: string; output?: OutputWatch },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;

export declare function slowFactor(): number;
export declare function scaled(ms: number): number;

/** CPU clock ticks used by a process (and its reaped children); 0 when it is gone. */
export declare function cpuTicks(pid: number): number;
