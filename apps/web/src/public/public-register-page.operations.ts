import { graphql } from '../core/graphql';

export const PublicRegisterPage = graphql(`
  query PublicRegisterPage($id: ID!) {
    publicRegister(commissionId: $id) {
      commissionId
      title
      referenceNumber
      status
      startsOn
      mandate {
        description
        commissioningBody
        leadOrganisation
        partners
        objectives {
          letter
          text
        }
        reportingDeadline
      }
      groups {
        id
        name
        parentId
        seats {
          organisation
          seats
          members
        }
      }
      deliverables {
        id
        title
        kind
        dueOn
        deliveredOn
        groupName
        url
      }
      events {
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
  }
`);

export const RegisterForEvent = graphql(`
  mutation RegisterForEvent($input: RegisterForEventInput!) {
    registerForEvent(input: $input) {
      status
      waitlistPosition
    }
  }
`);
