import type { Locale } from '@samverkan/core';
import type { PublicRegister } from './public-register.types';

type Texts = Record<Locale, string>;

const T = {
  register: { sv: 'Offentligt register', da: 'Offentligt register', en: 'Public register' },
  group: { sv: 'Arbetsgrupp', da: 'Arbejdsgruppe', en: 'Working group' },
  deliverable: { sv: 'Leverans', da: 'Leverance', en: 'Deliverable' },
  event: { sv: 'Öppet evenemang', da: 'Åbent arrangement', en: 'Open event' },
  seats: { sv: 'platser', da: 'pladser', en: 'seats' },
  delivered: { sv: 'Levererad', da: 'Leveret', en: 'Delivered' },
  due: { sv: 'Ska vara klar', da: 'Frist', en: 'Due' },
  commissionedBy: { sv: 'Uppdragsgivare', da: 'Opdragsgiver', en: 'Commissioned by' },
  lead: { sv: 'Ansvarig organisation', da: 'Ansvarlig organisation', en: 'Lead organisation' },
  deadline: { sv: 'Slutredovisning', da: 'Afrapporteringsfrist', en: 'Reporting deadline' },
} satisfies Record<string, Texts>;

/** The public page of the commission, the feeds' alternate link. */
function pageUrl(base: string, register: PublicRegister, locale: Locale): string {
  return `${base}/public/commissions/${register.commissionId}?lang=${locale}`;
}

/** Characters XML 1.0 refuses (C0 controls other than tab and newlines), then the five entities. */
function xml(value: unknown): string {
  return String(value ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A day as an RFC 3339 instant (Atom's dates): noon UTC, so every zone reads the same day. */
const dayInstant = (day: string) => `${day}T12:00:00Z`;

export interface FeedEntry {
  id: string;
  kind: 'group' | 'deliverable' | 'event';
  title: string;
  url: string;
  summary: string;
  updated: string;
}

/** What both feeds list, in one place: each group, published deliverable and open event. */
export function feedEntries(register: PublicRegister, locale: Locale, base: string): FeedEntry[] {
  const page = pageUrl(base, register, locale);
  const updated = register.updatedAt.toISOString();
  const entries: FeedEntry[] = [];
  for (const g of register.groups ?? []) {
    const seats = (g.seats ?? []).map((s) => `${s.organisation}: ${s.seats} ${T.seats[locale]}${s.members && s.members.length > 0 ? ` (${s.members.join(', ')})` : ''}`);
    entries.push({ id: `urn:uuid:${g.id}`, kind: 'group', title: `${T.group[locale]}: ${g.name}`, url: `${page}#group-${g.id}`, summary: seats.join('; '), updated });
  }
  for (const d of register.deliverables ?? []) {
    const when = d.deliveredOn ? `${T.delivered[locale]} ${d.deliveredOn}` : `${T.due[locale]} ${d.dueOn}`;
    entries.push({
      id: `urn:uuid:${d.id}`,
      kind: 'deliverable',
      title: `${T.deliverable[locale]}: ${d.title}`,
      url: d.url ?? `${page}#deliverable-${d.id}`,
      summary: [when, d.groupName].filter(Boolean).join(' · '),
      updated: dayInstant(d.deliveredOn ?? d.dueOn),
    });
  }
  for (const e of register.events ?? []) {
    entries.push({
      id: `urn:uuid:${e.id}`,
      kind: 'event',
      title: `${T.event[locale]}: ${e.title}`,
      url: `${page}#event-${e.id}`,
      summary: [`${e.startsAt.toISOString()} – ${e.endsAt.toISOString()} (${e.timeZone})`, e.place, e.description].filter(Boolean).join(' · '),
      updated,
    });
  }
  return entries;
}

function mandateText(register: PublicRegister, locale: Locale): string {
  const m = register.mandate;
  if (!m) return '';
  return [
    m.description,
    `${T.commissionedBy[locale]}: ${m.commissioningBody}`,
    `${T.lead[locale]}: ${m.leadOrganisation}${m.partners.length ? ` (${m.partners.join(', ')})` : ''}`,
    ...m.objectives.map((o) => `${o.letter}) ${o.text}`),
    m.reportingDeadline ? `${T.deadline[locale]}: ${m.reportingDeadline}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Atom (RFC 4287): the register as a feed; the mandate is its subtitle, each group, deliverable and event an entry. */
export function atomFeed(register: PublicRegister, locale: Locale, base: string): string {
  const self = `${base}/public/commissions/${register.commissionId}/feed.atom`;
  const author = register.mandate?.commissioningBody ?? register.title;
  const entries = feedEntries(register, locale, base)
    .map(
      (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" href="${xml(e.url)}"/>
    <category term="${e.kind}"/>
    <updated>${e.updated}</updated>
    <summary>${xml(e.summary || e.title)}</summary>
  </entry>`,
    )
    .join('\n');
  const subtitle = mandateText(register, locale);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <id>urn:uuid:${register.commissionId}</id>
  <title>${xml(`${register.title} – ${T.register[locale]}`)}</title>
${subtitle ? `  <subtitle>${xml(subtitle)}</subtitle>\n` : ''}  <updated>${register.updatedAt.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(pageUrl(base, register, locale))}"/>
  <author><name>${xml(author)}</name></author>
${entries}
</feed>
`;
}

/** JSON Feed 1.1 (jsonfeed.org): the same entries as items, and the whole published register under `_register`. */
export function jsonFeed(register: PublicRegister, locale: Locale, base: string): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${register.title} – ${T.register[locale]}`,
    home_page_url: pageUrl(base, register, locale),
    feed_url: `${base}/public/commissions/${register.commissionId}/feed.json`,
    description: mandateText(register, locale) || undefined,
    language: locale,
    authors: [{ name: register.mandate?.commissioningBody ?? register.title }],
    items: feedEntries(register, locale, base).map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.summary || e.title,
      date_modified: e.updated,
      tags: [e.kind],
    })),
    _register: register,
  };
}
