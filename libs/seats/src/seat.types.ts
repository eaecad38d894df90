import { registerEnumType } from '@nestjs/graphql';

export enum SeatStatus {
  FILLED = 'filled',
  HOLDOVER = 'holdover',
  VACANT = 'vacant',
}
registerEnumType(SeatStatus, {
  name: 'SeatStatus',
  description: 'A seat today: one of three, the same in every field, reminder, report and export (libs/seats, SeatsService).',
  valuesMap: {
    FILLED: { description: 'A principal term runs today.' },
    HOLDOVER: { description: 'The latest principal term has ended and the group allows holding over: the holder sits on until a successor starts. Not vacant.' },
    VACANT: { description: 'Nobody sits in the seat: never held, or the term ended in a group without holdover.' },
  },
});
