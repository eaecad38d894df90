import { ConfigError, configSchema, parseConfig } from './config.schema';

describe('configuration', () => {
  it('has a default or is optional, and a description, for every variable', () => {
    for (const [name, schema] of Object.entries(configSchema.shape)) {
      expect([name, typeof schema.description]).toEqual([name, 'string']);
    }
    expect(() => parseConfig({})).not.toThrow();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'nonsense'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['REDIS_URL', 'localhost:6379'],
    ['SMTP_URL', 'http://mail'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['JWT_SECRET', 'short'],
    ['GRAPHQL_MAX_DEPTH', '1'],
    ['GRAPHQL_EXECUTOR', 'fast'],
    ['HTTP_BODY_LIMIT', 'lots'],
    ['QUEUE_PREFIX', 'has space'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name}=`));
  });

  it('requires a real JWT secret in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'CHANGE-ME-set-JWT_SECRET-to-a-random-secret' })).toThrow(/placeholder/);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('reads numbers and flags from strings', () => {
    const config = parseConfig({ PORT: '4000', EXPOSE_STATEMENT_COUNT: 'true' });
    expect(config.PORT).toBe(4000);
    expect(config.EXPOSE_STATEMENT_COUNT).toBe(true);
  });

  it('compiles queries with graphql-jit unless told graphql-js', () => {
    expect(parseConfig({}).GRAPHQL_EXECUTOR).toBe('jit');
    expect(parseConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).GRAPHQL_EXECUTOR).toBe('graphql-js');
  });
});
