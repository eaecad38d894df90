import { graphql } from '../core/graphql';

export const StatusReportsPage = graphql(`
  query StatusReportsPage($id: ID!, $first: Int, $after: String) {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    commission(id: $id) {
      id
      title
      mayManage
      myRoles
      reportCadence
    }
    customReportPeriods(commissionId: $id) {
      id
      startsOn
      endsOn
    }
    statusReports(commissionId: $id, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          periodKey
          periodStart
          periodEnd
          asOf
          kind
          rag
          isEmpty
          compiledAt
          url
          summary {
            overdue
            newItems
            changedItems
            completedItems
            newlyLateItems
          }
          openedBy {
            personId
          }
        }
      }
    }
  }
`);

export const CompileStatusReport = graphql(`
  mutation CompileStatusReport($input: CompileStatusReportInput!) {
    compileStatusReport(input: $input) {
      id
      periodKey
      url
    }
  }
`);

export const SetReportCadence = graphql(`
  mutation SetReportCadence($input: UpdateCommissionInput!) {
    updateCommission(input: $input) {
      id
      reportCadence
    }
  }
`);

export const SetCustomReportPeriods = graphql(`
  mutation SetCustomReportPeriods($input: SetCustomReportPeriodsInput!) {
    setCustomReportPeriods(input: $input) {
      id
      startsOn
      endsOn
    }
  }
`);
