import { graphql } from '../core/graphql';

export const DatePollPage = graphql(`
  query DatePollPage($id: ID!) {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    datePoll(id: $id) {
      id
      title
      maySchedule
      status
      timeZone
      place
      onlineUrl
      meetingId
      options {
        yes
        ifNeedBe
        no
        best
        option {
          id
          startsAt
          endsAt
        }
      }
    }
  }
`);

export const AnswerDatePoll = graphql(`
  mutation AnswerDatePoll($input: AnswerDatePollInput!) {
    answerDatePoll(input: $input) {
      id
      options {
        yes
        ifNeedBe
        no
        best
        option {
          id
          startsAt
          endsAt
        }
      }
    }
  }
`);
