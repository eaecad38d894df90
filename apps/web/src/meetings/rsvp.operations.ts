import { graphql } from '../core/graphql';

export const Rsvp = graphql(`
  mutation Rsvp($meetingId: ID!, $input: RsvpInput!) {
    rsvp(meetingId: $meetingId, input: $input) {
      id
      rsvp
      substituteName
      respondedAt
    }
  }
`);
