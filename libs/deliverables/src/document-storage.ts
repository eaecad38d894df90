import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StorageFullError, TEMPORARY_FILE, isDiskFull, writeFileDurably } from '@samverkan/core';

/**
 * Where document contents live, addressed by their sha-256 (so the same bytes
 * uploaded twice are stored once). The deliverables service is the only user;
 * an S3-compatible store implements the same five methods and is bound to
 * DOCUMENT_STORAGE instead of LocalDocumentStorage.
 */
export interface DocumentStorage {
  /**
   * Stores bytes under their hash, durably (on disk when it returns); storing
   * what is already there is a no-op. A full disk is a StorageFullError, and
   * leaves nothing under the hash.
   */
  put(hash: string, bytes: Buffer): Promise<void>;
  /** The content, or undefined when it is not stored. */
  open(hash: string): Promise<Readable | undefined>;
  exists(hash: string): Promise<boolean>;
  delete(hash: string): Promise<void>;
  /** Every stored hash with the time it was written (for the orphan sweep). */
  list(): AsyncIterable<{ hash: string; storedAt: Date }>;
  /** Removes what writes cut short by a crash left (never under a hash's name) and that is older than `before`; returns how many. */
  removeLeftovers(before: Date): Promise<number>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

const HASH = /^[0-9a-f]{64}$/;

export interface LocalStorageOptions {
  /**
   * Test only (SAMVERKAN_TEST_CRASH_AFTER_DOCUMENT_WRITE=1 with NODE_ENV=test):
   * the process kills itself with SIGKILL right after a new file is durably in
   * place, before the row that names it commits — the crash the orphan sweep exists for.
   */
  crashAfterWrite?: boolean;
}

/**
 * The default: files under DATA_DIR/documents/ab/cd/<hash>, written durably
 * (temporary file fsynced, renamed into place, folder fsynced; writeFileDurably).
 */
export class LocalDocumentStorage implements DocumentStorage {
  constructor(
    private readonly root: string,
    private readonly options: LocalStorageOptions = {},
  ) {}

  private pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a sha-256 hash: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(hash);
    if (await this.exists(hash)) return;
    try {
      await writeFileDurably(target, bytes);
    } catch (error) {
      if (isDiskFull(error)) throw new StorageFullError();
      throw error;
    }
    if (this.options.crashAfterWrite) process.kill(process.pid, 'SIGKILL');
  }

  async open(hash: string): Promise<Readable | undefined> {
    if (!(await this.exists(hash))) return undefined;
    return createReadStream(this.pathOf(hash));
  }

  async exists(hash: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(hash))).isFile();
    } catch {
      return false;
    }
  }

  async delete(hash: string): Promise<void> {
    await rm(this.pathOf(hash), { force: true });
  }

  async *list(): AsyncIterable<{ hash: string; storedAt: Date }> {
    let first: string[];
    try {
      first = await readdir(this.root);
    } catch {
      return;
    }
    for (const a of first) {
      for (const b of await readdir(path.join(this.root, a)).catch(() => [] as string[])) {
        for (const name of await readdir(path.join(this.root, a, b)).catch(() => [] as string[])) {
          if (!HASH.test(name)) continue;
          const info = await stat(path.join(this.root, a, b, name)).catch(() => undefined);
          if (info) yield { hash: name, storedAt: info.mtime };
        }
      }
    }
  }

  async removeLeftovers(before: Date): Promise<number> {
    let removed = 0;
    for (const a of await readdir(this.root).catch(() => [] as string[])) {
      for (const b of await readdir(path.join(this.root, a)).catch(() => [] as string[])) {
        for (const name of await readdir(path.join(this.root, a, b)).catch(() => [] as string[])) {
          if (!TEMPORARY_FILE.test(name)) continue;
          const file = path.join(this.root, a, b, name);
          const info = await stat(file).catch(() => undefined);
          if (info && info.mtime < before) {
            await rm(file, { force: true });
            removed += 1;
          }
        }
      }
    }
    return removed;
  }
}
