import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('InboundMailKind', {
  CALENDAR_REPLY: { sv: 'svar från kalender', da: 'svar fra kalender', en: 'calendar answer' },
  CALENDAR_COUNTER: { sv: 'förslag på ny tid', da: 'forslag til nyt tidspunkt', en: 'proposed new time' },
  BOUNCE: { sv: 'studsat brev', da: 'afvist mail', en: 'bounce' },
  AUTO_REPLY: { sv: 'autosvar', da: 'autosvar', en: 'auto-reply' },
  LOOP: { sv: 'eget brev i retur', da: 'egen mail retur', en: 'our own mail come back' },
  OTHER: { sv: 'övrigt', da: 'andet', en: 'other' },
});

registerEnumLabels('InboundMailState', {
  RECEIVED: { sv: 'mottaget', da: 'modtaget', en: 'received' },
  PROCESSING: { sv: 'behandlas', da: 'behandles', en: 'processing' },
  DONE: { sv: 'behandlat', da: 'behandlet', en: 'processed' },
});
