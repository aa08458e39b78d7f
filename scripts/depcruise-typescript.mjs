// dependency-cruiser reads TypeScript through the compiler's JavaScript API, which TypeScript 7
// (our type checker, a native binary) no longer ships. TypeScript 5 is installed under the name
// `typescript-api` for this one tool; this preload makes `typescript` resolve to it, for
// dependency-cruiser's files only. Used as `node --import ./scripts/depcruise-typescript.mjs`.
import Module, { register } from 'node:module'

const fromCruiser = (parent) => typeof parent === 'string' && parent.includes('/dependency-cruiser/')
const redirect = (specifier) => specifier.replace(/^typescript(?=\/|$)/, 'typescript-api')

// CommonJS: dependency-cruiser reads typescript/package.json with require() for the version.
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  const target = fromCruiser(parent?.filename) ? redirect(request) : request
  return resolveFilename.call(this, target, parent, ...rest)
}

// ESM: it then loads the compiler with import().
register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      const fromCruiser = (context.parentURL ?? '').includes('/dependency-cruiser/')
      return next(fromCruiser ? specifier.replace(/^typescript(?=\\/|$)/, 'typescript-api') : specifier, context)
    }`)}`,
)
