import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('OrganisationKind', {
  GOVERNMENT: { sv: 'regering', da: 'regering', en: 'government' },
  MINISTRY: { sv: 'departement', da: 'ministerium', en: 'ministry' },
  AGENCY: { sv: 'myndighet', da: 'styrelse', en: 'agency' },
  REGION: { sv: 'region', da: 'region', en: 'region' },
  MUNICIPALITY: { sv: 'kommun', da: 'kommune', en: 'municipality' },
  UNIVERSITY: { sv: 'lärosäte', da: 'universitet', en: 'university' },
  PROFESSIONAL_BODY: { sv: 'yrkesorganisation', da: 'faglig organisation', en: 'professional body' },
  ASSOCIATION: { sv: 'förening', da: 'forening', en: 'association' },
  COMPANY: { sv: 'företag', da: 'virksomhed', en: 'company' },
  UNION: { sv: 'fackförbund', da: 'fagforening', en: 'trade union' },
  OTHER: { sv: 'annan', da: 'anden', en: 'other' },
});
