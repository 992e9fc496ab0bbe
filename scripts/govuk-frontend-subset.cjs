// govuk-frontend's JavaScript with only the components the portal's scripts import. The
// published bundle holds every component (Accordion, Tabs, File upload…): ~10 KB of Brotli
// on every first visit, of which the portal uses a third. Its components are top-level
// classes with statics assigned after them; dropping the unused ones and letting the
// minifier remove what only they used leaves ~3.3 KB.
const acorn = require('acorn')
const UglifyJS = require('uglify-js')

/** The names imported from 'govuk-frontend' by these module sources. */
function importedNames(sources) {
  const names = new Set()
  for (const source of sources) {
    for (const node of acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' }).body) {
      if (node.type !== 'ImportDeclaration' || node.source.value !== 'govuk-frontend') continue
      for (const s of node.specifiers) {
        if (s.type !== 'ImportSpecifier') throw new Error("Import govuk-frontend's components by name")
        names.add(s.imported.name)
      }
    }
  }
  return names
}

/**
 * The bundle `source` (govuk-frontend.min.js) exporting only `keep`. Throws rather than
 * guess when the bundle is not shaped as expected, so a govuk-frontend upgrade cannot
 * silently ship a broken script.
 */
function subset(source, keep) {
  const code = source.replace(/\/\/# sourceMappingURL=.*\s*$/, '')
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' })
  const exported = ast.body.find((n) => n.type === 'ExportNamedDeclaration')
  if (!exported) throw new Error('govuk-frontend bundle has no export list')
  const local = new Map(exported.specifiers.map((s) => [s.exported.name, s.local.name]))
  for (const name of keep) if (!local.has(name)) throw new Error(`govuk-frontend exports no ${name}`)
  const classes = new Map(ast.body.filter((n) => n.type === 'ClassDeclaration').map((n) => [n.id.name, n]))
  // Components: exported classes with a moduleName (govuk-button…), not the base classes.
  const drop = new Set(
    [...local]
      .filter(([name, id]) => !keep.has(name) && classes.has(id) && code.includes(`${id}.moduleName=`))
      .map(([, id]) => id),
  )
  const isStatic = (e) =>
    e.type === 'AssignmentExpression' &&
    e.left.type === 'MemberExpression' &&
    e.left.object.type === 'Identifier' &&
    drop.has(e.left.object.name)
  const cuts = [[exported.start, exported.end]]
  for (const node of ast.body) {
    if (node.type === 'ClassDeclaration' && drop.has(node.id.name)) cuts.push([node.start, node.end])
    else if (node.type === 'ExpressionStatement') {
      const list = node.expression.type === 'SequenceExpression' ? node.expression.expressions : [node.expression]
      const statics = list.filter(isStatic).length
      if (statics === list.length) cuts.push([node.start, node.end])
      else if (statics > 0) throw new Error('govuk-frontend bundle mixes statics of dropped and kept code')
    }
  }
  let out = code
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end)
  out += `;export{${[...keep].map((name) => `${local.get(name)} as ${name}`).join(',')}};`
  const result = UglifyJS.minify(out, { module: true, toplevel: true, compress: { passes: 2 }, mangle: true })
  if (result.error) throw result.error
  return result.code
}

module.exports = { importedNames, subset }
