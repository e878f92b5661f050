import { describe, expect, it } from 'vitest';
import { opensStartPage, pageTitle } from './navigation';

describe('pageTitle', () => {
  it.each([
    ['/dashboard', 'Dashboard'],
    ['/groups', 'Groups'],
    ['/groups/', 'Groups'],
    ['/onboard', 'Onboard'],
    ['/settings', 'Settings'],
    ['/associations/0123-abc', 'Association'],
    ['/associations', 'Page not found'],
    ['/nowhere', 'Page not found'],
    ['/groups/extra', 'Page not found'],
  ])('%s is titled %s', (pathname, title) => {
    expect(pageTitle(pathname)).toBe(title);
  });

  it('has none at the root, which redirects to the start page', () => {
    expect(pageTitle('/')).toBeUndefined();
  });
});

describe('opensStartPage', () => {
  it.each([
    ['', true],
    ['#', true],
    ['#/', true],
    ['#/dashboard', true],
    ['#/dashboard?verdict=failing', true],
    ['#/groups', false],
    ['#/associations/0123-abc', false],
    ['#/dashboardx', false],
  ])('%j: %s', (hash, opens) => {
    expect(opensStartPage(hash)).toBe(opens);
  });
});
