import { registerMessages } from '@samverkan/core';

registerMessages({
  'privacy.alreadyErased': {
    sv: 'Personen är redan raderad.',
    da: 'Personen er allerede slettet.',
    en: 'This person has already been erased.',
  },
  'privacy.eraseSelf': {
    sv: 'Be sekretariatet radera dina uppgifter; du kan inte radera dig själv.',
    da: 'Bed sekretariatet om at slette dine oplysninger; du kan ikke slette dig selv.',
    en: 'Ask the secretariat to erase your data; you cannot erase yourself.',
  },
});
