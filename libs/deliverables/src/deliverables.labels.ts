import { Translated, registerEnumLabels } from '@samverkan/core';
import { DECISION_LABELS, HEALTH_LABELS, KIND_LABELS, STATUS_LABELS, VERDICT_LABELS } from './deliverables.messages';

/** The GraphQL enum values are the upper-case names of the stored lower-case values. */
const byGraphqlName = (labels: Record<string, Translated>) => Object.fromEntries(Object.entries(labels).map(([value, text]) => [value.toUpperCase(), text]));

registerEnumLabels('DeliverableStatus', byGraphqlName(STATUS_LABELS));
registerEnumLabels('DeliverableKind', byGraphqlName(KIND_LABELS));
registerEnumLabels('DeliverableHealth', byGraphqlName(HEALTH_LABELS));
registerEnumLabels('ReviewVerdict', byGraphqlName(VERDICT_LABELS));
registerEnumLabels('CommentDecision', byGraphqlName(DECISION_LABELS));
registerEnumLabels('AnchorKind', {
  GENERAL: { sv: 'allmänt', da: 'generelt', en: 'general' },
  SECTION: { sv: 'avsnitt', da: 'afsnit', en: 'section' },
  PAGE: { sv: 'sida', da: 'side', en: 'page' },
  LINE: { sv: 'rad', da: 'linje', en: 'line' },
});
registerEnumLabels('ReviewOutcome', {
  APPROVED: { sv: 'godkänd', da: 'godkendt', en: 'approved' },
  CHANGES_REQUESTED: { sv: 'ändringar begärda', da: 'ændringer ønsket', en: 'changes requested' },
  INCONCLUSIVE: { sv: 'utan slutsats', da: 'uden konklusion', en: 'inconclusive' },
});
registerEnumLabels('ReviewRoundStatus', {
  OPEN: { sv: 'öppen', da: 'åben', en: 'open' },
  CLOSED: { sv: 'stängd', da: 'lukket', en: 'closed' },
});
