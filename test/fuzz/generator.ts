import {
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import {
  HOSTILE_DATES,
  HOSTILE_DATE_TIMES,
  HOSTILE_EMAILS,
  HOSTILE_FLOATS,
  HOSTILE_INTS,
  HOSTILE_STRINGS,
  HOSTILE_TIME_ZONES,
  MALFORMED_IDS,
  TIME_ZONES_VALID,
  unknownUuid,
} from './catalog';
import { Rng } from './rng';

/** Real ids of the world, by entity (table name without underscores: `seatallocation`). */
export type IdPools = Record<string, string[]>;

export interface Operation {
  kind: 'query' | 'mutation';
  field: string;
}

export interface FuzzRequest {
  operation: Operation;
  /** What kind of abuse this request carries (for the report). */
  mode: 'valid' | 'near-valid' | 'wrong-type' | 'deep' | 'aliases' | 'inline' | 'garbage';
  query: string;
  variables: Record<string, unknown>;
}

/** Every query and mutation of the schema, read from the schema itself: a new resolver is fuzzed without being listed. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const ops: Operation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const name of Object.keys(type?.getFields() ?? {}).sort()) ops.push({ kind, field: name });
  }
  return ops;
}

/** Words of field names that name another entity than their own (commissioningBodyId is an organisation). */
const SYNONYMS: Record<string, string> = {
  body: 'organisation',
  affiliation: 'organisation',
  owner: 'organisation',
  partner: 'organisation',
  lead: 'organisation',
  secretariat: 'person',
  commissioner: 'person',
  chair: 'person',
  contact: 'person',
  responsible: 'person',
  reviewer: 'person',
  candidate: 'person',
  group: 'working_group',
  allocation: 'seat_allocation',
  request: 'nomination_request',
};

interface Leaf {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  type: GraphQLInputType;
  name: string;
  entity?: string;
}

/**
 * Builds GraphQL requests from the schema: arguments that look real (ids of the
 * right entity from the world, valid dates, time zones, enum values) so requests
 * reach the services, with a few leaves swapped for hostile values.
 */
export class RequestGenerator {
  private readonly operations: Operation[];

  constructor(
    private readonly schema: GraphQLSchema,
    private pools: IdPools,
  ) {
    this.operations = operationsOf(schema);
  }

  get all(): Operation[] {
    return this.operations;
  }

  setPools(pools: IdPools): void {
    this.pools = pools;
  }

  /** Request number i of a run; the operations take turns so each gets its share. */
  request(rng: Rng, index: number, operation = this.operations[index % this.operations.length]): FuzzRequest {
    const roll = rng.next();
    const mode: FuzzRequest['mode'] =
      roll < 0.2 ? 'valid' : roll < 0.62 ? 'near-valid' : roll < 0.77 ? 'wrong-type' : roll < 0.85 ? 'inline' : roll < 0.92 ? 'deep' : roll < 0.97 ? 'aliases' : 'garbage';
    return this.build(rng, operation, mode);
  }

  build(rng: Rng, operation: Operation, mode: FuzzRequest['mode'], hostile?: (leaf: Leaf, rng: Rng) => unknown): FuzzRequest {
    const field = this.fieldOf(operation);
    const leaves: Leaf[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && rng.chance(0.4)) continue;
      this.value(rng, arg.type, arg.name, this.entityFor(arg.name, operation.field), variables, arg.name, leaves, 0);
    }
    if (hostile) {
      for (const leaf of leaves) (leaf.parent as Record<string, unknown>)[leaf.key as string] = hostile(leaf, rng);
    } else if (mode === 'near-valid' && leaves.length) {
      const count = rng.between(1, Math.min(3, leaves.length));
      for (let i = 0; i < count; i++) {
        const leaf = rng.pick(leaves);
        (leaf.parent as Record<string, unknown>)[leaf.key as string] = this.hostileValue(rng, leaf);
      }
    } else if (mode === 'wrong-type' && (leaves.length || field.args.length)) {
      if (leaves.length && rng.chance(0.8)) {
        const leaf = rng.pick(leaves);
        (leaf.parent as Record<string, unknown>)[leaf.key as string] = this.wrongType(rng, leaf.type);
      } else if (field.args.length) {
        const arg = rng.pick(field.args);
        variables[arg.name] = rng.pick([null, 42, 'text', [], {}, [{}], { unknownField: 1 }, true]);
      }
    }
    const declared = field.args.filter((arg) => arg.name in variables);
    const varDefs = declared.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const argList = (inline: boolean) =>
      declared.map((arg) => `${arg.name}: ${inline ? literal(variables[arg.name], arg.type) : `$${arg.name}`}`).join(', ');
    const head = (inline: boolean) => `${operation.kind} Fuzz${inline || !varDefs ? '' : `(${varDefs})`}`;
    const call = (inline: boolean) => `${operation.field}${declared.length ? `(${argList(inline)})` : ''}`;

    switch (mode) {
      case 'inline':
        return { operation, mode, query: `${head(true)} { ${call(true)}${this.selection(rng, field.type, 2)} }`, variables: {} };
      case 'deep':
        return { operation, mode, query: `${head(false)} { ${call(false)}${this.selection(rng, field.type, rng.between(6, 16), true)} }`, variables };
      case 'aliases': {
        const count = rng.pick([2, 10, 29, 31, 100]);
        const sel = this.selection(rng, field.type, 1);
        const body = Array.from({ length: count }, (_, i) => `a${i}: ${call(false)}${sel}`).join(' ');
        return { operation, mode, query: `${head(false)} { ${body} }`, variables };
      }
      case 'garbage': {
        const valid = `${head(false)} { ${call(false)}${this.selection(rng, field.type, 2)} }`;
        const cut = rng.int(valid.length);
        const garbage = [
          valid.slice(0, cut),
          valid.replace('{', '{{'),
          `${valid} ${valid}`,
          valid.replace(operation.field, `${operation.field}Nope`),
          `${valid.slice(0, cut)}\u0000${valid.slice(cut)}`,
          `${operation.kind} { ${'__typename '.repeat(rng.pick([10, 4000]))} }`,
          `fragment F on ${getNamedType(field.type).name} { ...F } ${valid}`,
          `${valid.replace(' {', ' @skip(if: false) @include(if: true) {')}`,
        ];
        return { operation, mode, query: rng.pick(garbage), variables };
      }
      default:
        return { operation, mode, query: `${head(false)} { ${call(false)}${this.selection(rng, field.type, rng.between(1, 3))} }`, variables };
    }
  }

  /**
   * Every text leaf (String or ID) an operation takes, as paths from the argument
   * down through input objects (a list contributes its first item): what an
   * injection test must reach.
   */
  textLeaves(operation: Operation): (string | number)[][] {
    const paths: (string | number)[][] = [];
    const walk = (type: GraphQLInputType, path: (string | number)[], seen: Set<string>) => {
      const named = getNamedType(type);
      let inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) {
        path = [...path, 0];
        inner = inner.ofType;
        if (isNonNullType(inner)) inner = inner.ofType;
      }
      if (isInputObjectType(named)) {
        if (seen.has(named.name)) return;
        for (const [name, field] of Object.entries(named.getFields())) walk(field.type, [...path, name], new Set([...seen, named.name]));
      } else if (named.name === 'String' || named.name === 'ID') {
        paths.push(path);
      }
    };
    for (const arg of this.fieldOf(operation).args) walk(arg.type, [arg.name], new Set());
    return paths;
  }

  /** A plausible request whose variables hold `value` at `path` (the objects on the way are filled in). */
  requestWith(rng: Rng, operation: Operation, path: (string | number)[], value: unknown): FuzzRequest {
    const field = this.fieldOf(operation);
    const leaves: Leaf[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (arg.name !== path[0] && !isNonNullType(arg.type) && rng.chance(0.5)) continue;
      this.value(rng, arg.type, arg.name, this.entityFor(arg.name, operation.field), variables, arg.name, leaves, 0);
    }
    let container: Record<string | number, unknown> = variables;
    let type: GraphQLInputType = field.args.find((a) => a.name === path[0])!.type;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      if (last) {
        container[key] = value;
        break;
      }
      let inner = isNonNullType(type) ? (type.ofType as GraphQLInputType) : type;
      if (typeof path[i + 1] === 'number') {
        if (!Array.isArray(container[key])) container[key] = [];
        inner = isListType(inner) ? (inner.ofType as GraphQLInputType) : inner;
        const list = container[key] as unknown[];
        const named = getNamedType(inner);
        if (!list.length && isInputObjectType(named)) this.value(rng, inner, String(key), undefined, list, 0, [], 1);
        container = list as unknown as Record<number, unknown>;
        type = inner;
        continue;
      }
      const named = getNamedType(inner);
      if (typeof container[key] !== 'object' || container[key] === null) this.value(rng, inner, String(key), undefined, container, key, [], 1);
      container = container[key] as Record<string, unknown>;
      if (isInputObjectType(named)) type = named.getFields()[path[i + 1] as string].type;
    }
    const declared = field.args.filter((arg) => arg.name in variables);
    const varDefs = declared.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const call = `${operation.field}${declared.length ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}`;
    return { operation, mode: 'valid', query: `${operation.kind} Injection${varDefs ? `(${varDefs})` : ''} { ${call}${this.selection(rng, field.type, 1)} }`, variables };
  }

  private fieldOf(operation: Operation): GraphQLField<unknown, unknown> {
    const root = operation.kind === 'query' ? this.schema.getQueryType() : this.schema.getMutationType();
    return root!.getFields()[operation.field];
  }

  /** A plausible value for a leaf or input object, recording each leaf so it can be swapped for a hostile one. */
  private value(
    rng: Rng,
    type: GraphQLInputType,
    name: string,
    entity: string | undefined,
    parent: Record<string, unknown> | unknown[],
    key: string | number,
    leaves: Leaf[],
    depth: number,
  ): void {
    const nonNull = isNonNullType(type);
    const inner = (nonNull ? type.ofType : type) as GraphQLInputType;
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
    if (isListType(inner)) {
      const list: unknown[] = [];
      set(list);
      const n = depth > 2 ? 0 : rng.pick([0, 1, 1, 2, 3]);
      for (let i = 0; i < n; i++) this.value(rng, inner.ofType as GraphQLInputType, name, entity, list, i, leaves, depth + 1);
      return;
    }
    if (isInputObjectType(inner)) {
      const object: Record<string, unknown> = {};
      set(object);
      const own = entityOfInput(inner);
      for (const [fieldName, f] of Object.entries(inner.getFields())) {
        const required = isNonNullType(f.type) && f.defaultValue === undefined;
        if (!required && rng.chance(0.45)) continue;
        const fieldEntity = fieldName === 'id' || fieldName === 'parentId' ? (this.pool(own) ? own : this.entityFor(fieldName, inner.name)) : this.entityFor(fieldName, inner.name);
        this.value(rng, f.type, fieldName, fieldEntity, object, fieldName, leaves, depth + 1);
      }
      return;
    }
    set(this.plausible(rng, inner as GraphQLNamedType, name, entity));
    leaves.push({ parent, key, type: inner, name, entity });
  }

  private plausible(rng: Rng, type: GraphQLNamedType, name: string, entity?: string): unknown {
    if (isEnumType(type)) return rng.pick(type.getValues()).name;
    const lower = name.toLowerCase();
    switch (type.name) {
      case 'ID':
        return this.id(rng, entity);
      case 'Int':
        if (lower === 'first' || lower === 'last') return rng.between(1, 100);
        if (/count|seats/.test(lower)) return rng.between(1, 5);
        if (/months/.test(lower)) return rng.pick([12, 24, 36, 48]);
        return rng.between(1, 9);
      case 'Float':
        return rng.pick([0.5, 0.66, 1]);
      case 'Boolean':
        return rng.chance(0.5);
      case 'DateTime':
        return new Date(Date.UTC(2025, rng.int(12), rng.between(1, 28), rng.between(7, 18))).toISOString();
      default:
        return this.plausibleString(rng, lower);
    }
  }

  private plausibleString(rng: Rng, lower: string): string {
    const n = rng.int(100000);
    if (/email/.test(lower)) return `fuzz-${n}@example.test`;
    if (/timezone/.test(lower)) return rng.pick(TIME_ZONES_VALID);
    if (/(on|deadline|date|from|until|to)$/.test(lower)) return `20${rng.between(24, 27)}-0${rng.between(1, 9)}-${rng.between(10, 28)}`;
    if (/at$/.test(lower)) return new Date(Date.UTC(2025, rng.int(12), rng.between(1, 28), 10)).toISOString();
    if (/country/.test(lower)) return rng.pick(['SE', 'DK']);
    if (/letter/.test(lower)) return 'abcdefghijklmnopqrstuvwxyz'[rng.int(26)];
    if (/code/.test(lower)) return `${rng.between(1, 9)}.${rng.between(1, 9)}`;
    if (/password/.test(lower)) return `Fuzz-password-${n}-long-enough`;
    if (/locale|language/.test(lower)) return rng.pick(['sv', 'da', 'en']);
    if (/enums/.test(lower)) return rng.pick(['OrganisationKind', 'SeatRole', 'Nope']);
    if (/entity$/.test(lower)) return rng.pick(Object.keys(this.pools).concat('commission', 'person'));
    if (/entityid$/.test(lower)) return this.id(rng, undefined);
    if (/after|before|cursor/.test(lower)) return rng.pick(['', 'MA==', 'bm9wZQ==', 'not-a-cursor', 'eyJpZCI6MX0=']);
    if (/token/.test(lower)) return rng.pick(['', 'x.y.z', 'a'.repeat(64)]);
    if (/search/.test(lower)) return rng.pick(['a', 'Region', 'NGC', '%', '_']);
    return `Fuzz ${lower} ${n}`;
  }

  /** A real id of the entity when the world has one, else any real id, sometimes one that exists nowhere. */
  private id(rng: Rng, entity?: string): string {
    const own = entity ? this.pool(entity) : undefined;
    if (own?.length && rng.chance(0.9)) return rng.pick(own);
    const all = Object.values(this.pools).filter((ids) => ids.length);
    if (all.length && rng.chance(0.8)) return rng.pick(rng.pick(all));
    return unknownUuid(rng);
  }

  private pool(entity?: string): string[] | undefined {
    return entity ? this.pools[entity.replace(/_/g, '')] : undefined;
  }

  /** Which entity an id-ish name points at: `chairPersonId` → person, `allocationId` → seat_allocation. */
  entityFor(name: string, context: string): string | undefined {
    const base = name.replace(/Ids?$/, '').toLowerCase();
    if (!base || base === 'id' || base === 'parent') return entityOfName(context, Object.keys(this.pools));
    const keys = Object.keys(this.pools).sort((a, b) => b.length - a.length);
    const hit = keys.find((k) => k === base) ?? keys.find((k) => base.endsWith(k)) ?? keys.find((k) => k.endsWith(base));
    if (hit) return hit;
    const word = Object.keys(SYNONYMS).find((w) => base.endsWith(w));
    return word ? SYNONYMS[word] : entityOfName(context, keys);
  }

  hostileValue(rng: Rng, leaf: Leaf): unknown {
    const type = getNamedType(leaf.type);
    const lower = leaf.name.toLowerCase();
    if (isEnumType(type)) return rng.pick(['NOPE', type.getValues()[0].name.toLowerCase(), '', ' ' + type.getValues()[0].name]);
    switch (type.name) {
      case 'ID':
        return rng.pick([
          () => rng.pick(MALFORMED_IDS),
          () => unknownUuid(rng),
          () => this.otherEntityId(rng, leaf.entity),
          () => rng.pick(HOSTILE_STRINGS),
        ])();
      case 'Int':
        return rng.pick(HOSTILE_INTS.filter((v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 - 0) as number[]);
      case 'Float':
        return rng.pick(HOSTILE_FLOATS.filter((v) => typeof v === 'number') as number[]);
      case 'Boolean':
        return rng.chance(0.5);
      case 'DateTime':
        return rng.pick(HOSTILE_DATE_TIMES);
      default:
        if (/timezone/.test(lower) && rng.chance(0.8)) return rng.pick(HOSTILE_TIME_ZONES);
        if (/(on|deadline|date|from|until)$/.test(lower) && rng.chance(0.8)) return rng.pick(HOSTILE_DATES);
        if (/at$/.test(lower) && rng.chance(0.8)) return rng.pick(HOSTILE_DATE_TIMES);
        if (/email/.test(lower) && rng.chance(0.6)) return rng.pick(HOSTILE_EMAILS);
        if (/entityid$|after|cursor/.test(lower) && rng.chance(0.5)) return rng.pick(MALFORMED_IDS);
        return rng.pick(HOSTILE_STRINGS);
    }
  }

  private otherEntityId(rng: Rng, entity?: string): string {
    const others = Object.entries(this.pools).filter(([k, ids]) => k !== entity?.replace(/_/g, '') && ids.length);
    return others.length ? rng.pick(rng.pick(others)[1]) : unknownUuid(rng);
  }

  /** A value of another type than the leaf's: GraphQL's coercion (or ours) must refuse it with a typed error. */
  private wrongType(rng: Rng, type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    const pool: unknown[] = [null, [], {}, [1, 2], { a: 1 }, true];
    if (named.name === 'Int' || named.name === 'Float') pool.push('12', 'NaN', '1e400', 2 ** 53 + 1, '9007199254740993', 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER);
    else if (named.name === 'Boolean') pool.push('true', 0, 1);
    else pool.push(0, -1, Number.MAX_SAFE_INTEGER, 1e308, 0.1);
    return rng.pick(pool);
  }

  /** A selection set for an output type, `depth` levels deep through object fields; `deep` follows object fields first. */
  selection(rng: Rng, type: GraphQLOutputType, depth: number, deep = false): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isUnionType(named)) return ' { __typename }';
    const object = named as GraphQLObjectType;
    if (!isObjectType(object) && !isInterfaceType(object)) return ' { __typename }';
    const fields = Object.values(object.getFields());
    const usable = fields.filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
    const scalars = usable.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = usable.filter((f) => !isLeafType(getNamedType(f.type)));
    const parts = new Set<string>(['__typename']);
    for (const f of scalars) if (rng.chance(deep ? 0.2 : 0.5)) parts.add(f.name);
    if (depth > 1 && objects.length) {
      const count = deep ? 1 : rng.between(0, Math.min(3, objects.length));
      for (let i = 0; i < count; i++) {
        const f = rng.pick(objects);
        parts.add(`${f.name}${this.selection(rng, f.type, depth - 1, deep)}`);
      }
    }
    return ` { ${[...parts].join(' ')} }`;
  }
}

function entityOfInput(type: GraphQLInputObjectType): string {
  return type.name
    .replace(/Input$/, '')
    .replace(/^(Create|Update|Delete|Remove|Change|Record|Request|Submit|End|Add|Amend|Erase)/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function entityOfName(context: string, keys: string[]): string | undefined {
  const lower = context.replace(/Input$/, '').toLowerCase();
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  const lastWord = context.replace(/Input$/, '').split(/(?=[A-Z])/).pop()!.toLowerCase();
  // resendMail → mail_outbox: the last word of the operation names the entity.
  return sorted.find((k) => lower.endsWith(k) || lower.includes(k)) ?? sorted.find((k) => k.startsWith(lastWord));
}

/** A GraphQL literal of a JSON value (for requests that inline their arguments); enum values go bare. */
export function literal(value: unknown, type?: GraphQLInputType): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type && listItem(type))).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(', ')} }`;
  }
  if (typeof value === 'string') return named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  return String(value);
}

function listItem(type: GraphQLInputType): GraphQLInputType | undefined {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? (inner.ofType as GraphQLInputType) : (inner as GraphQLInputType);
}

