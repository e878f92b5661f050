import { AWS_ACCOUNT_ID_PATTERN } from './aws-validation';

/*
 * Accounts brought in from a list rather than typed one by one: a Gruntwork-style `accounts.json`
 * (name → {id, email, deploy_order}, seed 003), a plain {"name": "id"} map, or pasted CSV lines
 * (`name,id[,email]` or just ids). Every row is checked on its own so one bad row says where it is
 * and the good ones are still usable.
 */

export interface ImportedAccount {
  name: string;
  id: string;
  email?: string;
  deployOrder?: number;
}

export interface ImportProblem {
  /** Where: `"logs"` for a JSON entry, `line 3` for CSV. */
  row: string;
  message: string;
}

export interface AccountListImport {
  accounts: ImportedAccount[];
  problems: ImportProblem[];
}

/** Reads whichever form `text` is in; JSON when it starts with `{`, CSV/lines otherwise. */
export function importAccountList(text: string): AccountListImport {
  const trimmed = text.trim();
  if (trimmed === '') return { accounts: [], problems: [{ row: 'input', message: 'The list is empty' }] };
  const result = trimmed.startsWith('{') ? fromJson(trimmed) : fromLines(trimmed);
  return withoutDuplicates(result);
}

function fromJson(text: string): AccountListImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { accounts: [], problems: [{ row: 'input', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { accounts: [], problems: [{ row: 'input', message: 'Expected an object of account name → account' }] };
  }
  const accounts: ImportedAccount[] = [];
  const problems: ImportProblem[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    const row = JSON.stringify(name);
    const entry = typeof value === 'string' || typeof value === 'number' ? { id: value } : value;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ row, message: 'Expected an account id or an object with "id"' });
      continue;
    }
    const fields = entry as Record<string, unknown>;
    const id = idProblem(fields.id);
    if (typeof id !== 'string' || !AWS_ACCOUNT_ID_PATTERN.test(id)) {
      problems.push({ row, message: id === undefined ? 'Has no "id"' : idMessage(fields.id) });
      continue;
    }
    const email = fields.email;
    if (email !== undefined && (typeof email !== 'string' || !email.includes('@'))) {
      problems.push({ row, message: `"email" ${JSON.stringify(email)} is not an email address` });
      continue;
    }
    const order = fields.deploy_order ?? fields.deployOrder;
    if (order !== undefined && (typeof order !== 'number' || !Number.isInteger(order) || order < 0)) {
      problems.push({ row, message: `"deploy_order" ${JSON.stringify(order)} is not a whole number ≥ 0` });
      continue;
    }
    accounts.push({
      name,
      id,
      ...(typeof email === 'string' ? { email } : {}),
      ...(typeof order === 'number' ? { deployOrder: order } : {}),
    });
  }
  // Seed 003: applies run in deploy order; accounts without one follow, in file order.
  accounts.sort((a, b) => (a.deployOrder ?? Infinity) - (b.deployOrder ?? Infinity));
  return { accounts, problems };
}

/** `id` as written (a JSON number loses leading zeros, so only strings are exact). */
function idProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

function idMessage(value: unknown): string {
  if (typeof value === 'number') {
    return `"id" is the number ${value}: write it as a string of 12 digits, or leading zeros are lost`;
  }
  return `"id" ${JSON.stringify(value)} is not a 12-digit AWS account id`;
}

function fromLines(text: string): AccountListImport {
  const accounts: ImportedAccount[] = [];
  const problems: ImportProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const row = `line ${index + 1}`;
    const cells = line.split(/[,\t;]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    if (cells.every((cell) => cell === '')) return;
    // A header row (`name,id,email`) is skipped, not reported.
    if (index === 0 && cells.some((cell) => /^(account[ _-]?)?(name|id)$/i.test(cell))) return;
    const idIndex = cells.findIndex((cell) => AWS_ACCOUNT_ID_PATTERN.test(cell));
    if (idIndex === -1) {
      problems.push({ row, message: `No 12-digit account id in “${line.trim().slice(0, 80)}”` });
      return;
    }
    const id = cells[idIndex] ?? '';
    const rest = cells.filter((_, i) => i !== idIndex);
    const email = rest.find((cell) => cell.includes('@'));
    const name = rest.find((cell) => cell !== '' && cell !== email) ?? id;
    accounts.push({ name, id, ...(email ? { email } : {}) });
  });
  return { accounts, problems };
}

function withoutDuplicates(result: AccountListImport): AccountListImport {
  const seen = new Map<string, string>();
  const accounts: ImportedAccount[] = [];
  const problems = [...result.problems];
  for (const account of result.accounts) {
    const first = seen.get(account.id);
    if (first !== undefined) {
      problems.push({
        row: JSON.stringify(account.name),
        message: `Account ${account.id} is already listed as “${first}”`,
      });
      continue;
    }
    seen.set(account.id, account.name);
    accounts.push(account);
  }
  return { accounts, problems };
}
