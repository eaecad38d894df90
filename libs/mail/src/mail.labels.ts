import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('MailStatus', {
  PENDING: { sv: 'väntar', da: 'venter', en: 'waiting' },
  SENDING: { sv: 'skickas', da: 'sendes', en: 'sending' },
  SENT: { sv: 'skickat', da: 'sendt', en: 'sent' },
  FAILED: { sv: 'kunde inte skickas', da: 'kunne ikke sendes', en: 'failed' },
  CANCELLED: { sv: 'stoppat', da: 'stoppet', en: 'cancelled' },
});

registerEnumLabels('MailBounceKind', {
  HARD: { sv: 'studsade (adressen fungerar inte)', da: 'afvist (adressen virker ikke)', en: 'bounced (address does not work)' },
  SOFT: { sv: 'studsade tillfälligt', da: 'midlertidigt afvist', en: 'bounced for now' },
});
