// Builds what `npm start` serves: the TypeScript (unless --assets-only), the two brand
// stylesheets compiled from only the govuk-frontend components the portal uses, the
// enhancement JavaScript bundled by esbuild, and govuk-frontend's fonts and images. Every file name carries a
// content hash so browsers may cache it for a year; dist/public/manifest.json maps names.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import * as esbuild from 'esbuild'
import * as sass from 'sass'
import { optimize } from 'svgo'

const root = path.resolve(import.meta.dirname, '..')
const out = path.join(root, 'dist', 'public')
const frontend = path.join(root, 'node_modules', 'govuk-frontend', 'dist')
const assetsOnly = process.argv.includes('--assets-only')

const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 10)
const manifest = {}

function emit(logical, data) {
  const ext = path.extname(logical)
  const name = `${logical.slice(0, -ext.length)}-${hash(data)}${ext}`
  const file = path.join(out, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, data)
  manifest[logical] = name
  return name
}

function copyTree(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) copyTree(source, target)
    else {
      fs.mkdirSync(to, { recursive: true })
      fs.copyFileSync(source, target)
    }
  }
}

function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) precompress(file)
    else if (/\.(css|js|mjs|svg|json|ico)$/.test(entry.name)) {
      const data = fs.readFileSync(file)
      fs.writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
      fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
    }
  }
}

if (!assetsOnly) {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
}

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })

// Fonts and images already carry hashes or are tiny; they keep govuk-frontend's names so the
// compiled CSS can point at them.
copyTree(path.join(frontend, 'govuk', 'assets'), out)
// The footer crest is fetched on every first visit with the GOV.UK brand: svgo's default
// optimisations with coordinates to a tenth of a unit (invisible at its 125 × 102 CSS pixels;
// svgo carries the rounding error along relative paths so points do not drift) take it from
// ~12.7 to ~8 KB of Brotli.
const crest = path.join(out, 'images', 'govuk-crest.svg')
fs.writeFileSync(crest, optimize(fs.readFileSync(crest, 'utf8'), { floatPrecision: 1, multipass: true }).data)

for (const brand of ['govuk', 'organisation']) {
  const result = sass.compile(path.join(root, 'assets', 'scss', `${brand}.scss`), {
    loadPaths: [frontend, path.join(root, 'assets', 'scss')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  })
  emit(`css/${brand}.css`, result.css)
}

// The enhancement JavaScript is one module: assets/js/main.mjs with what it imports. esbuild
// follows the imports and, as govuk-frontend declares itself free of side effects, keeps only
// the components main.mjs names (the published bundle holds every component, ~10 KB of Brotli
// on a first visit, of which the portal uses a third). The syntax is lowered for the browsers
// that run module scripts, which is where govuk-frontend's own JavaScript runs.
const script = await esbuild.build({
  entryPoints: [path.join(root, 'assets', 'js', 'main.mjs')],
  bundle: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  target: 'es2017',
  write: false,
  logLevel: 'error',
})
emit('js/main.mjs', script.outputFiles[0].contents)

fs.writeFileSync(path.join(out, 'asset-manifest.json'), JSON.stringify(manifest, null, 2))
precompress(out)
console.log(`Built ${Object.keys(manifest).length} fingerprinted assets into dist/public`)
