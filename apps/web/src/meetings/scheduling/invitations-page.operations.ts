import { graphql } from '../../core/graphql';

export const InvitationsPage = graphql(`
  query InvitationsPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      status
      startsAt
      endsAt
      timeZone
      place
      onlineUrl
      maySchedule
      workingGroup {
        id
        name
      }
      invitations {
        id
        role
        rsvp
        respondedAt
        substituteName
        person {
          id
          displayName
        }
        substitute {
          id
          displayName
        }
      }
    }
  }
`);

/** Asked only of those who may schedule (the page shows them after the first query said so). */
export const InvitationsDoubleBookings = graphql(`
  query InvitationsDoubleBookings($id: ID!) {
    meeting(id: $id) {
      id
      doubleBookings {
        personId
        personName
        otherMeetingId
        otherTitle
        otherStartsAt
      }
    }
  }
`);

export const RemindInvitees = graphql(`
  mutation RemindInvitees($id: ID!) {
    remindMeetingInvitees(meetingId: $id) {
      unanswered
      sent
    }
  }
`);

export const RescheduleMeeting = graphql(`
  mutation RescheduleMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`);
