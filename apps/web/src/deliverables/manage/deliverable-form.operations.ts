import { graphql } from '../../core/graphql';

/** What a deliverable of this commission may be tied to: its groups, goals and objectives. */
export const DeliverableCommissionFields = graphql(`
  fragment DeliverableCommissionFields on Commission {
    id
    title
    mayManage
    groups {
      id
      name
    }
    objectives {
      id
      letter
      text
      withdrawnByAmendmentId
    }
    strategy {
      id
      title
      priorityAreas {
        id
        goals {
          id
          code
          text
        }
      }
    }
  }
`);

export const NewDeliverablePage = graphql(
  `
    query NewDeliverablePage($id: ID!) {
      commission(id: $id) {
        ...DeliverableCommissionFields
      }
    }
  `,
  [DeliverableCommissionFields],
);

export const CreateDeliverable = graphql(`
  mutation CreateDeliverable($input: CreateDeliverableInput!) {
    createDeliverable(input: $input) {
      id
    }
  }
`);

export const EditDeliverablePage = graphql(
  `
    query EditDeliverablePage($id: ID!) {
      deliverable(id: $id) {
        id
        title
        description
        kind
        dueOn
        status
        statusLabel
        allowedTransitions
        publishedUrl
        mayManage
        workingGroup {
          id
        }
        responsiblePerson {
          id
          fullName
          email
        }
        goals {
          id
        }
        objectives {
          id
        }
        deadlineChanges {
          id
          oldDueOn
          newDueOn
          reason
          changedAt
          changedBy {
            id
            displayName
          }
        }
        commission {
          ...DeliverableCommissionFields
        }
      }
    }
  `,
  [DeliverableCommissionFields],
);

export const UpdateDeliverable = graphql(`
  mutation UpdateDeliverable($input: UpdateDeliverableInput!) {
    updateDeliverable(input: $input) {
      id
    }
  }
`);

export const ChangeDeliverableDeadline = graphql(`
  mutation ChangeDeliverableDeadline($input: ChangeDeliverableDeadlineInput!) {
    changeDeliverableDeadline(input: $input) {
      id
      dueOn
    }
  }
`);

export const ChangeDeliverableStatus = graphql(`
  mutation ChangeDeliverableStatus($input: ChangeDeliverableStatusInput!) {
    changeDeliverableStatus(input: $input) {
      id
      status
      statusLabel
    }
  }
`);
