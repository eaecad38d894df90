import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** fsync of a folder, so the names created or renamed in it survive a power loss. */
export async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to `target` so that after it returns the file is on disk under
 * its name, and before it returns the name holds either nothing or the old
 * content — never a part: a temporary file beside it (`<target>.<uuid>.tmp`) is
 * written and fsynced, renamed over the target, and the folder fsynced (with the
 * folders this call created). On any failure, e.g. ENOSPC, the temporary file is
 * removed and the error rethrown.
 */
export async function writeFileDurably(target: string, bytes: Buffer | string): Promise<void> {
  const folder = path.dirname(target);
  const created = await mkdir(folder, { recursive: true });
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncFolder(folder);
  if (created) {
    // The new folders' own names live in their parents.
    for (let dir = folder; dir !== path.dirname(created) && dir !== path.dirname(dir); dir = path.dirname(dir)) await fsyncFolder(path.dirname(dir));
  }
}

/** Temporary files of writeFileDurably (left only by a crash mid-write). */
export const TEMPORARY_FILE = /\.[0-9a-f-]{36}\.tmp$/;
