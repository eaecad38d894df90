import { graphql } from '../core/graphql';

export const StakeholdersPage = graphql(`
  query StakeholdersPage($id: ID!, $country: String) {
    commission(id: $id) {
      id
      title
      stakeholderRegister {
        organisation {
          id
          name
          kind
          region
        }
        ways
        seats
      }
      stakeholderCoverage(country: $country) {
        country
        missingKinds
        missingRegions
        kinds {
          kind
          organisations
          seats
        }
        regions {
          region {
            code
            name
          }
          organisations
          seats
        }
      }
      stakeholderEngagements {
        id
        how
        note
        engagedOn
        organisation {
          id
          name
        }
      }
    }
    enumLabels(enums: ["OrganisationKind", "StakeholderWay", "EngagementKind"]) {
      enum
      value
      label
    }
  }
`);

export const RecordEngagement = graphql(`
  mutation RecordEngagement($input: RecordEngagementInput!) {
    recordStakeholderEngagement(input: $input) {
      id
    }
  }
`);
