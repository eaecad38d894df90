import { graphql } from '../core/graphql';

export const ReviewRoundPage = graphql(`
  query ReviewRoundPage($id: ID!) {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    reviewRound(id: $id) {
      id
      mayManage
      status
      deadline
      message
      outcome
      outcomeNote
      deliverable {
        id
        title
      }
      version {
        id
        number
        filename
        downloadPath
        sizeBytes
      }
      reviewers {
        personId
        answered
      }
      answers {
        id
        personId
        verdict
        verdictLabel
        summary
        answeredAt
      }
      comments {
        id
        number
        personId
        anchor
        body
        proposedWording
        response
        decisionLabel
      }
    }
  }
`);

export const AnswerReview = graphql(`
  mutation AnswerReview($input: AnswerReviewInput!) {
    answerReview(input: $input) {
      id
      verdict
      verdictLabel
      summary
      answeredAt
    }
  }
`);
