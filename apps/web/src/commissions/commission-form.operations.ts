import { graphql } from '../core/graphql';

/** What the commission form offers: the strategies to tie the commission to. */
export const CommissionFormOptions = graphql(`
  query CommissionFormOptions {
    mayCreateCommission
    strategies {
      id
      title
    }
  }
`);

export const CreateCommission = graphql(`
  mutation CreateCommission($input: CreateCommissionInput!) {
    createCommission(input: $input) {
      id
    }
  }
`);

export const EditCommissionPage = graphql(`
  query EditCommissionPage($id: ID!) {
    commission(id: $id) {
      id
      title
      kind
      status
      referenceNumber
      description
      reportCadence
      timeZone
      mayManage
      commissioningBody {
        id
        name
        shortName
      }
      leadOrganisation {
        id
        name
        shortName
      }
      partners {
        id
        name
        shortName
      }
      roles {
        id
        role
        person {
          id
          fullName
          email
        }
      }
    }
  }
`);

export const UpdateCommission = graphql(`
  mutation UpdateCommission($input: UpdateCommissionInput!) {
    updateCommission(input: $input) {
      id
    }
  }
`);

export const AssignCommissionRole = graphql(`
  mutation AssignCommissionRole($input: CommissionRoleInput!) {
    assignCommissionRole(input: $input) {
      id
    }
  }
`);

export const RemoveCommissionRole = graphql(`
  mutation RemoveCommissionRole($input: CommissionRoleInput!) {
    removeCommissionRole(input: $input)
  }
`);
