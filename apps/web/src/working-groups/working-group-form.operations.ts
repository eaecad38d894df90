import { graphql } from '../core/graphql';

/** What a group of this commission may pursue and sit under. */
export const GroupCommissionFields = graphql(`
  fragment GroupCommissionFields on Commission {
    id
    title
    mayManage
    objectives {
      id
      letter
      text
      withdrawnByAmendmentId
    }
    groups {
      id
      name
      parentId
      subgroupsAllowed
    }
    strategy {
      id
      title
      priorityAreas {
        id
        number
        title
        goals {
          id
          code
          text
        }
      }
    }
  }
`);

export const NewWorkingGroupPage = graphql(
  `
    query NewWorkingGroupPage($id: ID!) {
      commission(id: $id) {
        ...GroupCommissionFields
      }
    }
  `,
  [GroupCommissionFields],
);

export const CreateWorkingGroup = graphql(`
  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      id
    }
  }
`);

export const EditWorkingGroupPage = graphql(
  `
    query EditWorkingGroupPage($id: ID!) {
      workingGroup(id: $id) {
        id
        name
        purpose
        status
        parentId
        reportsTo
        establishedOn
        concludedOn
        holdoverAllowed
        subgroupsAllowed
        chair {
          id
          fullName
          email
        }
        leadOrganisation {
          id
          name
          shortName
        }
        secretariatOrganisation {
          id
          name
          shortName
        }
        goals {
          id
        }
        objectives {
          id
        }
        commission {
          ...GroupCommissionFields
        }
      }
    }
  `,
  [GroupCommissionFields],
);

export const UpdateWorkingGroup = graphql(`
  mutation UpdateWorkingGroup($input: UpdateWorkingGroupInput!) {
    updateWorkingGroup(input: $input) {
      id
    }
  }
`);
