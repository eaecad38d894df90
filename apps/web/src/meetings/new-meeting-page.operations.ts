import { graphql } from '../core/graphql';

export const NewMeetingPage = graphql(`
  query NewMeetingPage($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      myPermissions {
        scheduleMeetings
      }
      commission {
        id
        timeZone
      }
    }
  }
`);

export const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`);
