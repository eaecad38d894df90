import { graphql } from '../core/graphql';

export const SignIn = graphql(`
  mutation SignIn($input: LoginInput!) {
    signInBrowser(input: $input) {
      person {
        id
        fullName
        locale
        timeZone
      }
    }
  }
`);

export const SignOut = graphql(`
  mutation SignOut($everywhere: Boolean!) {
    signOutBrowser(everywhere: $everywhere)
  }
`);
