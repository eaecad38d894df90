import { graphql } from '../../core/graphql';

export const DatePollAnswersPage = graphql(`
  query DatePollAnswersPage($id: ID!) {
    datePoll(id: $id) {
      id
      title
      status
      timeZone
      place
      meetingId
      chosenOptionId
      options {
        option {
          id
          startsAt
          endsAt
        }
        yes
        ifNeedBe
        no
        best
      }
    }
    datePollAnswers(id: $id) {
      personId
      invited
      person {
        id
        displayName
      }
      answers {
        optionId
        answer
      }
    }
  }
`);

export const ChooseDatePollOption = graphql(`
  mutation ChooseDatePollOption($pollId: ID!, $optionId: ID!) {
    chooseDatePollOption(pollId: $pollId, optionId: $optionId) {
      meeting {
        id
      }
    }
  }
`);
