import { graphql } from './graphql';

export const SearchOrganisations = graphql(`
  query SearchOrganisations($search: String!) {
    organisations(search: $search, first: 20) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
  }
`);

export const SearchPeople = graphql(`
  query SearchPeople($search: String!) {
    people(search: $search, first: 20) {
      edges {
        node {
          id
          fullName
          email
        }
      }
    }
  }
`);
