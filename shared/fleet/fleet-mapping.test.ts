import { describe, expect, it } from 'vitest';
import {
  mapByTemplate,
  mappingProblems,
  mapToExisting,
  nameTemplateProblem,
  renderNameTemplate,
  type MappingRow,
} from './fleet-mapping';
import type { FleetCandidate } from './fleet-selection';

const ROOT = 'a'.repeat(40);
const PARENT = `${ROOT}/${'1'.repeat(16)}`;
const SIBLING = `${ROOT}/${'2'.repeat(16)}`;
const EXISTING_CHILD = `${PARENT}/${'3'.repeat(16)}`;

const groups = [
  { id: ROOT, name: 'acme' },
  { id: PARENT, name: 'aws' },
  { id: SIBLING, name: 'gcp' },
  { id: EXISTING_CHILD, name: 'Logs' },
];

function account(id: string, name: string, unit = 'Workloads'): FleetCandidate {
  return { cloud: 'aws', id, name, unit };
}

const logs = account('111111111111', 'logs', 'Security');
const audit = account('222222222222', 'audit', 'Security');

describe('nameTemplateProblem', () => {
  it('accepts templates made of known placeholders', () => {
    expect(nameTemplateProblem('{accountName}')).toBeUndefined();
    expect(nameTemplateProblem('{ou}-{accountName} ({accountId})')).toBeUndefined();
  });

  it('names the unknown placeholder', () => {
    expect(nameTemplateProblem('{acountName}')).toMatch(/Unknown placeholder \{acountName\}/);
  });

  it('rejects an unclosed brace, an empty template and one that names every folder the same', () => {
    expect(nameTemplateProblem('{accountName')).toMatch(/brace is not closed/);
    expect(nameTemplateProblem('  ')).toMatch(/required/);
    expect(nameTemplateProblem('{ou}')).toMatch(/same name/);
  });
});

describe('renderNameTemplate', () => {
  it('fills every placeholder, keeping other text and hostile values as they are', () => {
    const hostile = account('333333333333', 'a "quoted" ${x}', 'OU/1');
    expect(renderNameTemplate('{ou}: {accountName} [{accountId}]', hostile)).toBe(
      'OU/1: a "quoted" ${x} [333333333333]',
    );
  });
});

