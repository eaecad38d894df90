import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where document contents live, addressed by their sha-256 (so the same bytes
 * uploaded twice are stored once). The deliverables service is the only user;
 * an S3-compatible store implements the same five methods and is bound to
 * DOCUMENT_STORAGE instead of LocalDocumentStorage.
 */
export interface DocumentStorage {
  /** Stores bytes under their hash; storing what is already there is a no-op. */
  put(hash: string, bytes: Buffer): Promise<void>;
  /** The content, or undefined when it is not stored. */
  open(hash: string): Promise<Readable | undefined>;
  exists(hash: string): Promise<boolean>;
  delete(hash: string): Promise<void>;
  /** Every stored hash with the time it was written (for the orphan sweep). */
  list(): AsyncIterable<{ hash: string; storedAt: Date }>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

const HASH = /^[0-9a-f]{64}$/;

/** The default: files under DATA_DIR/documents/ab/cd/<hash>, written atomically (temp file + rename). */
export class LocalDocumentStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a sha-256 hash: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(hash);
    if (await this.exists(hash)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
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
          const info = await stat(path.join(this.root, a, b, name));
          yield { hash: name, storedAt: info.mtime };
        }
      }
    }
  }
}
