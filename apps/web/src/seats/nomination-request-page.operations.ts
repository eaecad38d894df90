import { graphql } from '../core/graphql';

/** What an organisation's contact is asked, the rule that applies, and what was sent already: one request. */
export const NominationRequestPage = graphql(`
  query NominationRequestPage($id: ID!) {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    nominationRequest(id: $id) {
      id
      status
      deadline
      seatsRequested
      message
      mayPickFromRegister
      organisation {
        id
        name
      }
      allocation {
        id
        role
        requiresGenderPair
        requiredPerspective
        workingGroup {
          id
          name
          commission {
            id
            title
          }
        }
      }
      nominations {
        id
        compliesWithGenderRule
        genderRuleReason
        candidates {
          id
          displayName
        }
      }
    }
  }
`);

/** The people register, for a secretariat picking candidates (people(search) is theirs only). */
export const SearchPeople = graphql(`
  query SearchPeople($search: String!) {
    people(search: $search, first: 8) {
      edges {
        node {
          id
          fullName
          email
          gender
        }
      }
    }
  }
`);

export const SubmitNomination = graphql(`
  mutation SubmitNomination($input: SubmitNominationInput!) {
    submitNomination(input: $input) {
      id
      compliesWithGenderRule
    }
  }
`);
