import { graphql } from '../core/graphql';

export const WorkingGroupPage = graphql(`
  query WorkingGroupPage($id: ID!, $from: DateTime!) {
    workingGroup(id: $id) {
      id
      name
      purpose
      status
      establishedOn
      concludedOn
      chair {
        id
        displayName
      }
      myPermissions {
        manage
        scheduleMeetings
      }
      parent {
        id
        name
      }
      subgroups {
        id
        name
      }
      leadOrganisation {
        id
        name
      }
      secretariatOrganisation {
        id
        name
      }
      reportsTo
      subgroupsAllowed
      objectives {
        id
        letter
        text
      }
      goals {
        id
        code
        text
        strategyId
      }
      commission {
        id
        title
      }
      allocations {
        id
        seatCount
        organisation {
          id
          name
        }
        seats {
          id
          number
          status
          currentAppointment {
            id
            person {
              id
              displayName
            }
          }
        }
      }
    }
    meetingList(workingGroupId: $id, from: $from, first: 5) {
      edges {
        node {
          id
          title
          startsAt
          status
        }
      }
    }
  }
`);
