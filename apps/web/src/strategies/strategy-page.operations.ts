import { graphql } from '../core/graphql';

/** A strategy with its priority areas and numbered goals, and for each goal the groups and deliverables that work on it. */
export const StrategyPage = graphql(`
  query StrategyPage($id: ID!) {
    mayEditStrategies
    strategy(id: $id) {
      id
      title
      description
      publishedOn
      priorityAreas {
        id
        number
        title
        goals {
          id
          code
          text
          workingGroups {
            id
            name
          }
          deliverables {
            id
            title
            dueOn
            status
          }
        }
      }
    }
  }
`);

export const AddPriorityArea = graphql(`
  mutation AddPriorityArea($input: AddPriorityAreaInput!) {
    addPriorityArea(input: $input) {
      id
    }
  }
`);

export const UpdatePriorityArea = graphql(`
  mutation UpdatePriorityArea($input: UpdatePriorityAreaInput!) {
    updatePriorityArea(input: $input) {
      id
    }
  }
`);

export const AddGoal = graphql(`
  mutation AddGoal($input: AddGoalInput!) {
    addGoal(input: $input) {
      id
    }
  }
`);

export const UpdateGoal = graphql(`
  mutation UpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      id
    }
  }
`);
