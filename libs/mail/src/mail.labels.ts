import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('MailStatus', {
  PENDING: { sv: 'väntar', da: 'venter', en: 'waiting' },
  SENDING: { sv: 'skickas', da: 'sendes', en: 'sending' },
  SENT: { sv: 'skickat', da: 'sendt', en: 'sent' },
  FAILED: { sv: 'kunde inte skickas', da: 'kunne ikke sendes', en: 'failed' },
  CANCELLED: { sv: 'stoppat', da: 'stoppet', en: 'cancelled' },
});
