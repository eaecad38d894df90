import { graphql } from '../core/graphql';

export const CommissionOverviewPage = graphql(`
  query CommissionOverviewPage($id: ID!) {
    commissionOverview(commissionId: $id) {
      commissionId
      title
      asOf
      rag
      reportingDeadline
      seats
      filled
      holdover
      vacant
      groups {
        id
        name
        rag
        seats
        filled
        holdover
        vacant
      }
      goals {
        id
        code
        text
        rag
      }
      nextDeadlines {
        deliverableId
        title
        dueOn
        groupName
        rag
      }
      overdue {
        key
        kind
        deliverableId
        title
        dueOn
        groupName
        daysOverdue
      }
      vacancies {
        groupId
        groupName
        organisation
        vacant
        seats
      }
      lastReport {
        id
        periodKey
        url
        compiledAt
      }
      sinceLastReport {
        hasPrevious
        new {
          key
          kind
          title
          changes
        }
        changed {
          key
          kind
          title
          changes
        }
        completed {
          key
          kind
          title
          changes
        }
        newlyLate {
          key
          kind
          title
          changes
        }
      }
    }
    statusReports(commissionId: $id, first: 20) {
      totalCount
      edges {
        node {
          id
          periodKey
          kind
          rag
          compiledAt
          url
        }
      }
    }
  }
`);
