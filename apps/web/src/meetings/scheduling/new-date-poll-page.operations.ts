import { graphql } from '../../core/graphql';

export const NewDatePollPage = graphql(`
  query NewDatePollPage($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      myPermissions {
        scheduleMeetings
      }
      commission {
        id
        timeZone
      }
    }
  }
`);

export const CreateDatePoll = graphql(`
  mutation CreateDatePoll($input: CreateDatePollInput!) {
    createDatePoll(input: $input) {
      id
    }
  }
`);
