import { ErrorCode, registerConstraintErrors, registerMessages } from '@samverkan/core';

registerMessages({
  'meetings.declarationAfterStart': {
    sv: 'Jäv anmäls före mötet; under mötet tar sekretariatet upp det i protokollet.',
    da: 'Inhabilitet anmeldes før mødet; under mødet noterer sekretariatet det i referatet.',
    en: 'A conflict of interest is declared before the meeting; during it, the secretariat records it in the minutes.',
  },
  'meetings.endBeforeStart': {
    sv: 'Mötet måste sluta efter att det börjar.',
    da: 'Mødet skal slutte, efter at det begynder.',
    en: 'The meeting must end after it starts.',
  },
  'meetings.tooLong': {
    sv: 'Ett möte kan vara högst 14 dagar långt.',
    da: 'Et møde kan højst vare 14 dage.',
    en: 'A meeting can last at most 14 days.',
  },
  'meetings.groupOrCommission': {
    sv: 'Ange en arbetsgrupp eller ett uppdrag.',
    da: 'Angiv en arbejdsgruppe eller en opgave.',
    en: 'Give a working group or a commission.',
  },
  'meetings.groupElsewhere': {
    sv: 'Arbetsgruppen hör till ett annat uppdrag.',
    da: 'Arbejdsgruppen hører til en anden opgave.',
    en: 'The working group belongs to another commission.',
  },
  'meetings.cancelled': {
    sv: 'Mötet är inställt.',
    da: 'Mødet er aflyst.',
    en: 'The meeting is cancelled.',
  },
  'meetings.notInvited': {
    sv: 'Du är inte inbjuden till det här mötet.',
    da: 'Du er ikke inviteret til dette møde.',
    en: 'You are not invited to this meeting.',
  },
  'meetings.noSubstitute': {
    sv: 'Ange vem som kommer i ditt ställe; platsen har ingen ersättare på mötesdagen.',
    da: 'Angiv hvem der kommer i dit sted; pladsen har ingen stedfortræder på mødedagen.',
    en: 'Say who comes in your place; the seat has no substitute on the meeting’s day.',
  },
  'meetings.pendingNotAnAnswer': {
    sv: 'Svara ja, nej, kanske eller att din ersättare kommer.',
    da: 'Svar ja, nej, måske eller at din stedfortræder kommer.',
    en: 'Answer yes, no, maybe, or that your substitute comes.',
  },
  'meetings.attendeeNotInvited': {
    sv: 'Personen {id} är inte inbjuden till mötet.',
    da: 'Personen {id} er ikke inviteret til mødet.',
    en: 'Person {id} is not invited to the meeting.',
  },
  'meetings.attendanceBeforeStart': {
    sv: 'Närvaron kan föras först när mötet har börjat.',
    da: 'Fremmødet kan først registreres, når mødet er begyndt.',
    en: 'Attendance can be recorded only once the meeting has begun.',
  },
  'meetings.substitutedByMissing': {
    sv: 'Ange vem som ersatte ledamoten.',
    da: 'Angiv hvem der var stedfortræder for medlemmet.',
    en: 'Say who sat in for the member.',
  },
  'meetings.minutesApproved': {
    sv: 'Protokollet är justerat och kan inte ändras.',
    da: 'Referatet er godkendt og kan ikke ændres.',
    en: 'The minutes are approved and cannot change.',
  },
  'meetings.minutesNotDraft': {
    sv: 'Protokollet är skickat för justering; det kan bara ändras som utkast.',
    da: 'Referatet er sendt til godkendelse; det kan kun ændres som udkast.',
    en: 'The minutes were sent for approval; they can only change as a draft.',
  },
  'meetings.minutesNotInApproval': {
    sv: 'Protokollet är inte skickat för justering.',
    da: 'Referatet er ikke sendt til godkendelse.',
    en: 'The minutes have not been sent for approval.',
  },
  'meetings.notAdjuster': {
    sv: 'Du är inte justerare av det här protokollet.',
    da: 'Du skal ikke godkende dette referat.',
    en: 'You are not an adjuster of these minutes.',
  },
  'meetings.agendaItemElsewhere': {
    sv: 'Dagordningspunkten hör till ett annat möte.',
    da: 'Dagsordenspunktet hører til et andet møde.',
    en: 'The agenda item belongs to another meeting.',
  },
  'meetings.notOpenEvent': {
    sv: 'Evenemanget tar inte emot anmälningar.',
    da: 'Arrangementet tager ikke imod tilmeldinger.',
    en: 'The event does not take registrations.',
  },
  'meetings.full': {
    sv: 'Evenemanget är fullt och väntelistan är stängd.',
    da: 'Arrangementet er fuldt, og ventelisten er lukket.',
    en: 'The event is full and the waitlist is closed.',
  },
  'meetings.registrationToken': {
    sv: 'Länken för att avboka är ogiltig eller redan använd.',
    da: 'Linket til afmelding er ugyldigt eller allerede brugt.',
    en: 'The cancellation link is invalid or already used.',
  },
  'meetings.pollClosed': {
    sv: 'Datumförfrågan är redan avslutad.',
    da: 'Datoafstemningen er allerede afsluttet.',
    en: 'The date poll is already closed.',
  },
  'meetings.optionTwice': {
    sv: 'Varje alternativ kan bara besvaras en gång i samma svar.',
    da: 'Hver mulighed kan kun besvares én gang i samme svar.',
    en: 'Each option can be answered only once in the same answer.',
  },
  'meetings.optionElsewhere': {
    sv: 'Alternativet hör till en annan datumförfrågan.',
    da: 'Muligheden hører til en anden datoafstemning.',
    en: 'The option belongs to another date poll.',
  },
  'meetings.feedToken': {
    sv: 'Kalenderlänken är ogiltig eller återkallad.',
    da: 'Kalenderlinket er ugyldigt eller tilbagekaldt.',
    en: 'The calendar link is invalid or revoked.',
  },
  'meetings.useCancel': {
    sv: 'Använd inställ möte för att ställa in mötet.',
    da: 'Brug aflys møde for at aflyse mødet.',
    en: 'Use cancelMeeting to cancel the meeting.',
  },
  'meetings.capacityOnlyOpen': {
    sv: 'Endast öppna evenemang har ett högsta antal deltagare.',
    da: 'Kun åbne arrangementer har et største antal deltagere.',
    en: 'Only open events have a capacity.',
  },
  'meetings.unknownDeliverable': {
    sv: 'Punkten hänvisar till en leverans som inte finns.',
    da: 'Punktet henviser til en leverance, som ikke findes.',
    en: 'The item refers to a deliverable that does not exist.',
  },
});

registerConstraintErrors({
  minutes_approved_immutable: { code: ErrorCode.CONFLICT, messageKey: 'meetings.minutesApproved' },
  meeting_ends_after_start: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'meetings.endBeforeStart' },
  meeting_length: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'meetings.tooLong' },
  meeting_capacity_only_open: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'meetings.capacityOnlyOpen' },
  registration_over_capacity: { code: ErrorCode.CONFLICT, messageKey: 'meetings.full' },
  agenda_item_deliverable_fkey: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'meetings.unknownDeliverable' },
});
