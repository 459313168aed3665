// Filled in by the build (scripts/build.ts defines it from package.json); tests run unbuilt.
declare const __OKIENKO_VERSION__: string | undefined;

export const APP_NAME = 'Okienko';
export const APP_VERSION: string =
  typeof __OKIENKO_VERSION__ === 'string' ? __OKIENKO_VERSION__ : '0.0.0-dev';
