import { graphql } from '../core/graphql';

export const SettingsPage = graphql(`
  query SettingsPage {
    me {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
    myCalendarFeed {
      active
      createdAt
    }
    myNotificationPreferences {
      delivery
      kinds {
        kind
        label
        optOutAllowed
        optedOut
      }
    }
  }
`);

export const SaveProfile = graphql(`
  mutation SaveProfile($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      fullName
      locale
      timeZone
    }
  }
`);

export const SavePreferences = graphql(`
  mutation SavePreferences($input: UpdateNotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) {
      delivery
      optedOutKinds
    }
  }
`);

export const CreateFeed = graphql(`
  mutation CreateFeed {
    createCalendarFeed {
      url
    }
  }
`);

/** Everything Samverkan holds about me, as one JSON document (GDPR access). */
export const PersonalDataExport = graphql(`
  query PersonalDataExport($personId: ID!) {
    personalDataExport(personId: $personId)
  }
`);

export const RevokeFeed = graphql(`
  mutation RevokeFeed {
    revokeCalendarFeed
  }
`);
