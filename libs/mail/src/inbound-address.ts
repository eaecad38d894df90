import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig, signingSecret } from '@samverkan/core';

/**
 * Addresses of ours that name a row with a signed token, so that a reply or a
 * bounce is matched by what we signed, not by its From header:
 * - `rsvp+<invitation id>.<sig>@INBOUND_DOMAIN`: an invitation's ORGANIZER,
 *   where calendar clients send their REPLY (RFC 6047);
 * - `bounce+<outbox id>.<sig>@INBOUND_DOMAIN`: the envelope sender (VERP) of
 *   each outgoing mail, where delivery status notifications go (RFC 3464).
 * Ids are written as 32 lower-case hex digits and the signature as 16, so the
 * local part stays within RFC 5321's 64 characters and survives servers that
 * lower-case it. The key is derived for this purpose only.
 */
export type InboundAddressKind = 'rsvp' | 'bounce';

export interface InboundAddressTarget {
  kind: InboundAddressKind;
  /** The invitation (rsvp) or outbox row (bounce) the address names. */
  id: string;
}

/** Whether mail to our own addresses reaches Samverkan (INBOUND_MAIL is not off). */
export function inboundEnabled(config: AppConfig): boolean {
  return config.INBOUND_MAIL !== 'off' && !!config.INBOUND_DOMAIN;
}

function signature(config: AppConfig, kind: InboundAddressKind, hexId: string): string {
  const key = createHmac('sha256', signingSecret(config)).update('samverkan inbound addresses v1').digest();
  return createHmac('sha256', key).update(`${kind}:${hexId}`).digest('hex').slice(0, 16);
}

/** The address naming `id`, or null when inbound mail is off. */
export function inboundAddress(config: AppConfig, kind: InboundAddressKind, id: string): string | null {
  if (!inboundEnabled(config)) return null;
  const hexId = id.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hexId)) throw new Error(`inboundAddress: ${id} is not a uuid`);
  return `${kind}+${hexId}.${signature(config, kind, hexId)}@${config.INBOUND_DOMAIN}`;
}

export type InboundAddressCheck = { ok: true; target: InboundAddressTarget } | { ok: false; reason: 'not-ours' | 'bad-signature' };

/**
 * Reads one recipient address. `not-ours`: not one of our tagged addresses
 * (another domain, or no tag); `bad-signature`: our shape with a token we did
 * not sign (altered or made up).
 */
export function readInboundAddress(config: AppConfig, address: string): InboundAddressCheck {
  const match = /^(rsvp|bounce)\+([^@]{1,100})@(.+)$/i.exec(address.trim());
  if (!match || !config.INBOUND_DOMAIN || match[3].toLowerCase() !== config.INBOUND_DOMAIN) return { ok: false, reason: 'not-ours' };
  const kind = match[1].toLowerCase() as InboundAddressKind;
  const token = /^([0-9a-f]{32})\.([0-9a-f]{16})$/.exec(match[2].toLowerCase());
  if (!token) return { ok: false, reason: 'bad-signature' };
  const expected = Buffer.from(signature(config, kind, token[1]));
  const given = Buffer.from(token[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  const h = token[1];
  return { ok: true, target: { kind, id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` } };
}
