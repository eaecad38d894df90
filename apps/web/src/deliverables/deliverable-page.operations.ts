import { graphql } from '../core/graphql';

export const DeliverablePage = graphql(`
  query DeliverablePage($id: ID!) {
    deliverable(id: $id) {
      id
      title
      description
      kindLabel
      statusLabel
      dueOn
      deliveredOn
      publishedUrl
      health
      mayManage
      mayUpload
      uploadLimits {
        maxBytes
        maxSizeText
        extensions
      }
      deadlineChanges {
        id
        oldDueOn
        newDueOn
        reason
        changedAt
        changedBy {
          id
          displayName
        }
      }
      workingGroup {
        id
        name
      }
      commission {
        id
        title
      }
      responsiblePerson {
        id
        displayName
      }
      versions {
        id
        number
        filename
        sizeBytes
        uploadedAt
        downloadPath
        note
      }
      reviewRounds {
        id
        status
        deadline
        version {
          id
          number
        }
      }
    }
  }
`);
