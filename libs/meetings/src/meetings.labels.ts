import { registerEnumLabels } from '@samverkan/core';

registerEnumLabels('MeetingKind', {
  MEETING: { sv: 'möte', da: 'møde', en: 'meeting' },
  WORKSHOP: { sv: 'workshop', da: 'workshop', en: 'workshop' },
  WEBINAR: { sv: 'webbinarium', da: 'webinar', en: 'webinar' },
  DIALOGUE: { sv: 'dialogmöte', da: 'dialogmøde', en: 'dialogue' },
});
registerEnumLabels('MeetingStatus', {
  PLANNED: { sv: 'planerat', da: 'planlagt', en: 'planned' },
  CONFIRMED: { sv: 'bekräftat', da: 'bekræftet', en: 'confirmed' },
  CANCELLED: { sv: 'inställt', da: 'aflyst', en: 'cancelled' },
});
registerEnumLabels('InvitationRole', {
  CHAIR: { sv: 'ordförande', da: 'formand', en: 'chair' },
  MEMBER: { sv: 'ledamot', da: 'medlem', en: 'member' },
  SUBSTITUTE: { sv: 'ersättare (för kännedom)', da: 'suppleant (til orientering)', en: 'substitute (for information)' },
  GUEST: { sv: 'gäst', da: 'gæst', en: 'guest' },
});
registerEnumLabels('RsvpAnswer', {
  PENDING: { sv: 'inte svarat', da: 'ikke svaret', en: 'no answer yet' },
  YES: { sv: 'kommer', da: 'kommer', en: 'attending' },
  NO: { sv: 'kommer inte', da: 'kommer ikke', en: 'not attending' },
  MAYBE: { sv: 'kanske', da: 'måske', en: 'maybe' },
  SUBSTITUTE: { sv: 'ersättaren kommer', da: 'suppleanten kommer', en: 'substitute attends' },
});
registerEnumLabels('Attendance', {
  PRESENT: { sv: 'närvarande', da: 'til stede', en: 'present' },
  ABSENT: { sv: 'frånvarande', da: 'fraværende', en: 'absent' },
  APOLOGIES: { sv: 'anmält förhinder', da: 'meldt afbud', en: 'apologies' },
  SUBSTITUTED: { sv: 'ersatt', da: 'repræsenteret af suppleant', en: 'substituted' },
});
registerEnumLabels('MinutesStatus', {
  DRAFT: { sv: 'utkast', da: 'udkast', en: 'draft' },
  IN_APPROVAL: { sv: 'för justering', da: 'til godkendelse', en: 'sent for approval' },
  APPROVED: { sv: 'justerat', da: 'godkendt', en: 'approved' },
});
registerEnumLabels('ActionItemStatus', {
  OPEN: { sv: 'öppen', da: 'åben', en: 'open' },
  IN_PROGRESS: { sv: 'pågår', da: 'i gang', en: 'in progress' },
  DONE: { sv: 'klar', da: 'færdig', en: 'done' },
  CANCELLED: { sv: 'struken', da: 'annulleret', en: 'cancelled' },
});
registerEnumLabels('PollAnswer', {
  YES: { sv: 'ja', da: 'ja', en: 'yes' },
  IF_NEED_BE: { sv: 'om det behövs', da: 'hvis det er nødvendigt', en: 'if need be' },
  NO: { sv: 'nej', da: 'nej', en: 'no' },
});
registerEnumLabels('RegistrationStatus', {
  CONFIRMED: { sv: 'bekräftad', da: 'bekræftet', en: 'confirmed' },
  WAITLISTED: { sv: 'på väntelistan', da: 'på ventelisten', en: 'waitlisted' },
  CANCELLED: { sv: 'avbokad', da: 'afmeldt', en: 'cancelled' },
});
