import { graphql } from '../core/graphql';

export const AmendMandatePage = graphql(`
  query AmendMandatePage($id: ID!) {
    commission(id: $id) {
      id
      title
      reportingDeadline
      mayManage
      objectives {
        id
        letter
        text
        withdrawnByAmendmentId
      }
    }
  }
`);

export const AmendMandate = graphql(`
  mutation AmendMandate($input: AmendMandateInput!) {
    amendMandate(input: $input) {
      id
    }
  }
`);
