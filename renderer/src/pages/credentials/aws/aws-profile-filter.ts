import type { AwsProfile } from '../../../../../shared/contract/aws';
import { kindLabels, typeFilters, type TypeFilterId } from './aws-profile-labels';

export interface SearchableProfile {
  profile: AwsProfile;
  /** Name, account, type and region, lower-cased once, so a keystroke costs one `includes` per row. */
  text: string;
}

export function toSearchable(profiles: readonly AwsProfile[]): SearchableProfile[] {
  return profiles.map((profile) => ({
    profile,
    text: [
      profile.name,
      profile.accountId ?? '',
      kindLabels[profile.kind],
      profile.kind,
      profile.mfaSerial ? 'mfa' : '',
      profile.region ?? '',
    ]
      .join('\u0000')
      .toLowerCase(),
  }));
}

/**
 * Type-to-filter: every word of the query must appear in the profile's name, account, type or
 * region; and, when type chips are on, the profile must match at least one of them.
 */
export function filterProfiles(
  rows: readonly SearchableProfile[],
  query: string,
  types: ReadonlySet<TypeFilterId>,
): AwsProfile[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const chips = typeFilters.filter((filter) => types.has(filter.id));
  const result: AwsProfile[] = [];
  for (const row of rows) {
    if (!words.every((word) => row.text.includes(word))) continue;
    if (chips.length > 0 && !chips.some((chip) => chip.matches(row.profile))) continue;
    result.push(row.profile);
  }
  return result;
}
