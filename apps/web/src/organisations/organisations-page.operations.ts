import { graphql } from '../core/graphql';

export const OrganisationsPage = graphql(`
  query OrganisationsPage($search: String, $country: String, $after: String) {
    organisations(search: $search, country: $country, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          shortName
          kind
          country
          region
        }
      }
    }
    regions {
      code
      country
      name
    }
    enumLabels(enums: ["OrganisationKind"]) {
      value
      label
    }
  }
`);

export const CreateOrganisation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);
