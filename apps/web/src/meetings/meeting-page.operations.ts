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
      description
      startsAt
      endsAt
      timeZone
      status
      place
      onlineUrl
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
        substituteName
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
