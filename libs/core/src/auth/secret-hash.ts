import { createHash } from 'node:crypto';

/**
 * What is stored of a secret handed out once (refresh tokens, calendar-feed and
 * registration-cancel tokens): its SHA-256, so a database leak hands out no keys.
 * The secrets are random, so no salt or slow hash is needed.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
