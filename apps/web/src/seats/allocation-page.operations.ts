import { graphql } from '../core/graphql';

/** One allocation for its secretariat: seats and their appointments, nomination requests, their answers and mails. */
export const AllocationPage = graphql(`
  query AllocationPage($id: ID!) {
    seatAllocation(id: $id) {
      id
      seatCount
      role
      requiredPerspective
      requiresGenderPair
      termMonths
      maxConsecutiveTerms
      notes
      filledCount
      holdoverCount
      vacantCount
      workingGroup {
        id
        name
        holdoverAllowed
      }
      organisation {
        id
        name
      }
      nominatingOrganisation {
        id
        name
      }
      seats {
        id
        number
        status
        appointments {
          id
          kind
          startsOn
          endsOn
          termNumber
          status
          endedReason
          nominationId
          person {
            id
            displayName
            gender
          }
          vacancyNotice {
            id
            toAddress
            subject
            status
            createdAt
            sentAt
          }
        }
      }
      nominationRequests {
        id
        deadline
        status
        seatsRequested
        message
        sentAt
        answeredAt
        contactPerson {
          id
          displayName
          email
        }
        organisation {
          id
          name
        }
        mails {
          id
          subject
          status
          createdAt
          sentAt
          toAddress
        }
        nominations {
          id
          compliesWithGenderRule
          genderRuleReason
          candidates {
            id
            displayName
            gender
          }
        }
      }
    }
  }
`);

export const ChangeSeatCount = graphql(`
  mutation ChangeSeatCount($input: ChangeSeatCountInput!) {
    changeSeatCount(input: $input) {
      id
      seatCount
    }
  }
`);

export const RequestNomination = graphql(`
  mutation RequestNomination($input: RequestNominationInput!) {
    requestNomination(input: $input) {
      id
    }
  }
`);

export const RemindNominationRequest = graphql(`
  mutation RemindNominationRequest($id: ID!) {
    remindNominationRequest(id: $id) {
      id
    }
  }
`);

export const Appoint = graphql(`
  mutation Appoint($input: AppointInput!) {
    appoint(input: $input) {
      id
      seat {
        id
        number
      }
    }
  }
`);

export const EndAppointment = graphql(`
  mutation EndAppointment($input: EndAppointmentInput!) {
    endAppointment(input: $input) {
      id
      endsOn
    }
  }
`);

export const SearchPeople = graphql(`
  query SearchPeople($search: String) {
    people(search: $search, first: 20) {
      edges {
        node {
          id
          displayName
          email
        }
      }
    }
  }
`);

export const SearchOrganisations = graphql(`
  query SearchOrganisations($search: String) {
    organisations(search: $search, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateAllocation = graphql(`
  mutation CreateAllocation($input: CreateSeatAllocationInput!) {
    createSeatAllocation(input: $input) {
      id
    }
  }
`);

export const NewAllocationPage = graphql(`
  query NewAllocationPage($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      commission {
        id
        mayManage
      }
    }
  }
`);
