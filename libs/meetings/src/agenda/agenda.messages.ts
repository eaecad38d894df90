import { registerMessages } from '@samverkan/core';

registerMessages({
  'meetings.agendaChanged': {
    sv: 'Dagordningen har ändrats av någon annan sedan du öppnade den. Se den aktuella ordningen och flytta igen.',
    da: 'Dagsordenen er blevet ændret af en anden, siden du åbnede den. Se den aktuelle rækkefølge, og flyt igen.',
    en: 'Someone else changed the agenda since you opened it. See the current order and move the item again.',
  },
  'meetings.agendaOrderIncomplete': {
    sv: 'Den nya ordningen måste innehålla varje punkt på dagordningen exakt en gång.',
    da: 'Den nye rækkefølge skal indeholde hvert punkt på dagsordenen præcis én gang.',
    en: 'The new order must list every item of the agenda exactly once.',
  },
});
