import { graphql } from '../../core/graphql';

export const ReviewRoundFollowPage = graphql(`
  query ReviewRoundFollowPage($id: ID!) {
    reviewRound(id: $id) {
      id
      status
      deadline
      message
      outcome
      outcomeNote
      mayManage
      remindersSent
      lastRemindedAt
      commentMatrixPath
      deliverable {
        id
        title
      }
      version {
        id
        number
        filename
        downloadPath
      }
      reviewers {
        personId
        answered
        reminderCount
        remindedAt
        person {
          id
          displayName
        }
        organisation {
          id
          name
        }
      }
      answers {
        id
        personId
        verdictLabel
        summary
        answeredAt
      }
      comments {
        id
        number
        anchorKind
        anchor
        body
        proposedWording
        response
        decision
        reviewer {
          id
          displayName
        }
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const RemindReviewers = graphql(`
  mutation RemindReviewers($input: RemindReviewersInput!) {
    remindReviewers(input: $input) {
      id
      remindersSent
    }
  }
`);

export const RespondToComment = graphql(`
  mutation RespondToComment($input: RespondToCommentInput!) {
    respondToReviewComment(input: $input) {
      id
      response
      decision
    }
  }
`);

export const CloseReviewRound = graphql(`
  mutation CloseReviewRound($input: CloseReviewRoundInput!) {
    closeReviewRound(input: $input) {
      id
      status
    }
  }
`);
