import { graphql } from '../core/graphql';

export const AuditPage = graphql(`
  query AuditPage($id: ID!, $first: Int, $after: String, $entity: String, $entityName: String, $actorPersonId: ID, $from: DateTime, $to: DateTime) {
    commission(id: $id) {
      id
      title
      roles {
        role
        person {
          id
          displayName
        }
      }
    }
    commissionAuditTrail(commissionId: $id, first: $first, after: $after, entity: $entity, entityName: $entityName, actorPersonId: $actorPersonId, from: $from, to: $to) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          entity
          entityId
          entityName
          action
          origin
          actor {
            id
            displayName
          }
          changes {
            field
          }
        }
      }
    }
  }
`);
