import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('Locale', {
  sv: { sv: 'svenska', da: 'svensk', en: 'Swedish' },
  da: { sv: 'danska', da: 'dansk', en: 'Danish' },
  en: { sv: 'engelska', da: 'engelsk', en: 'English' },
});
