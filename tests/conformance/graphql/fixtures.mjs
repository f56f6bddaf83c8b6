// The data and resolvers graphql-js serves in the differential run. The C# side
// (tests/ProfileHub.GraphQL.Tests/Conformance/ConformanceSchema.cs) implements the same rules over fixtures.json:
// change both together.
import { readFileSync } from 'node:fs';

const data = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8'));

const byId = new Map();

function fail(message) {
  throw new Error(message);
}

function sliceFirst(items, first) {
  if (first === null || first === undefined) {
    return items;
  }
  if (first < 0) {
    fail('Argument "first" must not be negative.');
  }
  return items.slice(0, first);
}

function matches(profile, where) {
  if (where === null || where === undefined) {
    return true;
  }
  if (where.channel != null && !profile.channels.includes(where.channel)) return false;
  if (where.minScore != null && (profile.score === null || profile.score < where.minScore)) return false;
  if (where.vip != null && profile.vip !== where.vip) return false;
  if (where.nameContains != null && !profile.name.toLowerCase().includes(where.nameContains.toLowerCase())) return false;
  if (where.and != null && !where.and.every((inner) => matches(profile, inner))) return false;
  return true;
}

class Profile {
  constructor(record) {
    Object.assign(this, record);
    this.__typename = 'Profile';
  }

  touchpoints({ first, channel }) {
    const own = data.touchpoints
      .filter((t) => t.profileId === this.id && (channel == null || t.channel === channel))
      .map((t) => byId.get(t.id));
    return sliceFirst(own, first);
  }

  friends() {
    return this.friendIds.map((id) => byId.get(id) ?? null);
  }

  failing() {
    fail('Nickname service is unavailable.');
  }

  failingNonNull() {
    fail('Could not compute the required value.');
  }
}

class Touchpoint {
  constructor(record) {
    Object.assign(this, record);
    this.__typename = 'Touchpoint';
  }

  profile() {
    return byId.get(this.profileId);
  }
}

const profiles = data.profiles.map((p) => new Profile(p));
const touchpoints = data.touchpoints.map((t) => new Touchpoint(t));
for (const item of [...profiles, ...touchpoints]) {
  byId.set(item.id, item);
}

function format(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[' + value.map(format).join(',') + ']';
  return String(value);
}

const argumentOrder = ['text', 'number', 'ratio', 'flag', 'channel', 'ids'];

export const rootValue = {
  profile: ({ id }) => (byId.get(id) instanceof Profile ? byId.get(id) : null),
  profiles: ({ first, where }) => sliceFirst(profiles.filter((p) => matches(p, where)), first),
  profileByKey: ({ key }) =>
    key.id != null
      ? (byId.get(key.id) instanceof Profile ? byId.get(key.id) : null)
      : profiles.find((p) => p.emails.includes(key.email)) ?? null,
  node: ({ id }) => byId.get(id) ?? null,
  nodes: ({ ids }) => ids.map((id) => byId.get(id) ?? null),
  search: ({ term }) => {
    const lower = term.toLowerCase();
    return [
      ...profiles.filter((p) => p.name.toLowerCase().includes(lower)),
      ...touchpoints.filter((t) => t.kind.toLowerCase().includes(lower)),
    ];
  },
  echo: (args) => argumentOrder.filter((name) => name in args).map((name) => `${name}=${format(args[name])}`).join(', '),
  renameProfile: ({ id, name }) => (byId.get(id) instanceof Profile ? new Profile({ ...byId.get(id), name }) : null),
  tagProfile: ({ id, tags }) => (byId.get(id) instanceof Profile ? new Profile({ ...byId.get(id), tags }) : null),
};
