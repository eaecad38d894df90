import { graphql } from '../core/graphql';

/** Whether the reader may set up a strategy (secretariats and administrators). */
export const NewStrategyPage = graphql(`
  query NewStrategyPage {
    mayEditStrategies
  }
`);

export const CreateStrategy = graphql(`
  mutation CreateStrategy($input: CreateStrategyInput!) {
    createStrategy(input: $input) {
      id
    }
  }
`);
