import { graphql } from '../core/graphql';

export const CommissionPage = graphql(`
  query CommissionPage($id: ID!) {
    commission(id: $id) {
      id
      title
      description
      kind
      status
      referenceNumber
      startsOn
      reportingDeadline
      reportCadence
      myRoles
      mayManage
      commissioningBody {
        id
        name
      }
      leadOrganisation {
        id
        name
      }
      partners {
        id
        name
      }
      strategy {
        id
        title
      }
      objectives {
        id
        letter
        text
        addedByAmendmentId
        withdrawnByAmendmentId
      }
      amendments {
        id
        decidedOn
        referenceNumber
        reason
        previousDeadline
        newDeadline
      }
      roles {
        id
        role
        person {
          id
          displayName
        }
      }
      groups {
        id
        name
        status
        parentId
        chair {
          id
          displayName
        }
      }
    }
  }
`);
