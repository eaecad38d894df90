import { graphql } from '../core/graphql';

export const OrganisationPage = graphql(`
  query OrganisationPage($id: ID!) {
    organisation(id: $id) {
      id
      name
      shortName
      kind
      country
      region
      regionCode
      email
      parent {
        id
        name
      }
    }
    people(organisationId: $id, first: 100) {
      edges {
        node {
          id
          displayName
          title
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

export const UpdateOrganisation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      name
      region
      regionCode
    }
  }
`);
