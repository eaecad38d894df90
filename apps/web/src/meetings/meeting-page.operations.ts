import { graphql } from '../core/graphql';

export const MeetingPage = graphql(`
  query MeetingPage($id: ID!) {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    meeting(id: $id) {
      id
      title
      maySchedule
      isOpen
      description
      startsAt
      endsAt
      timeZone
      status
      place
      onlineUrl
      mayManage
      workingGroup {
        id
        name
      }
      agenda {
        id
        position
        title
        description
        durationMinutes
        presenterName
        presenter {
          id
          displayName
        }
        deliverable {
          id
          title
        }
      }
      myInvitation {
        id
        rsvp
        seatId
        seatSubstitute {
          id
          displayName
        }
      }
      declaredConflicts {
        id
        agendaItemId
        personId
        reason
        declaredAt
        person {
          id
          displayName
        }
      }
      minutes {
        id
        status
        approvedAt
        body
        adjusters {
          personId
          approvedAt
        }
        decisions {
          id
          number
          text
        }
      }
    }
  }
`);

export const ApproveMinutes = graphql(`
  mutation ApproveMinutes($minutesId: ID!) {
    approveMinutes(minutesId: $minutesId) {
      id
      status
    }
  }
`);

export const DeclareConflict = graphql(`
  mutation DeclareConflict($input: DeclareConflictOfInterestInput!) {
    declareConflictOfInterest(input: $input) {
      id
      agendaItemId
      reason
    }
  }
`);

export const WithdrawConflict = graphql(`
  mutation WithdrawConflict($agendaItemId: ID!) {
    withdrawConflictOfInterest(agendaItemId: $agendaItemId)
  }
`);
