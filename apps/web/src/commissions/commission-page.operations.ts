import { graphql } from '../core/graphql';

export const CommissionPage = graphql(`
  query CommissionPage($id: ID!) {
    commission(id: $id) {
      id
      title
      description
      status
      referenceNumber
      startsOn
      reportingDeadline
      myRoles
      objectives {
        id
        letter
        text
        withdrawnByAmendmentId
      }
      groups {
        id
        name
        status
      }
    }
  }
`);
