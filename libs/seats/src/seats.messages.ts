import { ErrorCode, registerConstraintErrors, registerMessages } from '@samverkan/core';

registerMessages({
  'seats.seatTaken': {
    sv: 'Platsen {seat} har redan en ledamot under perioden.',
    da: 'Pladsen {seat} har allerede et medlem i perioden.',
    en: 'Seat {seat} already has a holder in that period.',
  },
  'seats.noVacantSeat': {
    sv: 'Det finns ingen ledig plats för {organisation} under perioden.',
    da: 'Der er ingen ledig plads for {organisation} i perioden.',
    en: 'There is no vacant seat for {organisation} in that period.',
  },
  'seats.countBelowFilled': {
    sv: 'Antalet platser kan inte bli lägre än antalet tillsatta platser.',
    da: 'Antallet af pladser kan ikke blive lavere end antallet af besatte pladser.',
    en: 'The seat count cannot drop below the seats filled.',
  },
  'seats.termLimit': {
    sv: '{person} har redan suttit {terms} mandatperioder i följd, vilket är det högsta tillåtna.',
    da: '{person} har allerede siddet {terms} perioder i træk, hvilket er det højeste tilladte.',
    en: '{person} has already served {terms} consecutive terms, the most allowed.',
  },
  'seats.substituteNeedsPrincipal': {
    sv: 'En ersättare kräver en ordinarie ledamot på platsen under perioden.',
    da: 'En stedfortræder kræver et ordinært medlem på pladsen i perioden.',
    en: 'A substitute needs a principal on the seat in that period.',
  },
  'seats.seatRetired': {
    sv: 'Platsen har tagits bort.',
    da: 'Pladsen er nedlagt.',
    en: 'The seat has been retired.',
  },
  'seats.seatOrAllocation': {
    sv: 'Ange antingen en plats eller en tilldelning.',
    da: 'Angiv enten en plads eller en tildeling.',
    en: 'Give either a seat or an allocation.',
  },
  'seats.endBeforeStart': {
    sv: 'Slutdatum kan inte ligga före startdatum.',
    da: 'Slutdatoen kan ikke ligge før startdatoen.',
    en: 'The end date cannot be before the start date.',
  },
  'seats.requestClosed': {
    sv: 'Nomineringsförfrågan är redan besvarad eller återkallad.',
    da: 'Indstillingsanmodningen er allerede besvaret eller trukket tilbage.',
    en: 'The nomination request has already been answered or withdrawn.',
  },
  'seats.genderRule': {
    sv: 'Förslaget ska innehålla lika många kvinnor som män ({count} av varje), eller ange skälet till att regeln inte följs.',
    da: 'Indstillingen skal omfatte lige mange kvinder og mænd ({count} af hver), eller angive begrundelsen for at reglen ikke følges.',
    en: 'The nomination must propose as many women as men ({count} of each), or state why the rule is not met.',
  },
  'seats.candidatePerson': {
    sv: 'Varje kandidat behöver en befintlig person eller ett namn.',
    da: 'Hver kandidat skal have en eksisterende person eller et navn.',
    en: 'Each candidate needs an existing person or a name.',
  },
  'seats.candidateTwice': {
    sv: 'Kandidat {n} är samma person som en kandidat ovanför. Föreslå varje person en gång.',
    da: 'Kandidat {n} er den samme person som en kandidat ovenfor. Indstil hver person én gang.',
    en: 'Candidate {n} is the same person as a candidate above. Propose each person once.',
  },
});

registerConstraintErrors({
  seat_allocation_count_covers_filled: { code: ErrorCode.CONFLICT, messageKey: 'seats.countBelowFilled' },
  appointment_substitute_needs_principal: { code: ErrorCode.CONFLICT, messageKey: 'seats.substituteNeedsPrincipal' },
  appointment_seat_retired: { code: ErrorCode.CONFLICT, messageKey: 'seats.seatRetired' },
  appointment_check: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'seats.endBeforeStart' },
});
