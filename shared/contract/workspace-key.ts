/**
 * A workspace directory's name: an account's or project's, or one role recipe's (`aws-<account>-role-<name>`).
 * Its own module so the Terraform contract (on the start page) does not pull in the role recipes' schemas.
 */
export const WORKSPACE_KEY_PATTERN = /^(aws-\d{12}(-role-[\w+=,.@-]{1,64})?|gcp-[a-z][a-z0-9-]{4,28}[a-z0-9])$/;
