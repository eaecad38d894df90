import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('CommissionKind', {
  GOVERNMENT_ASSIGNMENT: { sv: 'regeringsuppdrag', da: 'regeringsopdrag', en: 'government assignment' },
  INQUIRY: { sv: 'utredning', da: 'udredning', en: 'inquiry' },
  MINISTERIAL_WORKING_GROUP: { sv: 'departementsarbetsgrupp', da: 'ministeriel arbejdsgruppe', en: 'ministerial working group' },
  STRATEGY_COLLABORATION_GROUP: { sv: 'samverkansgrupp för en strategi', da: 'samarbejdsgruppe for en strategi', en: 'strategy collaboration group' },
  INNOVATION_PROGRAMME: { sv: 'innovationsprogram', da: 'innovationsprogram', en: 'innovation programme' },
  BOARD_WORKING_GROUP: { sv: 'styrelsens arbetsgrupp', da: 'bestyrelsens arbejdsgruppe', en: 'board working group' },
  OTHER: { sv: 'annat', da: 'andet', en: 'other' },
});
registerEnumLabels('CommissionRoleName', {
  SECRETARIAT: { sv: 'sekretariat', da: 'sekretariat', en: 'secretariat' },
  CHAIR: { sv: 'ordförande', da: 'formand', en: 'chair' },
  MEMBER: { sv: 'ledamot', da: 'medlem', en: 'member' },
  COMMISSIONER: { sv: 'uppdragsgivare', da: 'opdragsgiver', en: 'commissioner' },
  OBSERVER: { sv: 'observatör', da: 'observatør', en: 'observer' },
});
registerEnumLabels('CommissionStatus', {
  PLANNED: { sv: 'planerad', da: 'planlagt', en: 'planned' },
  ACTIVE: { sv: 'pågår', da: 'i gang', en: 'active' },
  REPORTED: { sv: 'redovisad', da: 'afrapporteret', en: 'reported' },
  CONCLUDED: { sv: 'avslutad', da: 'afsluttet', en: 'concluded' },
});
registerEnumLabels('EngagementKind', {
  CONSULTED: { sv: 'konsulterad', da: 'hørt', en: 'consulted' },
  DIALOGUE: { sv: 'dialog', da: 'dialog', en: 'dialogue' },
  NETWORK: { sv: 'nätverk', da: 'netværk', en: 'network' },
  REVIEWER: { sv: 'remissinstans', da: 'høringspart', en: 'reviewer' },
  WORKSHOP: { sv: 'workshop', da: 'workshop', en: 'workshop' },
  OTHER: { sv: 'annat', da: 'andet', en: 'other' },
});
registerEnumLabels('ReportCadence', {
  NONE: { sv: 'ingen', da: 'ingen', en: 'none' },
  MONTHLY: { sv: 'varje månad', da: 'hver måned', en: 'monthly' },
  QUARTERLY: { sv: 'varje kvartal', da: 'hvert kvartal', en: 'quarterly' },
  HALF_YEARLY: { sv: 'varje halvår', da: 'hvert halve år', en: 'half-yearly' },
  YEARLY: { sv: 'varje år', da: 'hvert år', en: 'yearly' },
  CUSTOM: { sv: 'egna perioder', da: 'egne perioder', en: 'custom periods' },
});
registerEnumLabels('StakeholderWay', {
  commissioning_body: { sv: 'uppdragsgivare', da: 'opdragsgiver', en: 'commissioning body' },
  lead: { sv: 'huvudansvarig', da: 'ansvarlig', en: 'lead organisation' },
  partner: { sv: 'samverkanspart', da: 'samarbejdspart', en: 'partner' },
  seat: { sv: 'har plats i en grupp', da: 'har plads i en gruppe', en: 'holds a seat' },
  nominating_body: { sv: 'nominerande organ', da: 'indstillende organ', en: 'nominating body' },
  consulted: { sv: 'konsulterad', da: 'hørt', en: 'consulted' },
  dialogue: { sv: 'dialog', da: 'dialog', en: 'dialogue' },
  network: { sv: 'nätverk', da: 'netværk', en: 'network' },
  reviewer: { sv: 'remissinstans', da: 'høringspart', en: 'reviewer' },
  workshop: { sv: 'workshop', da: 'workshop', en: 'workshop' },
  other: { sv: 'annat', da: 'andet', en: 'other' },
});
