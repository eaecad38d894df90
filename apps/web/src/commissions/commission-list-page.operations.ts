import { graphql } from '../core/graphql';

export const CommissionListPage = graphql(`
  query CommissionListPage {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    mayCreateCommission
    mayEditStrategies
    strategies {
      id
      title
    }
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
