import { graphql } from '../core/graphql';

/** The grid, the balance and the § 10 report of one group: one request (statement count flat in the number of organisations). */
export const SeatGridPage = graphql(`
  query SeatGridPage($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      holdoverAllowed
      commission {
        id
        title
      }
      allocations {
        id
        seatCount
        role
        requiredPerspective
        requiresGenderPair
        filledCount
        holdoverCount
        vacantCount
        organisation {
          id
          name
        }
        nominatingOrganisation {
          id
          name
        }
        seats {
          id
          number
          status
          currentAppointment {
            id
            startsOn
            endsOn
            termNumber
            status
            person {
              id
              displayName
              gender
            }
          }
          currentSubstitute {
            id
            endsOn
            person {
              id
              displayName
              gender
            }
          }
        }
      }
      genderBalance {
        women
        men
        other
        notStated
        shareWomen
      }
      genderCompliance {
        allocationId
        required
        complies
        nominated
        womenProposed
        menProposed
        reason
      }
      compositionReport {
        lines {
          seats
          requiredPerspective
          womenProposed
          menProposed
          reason
          organisation {
            id
            name
          }
          proposed {
            id
            displayName
            gender
          }
        }
        proposed {
          women
          men
          other
          notStated
          shareWomen
        }
        current {
          women
          men
          other
          notStated
          shareWomen
        }
      }
    }
  }
`);
