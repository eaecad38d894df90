import { Translated, registerMessages } from '@samverkan/core';

registerMessages({
  'seats.noContact': {
    sv: 'Begäran har ingen kontaktperson med e-postadress: ange en kontaktperson i en ny begäran.',
    da: 'Anmodningen har ingen kontaktperson med e-mailadresse: angiv en kontaktperson i en ny anmodning.',
    en: 'The request has no contact person with an e-mail address: give a contact in a new request.',
  },
});

/** The seat grid's CSV headers, in the reader's language. */
export const CSV_HEADERS: Record<string, Translated> = {
  organisation: { sv: 'Organisation', da: 'Organisation', en: 'Organisation' },
  nominatedBy: { sv: 'Nominerande organ', da: 'Indstillende organ', en: 'Nominating body' },
  seat: { sv: 'Plats', da: 'Plads', en: 'Seat' },
  role: { sv: 'Roll', da: 'Rolle', en: 'Role' },
  perspective: { sv: 'Perspektiv', da: 'Perspektiv', en: 'Perspective' },
  status: { sv: 'Status', da: 'Status', en: 'Status' },
  endingSoon: { sv: 'Mandatperioden slutar inom 60 dagar', da: 'Perioden udløber inden for 60 dage', en: 'Term ends within 60 days' },
  principal: { sv: 'Ordinarie ledamot', da: 'Ordinært medlem', en: 'Principal' },
  principalGender: { sv: 'Kön (ordinarie)', da: 'Køn (ordinært)', en: 'Gender (principal)' },
  startsOn: { sv: 'Från', da: 'Fra', en: 'From' },
  endsOn: { sv: 'Till', da: 'Til', en: 'To' },
  termNumber: { sv: 'Mandatperiod nr', da: 'Periode nr.', en: 'Term no.' },
  substitute: { sv: 'Ersättare', da: 'Suppleant', en: 'Substitute' },
  substituteGender: { sv: 'Kön (ersättare)', da: 'Køn (suppleant)', en: 'Gender (substitute)' },
};

export const YES: Translated = { sv: 'ja', da: 'ja', en: 'yes' };
export const NO: Translated = { sv: 'nej', da: 'nej', en: 'no' };
