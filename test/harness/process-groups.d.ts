import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface GroupEntry {
  pgid: number;
  leaderStart: string | null;
  owner: number;
  ownerStart: string | null;
  ownerGroup: number | null;
  command: string;
  stopSignal: NodeJS.Signals;
  startedAt: string;
}

export type GroupChild = ChildProcess & { pgid: number };

export declare function spawnGroup(
  command: string,
  args?: readonly string[],
  options?: SpawnOptions & { stopSignal?: NodeJS.Signals; label?: string },
): GroupChild;
export declare function killGroup(childOrPgid: GroupChild | number, options?: { graceMs?: number; log?: (line: string) => void }): Promise<void>;
export declare function endGroups(entries: GroupEntry[], options?: { graceMs?: number; log?: (line: string) => void }): Promise<GroupEntry[]>;
export declare function cleanUp(options?: { pid?: number; except?: Set<number>; graceMs?: number; log?: (line: string) => void }): Promise<GroupEntry[]>;
export declare function orphans(): GroupEntry[];
export declare function startedBy(pid: number): GroupEntry[];
export declare function list(): GroupEntry[];
export declare function members(pgid: number): number[];
export declare function groupAlive(entry: Pick<GroupEntry, 'pgid' | 'leaderStart'>): boolean;
export declare function running(pid: number, start?: string | null): boolean;
export declare function startTime(pid: number): string | null;
export declare function registryDir(): string;
export declare function endGroupsOnSignal(options?: { beforeExit?: () => unknown; graceMs?: number; log?: (line: string) => void }): void;
export declare const DEFAULT_GRACE_MS: number;
