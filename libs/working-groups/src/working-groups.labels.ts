import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('WorkingGroupStatus', {
  FORMING: { sv: 'under bildande', da: 'under etablering', en: 'forming' },
  ACTIVE: { sv: 'aktiv', da: 'aktiv', en: 'active' },
  CONCLUDED: { sv: 'avslutad', da: 'afsluttet', en: 'concluded' },
});
