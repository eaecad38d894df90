import { graphql } from '../../core/graphql';

/** A commission's deliverables, filtered on the server, with what the filters offer. */
export const DeliverablesPage = graphql(`
  query DeliverablesPage($id: ID!, $filter: DeliverableFilter!) {
    commission(id: $id) {
      id
      title
      mayManage
      groups {
        id
        name
      }
      strategy {
        id
        priorityAreas {
          id
          goals {
            id
            code
            text
          }
        }
      }
      deliverableResponsibles {
        id
        displayName
      }
    }
    deliverables(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          dueOn
          status
          statusLabel
          kindLabel
          health
          workingGroup {
            id
            name
          }
          responsiblePerson {
            id
            displayName
          }
        }
      }
    }
  }
`);
