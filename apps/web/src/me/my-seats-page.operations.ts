import { graphql } from '../core/graphql';

/**
 * Every seat I have held, hold or will hold, with its group, commission,
 * organisation, and who holds the seat with me: one request, whose statements
 * do not grow with the number of seats (each level is one DataLoader).
 */
export const MySeatsPage = graphql(`
  query MySeatsPage {
    me {
      person {
        id
        fullName
        locale
        timeZone
        appointments {
          id
          kind
          startsOn
          endsOn
          termNumber
          endedReason
          seat {
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
            currentSubstitute {
              id
              person {
                id
                displayName
              }
            }
            allocation {
              id
              role
              requiredPerspective
              organisation {
                id
                name
              }
              workingGroup {
                id
                name
                holdoverAllowed
                commission {
                  id
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);
