import { graphql } from '../core/graphql';

export const CommissionListPage = graphql(`
  query CommissionListPage {
    mayCreateCommission
    commissionList(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          reportingDeadline
          myRoles
        }
      }
    }
  }
`);
