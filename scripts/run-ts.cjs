// Runs a TypeScript file directly (benchmarks, the journey map, start-up tests) without a
// build: each .ts file is transpiled on require with the project's own TypeScript. Types
// are not checked here; `npm run typecheck` does that.
const fs = require('node:fs')
const path = require('node:path')
const ts = require('typescript')

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
    fileName: filename,
  })
  module._compile(outputText, filename)
}

const entry = process.argv[2]
if (!entry) {
  console.error('Usage: node scripts/run-ts.cjs <file.ts> [args...]')
  process.exit(2)
}
process.argv.splice(1, 1)
require(path.resolve(entry))
