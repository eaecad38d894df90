import { graphql } from '../core/graphql';

export const PersonPage = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id
      fullName
      displayName
      email
      title
      locale
      timeZone
      gender
      erasedAt
      mayEdit
      affiliation {
        id
        name
      }
      mergedInto {
        id
        displayName
      }
    }
    me {
      isAdmin
    }
    # Secretariats and administrators: who may merge duplicates.
    mayEditStrategies
  }
`);

export const DuplicateCandidates = graphql(`
  query DuplicateCandidates($search: String) {
    people(search: $search, first: 20) {
      edges {
        node {
          id
          displayName
          email
          affiliation {
            name
          }
        }
      }
    }
  }
`);

export const UpdatePerson = graphql(`
  mutation UpdatePersonInRegister($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      fullName
      email
      title
    }
  }
`);

export const MergePeople = graphql(`
  mutation MergePeople($input: MergePeopleInput!) {
    mergePeople(input: $input) {
      id
      displayName
    }
  }
`);

export const CreateAccount = graphql(`
  mutation CreateAccountForPerson($input: CreateAccountInput!) {
    createAccount(input: $input) {
      isAdmin
    }
  }
`);
