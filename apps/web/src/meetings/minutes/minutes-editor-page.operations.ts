import { graphql } from '../../core/graphql';

export const MinutesEditorPage = graphql(`
  query MinutesEditorPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      startsAt
      timeZone
      mayManage
      agenda {
        id
        position
        title
      }
      invitations {
        id
        personId
        role
        person {
          id
          displayName
        }
      }
      declaredConflicts {
        id
        agendaItemId
        personId
        reason
      }
      carriedActionItems {
        id
        title
        dueOn
        status
        assignee {
          id
          displayName
        }
      }
      minutes {
        id
        status
        body
        approvedAt
        sentForApprovalAt
        notes {
          agendaItemId
          text
        }
        decisions {
          id
          number
          agendaItemId
          text
        }
        actionItems {
          id
          agendaItemId
          title
          assigneePersonId
          dueOn
          assignee {
            id
            displayName
          }
        }
        conflictsOfInterest {
          id
          agendaItemId
          personId
          reason
          leftRoom
          person {
            id
            displayName
          }
        }
        adjusters {
          personId
          approvedAt
          person {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const SaveMinutes = graphql(`
  mutation SaveMinutes($input: SaveMinutesInput!) {
    saveMinutes(input: $input) {
      id
      status
    }
  }
`);

export const SendMinutesForApproval = graphql(`
  mutation SendMinutesForApproval($input: SendMinutesForApprovalInput!) {
    sendMinutesForApproval(input: $input) {
      id
      status
    }
  }
`);
