import { graphql } from '../core/graphql';

/** The page's one request: the mail (filtered and paged on the server), the reminders not sent, the answers from mail links. */
export const MailLogPage = graphql(`
  query MailLogPage($id: ID!, $first: Int, $after: String, $status: MailStatus, $search: String, $skippedAfter: String, $answersAfter: String) {
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
    }
    commissionMailLog(commissionId: $id, first: $first, after: $after, status: $status, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          toAddress
          toName
          subject
          status
          attempts
          lastError
          createdAt
          sentAt
          failedAt
          bounceKind
          bounceReason
          nextAttemptAt
        }
      }
    }
    commissionSkippedReminders(commissionId: $id, first: 10, after: $skippedAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          label
          title
          dueAt
          skippedAt
          reason
        }
      }
    }
    mailAnswers(commissionId: $id, first: 10, after: $answersAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          actionLabel
          answerText
          at
          channel
          person {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const ResendMail = graphql(`
  mutation ResendMail($id: ID!) {
    resendMail(id: $id) {
      id
      status
    }
  }
`);
