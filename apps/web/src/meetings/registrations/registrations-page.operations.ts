import { graphql } from '../../core/graphql';

/** An open event's registrants, in registration order (the secretariat's: `registrations` is theirs only). */
export const RegistrationsPage = graphql(`
  query RegistrationsPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      isOpen
      status
      startsAt
      timeZone
      capacity
      waitlistOpen
      registrations {
        id
        fullName
        email
        organisation
        status
        createdAt
        confirmedAt
      }
    }
  }
`);
