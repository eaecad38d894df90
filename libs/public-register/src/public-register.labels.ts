import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('PublishedDeliverables', {
  NONE: { sv: 'inga', da: 'ingen', en: 'none' },
  ALL_DELIVERED: { sv: 'alla levererade', da: 'alle leverede', en: 'all delivered' },
  CHOSEN: { sv: 'utvalda', da: 'udvalgte', en: 'chosen' },
});