describe('mappingProblems', () => {
  it('finds no problem in one fresh folder per account', () => {
    const rows = mapByTemplate([logs, audit], PARENT, '{accountName}-{accountId}');
    expect(rows.map((row) => row.target)).toEqual([
      { kind: 'new-folder', parentId: PARENT, name: 'logs-111111111111' },
      { kind: 'new-folder', parentId: PARENT, name: 'audit-222222222222' },
    ]);
    expect(mappingProblems(rows, { groups }).size).toBe(0);
  });

  it('flags both rows when a template gives two accounts the same folder name', () => {
    const web = account('666666666666', 'web');
    const twin = account('444444444444', 'web', 'Other');
    const problems = mappingProblems(mapByTemplate([web, twin], PARENT, '{accountName}'), { groups });
    expect(problems.get('aws:444444444444')).toEqual([
      { field: 'name', message: 'Row 1 gets a folder of the same name: names must differ' },
    ]);
    expect(problems.get('aws:666666666666')).toEqual([{ field: 'name', message: 'Row 2 clashes with this one' }]);
  });

  it('flags a new name that an existing folder under the parent already has (case-insensitively)', () => {
    const problems = mappingProblems(mapByTemplate([account('555555555555', 'LOGS')], PARENT, '{accountName}'), {
      groups,
    });
    expect(problems.get('aws:555555555555')?.[0]?.message).toMatch(/A folder named “LOGS” already exists/);
    // The same name under another parent is fine.
    expect(
      mappingProblems(mapByTemplate([account('555555555555', 'LOGS')], SIBLING, '{accountName}'), { groups }).size,
    ).toBe(0);
  });

  it('flags a name the platform would refuse, and an unknown parent', () => {
    const rows: MappingRow[] = [
      { candidate: logs, target: { kind: 'new-folder', parentId: PARENT, name: 'x'.repeat(200) } },
      { candidate: audit, target: { kind: 'new-folder', parentId: `${ROOT}/${'9'.repeat(16)}`, name: 'audit' } },
    ];
    const problems = mappingProblems(rows, { groups });
    expect(problems.get('aws:111111111111')).toEqual([
      { field: 'name', message: 'Name must be shorter than 200 characters' },
    ]);
    expect(problems.get('aws:222222222222')?.[0]).toMatchObject({
      field: 'group',
      message: expect.stringMatching(/parent folder is not on the platform/),
    });
  });

  it('enforces one AWS account per group: two rows on one group, and a group that holds another account', () => {
    const rows: MappingRow[] = [
      { candidate: logs, target: { kind: 'existing', groupId: EXISTING_CHILD } },
      { candidate: audit, target: { kind: 'existing', groupId: EXISTING_CHILD } },
    ];
    const problems = mappingProblems(rows, { groups });
    expect(problems.get('aws:222222222222')?.[0]?.message).toBe(
      'Row 1 maps AWS account 111111111111 to the same group: a group holds one AWS account',
    );
    const held = new Map([[EXISTING_CHILD, { aws: '999999999999' }]]);
    const heldProblems = mappingProblems([rows[0] as MappingRow], { groups, held });
    expect(heldProblems.get('aws:111111111111')?.[0]?.message).toBe(
      'The group already holds AWS account 999999999999: a group holds one AWS account',
    );
    // Re-mapping the account the group already holds is no clash.
    const same = new Map([[EXISTING_CHILD, { aws: '111111111111' }]]);
    expect(mappingProblems([rows[0] as MappingRow], { groups, held: same }).size).toBe(0);
  });

  it('lets one group hold an AWS account and a GCP project', () => {
    const project: FleetCandidate = { cloud: 'gcp', id: 'logs-project', name: 'logs', unit: 'f' };
    const rows: MappingRow[] = [
      { candidate: logs, target: { kind: 'existing', groupId: EXISTING_CHILD } },
      { candidate: project, target: { kind: 'existing', groupId: EXISTING_CHILD } },
    ];
    expect(mappingProblems(rows, { groups }).size).toBe(0);
  });

  it('flags an unknown group and an account listed twice', () => {
    const rows: MappingRow[] = [
      { candidate: logs, target: { kind: 'existing', groupId: `${ROOT}/${'8'.repeat(16)}` } },
      { candidate: logs, target: { kind: 'existing', groupId: EXISTING_CHILD } },
    ];
    const problems = mappingProblems(rows, { groups });
    expect(problems.get('aws:111111111111')).toEqual([
      { field: 'group', message: 'This group is not on the platform (or you cannot see it)' },
      { field: 'account', message: 'Listed twice: also row 1' },
    ]);
  });

  it('offline, asks for a group on each row and refuses new folders, which need a platform sign-in', () => {
    const rows = mapToExisting([logs, audit]);
    expect(rows.map((row) => row.target)).toEqual([
      { kind: 'existing', groupId: '' },
      { kind: 'existing', groupId: '' },
    ]);
    const offline = { groups, canCreateFolders: false };
    expect(mappingProblems(rows, offline).get('aws:111111111111')).toEqual([
      { field: 'group', message: 'Pick a group' },
    ]);
    const picked: MappingRow[] = [
      { candidate: logs, target: { kind: 'existing', groupId: EXISTING_CHILD } },
      { candidate: audit, target: { kind: 'new-folder', parentId: PARENT, name: 'audit' } },
    ];
    expect(mappingProblems(picked, offline)).toEqual(
      new Map([
        [
          'aws:222222222222',
          [{ field: 'group', message: 'Creating a folder needs a platform sign-in: pick an existing group' }],
        ],
      ]),
    );
    // Signed in, the same folder is fine.
    expect(mappingProblems(picked, { groups }).size).toBe(0);
  });
});
