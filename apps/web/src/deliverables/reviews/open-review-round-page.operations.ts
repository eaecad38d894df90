import { graphql } from '../../core/graphql';

export const OpenReviewRoundPage = graphql(`
  query OpenReviewRoundPage($id: ID!) {
    deliverable(id: $id) {
      id
      title
      statusLabel
      versions {
        id
        number
        filename
      }
      reviewRounds {
        id
        status
      }
      suggestedReviewers {
        personId
        organisationId
        person {
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

export const OpenReviewRound = graphql(`
  mutation OpenReviewRound($input: OpenReviewRoundInput!) {
    openReviewRound(input: $input) {
      id
    }
  }
`);
