import { Translated } from '../i18n/locale';

/**
 * What an entity is called in a message, as the subject of a sentence in each
 * language ("Kommissionen med id … finns inte."). The keys are the names the
 * services pass to {@link NotFoundError}; the type makes a name without a label
 * a compile error.
 */
export const ENTITY_LABELS = {
  Account: { sv: 'Kontot', da: 'Kontoen', en: 'The account' },
  AgendaItem: { sv: 'Dagordningspunkten', da: 'Dagsordenspunktet', en: 'The agenda item' },
  ActionItem: { sv: 'Åtgärdspunkten', da: 'Opfølgningspunktet', en: 'The action item' },
  Appointment: { sv: 'Förordnandet', da: 'Udpegningen', en: 'The appointment' },
  CalendarFeed: { sv: 'Kalenderflödet', da: 'Kalenderfeedet', en: 'The calendar feed' },
  Commission: { sv: 'Kommissionen', da: 'Kommissionen', en: 'The commission' },
  CommissionRole: { sv: 'Rollen i kommissionen', da: 'Rollen i kommissionen', en: 'The commission role' },
  DatePoll: { sv: 'Datumomröstningen', da: 'Datoafstemningen', en: 'The date poll' },
  Deliverable: { sv: 'Leveransen', da: 'Leverancen', en: 'The deliverable' },
  DocumentVersion: { sv: 'Dokumentversionen', da: 'Dokumentversionen', en: 'The document version' },
  Event: { sv: 'Evenemanget', da: 'Arrangementet', en: 'The event' },
  Goal: { sv: 'Målet', da: 'Målet', en: 'The goal' },
  Mail: { sv: 'Mejlet', da: 'Mailen', en: 'The mail' },
  Meeting: { sv: 'Mötet', da: 'Mødet', en: 'The meeting' },
  Minutes: { sv: 'Protokollet', da: 'Referatet', en: 'The minutes document' },
  NominationRequest: { sv: 'Nomineringsbegäran', da: 'Nomineringsanmodningen', en: 'The nomination request' },
  Objective: { sv: 'Uppdragspunkten', da: 'Opgavepunktet', en: 'The objective' },
  Organisation: { sv: 'Organisationen', da: 'Organisationen', en: 'The organisation' },
  Person: { sv: 'Personen', da: 'Personen', en: 'The person' },
  PriorityArea: { sv: 'Prioriteringsområdet', da: 'Indsatsområdet', en: 'The priority area' },
  ReviewComment: { sv: 'Synpunkten', da: 'Bemærkningen', en: 'The review comment' },
  ReviewRound: { sv: 'Remissen', da: 'Høringen', en: 'The review round' },
  Seat: { sv: 'Platsen', da: 'Pladsen', en: 'The seat' },
  SeatAllocation: { sv: 'Platstilldelningen', da: 'Pladsfordelingen', en: 'The seat allocation' },
  StatusReport: { sv: 'Statusrapporten', da: 'Statusrapporten', en: 'The status report' },
  Strategy: { sv: 'Strategin', da: 'Strategien', en: 'The strategy' },
  WorkingGroup: { sv: 'Arbetsgruppen', da: 'Arbejdsgruppen', en: 'The working group' },
} satisfies Record<string, Translated>;

export type EntityName = keyof typeof ENTITY_LABELS;
