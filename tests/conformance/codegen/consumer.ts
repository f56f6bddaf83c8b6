// Uses the generated types the way client code does: compiling this with `tsc --strict` checks that the
// generated files are valid TypeScript and that their types say what the schema says (nullability, enums, lists).
import type { ProfileByEmailQuery, ProfileByEmailQueryVariables, ProfilePageQuery } from './operations';
import type { Profile } from './schema';

export const variables: ProfileByEmailQueryVariables = { email: 'jane.doe@example.com' };

export function emails(result: ProfileByEmailQuery): string[] {
  const profile = result.profileByIdentifier;
  if (profile == null || profile.status !== 'ACTIVE') {
    return [];
  }
  return profile.identifiers.filter((identifier) => identifier.kind === 'EMAIL').map((identifier) => identifier.value);
}

export function nextCursor(page: ProfilePageQuery): string | null {
  const pageInfo = page.profiles?.pageInfo;
  return pageInfo?.hasNextPage ? (pageInfo.endCursor ?? null) : null;
}

export function displayName(profile: Pick<Profile, 'givenName' | 'familyName'>): string {
  return [profile.givenName, profile.familyName].filter((part): part is string => part != null).join(' ');
}
