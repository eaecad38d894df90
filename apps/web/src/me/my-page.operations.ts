import { graphql } from '../core/graphql';

/** Everything My page shows, in one request. */
export const MyPage = graphql(`
  query MyPage($from: DateTime!) {
    mayEditStrategies
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
      reviewsWaiting {
        reviewRoundId
        deliverableId
        deliverableTitle
        deadline
        versionNumber
      }
      minutesToApprove {
        minutesId
        meetingId
        meetingTitle
        meetingStartsAt
      }
      actionItems {
        id
        title
        dueOn
        meetingId
        meetingTitle
      }
      datePollsToAnswer {
        id
        title
        firstOptionAt
        workingGroupName
      }
      nominationRequests {
        id
        organisationName
        workingGroupName
        seatsRequested
        deadline
      }
      seats {
        appointmentId
        kind
        workingGroupId
        workingGroupName
        organisationName
        seatNumber
        termNumber
        startsOn
        endsOn
        principalName
      }
    }
    meetingList(from: $from, first: 10) {
      edges {
        node {
          id
          title
          startsAt
          timeZone
          status
          place
          onlineUrl
          workingGroup {
            id
            name
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
        }
      }
    }
  }
`);
