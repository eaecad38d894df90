import { graphql } from '../../core/graphql';

export const AgendaBuilderPage = graphql(`
  query AgendaBuilderPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      commissionId
      maySchedule
      lengthMinutes
      invitations {
        id
        person {
          id
          displayName
        }
      }
      agenda {
        id
        position
        title
        description
        durationMinutes
        presenterPersonId
        presenterName
        presenter {
          id
          displayName
        }
        deliverableId
        deliverable {
          id
          title
        }
        decisionExpected
      }
      declaredConflicts {
        id
        agendaItemId
        reason
        person {
          id
          displayName
        }
      }
    }
  }
`);

export const AgendaDeliverables = graphql(`
  query AgendaDeliverables($commissionId: ID!) {
    deliverables(filter: { commissionId: $commissionId }, first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const ReorderAgenda = graphql(`
  mutation ReorderAgenda($input: ReorderAgendaInput!) {
    reorderAgenda(input: $input) {
      id
      position
    }
  }
`);

export const SaveAgenda = graphql(`
  mutation SaveAgenda($input: SetAgendaInput!) {
    setAgenda(input: $input) {
      id
    }
  }
`);

export const UpdateAgendaItem = graphql(`
  mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      id
    }
  }
`);
