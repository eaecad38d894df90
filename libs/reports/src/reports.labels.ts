import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('ReportKind', {
  SCHEDULED: { sv: 'schemalagd', da: 'planlagt', en: 'scheduled' },
  ON_DEMAND: { sv: 'på begäran', da: 'på forespørgsel', en: 'on demand' },
});
registerEnumLabels('Rag', {
  ON_TRACK: { sv: 'enligt plan', da: 'efter planen', en: 'on track' },
  AT_RISK: { sv: 'i riskzonen', da: 'i risiko', en: 'at risk' },
  LATE: { sv: 'försenad', da: 'forsinket', en: 'late' },
  NO_DATA: { sv: 'underlag saknas', da: 'intet grundlag', en: 'no data' },
});
