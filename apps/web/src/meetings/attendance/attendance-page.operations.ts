import { graphql } from '../../core/graphql';

export const AttendancePage = graphql(`
  query AttendancePage($id: ID!) {
    meeting(id: $id) {
      id
      title
      startsAt
      timeZone
      status
      mayManage
      workingGroup {
        id
        name
      }
      quorum {
        seats
        required
        represented
        met
      }
      agenda {
        id
        position
        title
        quorum {
          seats
          required
          represented
          recused
          met
        }
      }
      declaredConflicts {
        id
        agendaItemId
        reason
        person {
          id
          displayName
        }
      }
      minutes {
        id
        conflictsOfInterest {
          id
          agendaItemId
          reason
          person {
            id
            displayName
          }
        }
      }
      invitations {
        id
        personId
        role
        seatId
        rsvp
        attendance
        substitutedByName
        substitutedBy {
          id
          displayName
        }
        substituteName
        substitute {
          id
          displayName
        }
        person {
          id
          displayName
        }
      }
    }
  }
`);

export const RecordAttendance = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
      attendance
    }
  }
`);
