import { graphql } from '../core/graphql';

/** An open event for its registration page, for anyone (no sign-in). */
export const OpenEventPage = graphql(`
  query OpenEventPage($id: ID!) {
    openEvent(meetingId: $id) {
      id
      title
      kind
      description
      startsAt
      endsAt
      timeZone
      place
      capacity
      placesLeft
      waitlistOpen
    }
  }
`);
