// Lets a child process run the portal's TypeScript straight from source:
//   spawn(process.execPath, ['-r', require.resolve('./ts-register'), 'app/server.ts'])
// Tests that need real processes (several instances, kill -9, outages) then never depend on
// a stale `npm run build`. Type-checking is tsc's job; this only strips types, per file.
'use strict'
const fs = require('node:fs')
const ts = require('typescript')

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
  inlineSourceMap: true,
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8')
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename })
  module._compile(outputText, filename)
}
