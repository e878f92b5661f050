import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component whose code loads the first time it renders, so a page's charts, plan table or code
 * views (or a dialog nobody has opened) stay out of the start page's JavaScript. Our components are
 * named exports, which `lazy` cannot take directly.
 */
export function lazyComponent<Name extends string, Props extends object = object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
