import { graphql } from './graphql';

/** Whether the header offers the shared registers (people, organisations): secretariats and administrators. */
export const LayoutRegisters = graphql(`
  query LayoutRegisters {
    mayEditStrategies
  }
`);
