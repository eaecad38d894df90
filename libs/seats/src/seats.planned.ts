import type { PlannedLevel } from '@samverkan/core';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { Appointment } from './appointments/appointment.entity';
import { Seat } from './seat.entity';

/**
 * Seat allocations and seats as the commission tree's plan may fetch them with
 * only the columns selected (`plannedProperties`, libs/core): what each field
 * resolver of the type (seat-allocation.resolver.ts, seats.resolver.ts,
 * seat-grid.resolver.ts) reads from its parent, and the keys the plan groups by.
 * A field resolver not listed makes the plan fetch whole rows.
 */
export const SEAT_ALLOCATION_PLANNED: PlannedLevel = {
  store: 'group.allocations',
  typeName: 'SeatAllocation',
  target: SeatAllocation,
  always: ['id', 'workingGroupId'],
  reads: {
    organisation: ['organisationId'],
    nominatingOrganisation: ['nominatingOrganisationId'],
    workingGroup: ['workingGroupId'],
    seats: ['id'],
    filledCount: ['id'],
    holdoverCount: ['id'],
    vacantCount: ['id'],
    nominationRequests: ['id'],
  },
};

export const SEAT_PLANNED: PlannedLevel = {
  store: 'allocation.seats',
  typeName: 'Seat',
  target: Seat,
  always: ['id', 'allocationId'],
  reads: {
    status: ['id'],
    currentAppointment: ['id'],
    currentSubstitute: ['id'],
    allocation: ['allocationId'],
    appointments: ['id'],
  },
};

/**
 * Who sits in a seat (`SeatsService.occupancy`: its current principal and
 * substitute appointments) as the plan may fetch it: keyed by seat, holding
 * `Appointment`s with the columns `occupancyOf` needs to tell the seat's status
 * (`always`) and those selected below `currentAppointment`/`currentSubstitute`.
 */
export const OCCUPANCY_PLANNED: PlannedLevel = {
  store: 'seat.occupancy',
  typeName: 'Appointment',
  target: Appointment,
  always: ['id', 'seatId', 'personId', 'kind', 'startsOn', 'endsOn', 'endedReason'],
  reads: {
    person: ['personId'],
    seat: ['seatId'],
    status: ['startsOn', 'endsOn'],
  },
};
