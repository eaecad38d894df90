import { graphql } from '../core/graphql';

export const PeopleSearch = graphql(`
  query PeopleSearch($search: String, $first: Int, $after: String) {
    people(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          email
          title
          affiliation {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreatePerson = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
    }
  }
`);
