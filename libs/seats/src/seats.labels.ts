import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('AppointmentKind', {
  PRINCIPAL: { sv: 'ordinarie ledamot', da: 'ordinært medlem', en: 'principal member' },
  SUBSTITUTE: { sv: 'ersättare', da: 'suppleant', en: 'substitute' },
});
registerEnumLabels('AppointmentStatus', {
  CURRENT: { sv: 'pågående', da: 'aktuel', en: 'current' },
  ENDED: { sv: 'avslutad', da: 'afsluttet', en: 'ended' },
  FUTURE: { sv: 'kommande', da: 'kommende', en: 'upcoming' },
  HOLDOVER: { sv: 'sitter kvar tills efterträdare utsetts', da: 'fortsætter, til en efterfølger er udpeget', en: 'holding over until a successor is appointed' },
});
registerEnumLabels('Gender', {
  WOMAN: { sv: 'kvinna', da: 'kvinde', en: 'woman' },
  MAN: { sv: 'man', da: 'mand', en: 'man' },
  OTHER: { sv: 'annat', da: 'andet', en: 'other' },
});
registerEnumLabels('NominationRequestStatus', {
  SENT: { sv: 'skickad', da: 'sendt', en: 'sent' },
  ANSWERED: { sv: 'besvarad', da: 'besvaret', en: 'answered' },
  WITHDRAWN: { sv: 'återkallad', da: 'trukket tilbage', en: 'withdrawn' },
});
registerEnumLabels('SeatRole', {
  CHAIR: { sv: 'ordförande', da: 'formand', en: 'chair' },
  MEMBER: { sv: 'ledamot', da: 'medlem', en: 'member' },
  EXPERT: { sv: 'sakkunnig', da: 'sagkyndig', en: 'expert' },
  OBSERVER: { sv: 'observatör', da: 'observatør', en: 'observer' },
});
registerEnumLabels('SeatStatus', {
  FILLED: { sv: 'tillsatt', da: 'besat', en: 'filled' },
  VACANT: { sv: 'vakant', da: 'ledig', en: 'vacant' },
  HOLDOVER: { sv: 'kvarsittande', da: 'fortsættende', en: 'holding over' },
});
