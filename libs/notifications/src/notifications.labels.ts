import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('NotificationDelivery', {
  IMMEDIATE: { sv: 'direkt', da: 'med det samme', en: 'immediately' },
  DAILY: { sv: 'daglig sammanfattning kl. 08', da: 'daglig oversigt kl. 8', en: 'daily digest at 08:00' },
  WEEKLY: { sv: 'veckosammanfattning på måndagar', da: 'ugentlig oversigt om mandagen', en: 'weekly digest on Mondays' },
});
