import { graphql } from '../core/graphql';

export const PublicationPage = graphql(`
  query PublicationPage($id: ID!) {
    commissionPublication(commissionId: $id) {
      commissionId
      title
      published
      mandate
      groups
      organisations
      memberNames
      deliverables
      openEvents
      updatedAt
      url
      allDeliverables {
        id
        title
        status
        dueOn
        groupName
        chosen
      }
    }
  }
`);

export const SetPublication = graphql(`
  mutation SetPublication($input: SetCommissionPublicationInput!) {
    setCommissionPublication(input: $input) {
      published
      updatedAt
      url
    }
  }
`);
