import { graphql } from '../core/graphql';

/** Everything My page shows, in one request. */
export const MyPage = graphql(`
  query MyPage($from: DateTime!) {
    me {
      person {
        id
        fullName
        locale
        timeZone
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
            substituteName
          }
        }
      }
    }
    myWorkingGroups {
      id
      name
    }
  }
`);
