import { registerMessages } from '@samverkan/core';

registerMessages({
  'meetings.remindAfterEnd': {
    sv: 'Mötet är redan över; det finns inget att påminna om.',
    da: 'Mødet er allerede slut; der er intet at minde om.',
    en: 'The meeting is over; there is nothing to remind anyone of.',
  },
});
